"""kerasfn.codegen.rdefaults: R keras3's default values, as its formals write them, in Python source
(``NULL`` -> ``None``, ``1L`` -> ``1``, ``c()`` -> a tuple, a ``match.arg()`` list -> its first choice,
R's 1-based axes and indices -> 0-based), ``None`` for what is not a literal; R argument names as
Python identifiers."""

from __future__ import annotations

import pytest

from kerasfn.codegen.rdefaults import python_default, python_name


@pytest.mark.parametrize(("r_default", "python"), [
    ("NULL", "None"), ("NA", "None"), ("TRUE", "True"), ("FALSE", "False"), ("Inf", "float('inf')"),
    ("1L", "1"), ("0.5", "0.5"), ("1e-07", "1e-07"), ('"auto"', "'auto'"),
    ("c(1L, 1L)", "(1, 1)"), ("c(2L)", "(2,)"), ("list()", "None"),
    ('c("auto", "ggplot2", "base")', "'auto'"),  # R's match.arg(): the first choice
    ('getOption("keras.verbose", default = "auto")', None), ("2L * units", None), (None, None),
])
def test_r_default_text_in_python(r_default: str | None, python: str | None) -> None:
    assert python_default(r_default) == python


@pytest.mark.parametrize(("r_default", "converter", "python"), [
    ("2L", "as_axis", "1"), ("-1L", "as_axis", "-1"), ("c(1L, 2L)", "as_index", "(0, 1)"),
    ("2L", "as_integer", "2"),
])
def test_axes_and_indices_count_from_zero(r_default: str, converter: str, python: str) -> None:
    assert python_default(r_default, converter) == python


def test_r_names_become_python_identifiers() -> None:
    assert [python_name(name) for name in ("from", "na.rm", "units")] == ["from_", "na_rm", "units"]
