"""kerasfn.base_r._format: doubles laid out as R's ``format()`` lays them out (significant digits, one
common fixed or scientific layout, ``nsmall``, ``scientific``), and values turned into strings as R's
``as.character()`` turns them. Expected values are R's output, without ``format()``'s padding."""

from __future__ import annotations

import numpy as np
import pytest

from kerasfn.base_r._format import as_character_values, format_real


@pytest.mark.parametrize(("values", "options", "expected"), [
    ([1.5, 10], {}, ["1.5", "10.0"]),  # format(c(1.5, 10)): one number of decimals for all
    ([1e5], {}, ["1e+05"]),  # format(1e5): scientific is narrower
    ([123456], {}, ["123456"]),  # format(123456): fixed is narrower
    ([1e4], {}, ["10000"]),  # format(1e4): fixed when both are as wide
    ([1e100], {}, ["1e+100"]),  # format(1e100): a three-digit exponent
    ([np.pi], {"digits": 3}, ["3.14"]),  # format(pi, digits = 3)
    ([2], {"nsmall": 2}, ["2.00"]),  # format(2, nsmall = 2)
    ([123], {"scientific": True}, ["1.23e+02"]),  # format(123, scientific = TRUE)
    ([-0.0], {}, ["0"]),  # format(-0)
    ([-1.5, float("nan"), float("inf")], {}, ["-1.5", "NA", "Inf"]),  # format(c(-1.5, NA, Inf))
])
def test_format_real_matches_r_format(values: list[float], options: dict, expected: list[str]) -> None:
    assert format_real(values, **options) == expected


def test_as_character_values_match_r_as_character() -> None:
    # as.character(c(1/3, 1e5, 1e15, 123456, 0.1)); as.character(c(TRUE, NA)); as.character(5L)
    assert as_character_values([1 / 3, 1e5, 1e15, 123456.0, 0.1]) == [
        "0.333333333333333", "1e+05", "1e+15", "123456", "0.1"]
    assert as_character_values([True, None, np.int64(5), "text"]) == ["TRUE", None, "5", "text"]
