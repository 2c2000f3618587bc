"""kerasfn.base_r._layout: vectors, named vectors, matrices and arrays laid out as R prints them at
its width of 80 characters (index prefixes, names above values, ``[1,]``/``[,1]`` labels, one slice
per ``, , k`` block), and strings quoted as R quotes them. Expected values are R's printed output."""

from __future__ import annotations

import numpy as np

from kerasfn.base_r._layout import (
    layout_array,
    layout_named,
    layout_vector,
    quote_string,
)


def test_a_long_vector_wraps_at_80_characters_with_right_aligned_indices() -> None:
    # print(1:30)
    assert layout_vector(np.arange(1, 31)) == (
        " [1]  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25\n"
        "[26] 26 27 28 29 30")


def test_strings_are_quoted_and_left_justified() -> None:
    # print(c("a", "bb")); print("a\"b\n")
    assert layout_vector(np.array(["a", "bb"], dtype=object)) == '[1] "a"  "bb"'
    assert quote_string('a"b\n') == r'"a\"b\n"'


def test_empty_vectors_name_their_type() -> None:
    # print(character(0)); print(numeric(0)); print(logical(0))
    assert layout_vector(np.array([], dtype=object)) == "character(0)"
    assert layout_vector(np.array([], dtype=float)) == "numeric(0)"
    assert layout_vector(np.array([], dtype=bool)) == "logical(0)"


def test_names_stand_above_their_values() -> None:
    # print(c(a = 1, bb = 2))
    assert layout_named(np.array([1.0, 2.0]), ["a", "bb"]) == " a bb \n 1  2 "


def test_an_array_prints_one_matrix_per_slice() -> None:
    # print(matrix(1:6, 2)); print(array(1:8, c(2, 2, 2)))
    assert layout_array(np.arange(1, 7).reshape(3, 2).T, True, 7) == (
        "     [,1] [,2] [,3]\n"
        "[1,]    1    3    5\n"
        "[2,]    2    4    6")
    r_order = np.arange(1, 9).reshape(2, 2, 2, order="F")
    assert layout_array(r_order, True, 7) == (
        ", , 1\n\n     [,1] [,2]\n[1,]    1    3\n[2,]    2    4\n\n"
        ", , 2\n\n     [,1] [,2]\n[1,]    5    7\n[2,]    6    8\n")
