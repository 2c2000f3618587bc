"""kerasfn.base_r.factors: ``factor()``, ``levels()``, ``table()``.

A case is (R expression, the Python port, what R printed): every expected value is what R 4 printed
for the R expression, run with ``Rscript``; the Python side prints the value with
:func:`kerasfn.base_r.print_` (or runs ``cat``), so a case checks the function and R's printed form
together."""

from __future__ import annotations

import numpy as np
import pytest

from kerasfn.base_r import factor, levels, nlevels, table

R_CASES = [
    ('table(c("a", "b", "a", "c", "a"))', lambda: table(["a", "b", "a", "c", "a"]),
     '\na b c \n3 1 1 '),
    ('table(c(3, 1, 3))', lambda: table([3.0, 1.0, 3.0]),
     '\n1 3 \n1 2 '),
    ('table(factor(c("x","y","x"), levels = c("y", "x", "z")))', lambda: table(factor(["x", "y", "x"], levels=["y", "x", "z"])),
     '\ny x z \n1 2 0 '),
    ('factor(c("b", "a", "b"))', lambda: factor(["b", "a", "b"]),
     '[1] b a b\nLevels: a b'),
    ('levels(factor(c("b", "a", "b")))', lambda: levels(factor(["b", "a", "b"])),
     '[1] "a" "b"'),
    ('nlevels(factor(c("b", "a", "b", "c")))', lambda: nlevels(factor(["b", "a", "b", "c"])),
     '[1] 3'),
    ('factor(c(3, 1, 3))', lambda: factor([3.0, 1.0, 3.0]),
     '[1] 3 1 3\nLevels: 1 3'),
    ('factor(c("lo", "hi"), levels = c("lo", "hi"))', lambda: factor(["lo", "hi"], levels=["lo", "hi"]),
     '[1] lo hi\nLevels: lo hi'),
    ('print(table(c(TRUE, FALSE, TRUE)))', lambda: table(np.array([True, False, True])),
     '\nFALSE  TRUE \n    1     2 '),
    ('print(factor(c("x", "y", "x"), levels = c("y", "x")))', lambda: factor(["x", "y", "x"], levels=["y", "x"]),
     '[1] x y x\nLevels: y x'),
]


@pytest.mark.parametrize(("r_expression", "port", "r_output"), R_CASES, ids=[c[0] for c in R_CASES])
def test_prints_what_r_prints(r_expression, port, r_output, printed_by_port):
    assert printed_by_port(r_expression, port) == r_output
