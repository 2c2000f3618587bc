"""kerasfn.base_r.conversions: ``as.character()``, ``as.integer()`` and kin, ``is.na()``,
``is.null()``, and ``as_py_array()``, R keras3's conversion of R data for Keras.

A case is (R expression, the Python port, what R printed): every expected value is what R 4 printed
for the R expression, run with ``Rscript``; the Python side prints the value with
:func:`kerasfn.base_r.print_` (or runs ``cat``), so a case checks the function and R's printed form
together."""

from __future__ import annotations

import numpy as np
import pytest

from kerasfn.base_r import (
    as_character,
    as_integer,
    as_logical,
    as_numeric,
    as_py_array,
    factor,
    is_na,
    is_null,
    is_numeric,
    setNames,
    switch,
)

R_CASES = [
    ('as.character(0.1 + 0.2)', lambda: as_character(0.1 + 0.2),
     '[1] "0.3"'),
    ('as.character(1/3)', lambda: as_character(1 / 3),
     '[1] "0.333333333333333"'),
    ('as.character(1e5)', lambda: as_character(1e5),
     '[1] "1e+05"'),
    ('as.character(123456)', lambda: as_character(123456.0),
     '[1] "123456"'),
    ('as.character(1e15)', lambda: as_character(1e15),
     '[1] "1e+15"'),
    ('as.character(1e-20)', lambda: as_character(1e-20),
     '[1] "1e-20"'),
    ('as.character(c(1.5, 2, NA))', lambda: as_character(np.array([1.5, 2.0, np.nan])),
     '[1] "1.5" "2"   NA   '),
    ('as.character(TRUE)', lambda: as_character(True),
     '[1] "TRUE"'),
    ('is.null(NULL)', lambda: is_null(None),
     '[1] TRUE'),
    ('is.null(list())', lambda: is_null([]),
     '[1] FALSE'),
    ('is.na(c(1, NA, 3))', lambda: is_na([1.0, np.nan, 3.0]),
     '[1] FALSE  TRUE FALSE'),
    ('as.numeric("3.14")', lambda: as_numeric("3.14"),
     '[1] 3.14'),
    ('as.integer(3.9)', lambda: as_integer(3.9),
     '[1] 3'),
    ('as.integer(-3.9)', lambda: as_integer(-3.9),
     '[1] -3'),
    ('as.integer("12")', lambda: as_integer("12"),
     '[1] 12'),
    ('as.integer(TRUE)', lambda: as_integer(True),
     '[1] 1'),
    ('as.logical(c(0, 1, 2))', lambda: as_logical([0.0, 1.0, 2.0]),
     '[1] FALSE  TRUE  TRUE'),
    ('as.character(123L)', lambda: as_character(123),
     '[1] "123"'),
    ('as.character(c(1.0, 2.5))', lambda: as_character([1.0, 2.5]),
     '[1] "1"   "2.5"'),
    ('is.numeric(1L)', lambda: is_numeric(1),
     '[1] TRUE'),
    ('is.numeric("1")', lambda: is_numeric("1"),
     '[1] FALSE'),
    ('is.numeric(TRUE)', lambda: is_numeric(True),
     '[1] FALSE'),
    ('as.integer(factor(c("b", "a", "b")))', lambda: as_integer(factor(["b", "a", "b"])),
     '[1] 2 1 2'),
    ('is.null(switch("z", a = 1))', lambda: is_null(switch("z", a=1.0)),
     '[1] TRUE'),
    ('as.character(123456.7)', lambda: as_character(123456.7),
     '[1] "123456.7"'),
    ('as.character(0.0001234)', lambda: as_character(0.0001234),
     '[1] "0.0001234"'),
    ('as.character(1e-4)', lambda: as_character(1e-4),
     '[1] "1e-04"'),
    ('as.character(100)', lambda: as_character(100.0),
     '[1] "100"'),
    ('print(is.na(c(a = 1, b = NA)))', lambda: is_na(setNames(np.array([1.0, np.nan]), ["a", "b"])),
     '    a     b \nFALSE  TRUE '),
    ('print(as.numeric(c(a = "1.5")))', lambda: as_numeric(setNames(np.array(["1.5"], dtype=object), ["a"])),
     '[1] 1.5'),
    ('print(as.integer(c(1.9, -0.5)))', lambda: as_integer([1.9, -0.5]),
     '[1] 1 0'),
]


@pytest.mark.parametrize(("r_expression", "port", "r_output"), R_CASES, ids=[c[0] for c in R_CASES])
def test_prints_what_r_prints(r_expression, port, r_output, printed_by_port):
    assert printed_by_port(r_expression, port) == r_output


def test_as_py_array_makes_r_data_what_r_keras3_hands_keras():
    # R keras3: as_py_array() is np_array(x, dtype = if (is.double(x)) config_floatx()); reticulate's
    # np_array(5, dtype = "float32")$shape is (1,), np_array(c(1L, 2L))$dtype int32
    assert as_py_array(np.array([[0.0, 1.0]]), "float32").dtype == np.float32
    assert as_py_array(np.array([1, 2]), "float32").dtype == np.int32
    assert as_py_array(5.0, "float32").shape == (1,) and as_py_array(5.0, "float32").dtype == np.float32
    assert as_py_array(None, "float32") is None
