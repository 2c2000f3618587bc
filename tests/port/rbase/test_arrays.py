"""kerasfn.port.rbase.arrays: ``array()`` and ``matrix()`` fill column-major as R,
reticulate's ``array_reshape()`` row-major, ``as.integer()`` of a value the translation cannot see.

Expected Python follows the README's porting rules; a value checked is what R with R keras3 printed for the R code,
quoted beside the assertion."""

from __future__ import annotations

import numpy as np


def test_array_and_matrix_fill_column_major_as_r(run):
    ns = run("a <- array(1:24, dim = c(2, 3, 4))\nb <- a[2, 1, 3]\nm <- matrix(1:6, nrow = 2)\n"
             "r <- matrix(1:6, ncol = 3, byrow = TRUE)\nz <- array(0, dim = c(2, 2))")
    assert ns["b"] == 14  # R: array(1:24, dim = c(2, 3, 4))[2, 1, 3] is 14
    assert ns["m"].tolist() == [[1, 3, 5], [2, 4, 6]]  # R prints rows 1 3 5 / 2 4 6
    assert ns["r"].tolist() == [[1, 2, 3], [4, 5, 6]]
    assert ns["z"].dtype == np.float64  # R's 0 is a double


def test_array_reshape_fills_row_major_as_reticulate(run):
    # reticulate: array_reshape(1:6, c(2, 3)) is rows 1 2 3 / 4 5 6
    assert run("a <- array_reshape(1:6, c(2, 3))")["a"].tolist() == [[1, 2, 3], [4, 5, 6]]


def test_as_integer_of_a_value_the_translation_cannot_see_is_r_s(body, run):
    assert body("n <- as.integer(op_max(x) + 3)").endswith("\nn = as_integer(op_max(x) + 3)")
    assert body("v <- as.numeric(c(1, 2))").startswith("v = np.asarray(")
    assert run("library(keras3)\nn <- as.integer(op_max(c(1, 4)) + 3)\n")["n"] == 7  # R: [1] 7, one integer
