"""kerasfn.base_r as a package: its ``__all__`` a literal list, nothing exported by kerasfn and
nothing changed by importing it, each export's docstring an R help page whose examples run, and bad input
named in the error."""

from __future__ import annotations

import ast
import doctest
import importlib
import inspect
import os
import pathlib
import subprocess
import sys

import numpy as np
import pytest

import kerasfn.base_r
from kerasfn.base_r import (
    apply,
    data_frame,
    gsub,
    matrix,
    numeric,
    outer,
    set_seed,
    setNames,
    sprintf,
    sum_,
)


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="length"):
        numeric(-1)
    with pytest.raises(ValueError, match="MARGIN"):
        apply(matrix(np.arange(1, 7), 2), 3, sum_)
    with pytest.raises(ValueError, match="FUN"):
        outer([1, 2], [3], "??")
    with pytest.raises(TypeError, match="pattern"):
        gsub(3, "x", "abc")
    with pytest.raises(ValueError, match="nm"):
        setNames(np.array([1, 2]), ["a"])
    with pytest.raises(ValueError, match="differing number of rows"):
        data_frame(a=[1, 2, 3], b=[1, 2])
    with pytest.raises(ValueError, match="invalid format"):
        sprintf("%d", 1.5)  # R: invalid format '%d'; use format %f, %e, %g or %a for numeric objects
    with pytest.raises(TypeError, match="seed"):
        set_seed("x")


def test_all_is_a_literal_list_of_names():
    """The translator reads ``__all__`` without importing kerasfn.base_r."""
    tree = ast.parse(pathlib.Path(kerasfn.base_r.__file__).read_text())
    (assignment,) = [node for node in tree.body if isinstance(node, ast.Assign)
                     and any(getattr(t, "id", None) == "__all__" for t in node.targets)]
    names = ast.literal_eval(assignment.value)
    assert names == kerasfn.base_r.__all__ and all(hasattr(kerasfn.base_r, n) for n in names)


def test_not_exported_by_kerasfn_and_import_changes_nothing():
    import kerasfn

    assert not set(kerasfn.base_r.__all__) & set(kerasfn.__all__)
    script = (
        "import os, sys, warnings, numpy as np; import kerasfn\n"
        "before = (np.get_printoptions(), list(warnings.filters), dict(os.environ), sys.displayhook, "
        "np.random.get_state()[1].tolist())\n"
        "import kerasfn.base_r\n"
        "after = (np.get_printoptions(), list(warnings.filters), dict(os.environ), sys.displayhook, "
        "np.random.get_state()[1].tolist())\n"
        "assert before == after\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})


@pytest.mark.parametrize("name", kerasfn.base_r.__all__)
def test_docstring_is_an_r_help_page(name):
    from kerasfn.docs.docstring import REQUIRED_SECTIONS, parse

    obj = getattr(kerasfn.base_r, name)
    page = parse(obj)
    assert page.title and not page.title.endswith(".")
    missing = [s for s in REQUIRED_SECTIONS if s != "Arguments" and not page.sections.get(s, "").strip()]
    assert not missing, f"{name} lacks {missing}"
    assert ">>>" in page.sections["Examples"]
    if not inspect.isclass(obj):
        documented = {item.lstrip("*") for item, _ in page.items("Arguments")}
        undocumented = [p for p in inspect.signature(obj).parameters if p not in documented]
        assert not undocumented, f"{name}: {undocumented} have no entry under Arguments"


_MODULES = [path.stem for path in pathlib.Path(kerasfn.base_r.__file__).parent.glob("*.py") if path.stem != "__init__"]


_DOCTESTS = [test for name in sorted(_MODULES)
             for test in doctest.DocTestFinder().find(importlib.import_module(f"kerasfn.base_r.{name}")) if test.examples]


@pytest.mark.parametrize("test", _DOCTESTS, ids=[t.name for t in _DOCTESTS])
def test_examples_run(test):
    test.globs.setdefault("np", np)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0
