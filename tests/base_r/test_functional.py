"""kerasfn.base_r.functional: ``lapply()`` and kin, ``Reduce()``, ``Filter()``, ``Map()``,
``tapply()``, ``ifelse()``, ``switch()``, ``do.call()``.

A case is (R expression, the Python port, what R printed): every expected value is what R 4 printed
for the R expression, run with ``Rscript``; the Python side prints the value with
:func:`kerasfn.base_r.print_` (or runs ``cat``), so a case checks the function and R's printed form
together."""

from __future__ import annotations

import operator

import numpy as np
import pytest

from kerasfn.base_r import (
    Filter,
    Map,
    Reduce,
    do_call,
    factor,
    ifelse,
    integer,
    is_null,
    lapply,
    length,
    mean,
    nchar,
    numeric,
    paste0,
    rbind,
    sapply,
    setNames,
    sum_,
    switch,
    tapply,
    toupper,
    vapply,
)

R_CASES = [
    ('ifelse(c(1, -1, 0) > 0, "pos", "non")', lambda: ifelse(np.array([1.0, -1.0, 0.0]) > 0, "pos", "non"),
     '[1] "pos" "non" "non"'),
    ('ifelse(c(TRUE, FALSE, NA), 1, 2)', lambda: ifelse([True, False, None], 1.0, 2.0),
     '[1]  1  2 NA'),
    ('tapply(c(1, 2, 3, 4), c("a", "b", "a", "b"), sum)', lambda: tapply([1.0, 2.0, 3.0, 4.0], ["a", "b", "a", "b"], sum_),
     'a b \n4 6 '),
    ('tapply(c(10, 20, 30), c(2, 1, 2), mean)', lambda: tapply([10.0, 20.0, 30.0], [2.0, 1.0, 2.0], mean),
     ' 1  2 \n20 20 '),
    ('Reduce(`+`, 1:4)', lambda: Reduce(operator.add, np.arange(1, 5)),
     '[1] 10'),
    ('Reduce(`+`, 1:4, accumulate = TRUE)', lambda: Reduce(operator.add, np.arange(1, 5), accumulate=True),
     '[1]  1  3  6 10'),
    ('Reduce(function(a, b) paste0(a, b), c("x", "y", "z"), accumulate = TRUE)', lambda: Reduce(lambda a, b: paste0(a, b), ["x", "y", "z"], accumulate=True),
     '[1] "x"   "xy"  "xyz"'),
    ('Reduce(`+`, 1:3, 100)', lambda: Reduce(operator.add, np.arange(1, 4), 100.0),
     '[1] 106'),
    ('Reduce(`+`, list(), 0)', lambda: Reduce(operator.add, [], 0.0),
     '[1] 0'),
    ('Reduce(`+`, list())', lambda: Reduce(operator.add, []),
     'NULL'),
    ('Reduce(function(a, b) a * 10 + b, 1:3, right = TRUE)', lambda: Reduce(lambda a, b: a * 10 + b, np.arange(1, 4), right=True),
     '[1] 33'),
    ('Filter(function(x) x > 2, c(1, 5, 2, 7))', lambda: Filter(lambda x: x > 2, np.array([1.0, 5.0, 2.0, 7.0])),
     '[1] 5 7'),
    ('Filter(function(x) x > 2, list(a = 1, b = 5))', lambda: Filter(lambda x: x > 2, {"a": 1.0, "b": 5.0}),
     '$b\n[1] 5'),
    ('Map(function(x, y) x + y, 1:2, 3:4)', lambda: Map(lambda x, y: x + y, np.arange(1, 3), np.arange(3, 5)),
     '[[1]]\n[1] 4\n\n[[2]]\n[1] 6'),
    ('Map(function(x, y) x + y, c(a = 1, b = 2), 3:4)', lambda: Map(lambda x, y: x + y, setNames(np.array([1.0, 2.0]), ["a", "b"]), np.arange(3, 5)),
     '$a\n[1] 4\n\n$b\n[1] 6'),
    ('lapply(1:2, function(i) i * 2)', lambda: lapply(np.arange(1, 3), lambda i: i * 2),
     '[[1]]\n[1] 2\n\n[[2]]\n[1] 4'),
    ('sapply(1:3, function(i) i^2)', lambda: sapply(np.arange(1, 4), lambda i: i ** 2),
     '[1] 1 4 9'),
    ('sapply(c(a = 1, b = 2), function(v) v * 10)', lambda: sapply(setNames(np.array([1.0, 2.0]), ["a", "b"]), lambda v: v * 10),
     ' a  b \n10 20 '),
    ('sapply(c("x", "y"), toupper)', lambda: sapply(["x", "y"], toupper),
     '  x   y \n"X" "Y" '),
    ('sapply(1:2, function(i) c(i, i * 10))', lambda: sapply(np.arange(1, 3), lambda i: np.array([i, i * 10])),
     '     [,1] [,2]\n[1,]    1    2\n[2,]   10   20'),
    ('sapply(list(), length)', lambda: sapply([], length),
     'list()'),
    ('vapply(1:3, function(i) i * 2, numeric(1))', lambda: vapply(np.arange(1, 4), lambda i: i * 2.0, numeric(1)),
     '[1] 2 4 6'),
    ('vapply(c("a", "bb"), nchar, integer(1))', lambda: vapply(["a", "bb"], nchar, integer(1)),
     ' a bb \n 1  2 '),
    ('do.call(rbind, list(1:2, 3:4))', lambda: do_call(rbind, [np.arange(1, 3), np.arange(3, 5)]),
     '     [,1] [,2]\n[1,]    1    2\n[2,]    3    4'),
    ('do.call("sum", list(1, 2, 3))', lambda: do_call("sum", [1.0, 2.0, 3.0]),
     '[1] 6'),
    ('switch("b", a = "A", b = "B", "other")', lambda: switch("b", "other", a="A", b="B"),
     '[1] "B"'),
    ('switch("z", a = "A", b = "B", "other")', lambda: switch("z", "other", a="A", b="B"),
     '[1] "other"'),
    ('switch(2, "x", "y", "z")', lambda: switch(2, "x", "y", "z"),
     '[1] "y"'),
    ('print(sapply(c("a", "bb"), nchar))', lambda: sapply(np.array(["a", "bb"], dtype=object), nchar),
     ' a bb \n 1  2 '),
    ('print(Map(function(x) toupper(x), c("a", "b")))', lambda: Map(lambda x: toupper(x), np.array(["a", "b"], dtype=object)),
     '$a\n[1] "A"\n\n$b\n[1] "B"'),
    ('print(ifelse(c(a = 1, b = -1) > 0, "p", "n"))', lambda: ifelse(setNames(np.array([1.0, -1.0]), ["a", "b"]) > 0, "p", "n"),
     '  a   b \n"p" "n" '),
    ('print(vapply(list(a = 1:3, b = 4:6), function(v) sum(v) / 2, numeric(1)))', lambda: vapply({"a": np.arange(1, 4), "b": np.arange(4, 7)}, lambda v: sum_(v) / 2, numeric(1)),
     '  a   b \n3.0 7.5 '),
    ('print(tapply(c(1, 2, 3), factor(c("u", "v", "u"), levels = c("v", "u")), sum))', lambda: tapply([1.0, 2.0, 3.0], factor(["u", "v", "u"], levels=["v", "u"]), sum_),
     'v u \n2 4 '),
    ('print(Reduce(function(a, b) a * b, 1:5, accumulate = TRUE))', lambda: Reduce(lambda a, b: a * b, np.arange(1, 6), accumulate=True),
     '[1]   1   2   6  24 120'),
    ('print(Filter(Negate(is.null), list(1, NULL, 2)))', lambda: Filter(lambda v: not is_null(v), [1.0, None, 2.0]),
     '[[1]]\n[1] 1\n\n[[2]]\n[1] 2'),
]


@pytest.mark.parametrize(("r_expression", "port", "r_output"), R_CASES, ids=[c[0] for c in R_CASES])
def test_prints_what_r_prints(r_expression, port, r_output, printed_by_port):
    assert printed_by_port(r_expression, port) == r_output
