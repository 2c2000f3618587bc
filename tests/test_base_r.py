"""kerasfn.base_r: R's base functions for ported scripts, checked against R.

Every expected value below is what R 4 printed for the R expression beside it
(the first item of each case), run with ``Rscript``; the Python side prints the
value with :func:`kerasfn.base_r.print_` (or runs ``cat``), so a case checks the
function and R's printed form together.  Cases whose R expression ends in
``- 1`` are R's positions shifted to the 0-based positions kerasfn returns.
"""

import ast
import contextlib
import doctest
import importlib
import inspect
import io
import math
import operator
import os
import pathlib
import subprocess
import sys
import warnings

import numpy as np
import pytest

import kerasfn.base_r
from kerasfn.base_r import *  # noqa: F403 - the module under test, as ported scripts import it

# (R expression, the Python port, what R printed)
R_CASES = [
    ('cat(c(2L, 3L), "\\n")', lambda: cat(np.array([2, 3]), "\n"),
     '2 3 '),
    ('cat(round(c(0.12345, 2), 2), "\\n")', lambda: cat(round_(np.array([0.12345, 2.0]), 2), "\n"),
     '0.12 2 '),
    ('cat("a", "b", sep = "")', lambda: cat("a", "b", sep=""),
     'ab'),
    ('cat("x\\n", "y\\n")', lambda: cat("x\n", "y\n"),
     'x\n y'),
    ('cat(c(1, 2, 3), sep = ", ")', lambda: cat(np.array([1.0, 2.0, 3.0]), sep=", "),
     '1, 2, 3'),
    ('print(c(0.12, 2))', lambda: np.array([0.12, 2.0]),
     '[1] 0.12 2.00'),
    ('print(1:30)', lambda: np.arange(1, 31),
     ' [1]  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25\n[26] 26 27 28 29 30'),
    ('print(c(1.5, NA, 3))', lambda: np.array([1.5, np.nan, 3.0]),
     '[1] 1.5  NA 3.0'),
    ('print(c(a = 1, b = 2.5, cc = 3))', lambda: setNames(np.array([1.0, 2.5, 3.0]), ["a", "b", "cc"]),
     '  a   b  cc \n1.0 2.5 3.0 '),
    ('print(c("a", "bb", NA))', lambda: np.array(["a", "bb", None], dtype=object),
     '[1] "a"  "bb" NA  '),
    ('print(1e5)', lambda: 1e5,
     '[1] 1e+05'),
    ('print(c(1e-10, 1))', lambda: np.array([1e-10, 1.0]),
     '[1] 1e-10 1e+00'),
    ('print(c(123456, 0.1))', lambda: np.array([123456.0, 0.1]),
     '[1] 123456.0      0.1'),
    ('print(c(1e10, 1))', lambda: np.array([1e10, 1.0]),
     '[1] 1e+10 1e+00'),
    ('print(seq(0, 1, by = 0.1))', lambda: seq(0.0, 1.0, by=0.1),
     ' [1] 0.0 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1.0'),
    ('print(list(a = 1, b = "x"))', lambda: {"a": 1.0, "b": "x"},
     '$a\n[1] 1\n\n$b\n[1] "x"'),
    ('print(list(1, "x"))', lambda: [1.0, "x"],
     '[[1]]\n[1] 1\n\n[[2]]\n[1] "x"'),
    ('print(matrix(1:6, 2))', lambda: matrix(np.arange(1, 7), 2),
     '     [,1] [,2] [,3]\n[1,]    1    3    5\n[2,]    2    4    6'),
    ('print(matrix(c(1.5, 2, 3, 4), 2))', lambda: matrix([1.5, 2.0, 3.0, 4.0], 2),
     '     [,1] [,2]\n[1,]  1.5    3\n[2,]  2.0    4'),
    ('print(NULL)', lambda: None,
     'NULL'),
    ('print(character(0))', lambda: character(0),
     'character(0)'),
    ('print(numeric(0))', lambda: numeric(0),
     'numeric(0)'),
    ('print(integer(0))', lambda: integer(0),
     'integer(0)'),
    ('print(3.14159265)', lambda: 3.14159265,
     '[1] 3.141593'),
    ('print(-1.5)', lambda: -1.5,
     '[1] -1.5'),
    ('print(c(-1, 10.25))', lambda: np.array([-1.0, 10.25]),
     '[1] -1.00 10.25'),
    ('print(pi * 1e6)', lambda: np.pi * 1e6,
     '[1] 3141593'),
    ('print(100000L)', lambda: 100000,
     '[1] 100000'),
    ('print(123456789)', lambda: 123456789.0,
     '[1] 123456789'),
    ('print(1234567890123)', lambda: 1234567890123.0,
     '[1] 1.234568e+12'),
    ('print(0.1 + 0.2)', lambda: 0.1 + 0.2,
     '[1] 0.3'),
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
    ('paste(1/3, 2L, TRUE, "a")', lambda: paste(1 / 3, 2, True, "a"),
     '[1] "0.333333333333333 2 TRUE a"'),
    ('paste("a", 1:3, sep = "_")', lambda: paste("a", np.arange(1, 4), sep="_"),
     '[1] "a_1" "a_2" "a_3"'),
    ('paste(c("a", "b"), collapse = "+")', lambda: paste(["a", "b"], collapse="+"),
     '[1] "a+b"'),
    ('paste0("x", 1:2, c("a", "b", "c"))', lambda: paste0("x", np.arange(1, 3), ["a", "b", "c"]),
     '[1] "x1a" "x2b" "x1c"'),
    ('paste(character(0), collapse = "")', lambda: paste(character(0), collapse=""),
     '[1] ""'),
    ('paste("a", NULL, "b")', lambda: paste("a", None, "b"),
     '[1] "a  b"'),
    ('sprintf("%d items", 3L)', lambda: sprintf("%d items", 3),
     '[1] "3 items"'),
    ('sprintf("%.2f", c(1.234, 5.678))', lambda: sprintf("%.2f", [1.234, 5.678]),
     '[1] "1.23" "5.68"'),
    ('sprintf("%s is %f", "pi", pi)', lambda: sprintf("%s is %f", "pi", np.pi),
     '[1] "pi is 3.141593"'),
    ('sprintf("%5.1f%%", 45.25)', lambda: sprintf("%5.1f%%", 45.25),
     '[1] " 45.2%"'),
    ('sprintf("%s", 1.5)', lambda: sprintf("%s", 1.5),
     '[1] "1.5"'),
    ('sprintf("%s", list(1, 2))', lambda: sprintf("%s", [1.0, 2.0]),
     '[1] "1" "2"'),
    ('sprintf("%03d", 7L)', lambda: sprintf("%03d", 7),
     '[1] "007"'),
    ('sprintf("%e", 12345.6789)', lambda: sprintf("%e", 12345.6789),
     '[1] "1.234568e+04"'),
    ('sprintf("%g", 1e-5)', lambda: sprintf("%g", 1e-5),
     '[1] "1e-05"'),
    ('sprintf("%s", 1e6)', lambda: sprintf("%s", 1e6),
     '[1] "1e+06"'),
    ('sprintf("%d", 3)', lambda: sprintf("%d", 3.0),
     '[1] "3"'),
    ('sprintf("%x", 255L)', lambda: sprintf("%x", 255),
     '[1] "ff"'),
    ('sprintf("%10s|", "ab")', lambda: sprintf("%10s|", "ab"),
     '[1] "        ab|"'),
    ('sprintf("%-10s|", "ab")', lambda: sprintf("%-10s|", "ab"),
     '[1] "ab        |"'),
    ('sprintf("%i", 42L)', lambda: sprintf("%i", 42),
     '[1] "42"'),
    ('sprintf("%.3s", "abcdef")', lambda: sprintf("%.3s", "abcdef"),
     '[1] "abc"'),
    ('sprintf("%+.1e", -3.14159)', lambda: sprintf("%+.1e", -3.14159),
     '[1] "-3.1e+00"'),
    ('sprintf("%5s %s", c("a","b"), "z")', lambda: sprintf("%5s %s", ["a", "b"], "z"),
     '[1] "    a z" "    b z"'),
    ('format(3.14159, nsmall = 2)', lambda: format(3.14159, nsmall=2),
     '[1] "3.14159"'),
    ('format(c(1, 10, 100))', lambda: format(np.array([1.0, 10.0, 100.0])),
     '[1] "  1" " 10" "100"'),
    ('format(1234567.891, big.mark = ",")', lambda: format(1234567.891, big_mark=","),
     '[1] "1,234,568"'),
    ('format(0.000012345)', lambda: format(0.000012345),
     '[1] "1.2345e-05"'),
    ('format(TRUE)', lambda: format(True),
     '[1] "TRUE"'),
    ('format("a", width = 5)', lambda: format("a", width=5),
     '[1] "a    "'),
    ('format(2, nsmall = 2)', lambda: format(2.0, nsmall=2),
     '[1] "2.00"'),
    ('format(1/3, digits = 3)', lambda: format(1 / 3, digits=3),
     '[1] "0.333"'),
    ('format(c(a = 1.5, b = 2))', lambda: format(setNames(np.array([1.5, 2.0]), ["a", "b"])),
     '    a     b \n"1.5" "2.0" '),
    ('format(1e-20)', lambda: format(1e-20),
     '[1] "1e-20"'),
    ('format(123.456, nsmall = 1)', lambda: format(123.456, nsmall=1),
     '[1] "123.456"'),
    ('format(-1)', lambda: format(-1.0),
     '[1] "-1"'),
    ('format(NA)', lambda: format(np.nan),
     '[1] "NA"'),
    ('format(c(0.001, 0.0001))', lambda: format(np.array([0.001, 0.0001])),
     '[1] "1e-03" "1e-04"'),
    ('format(1e5, scientific = FALSE)', lambda: format(1e5, scientific=False),
     '[1] "100000"'),
    ('format(123456, scientific = TRUE)', lambda: format(123456.0, scientific=True),
     '[1] "1.23456e+05"'),
    ('formatC(3.14159, digits = 3, format = "f")', lambda: formatC(3.14159, digits=3, format="f"),
     '[1] "3.142"'),
    ('formatC(42, width = 8, flag = "0")', lambda: formatC(42.0, width=8, flag="0"),
     '[1] "00000042"'),
    ('formatC(c(1, 10, 100), width = 5)', lambda: formatC(np.array([1.0, 10.0, 100.0]), width=5),
     '[1] "    1" "   10" "  100"'),
    ('formatC(3.14159, width = 10, format = "e", digits = 2)', lambda: formatC(3.14159, width=10, format="e", digits=2),
     '[1] "  3.14e+00"'),
    ('formatC(0.000123, format = "g")', lambda: formatC(0.000123, format="g"),
     '[1] "0.000123"'),
    ('formatC(123456789, big.mark = ",", format = "d")', lambda: formatC(123456789.0, big_mark=",", format="d"),
     '[1] "123,456,789"'),
    ('formatC("a", width = 5)', lambda: formatC("a", width=5),
     '[1] "    a"'),
    ('formatC("a", width = -5)', lambda: formatC("a", width=-5),
     '[1] "a    "'),
    ('formatC(1.5, format = "d")', lambda: formatC(1.5, format="d"),
     '[1] "1"'),
    ('formatC(c(1.5, 2.25), digits = 1, format = "f")', lambda: formatC([1.5, 2.25], digits=1, format="f"),
     '[1] "1.5" "2.2"'),
    ('formatC(3.14159)', lambda: formatC(3.14159),
     '[1] "3.142"'),
    ('formatC(42L)', lambda: formatC(42),
     '[1] "42"'),
    ('round(2.5)', lambda: round_(2.5),
     '[1] 2'),
    ('round(0.5)', lambda: round_(0.5),
     '[1] 0'),
    ('round(-2.5)', lambda: round_(-2.5),
     '[1] -2'),
    ('round(c(0.125, 0.135), 2)', lambda: round_(np.array([0.125, 0.135]), 2),
     '[1] 0.12 0.14'),
    ('round(2.675, 2)', lambda: round_(2.675, 2),
     '[1] 2.67'),
    ('round(1234.5678, -2)', lambda: round_(1234.5678, -2),
     '[1] 1200'),
    ('round(0.15, 1)', lambda: round_(0.15, 1),
     '[1] 0.1'),
    ('round(0.25, 1)', lambda: round_(0.25, 1),
     '[1] 0.2'),
    ('round(0.35, 1)', lambda: round_(0.35, 1),
     '[1] 0.3'),
    ('round(1.005, 2)', lambda: round_(1.005, 2),
     '[1] 1'),
    ('round(5.5)', lambda: round_(5.5),
     '[1] 6'),
    ('round(6.5)', lambda: round_(6.5),
     '[1] 6'),
    ('round(-0.5)', lambda: round_(-0.5),
     '[1] 0'),
    ('round(-1.5)', lambda: round_(-1.5),
     '[1] -2'),
    ('round(c(1.25, 1.35), 1)', lambda: round_(np.array([1.25, 1.35]), 1),
     '[1] 1.2 1.4'),
    ('round(123.456, 1)', lambda: round_(123.456, 1),
     '[1] 123.5'),
    ('signif(123456, 2)', lambda: signif(123456.0, 2),
     '[1] 120000'),
    ('signif(0.00012345, 3)', lambda: signif(0.00012345, 3),
     '[1] 0.000123'),
    ('signif(2.5, 1)', lambda: signif(2.5, 1),
     '[1] 2'),
    ('signif(-1.55, 2)', lambda: signif(-1.55, 2),
     '[1] -1.6'),
    ('signif(123.456, 5)', lambda: signif(123.456, 5),
     '[1] 123.46'),
    ('seq(1, 10, by = 2)', lambda: seq(1.0, 10.0, by=2.0),
     '[1] 1 3 5 7 9'),
    ('seq(0, 1, length.out = 5)', lambda: seq(0.0, 1.0, length_out=5),
     '[1] 0.00 0.25 0.50 0.75 1.00'),
    ('seq(5)', lambda: seq(5.0),
     '[1] 1 2 3 4 5'),
    ('seq(2, 8)', lambda: seq(2.0, 8.0),
     '[1] 2 3 4 5 6 7 8'),
    ('seq(10, 1)', lambda: seq(10.0, 1.0),
     ' [1] 10  9  8  7  6  5  4  3  2  1'),
    ('seq(1, 2, by = 0.25)', lambda: seq(1.0, 2.0, by=0.25),
     '[1] 1.00 1.25 1.50 1.75 2.00'),
    ('seq(10, 1, by = -3)', lambda: seq(10.0, 1.0, by=-3.0),
     '[1] 10  7  4  1'),
    ('seq_len(0)', lambda: seq_len(0),
     'integer(0)'),
    ('seq_len(3)', lambda: seq_len(3),
     '[1] 1 2 3'),
    ('seq_along(c("a", "b", "c"))', lambda: seq_along(["a", "b", "c"]),
     '[1] 1 2 3'),
    ('seq(1, 10, length.out = 4)', lambda: seq(1.0, 10.0, length_out=4),
     '[1]  1  4  7 10'),
    ('seq(0, 100, by = 10)', lambda: seq(0.0, 100.0, by=10.0),
     ' [1]   0  10  20  30  40  50  60  70  80  90 100'),
    ('class(seq(1, 10, by = 2))', lambda: class_(seq(1.0, 10.0, by=2.0)),
     '[1] "numeric"'),
    ('class(seq(1L, 10L, by = 2L))', lambda: class_(seq(1, 10, by=2)),
     '[1] "integer"'),
    ('class(seq(2, 8))', lambda: class_(seq(2.0, 8.0)),
     '[1] "integer"'),
    ('class(seq(1, 10, length.out = 4))', lambda: class_(seq(1.0, 10.0, length_out=4)),
     '[1] "numeric"'),
    ('class(seq(5))', lambda: class_(seq(5.0)),
     '[1] "integer"'),
    ('class(seq(1.5, 3))', lambda: class_(seq(1.5, 3.0)),
     '[1] "numeric"'),
    ('seq(1.5, 3)', lambda: seq(1.5, 3.0),
     '[1] 1.5 2.5'),
    ('seq(length.out = 3)', lambda: seq(length_out=3),
     '[1] 1 2 3'),
    ('seq(1, by = 2, length.out = 4)', lambda: seq(1.0, by=2.0, length_out=4),
     '[1] 1 3 5 7'),
    ('seq(to = 10, by = 2, length.out = 3)', lambda: seq(to=10.0, by=2.0, length_out=3),
     '[1]  6  8 10'),
    ('rep(1:2, times = 3)', lambda: rep(np.arange(1, 3), times=3),
     '[1] 1 2 1 2 1 2'),
    ('rep(1:2, each = 2)', lambda: rep(np.arange(1, 3), each=2),
     '[1] 1 1 2 2'),
    ('rep(c("a", "b"), times = c(2, 3))', lambda: rep(np.array(["a", "b"], dtype=object), times=[2, 3]),
     '[1] "a" "a" "b" "b" "b"'),
    ('rep(1:3, length.out = 7)', lambda: rep(np.arange(1, 4), length_out=7),
     '[1] 1 2 3 1 2 3 1'),
    ('rep(1:2, each = 2, times = 2)', lambda: rep(np.arange(1, 3), each=2, times=2),
     '[1] 1 1 2 2 1 1 2 2'),
    ('rev(1:5)', lambda: rev(np.arange(1, 6)),
     '[1] 5 4 3 2 1'),
    ('rev(list(1, "a"))', lambda: rev([1.0, "a"]),
     '[[1]]\n[1] "a"\n\n[[2]]\n[1] 1'),
    ('which(c(FALSE, TRUE, TRUE)) - 1', lambda: which([False, True, True]),
     '[1] 1 2'),
    ('which.max(c(3, 7, 7, 1)) - 1', lambda: which_max([3.0, 7.0, 7.0, 1.0]),
     '[1] 1'),
    ('which.min(c(3, 1, 1, 9)) - 1', lambda: which_min([3.0, 1.0, 1.0, 9.0]),
     '[1] 1'),
    ('sort(c(3, 1, 2))', lambda: sort([3.0, 1.0, 2.0]),
     '[1] 1 2 3'),
    ('sort(c(3, 1, 2), decreasing = TRUE)', lambda: sort([3.0, 1.0, 2.0], decreasing=True),
     '[1] 3 2 1'),
    ('sort(c("b", "A", "a", "B"))', lambda: sort(["b", "A", "a", "B"]),
     '[1] "a" "A" "b" "B"'),
    ('sort(c(3, NA, 1))', lambda: sort([3.0, np.nan, 1.0]),
     '[1] 1 3'),
    ('order(c(3, 1, 2)) - 1', lambda: order([3.0, 1.0, 2.0]),
     '[1] 1 2 0'),
    ('order(c(3, 1, 3, 2), decreasing = TRUE) - 1', lambda: order([3.0, 1.0, 3.0, 2.0], decreasing=True),
     '[1] 0 2 3 1'),
    ('order(c("b", "a", "c")) - 1', lambda: order(["b", "a", "c"]),
     '[1] 1 0 2'),
    ('order(c(2, 1, 2), c(3, 2, 1)) - 1', lambda: order([2.0, 1.0, 2.0], [3.0, 2.0, 1.0]),
     '[1] 1 2 0'),
    ('table(c("a", "b", "a", "c", "a"))', lambda: table(["a", "b", "a", "c", "a"]),
     '\na b c \n3 1 1 '),
    ('table(c(3, 1, 3))', lambda: table([3.0, 1.0, 3.0]),
     '\n1 3 \n1 2 '),
    ('names(table(c(3, 1, 3)))', lambda: names(table([3.0, 1.0, 3.0])),
     '[1] "1" "3"'),
    ('table(factor(c("x","y","x"), levels = c("y", "x", "z")))', lambda: table(factor(["x", "y", "x"], levels=["y", "x", "z"])),
     '\ny x z \n1 2 0 '),
    ('unlist(list(a = 1, b = 2))', lambda: unlist({"a": 1.0, "b": 2.0}),
     'a b \n1 2 '),
    ('unlist(list(a = 1:2, b = 3))', lambda: unlist({"a": np.arange(1, 3), "b": 3.0}),
     'a1 a2  b \n 1  2  3 '),
    ('unlist(list(1, 2L, 3))', lambda: unlist([1.0, 2, 3.0]),
     '[1] 1 2 3'),
    ('unlist(list(1, "a", TRUE))', lambda: unlist([1.0, "a", True]),
     '[1] "1"    "a"    "TRUE"'),
    ('unlist(list(a = list(b = 1, c = 2), d = 3))', lambda: unlist({"a": {"b": 1.0, "c": 2.0}, "d": 3.0}),
     'a.b a.c   d \n  1   2   3 '),
    ('unlist(list(a = c(x = 1, y = 2), b = 3))', lambda: unlist({"a": setNames(np.array([1.0, 2.0]), ["x", "y"]), "b": 3.0}),
     'a.x a.y   b \n  1   2   3 '),
    ('cumsum(1:5)', lambda: cumsum(np.arange(1, 6)),
     '[1]  1  3  6 10 15'),
    ('cumprod(c(1, 2, 3, 4))', lambda: cumprod([1.0, 2.0, 3.0, 4.0]),
     '[1]  1  2  6 24'),
    ('diff(c(1, 4, 9, 16))', lambda: diff([1.0, 4.0, 9.0, 16.0]),
     '[1] 3 5 7'),
    ('diff(c(1, 4, 9, 16), lag = 2)', lambda: diff([1.0, 4.0, 9.0, 16.0], lag=2),
     '[1]  8 12'),
    ('diff(1:10, differences = 2)', lambda: diff(np.arange(1, 11), differences=2),
     '[1] 0 0 0 0 0 0 0 0'),
    ('range(c(3, 1, 9))', lambda: range_([3.0, 1.0, 9.0]),
     '[1] 1 9'),
    ('max(c(1, 5, 3))', lambda: max_([1.0, 5.0, 3.0]),
     '[1] 5'),
    ('max(1:3, 10)', lambda: max_(np.arange(1, 4), 10.0),
     '[1] 10'),
    ('min(c(2, NA, 1))', lambda: min_([2.0, np.nan, 1.0]),
     '[1] NA'),
    ('min(c(2, NA, 1), na.rm = TRUE)', lambda: min_([2.0, np.nan, 1.0], na_rm=True),
     '[1] 1'),
    ('sum(1:10)', lambda: sum_(np.arange(1, 11)),
     '[1] 55'),
    ('sum(c(1.5, 2.5), 3)', lambda: sum_([1.5, 2.5], 3.0),
     '[1] 7'),
    ('prod(1:6)', lambda: prod(np.arange(1, 7)),
     '[1] 720'),
    ('abs(-3:3)', lambda: abs_(np.arange(-3, 4)),
     '[1] 3 2 1 0 1 2 3'),
    ('sqrt(c(4, 9))', lambda: sqrt([4.0, 9.0]),
     '[1] 2 3'),
    ('exp(1)', lambda: exp(1.0),
     '[1] 2.718282'),
    ('log(100, 10)', lambda: log(100.0, 10),
     '[1] 2'),
    ('log(8, base = 2)', lambda: log(8.0, base=2),
     '[1] 3'),
    ('log(exp(2))', lambda: log(exp(2.0)),
     '[1] 2'),
    ('mean(c(1, 2, 3, 4))', lambda: mean([1.0, 2.0, 3.0, 4.0]),
     '[1] 2.5'),
    ('mean(c(1, NA, 3), na.rm = TRUE)', lambda: mean([1.0, np.nan, 3.0], na_rm=True),
     '[1] 2'),
    ('sd(c(1, 2, 3, 4))', lambda: sd([1.0, 2.0, 3.0, 4.0]),
     '[1] 1.290994'),
    ('var(c(1, 2, 3, 4))', lambda: var([1.0, 2.0, 3.0, 4.0]),
     '[1] 1.666667'),
    ('median(c(5, 3, 1, 4))', lambda: median([5.0, 3.0, 1.0, 4.0]),
     '[1] 3.5'),
    ('median(c(5, 3, 1))', lambda: median([5.0, 3.0, 1.0]),
     '[1] 3'),
    ('quantile(c(1, 2, 3, 4, 5))', lambda: quantile([1.0, 2.0, 3.0, 4.0, 5.0]),
     '  0%  25%  50%  75% 100% \n   1    2    3    4    5 '),
    ('quantile(1:10, 0.9)', lambda: quantile(np.arange(1, 11), 0.9),
     '90% \n9.1 '),
    ('quantile(c(1, 2, 3, 4, 10), c(0.1, 0.5))', lambda: quantile([1.0, 2.0, 3.0, 4.0, 10.0], [0.1, 0.5]),
     '10% 50% \n1.4 3.0 '),
    ('quantile(1:9, probs = c(0.25, 0.75), names = FALSE)', lambda: quantile(np.arange(1, 10), probs=[0.25, 0.75], names=False),
     '[1] 3 7'),
    ('var(matrix(c(1,2,3,4,2,4,6,9), 4))', lambda: var(matrix([1.0, 2.0, 3.0, 4.0, 2.0, 4.0, 6.0, 9.0], 4)),
     '         [,1]     [,2]\n[1,] 1.666667 3.833333\n[2,] 3.833333 8.916667'),
    ('is.null(NULL)', lambda: is_null(None),
     '[1] TRUE'),
    ('is.null(list())', lambda: is_null([]),
     '[1] FALSE'),
    ('is.na(c(1, NA, 3))', lambda: is_na([1.0, np.nan, 3.0]),
     '[1] FALSE  TRUE FALSE'),
    ('ifelse(c(1, -1, 0) > 0, "pos", "non")', lambda: ifelse(np.array([1.0, -1.0, 0.0]) > 0, "pos", "non"),
     '[1] "pos" "non" "non"'),
    ('ifelse(c(TRUE, FALSE, NA), 1, 2)', lambda: ifelse([True, False, None], 1.0, 2.0),
     '[1]  1  2 NA'),
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
    ('identical(c(1, 2), c(1, 2))', lambda: identical(np.array([1.0, 2.0]), np.array([1.0, 2.0])),
     '[1] TRUE'),
    ('identical(1L, 1)', lambda: identical(1, 1.0),
     '[1] FALSE'),
    ('identical(list(a = 1), list(a = 1))', lambda: identical({"a": 1.0}, {"a": 1.0}),
     '[1] TRUE'),
    ('all.equal(1, 1 + 1e-10)', lambda: all_equal(1.0, 1 + 1e-10),
     '[1] TRUE'),
    ('all.equal(1, 1.1)', lambda: all_equal(1.0, 1.1),
     '[1] "Mean relative difference: 0.1"'),
    ('all.equal(c(1, 2), c(1, 2.5))', lambda: all_equal([1.0, 2.0], [1.0, 2.5]),
     '[1] "Mean relative difference: 0.25"'),
    ('all.equal(1L, 1)', lambda: all_equal(1, 1.0),
     '[1] TRUE'),
    ('all.equal("a", "b")', lambda: all_equal("a", "b"),
     '[1] "1 string mismatch"'),
    ('all.equal(c(1, 2), c(1, 2, 3))', lambda: all_equal([1.0, 2.0], [1.0, 2.0, 3.0]),
     '[1] "Numeric: lengths (2, 3) differ"'),
    ('all.equal(c(a = 1), c(b = 1))', lambda: all_equal(setNames(np.array([1.0]), ["a"]), setNames(np.array([1.0]), ["b"])),
     '[1] "Names: 1 string mismatch"'),
    ('all.equal(c(1, 2, 3), c(1.1, 2, 3))', lambda: all_equal([1.0, 2.0, 3.0], [1.1, 2.0, 3.0]),
     '[1] "Mean relative difference: 0.1"'),
    ('all.equal(list(1, 2), list(1, 3))', lambda: all_equal([[1.0], [2.0]], [[1.0], [3.0]]),
     '[1] "Component 2: Mean relative difference: 0.5"'),
    ('all.equal(matrix(1:4, 2), matrix(1:4, 2))', lambda: all_equal(matrix(np.arange(1, 5), 2), matrix(np.arange(1, 5), 2)),
     '[1] TRUE'),
    ('all.equal(1, "1")', lambda: np.array(all_equal(1.0, "1"), dtype=object),
     '[1] "Modes: numeric, character"              \n[2] "target is numeric, current is character"'),
    ('all.equal(0, 1e-10)', lambda: all_equal(0.0, 1e-10),
     '[1] TRUE'),
    ('all.equal(c(0, 0), c(0, 1))', lambda: all_equal([0.0, 0.0], [0.0, 1.0]),
     '[1] "Mean absolute difference: 1"'),
    ('isTRUE(all.equal(1, 1.0000001))', lambda: all_equal(1.0, 1.0000001) is True,
     '[1] FALSE'),
    ('nchar(c("abc", "", "de"))', lambda: nchar(["abc", "", "de"]),
     '[1] 3 0 2'),
    ('nchar(123)', lambda: nchar(123.0),
     '[1] 3'),
    ('toupper("abc")', lambda: toupper("abc"),
     '[1] "ABC"'),
    ('tolower("ABC")', lambda: tolower("ABC"),
     '[1] "abc"'),
    ('substr("abcdef", 2, 4)', lambda: substr("abcdef", 2, 4),
     '[1] "bcd"'),
    ('substr(c("hello", "world"), 1, 3)', lambda: substr(["hello", "world"], 1, 3),
     '[1] "hel" "wor"'),
    ('substr("abc", 0, 10)', lambda: substr("abc", 0, 10),
     '[1] "abc"'),
    ('strsplit("a,b,,c", ",")', lambda: strsplit("a,b,,c", ","),
     '[[1]]\n[1] "a" "b" ""  "c"'),
    ('strsplit(c("a b", "c d e"), " ")', lambda: strsplit(["a b", "c d e"], " "),
     '[[1]]\n[1] "a" "b"\n\n[[2]]\n[1] "c" "d" "e"'),
    ('strsplit("abc", "")', lambda: strsplit("abc", ""),
     '[[1]]\n[1] "a" "b" "c"'),
    ('strsplit("a.b", ".", fixed = TRUE)', lambda: strsplit("a.b", ".", fixed=True),
     '[[1]]\n[1] "a" "b"'),
    ('strsplit("a1b22c", "[0-9]+")', lambda: strsplit("a1b22c", "[0-9]+"),
     '[[1]]\n[1] "a" "b" "c"'),
    ('strsplit("a,b,", ",")', lambda: strsplit("a,b,", ","),
     '[[1]]\n[1] "a" "b"'),
    ('gsub("a", "X", "banana")', lambda: gsub("a", "X", "banana"),
     '[1] "bXnXnX"'),
    ('sub("a", "X", "banana")', lambda: sub("a", "X", "banana"),
     '[1] "bXnana"'),
    ('gsub("(\\\\w+)@(\\\\w+)", "\\\\2 at \\\\1", "user@example")', lambda: gsub(r"(\w+)@(\w+)", r"\2 at \1", "user@example"),
     '[1] "example at user"'),
    ('gsub(".", "-", "a.b", fixed = TRUE)', lambda: gsub(".", "-", "a.b", fixed=True),
     '[1] "a-b"'),
    ('gsub("^\\\\s+|\\\\s+$", "", "  hi  ")', lambda: gsub(r"^\s+|\s+$", "", "  hi  "),
     '[1] "hi"'),
    ('gsub("[[:punct:]]", "", "a,b.c!")', lambda: gsub("[[:punct:]]", "", "a,b.c!"),
     '[1] "abc"'),
    ('gsub("[[:space:]]+", " ", "a  \\t b")', lambda: gsub("[[:space:]]+", " ", "a  \t b"),
     '[1] "a b"'),
    ('grepl("an", c("banana", "apple"))', lambda: grepl("an", ["banana", "apple"]),
     '[1]  TRUE FALSE'),
    ('grepl("^a", c("banana", "apple"))', lambda: grepl("^a", ["banana", "apple"]),
     '[1] FALSE  TRUE'),
    ('grepl("A", "a", ignore.case = TRUE)', lambda: grepl("A", "a", ignore_case=True),
     '[1] TRUE'),
    ('grepl(".", "abc", fixed = TRUE)', lambda: grepl(".", "abc", fixed=True),
     '[1] FALSE'),
    ('head(1:10)', lambda: head(np.arange(1, 11)),
     '[1] 1 2 3 4 5 6'),
    ('head(1:10, 3)', lambda: head(np.arange(1, 11), 3),
     '[1] 1 2 3'),
    ('head(1:10, -3)', lambda: head(np.arange(1, 11), -3),
     '[1] 1 2 3 4 5 6 7'),
    ('tail(1:10, 3)', lambda: tail(np.arange(1, 11), 3),
     '[1]  8  9 10'),
    ('tail(1:10, -8)', lambda: tail(np.arange(1, 11), -8),
     '[1]  9 10'),
    ('head(list(1, 2, 3), 2)', lambda: head([1.0, 2.0, 3.0], 2),
     '[[1]]\n[1] 1\n\n[[2]]\n[1] 2'),
    ('head(matrix(1:20, 10), 2)', lambda: head(matrix(np.arange(1, 21), 10), 2),
     '     [,1] [,2]\n[1,]    1   11\n[2,]    2   12'),
    ('rbind(1:3, 4:6)', lambda: rbind(np.arange(1, 4), np.arange(4, 7)),
     '     [,1] [,2] [,3]\n[1,]    1    2    3\n[2,]    4    5    6'),
    ('cbind(1:3, 4:6)', lambda: cbind(np.arange(1, 4), np.arange(4, 7)),
     '     [,1] [,2]\n[1,]    1    4\n[2,]    2    5\n[3,]    3    6'),
    ('rbind(matrix(1:4, 2), 5:6)', lambda: rbind(matrix(np.arange(1, 5), 2), np.arange(5, 7)),
     '     [,1] [,2]\n[1,]    1    3\n[2,]    2    4\n[3,]    5    6'),
    ('cbind(1:4, 0)', lambda: cbind(np.arange(1, 5), 0),
     '     [,1] [,2]\n[1,]    1    0\n[2,]    2    0\n[3,]    3    0\n[4,]    4    0'),
    ('rbind(c(1, 2), c(3, 4), c(5, 6))', lambda: rbind([1.0, 2.0], [3.0, 4.0], [5.0, 6.0]),
     '     [,1] [,2]\n[1,]    1    2\n[2,]    3    4\n[3,]    5    6'),
    ('outer(1:3, 1:2)', lambda: outer(np.arange(1, 4), np.arange(1, 3)),
     '     [,1] [,2]\n[1,]    1    2\n[2,]    2    4\n[3,]    3    6'),
    ('outer(1:2, 1:3, "+")', lambda: outer(np.arange(1, 3), np.arange(1, 4), "+"),
     '     [,1] [,2] [,3]\n[1,]    2    3    4\n[2,]    3    4    5'),
    ('outer(1:2, 1:3, function(x, y) x * 10 + y)', lambda: outer(np.arange(1, 3), np.arange(1, 4), lambda x, y: x * 10 + y),
     '     [,1] [,2] [,3]\n[1,]   11   12   13\n[2,]   21   22   23'),
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
    ('setNames(1:3, c("a", "b", "c"))', lambda: setNames(np.arange(1, 4), ["a", "b", "c"]),
     'a b c \n1 2 3 '),
    ('setNames(list(1, 2), c("x", "y"))', lambda: setNames([1.0, 2.0], ["x", "y"]),
     '$x\n[1] 1\n\n$y\n[1] 2'),
    ('character(2)', lambda: character(2),
     '[1] "" ""'),
    ('numeric(3)', lambda: numeric(3),
     '[1] 0 0 0'),
    ('integer(2)', lambda: integer(2),
     '[1] 0 0'),
    ('logical(2)', lambda: logical(2),
     '[1] FALSE FALSE'),
    ('rowSums(matrix(1:6, 2))', lambda: rowSums(matrix(np.arange(1, 7), 2)),
     '[1]  9 12'),
    ('colSums(matrix(1:6, 2))', lambda: colSums(matrix(np.arange(1, 7), 2)),
     '[1]  3  7 11'),
    ('rowMeans(matrix(1:6, 2))', lambda: rowMeans(matrix(np.arange(1, 7), 2)),
     '[1] 3 4'),
    ('colMeans(matrix(1:6, 2))', lambda: colMeans(matrix(np.arange(1, 7), 2)),
     '[1] 1.5 3.5 5.5'),
    ('matrix(1:6, ncol = 2)', lambda: matrix(np.arange(1, 7), ncol=2),
     '     [,1] [,2]\n[1,]    1    4\n[2,]    2    5\n[3,]    3    6'),
    ('matrix(1:6, 2, byrow = TRUE)', lambda: matrix(np.arange(1, 7), 2, byrow=True),
     '     [,1] [,2] [,3]\n[1,]    1    2    3\n[2,]    4    5    6'),
    ('matrix(0, 2, 2)', lambda: matrix(0.0, 2, 2),
     '     [,1] [,2]\n[1,]    0    0\n[2,]    0    0'),
    ('matrix(1:3, 3, 2)', lambda: matrix(np.arange(1, 4), 3, 2),
     '     [,1] [,2]\n[1,]    1    1\n[2,]    2    2\n[3,]    3    3'),
    ('dim(array(1:24, c(2, 3, 4)))', lambda: dim(array(np.arange(1, 25), (2, 3, 4))),
     '[1] 2 3 4'),
    ('array(1:24, c(2, 3, 4))[2, 3, 4]', lambda: array(np.arange(1, 25), (2, 3, 4))[1, 2, 3],
     '[1] 24'),
    ('array(1:24, c(2, 3, 4))[1, 2, 3]', lambda: array(np.arange(1, 25), (2, 3, 4))[0, 1, 2],
     '[1] 15'),
    ('array(1:4)', lambda: array(np.arange(1, 5)),
     '[1] 1 2 3 4'),
    ('t(matrix(1:6, 2))', lambda: t(matrix(np.arange(1, 7), 2)),
     '     [,1] [,2]\n[1,]    1    2\n[2,]    3    4\n[3,]    5    6'),
    ('t(1:3)', lambda: t(np.arange(1, 4)),
     '     [,1] [,2] [,3]\n[1,]    1    2    3'),
    ('apply(matrix(1:6, 2), 1, sum)', lambda: apply(matrix(np.arange(1, 7), 2), 1, sum_),
     '[1]  9 12'),
    ('apply(matrix(1:6, 2), 2, max)', lambda: apply(matrix(np.arange(1, 7), 2), 2, max_),
     '[1] 2 4 6'),
    ('apply(matrix(1:6, 2), 1, function(r) r * 2)', lambda: apply(matrix(np.arange(1, 7), 2), 1, lambda r: r * 2),
     '     [,1] [,2]\n[1,]    2    4\n[2,]    6    8\n[3,]   10   12'),
    ('apply(matrix(1:6, 2), c(1, 2), function(v) v + 1)', lambda: apply(matrix(np.arange(1, 7), 2), [1, 2], lambda v: v + 1),
     '     [,1] [,2] [,3]\n[1,]    2    4    6\n[2,]    3    5    7'),
    ('sweep(matrix(1:6, 2), 2, c(1, 2, 3))', lambda: sweep(matrix(np.arange(1, 7), 2), 2, np.arange(1, 4)),
     '     [,1] [,2] [,3]\n[1,]    0    1    2\n[2,]    1    2    3'),
    ('sweep(matrix(1:6, 2), 1, c(10, 20), "+")', lambda: sweep(matrix(np.arange(1, 7), 2), 1, [10.0, 20.0], "+"),
     '     [,1] [,2] [,3]\n[1,]   11   13   15\n[2,]   22   24   26'),
    ('dim(matrix(1:6, 2))', lambda: dim(matrix(np.arange(1, 7), 2)),
     '[1] 2 3'),
    ('nrow(matrix(1:6, 2))', lambda: nrow(matrix(np.arange(1, 7), 2)),
     '[1] 2'),
    ('ncol(matrix(1:6, 2))', lambda: ncol(matrix(np.arange(1, 7), 2)),
     '[1] 3'),
    ('length(list(1, 2, 3))', lambda: length([1.0, 2.0, 3.0]),
     '[1] 3'),
    ('length(matrix(1:6, 2))', lambda: length(matrix(np.arange(1, 7), 2)),
     '[1] 6'),
    ('length(NULL)', lambda: length(None),
     '[1] 0'),
    ('names(c(a = 1, b = 2))', lambda: names(setNames(np.array([1.0, 2.0]), ["a", "b"])),
     '[1] "a" "b"'),
    ('names(1:3)', lambda: names(np.arange(1, 4)),
     'NULL'),
    ('cor(c(1, 2, 3, 4), c(2, 4, 5, 9))', lambda: cor(np.array([1.0, 2.0, 3.0, 4.0]), np.array([2.0, 4.0, 5.0, 9.0])),
     '[1] 0.9647638'),
    ('cor(matrix(c(1, 2, 3, 4, 2, 4, 5, 9, 3, 1, 2, 0), 4))',
     lambda: cor(matrix(np.array([1.0, 2, 3, 4, 2, 4, 5, 9, 3, 1, 2, 0]), 4)),
     '           [,1]       [,2]      [,3]\n[1,]  1.0000000  0.9647638 -0.800000\n'
     '[2,]  0.9647638  1.0000000 -0.877058\n[3,] -0.8000000 -0.8770580  1.000000'),
    ('unique(c(3, 1, 3, 2, 1))', lambda: unique(np.array([3.0, 1, 3, 2, 1])),
     '[1] 3 1 2'),
    ('unique(matrix(c(1, 1, 0, 2, 2, 2), 3))', lambda: unique(matrix(np.array([1.0, 1, 0, 2, 2, 2]), 3)),
     '     [,1] [,2]\n[1,]    1    2\n[2,]    0    2'),
    ('length(unique(matrix(rep(c(-1L, 1L), 100), 200, 1)))',
     lambda: length(unique(matrix(rep(np.array([-1, 1]), 100), 200, 1))),
     '[1] 2'),
    ('unique(c("b", "a", "b"))', lambda: unique(np.array(["b", "a", "b"], dtype=object)),
     '[1] "b" "a"'),
    ('unique(c(1, NA, 1, NA))', lambda: unique(np.array([1.0, np.nan, 1.0, np.nan])),
     '[1]  1 NA'),
    ('drop(matrix(c(2, 4, 6), 1))', lambda: drop(matrix(np.array([2.0, 4.0, 6.0]), 1)),
     '[1] 2 4 6'),
    ('drop(array(1:6, c(2, 1, 3)))', lambda: drop(array(np.arange(1, 7), (2, 1, 3))),
     '     [,1] [,2] [,3]\n[1,]    1    3    5\n[2,]    2    4    6'),
    ('isTRUE(c(TRUE, TRUE))', lambda: isTRUE(np.array([True, True])),
     '[1] FALSE'),
    ('isTRUE(NA)', lambda: isTRUE(np.nan),
     '[1] FALSE'),
    ('isTRUE(1)', lambda: isTRUE(1.0),
     '[1] FALSE'),
    ('isTRUE(5 > 3)', lambda: isTRUE(5.0 > 3.0),
     '[1] TRUE'),
    ('isFALSE(FALSE)', lambda: isFALSE(False),
     '[1] TRUE'),
    ('length(sample.int(10, 3))', lambda: length(sample_int(10, 3)),
     '[1] 3'),
    ('sort(sample.int(4))', lambda: sort(sample_int(4)),
     '[1] 1 2 3 4'),
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
    ('factor(c("b", "a", "b"))', lambda: factor(["b", "a", "b"]),
     '[1] b a b\nLevels: a b'),
    ('levels(factor(c("b", "a", "b")))', lambda: levels(factor(["b", "a", "b"])),
     '[1] "a" "b"'),
    ('nlevels(factor(c("b", "a", "b", "c")))', lambda: nlevels(factor(["b", "a", "b", "c"])),
     '[1] 3'),
    ('as.integer(factor(c("b", "a", "b")))', lambda: as_integer(factor(["b", "a", "b"])),
     '[1] 2 1 2'),
    ('factor(c(3, 1, 3))', lambda: factor([3.0, 1.0, 3.0]),
     '[1] 3 1 3\nLevels: 1 3'),
    ('factor(c("lo", "hi"), levels = c("lo", "hi"))', lambda: factor(["lo", "hi"], levels=["lo", "hi"]),
     '[1] lo hi\nLevels: lo hi'),
    ('switch("b", a = "A", b = "B", "other")', lambda: switch("b", "other", a="A", b="B"),
     '[1] "B"'),
    ('switch("z", a = "A", b = "B", "other")', lambda: switch("z", "other", a="A", b="B"),
     '[1] "other"'),
    ('switch(2, "x", "y", "z")', lambda: switch(2, "x", "y", "z"),
     '[1] "y"'),
    ('is.null(switch("z", a = 1))', lambda: is_null(switch("z", a=1.0)),
     '[1] TRUE'),
    ('inherits(1, "numeric")', lambda: inherits(1.0, "numeric"),
     '[1] TRUE'),
    ('inherits(data.frame(), "data.frame")', lambda: inherits(data_frame(), "data.frame"),
     '[1] TRUE'),
    ('inherits(1L, "integer")', lambda: inherits(1, "integer"),
     '[1] TRUE'),
    ('inherits(matrix(1), "matrix")', lambda: inherits(matrix(1.0), "matrix"),
     '[1] TRUE'),
    ('class(1)', lambda: class_(1.0),
     '[1] "numeric"'),
    ('class(1L)', lambda: class_(1),
     '[1] "integer"'),
    ('class("a")', lambda: class_("a"),
     '[1] "character"'),
    ('class(TRUE)', lambda: class_(True),
     '[1] "logical"'),
    ('class(NULL)', lambda: class_(None),
     '[1] "NULL"'),
    ('class(list())', lambda: class_([]),
     '[1] "list"'),
    ('class(matrix(1:4, 2))', lambda: class_(matrix(np.arange(1, 5), 2)),
     '[1] "matrix" "array" '),
    ('class(array(1:8, c(2,2,2)))', lambda: class_(array(np.arange(1, 9), (2, 2, 2))),
     '[1] "array"'),
    ('class(data.frame(a = 1))', lambda: class_(data_frame(a=1.0)),
     '[1] "data.frame"'),
    ('class(factor("a"))', lambda: class_(factor("a")),
     '[1] "factor"'),
    ('class(sum)', lambda: class_(sum_),
     '[1] "function"'),
    ('class(1:2)', lambda: class_(np.arange(1, 3)),
     '[1] "integer"'),
    ('basename("/a/b/c.txt")', lambda: basename("/a/b/c.txt"),
     '[1] "c.txt"'),
    ('dirname("/a/b/c.txt")', lambda: dirname("/a/b/c.txt"),
     '[1] "/a/b"'),
    ('basename("a/b/")', lambda: basename("a/b/"),
     '[1] "b"'),
    ('dirname("c.txt")', lambda: dirname("c.txt"),
     '[1] "."'),
    ('file.path("a", "b", "c.txt")', lambda: file_path("a", "b", "c.txt"),
     '[1] "a/b/c.txt"'),
    ('file.path("a", c("x", "y"))', lambda: file_path("a", ["x", "y"]),
     '[1] "a/x" "a/y"'),
    ('rev(c(a = 1, b = 2))', lambda: rev(setNames(np.array([1.0, 2.0]), ["a", "b"])),
     'b a \n2 1 '),
    ('sort(c(b = 2, a = 1))', lambda: sort(setNames(np.array([2.0, 1.0]), ["b", "a"])),
     'a b \n1 2 '),
    ('range(c(2, NA, 5), na.rm = TRUE)', lambda: range_([2.0, np.nan, 5.0], na_rm=True),
     '[1] 2 5'),
    ('max(integer(0), -Inf)', lambda: max_(integer(0), -np.inf),
     '[1] -Inf'),
    ('mean(1:4)', lambda: mean(np.arange(1, 5)),
     '[1] 2.5'),
    ('sum(c(TRUE, TRUE, FALSE))', lambda: sum_([True, True, False]),
     '[1] 2'),
    ('cumsum(c(1.5, 2.5))', lambda: cumsum([1.5, 2.5]),
     '[1] 1.5 4.0'),
    ('sqrt(2)', lambda: sqrt(2.0),
     '[1] 1.414214'),
    ('exp(c(0, 1, 2))', lambda: exp([0.0, 1.0, 2.0]),
     '[1] 1.000000 2.718282 7.389056'),
    ('abs(-2.5)', lambda: abs_(-2.5),
     '[1] 2.5'),
    ('which(c(NA, TRUE, FALSE)) - 1', lambda: which([None, True, False]),
     '[1] 1'),
    ('data.frame(a = 1:3, b = c("x", "y", "z"))', lambda: data_frame(a=np.arange(1, 4), b=["x", "y", "z"]),
     '  a b\n1 1 x\n2 2 y\n3 3 z'),
    ('data.frame(x = c(1.5, 2), y = c(TRUE, FALSE))', lambda: data_frame(x=[1.5, 2.0], y=[True, False]),
     '    x     y\n1 1.5  TRUE\n2 2.0 FALSE'),
    ('data.frame(a = 1:2, b = 3)', lambda: data_frame(a=np.arange(1, 3), b=3.0),
     '  a b\n1 1 3\n2 2 3'),
    ('nrow(data.frame(a = 1:3, b = 4:6))', lambda: nrow(data_frame(a=np.arange(1, 4), b=np.arange(4, 7))),
     '[1] 3'),
    ('names(data.frame(a = 1:3, b = 4:6))', lambda: names(data_frame(a=np.arange(1, 4), b=np.arange(4, 7))),
     '[1] "a" "b"'),
    ('dim(data.frame(a = 1:3, b = 4:6))', lambda: dim(data_frame(a=np.arange(1, 4), b=np.arange(4, 7))),
     '[1] 3 2'),
    ('data.frame(v = c(0.123456, 10))', lambda: data_frame(v=[0.123456, 10.0]),
     '          v\n1  0.123456\n2 10.000000'),
    ('prod(numeric(0))', lambda: prod(numeric(0)),
     '[1] 1'),
    ('sum(integer(0))', lambda: sum_(integer(0)),
     '[1] 0'),
    ('class(sum(1:3))', lambda: class_(sum_(np.arange(1, 4))),
     '[1] "integer"'),
    ('class(sum(c(1, 2)))', lambda: class_(sum_([1.0, 2.0])),
     '[1] "numeric"'),
    ('class(cumsum(1:3))', lambda: class_(cumsum(np.arange(1, 4))),
     '[1] "integer"'),
    ('class(abs(-1L))', lambda: class_(abs_(-1)),
     '[1] "integer"'),
    ('class(max(1:3))', lambda: class_(max_(np.arange(1, 4))),
     '[1] "integer"'),
    ('class(rowSums(matrix(1:4, 2)))', lambda: class_(rowSums(matrix(np.arange(1, 5), 2))),
     '[1] "numeric"'),
    ('class(length(1:3))', lambda: class_(length(np.arange(1, 4))),
     '[1] "integer"'),
    ('class(nchar("a"))', lambda: class_(nchar("a")),
     '[1] "integer"'),
    ('class(which(TRUE))', lambda: class_(which(True)),
     '[1] "integer"'),
    ('class(seq_len(3))', lambda: class_(seq_len(3)),
     '[1] "integer"'),
    ('class(round(2.5))', lambda: class_(round_(2.5)),
     '[1] "numeric"'),
    ('class(diff(1:3))', lambda: class_(diff(np.arange(1, 4))),
     '[1] "integer"'),
    ('class(rev(1:3))', lambda: class_(rev(np.arange(1, 4))),
     '[1] "integer"'),
    ('class(sort(c(3L, 1L)))', lambda: class_(sort([3, 1])),
     '[1] "integer"'),
    ('class(table(1))', lambda: class_(table(1.0)),
     '[1] "table"'),
    ('class(unlist(list(1L, 2L)))', lambda: class_(unlist([1, 2])),
     '[1] "integer"'),
    ('class(median(1:4))', lambda: class_(median(np.arange(1, 5))),
     '[1] "numeric"'),
    ('class(median(1:3))', lambda: class_(median(np.arange(1, 4))),
     '[1] "integer"'),
    ('median(1:3)', lambda: median(np.arange(1, 4)),
     '[1] 2'),
    ('class(range(1:3))', lambda: class_(range_(np.arange(1, 4))),
     '[1] "integer"'),
    ('class(prod(1:3))', lambda: class_(prod(np.arange(1, 4))),
     '[1] "numeric"'),
    ('class(cumprod(1:3))', lambda: class_(cumprod(np.arange(1, 4))),
     '[1] "numeric"'),
    ('class(sample(5))', lambda: class_(sample(5)),
     '[1] "integer"'),
    ('class(rep(1L, 2))', lambda: class_(rep(1, 2)),
     '[1] "integer"'),
    ('class(outer(1:2, 1:2))', lambda: class_(outer(np.arange(1, 3), np.arange(1, 3))),
     '[1] "matrix" "array" '),
    ('class(apply(matrix(1:4,2), 1, sum))', lambda: class_(apply(matrix(np.arange(1, 5), 2), 1, sum_)),
     '[1] "integer"'),
    ('class(colSums(matrix(1:4,2)))', lambda: class_(colSums(matrix(np.arange(1, 5), 2))),
     '[1] "numeric"'),
    ('class(Reduce(`+`, 1:3))', lambda: class_(Reduce(operator.add, np.arange(1, 4))),
     '[1] "integer"'),
    ('class(numeric(2))', lambda: class_(numeric(2)),
     '[1] "numeric"'),
    ('class(integer(2))', lambda: class_(integer(2)),
     '[1] "integer"'),
    ('class(sapply(1:3, function(i) i))', lambda: class_(sapply(np.arange(1, 4), lambda i: i)),
     '[1] "integer"'),
    ('class(vapply(1:3, function(i) i * 2, numeric(1)))', lambda: class_(vapply(np.arange(1, 4), lambda i: i * 2, numeric(1))),
     '[1] "numeric"'),
    ('max(c("b", "a"))', lambda: max_(["b", "a"]),
     '[1] "b"'),
    ('nchar(c(a = "xy"))', lambda: nchar(setNames(np.array(["xy"]), ["a"])),
     'a \n2 '),
    ('toupper(c(a = "xy"))', lambda: toupper(setNames(np.array(["xy"]), ["a"])),
     '   a \n"XY" '),
    ('formatC(3.14159)', lambda: formatC(3.14159),
     '[1] "3.142"'),
    ('formatC(2.5, format = "d")', lambda: formatC(2.5, format="d"),
     '[1] "2"'),
    ('formatC(123456.7)', lambda: formatC(123456.7),
     '[1] "1.235e+05"'),
    ('formatC(0.5)', lambda: formatC(0.5),
     '[1] "0.5"'),
    ('formatC(c(1.5,10), width=6, format="f")', lambda: formatC(np.array([1.5, 10.0]), width=6, format="f"),
     '[1] "1.5000"  "10.0000"'),
    ('as.character(123456.7)', lambda: as_character(123456.7),
     '[1] "123456.7"'),
    ('as.character(0.0001234)', lambda: as_character(0.0001234),
     '[1] "0.0001234"'),
    ('as.character(1e-4)', lambda: as_character(1e-4),
     '[1] "1e-04"'),
    ('as.character(100)', lambda: as_character(100.0),
     '[1] "100"'),
    ('paste(c(1.5, 2))', lambda: paste(np.array([1.5, 2.0])),
     '[1] "1.5" "2"  '),
    ('sprintf("%5.2f and %s", 3.14159, "x")', lambda: sprintf("%5.2f and %s", 3.14159, "x"),
     '[1] " 3.14 and x"'),
    ('format(c(10, 2.5), nsmall = 2)', lambda: format(np.array([10.0, 2.5]), nsmall=2),
     '[1] "10.00" " 2.50"'),
    ('format(1e6, big.mark = ",")', lambda: format(1e6, big_mark=","),
     '[1] "1e+06"'),
    ('quantile(1:3, c(0.125, 1/3))', lambda: quantile(np.arange(1, 4), [0.125, 1 / 3]),
     '    12.5% 33.33333% \n 1.250000  1.666667 '),
    ('strsplit(",a", ",")', lambda: strsplit(",a", ","),
     '[[1]]\n[1] ""  "a"'),
    ('cat(3L, 2.50, "\\n")', lambda: cat(3, 2.50, "\n"),
     '3 2.5 '),
    ('cat(NULL)', lambda: cat(None),
     ''),
    ('cat("a", 1e-20, 1e300, "\\n")', lambda: cat("a", 1e-20, 1e300, "\n"),
     'a 1e-20 1e+300 '),
    ('cat(0.1234567891, 123.456789, -0.000001234, "\\n")', lambda: cat(0.1234567891, 123.456789, -0.000001234, "\n"),
     '0.1234568 123.4568 -1.234e-06 '),
    ('print((1:100 / 7)[1:12])', lambda: (np.arange(1, 101) / 7)[:12],
     ' [1] 0.1428571 0.2857143 0.4285714 0.5714286 0.7142857 0.8571429 1.0000000\n [8] 1.1428571 1.2857143 1.4285714 1.5714286 1.7142857'),
    ('print(c(a=1L, bbbbbbbbbbb=2L))', lambda: setNames(np.array([1, 2]), ["a", "bbbbbbbbbbb"]),
     '          a bbbbbbbbbbb \n          1           2 '),
    ('print(list(a = list(b = 1, c = "z"), d = 1:3))', lambda: {"a": {"b": 1.0, "c": "z"}, "d": np.arange(1, 4)},
     '$a\n$a$b\n[1] 1\n\n$a$c\n[1] "z"\n\n\n$d\n[1] 1 2 3'),
    ('print(list())', lambda: [],
     'list()'),
    ('print(setNames(1:26, letters))', lambda: setNames(np.arange(1, 27), list("abcdefghijklmnopqrstuvwxyz")),
     ' a  b  c  d  e  f  g  h  i  j  k  l  m  n  o  p  q  r  s  t  u  v  w  x  y  z \n 1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 '),
    ('print(c(-1.5, 2, NA, Inf))', lambda: np.array([-1.5, 2.0, np.nan, np.inf]),
     '[1] -1.5  2.0   NA  Inf'),
    ('print(c(1e-300, 1))', lambda: np.array([1e-300, 1.0]),
     '[1] 1e-300  1e+00'),
    ('print(c(0.00001, 123))', lambda: np.array([0.00001, 123.0]),
     '[1] 1.00e-05 1.23e+02'),
    ('print(1e-15)', lambda: 1e-15,
     '[1] 1e-15'),
    ('m <- matrix(c(0.5, 123.25, -1, 2), 2); print(m)', lambda: matrix([0.5, 123.25, -1.0, 2.0], 2),
     '       [,1] [,2]\n[1,]   0.50   -1\n[2,] 123.25    2'),
    ('print(matrix(c("a","bb","c","d"), 2))', lambda: matrix(np.array(["a", "bb", "c", "d"], dtype=object), 2),
     '     [,1] [,2]\n[1,] "a"  "c" \n[2,] "bb" "d" '),
    ('print(matrix(1:40, 2))', lambda: matrix(np.arange(1, 41), 2),
     '     [,1] [,2] [,3] [,4] [,5] [,6] [,7] [,8] [,9] [,10] [,11] [,12] [,13] [,14]\n[1,]    1    3    5    7    9   11   13   15   17    19    21    23    25    27\n[2,]    2    4    6    8   10   12   14   16   18    20    22    24    26    28\n     [,15] [,16] [,17] [,18] [,19] [,20]\n[1,]    29    31    33    35    37    39\n[2,]    30    32    34    36    38    40'),
    ('print(100 * 1:3)', lambda: 100 * np.arange(1, 4),
     '[1] 100 200 300'),
    ('print(2^31)', lambda: 2.0 ** 31,
     '[1] 2147483648'),
    ('print(c(1.123456789, 1000000))', lambda: np.array([1.123456789, 1e6]),
     '[1] 1.123457e+00 1.000000e+06'),
    ('print(all.equal(list(a = 1, b = 2), list(a = 1, b = 3)))', lambda: all_equal({"a": 1.0, "b": 2.0}, {"a": 1.0, "b": 3.0}),
     '[1] "Component “b”: Mean relative difference: 0.5"'),
    ('print(all.equal(1, 1 + 1e-7))', lambda: all_equal(1.0, 1 + 1e-7),
     '[1] "Mean relative difference: 1e-07"'),
    ('print(all.equal(c(TRUE, FALSE), c(TRUE, TRUE)))', lambda: all_equal(np.array([True, False]), np.array([True, True])),
     '[1] "1 element mismatch"'),
    ('print(all.equal(1:3, c(1, 2, 4)))', lambda: all_equal(np.arange(1, 4), np.array([1.0, 2.0, 4.0])),
     '[1] "Mean relative difference: 0.3333333"'),
    ('print(all.equal(NULL, 1))', lambda: all_equal(None, 1.0),
     '[1] "target is NULL, current is numeric"'),
    ('print(table(c(TRUE, FALSE, TRUE)))', lambda: table(np.array([True, False, True])),
     '\nFALSE  TRUE \n    1     2 '),
    ('print(sapply(c("a", "bb"), nchar))', lambda: sapply(np.array(["a", "bb"], dtype=object), nchar),
     ' a bb \n 1  2 '),
    ('print(Map(function(x) toupper(x), c("a", "b")))', lambda: Map(lambda x: toupper(x), np.array(["a", "b"], dtype=object)),
     '$a\n[1] "A"\n\n$b\n[1] "B"'),
    ('print(unlist(list(a = 1, b = list(c = 2, d = list(e = 3)))))', lambda: unlist({"a": 1.0, "b": {"c": 2.0, "d": {"e": 3.0}}}),
     '    a   b.c b.d.e \n    1     2     3 '),
    ('print(unlist(list(a = list(1, 2), b = 3)))', lambda: unlist({"a": [1.0, 2.0], "b": 3.0}),
     'a1 a2  b \n 1  2  3 '),
    ('print(paste("n:", c(a = 1, b = 2)))', lambda: paste("n:", setNames(np.array([1.0, 2.0]), ["a", "b"])),
     '[1] "n: 1" "n: 2"'),
    ('print(rev(c("x", "y")))', lambda: rev(np.array(["x", "y"], dtype=object)),
     '[1] "y" "x"'),
    ('print(seq(0.1, 0.5, 0.1))', lambda: seq(0.1, 0.5, 0.1),
     '[1] 0.1 0.2 0.3 0.4 0.5'),
    ('print(seq(1, 2, length.out = 3))', lambda: seq(1.0, 2.0, length_out=3),
     '[1] 1.0 1.5 2.0'),
    ('print(seq(-1, 1, 0.5))', lambda: seq(-1.0, 1.0, 0.5),
     '[1] -1.0 -0.5  0.0  0.5  1.0'),
    ('print(seq(5, 1, by = -1))', lambda: seq(5.0, 1.0, by=-1.0),
     '[1] 5 4 3 2 1'),
    ('print(class(seq(5, 1, by = -1)))', lambda: class_(seq(5.0, 1.0, by=-1.0)),
     '[1] "numeric"'),
    ('print(class(seq(2L, 10L, length.out = 5)))', lambda: class_(seq(2, 10, length_out=5)),
     '[1] "numeric"'),
    ('print(seq(2, 11, length.out = 4))', lambda: seq(2.0, 11.0, length_out=4),
     '[1]  2  5  8 11'),
    ('print(class(seq(2, 11, length.out = 4)))', lambda: class_(seq(2.0, 11.0, length_out=4)),
     '[1] "numeric"'),
    ('print(sample(c("only")))', lambda: sample(np.array(["only"], dtype=object)),
     '[1] "only"'),
    ('print(rep(c(a = 1, b = 2), 2))', lambda: rep(setNames(np.array([1.0, 2.0]), ["a", "b"]), 2),
     'a b a b \n1 2 1 2 '),
    ('print(rep("x", 3))', lambda: rep("x", 3),
     '[1] "x" "x" "x"'),
    ('print(ifelse(c(a = 1, b = -1) > 0, "p", "n"))', lambda: ifelse(setNames(np.array([1.0, -1.0]), ["a", "b"]) > 0, "p", "n"),
     '  a   b \n"p" "n" '),
    ('print(which(matrix(c(TRUE, FALSE, TRUE, TRUE), 2)) - 1)', lambda: which(matrix([True, False, True, True], 2)),
     '[1] 0 2 3'),
    ('print(rowSums(matrix(c(1, NA, 3, 4), 2), na.rm = TRUE))', lambda: rowSums(matrix([1.0, np.nan, 3.0, 4.0], 2), na_rm=True),
     '[1] 4 4'),
    ('print(nchar("héllo"))', lambda: nchar("héllo"),
     '[1] 5'),
    ('print(substr("hello", 3, 2))', lambda: substr("hello", 3, 2),
     '[1] ""'),
    ('print(sprintf("%2$s %1$s", "a", "b"))', lambda: sprintf("%2$s %1$s", "a", "b"),
     '[1] "b a"'),
    ('print(sprintf("%%"))', lambda: sprintf("%%"),
     '[1] "%"'),
    ('print(sprintf("%5s", NA))', lambda: sprintf("%5s", np.nan),
     '[1] "   NA"'),
    ('print(sprintf("%f", NA))', lambda: sprintf("%f", np.nan),
     '[1] "NA"'),
    ('print(sprintf("%.1f", 0.05))', lambda: sprintf("%.1f", 0.05),
     '[1] "0.1"'),
    ('print(sprintf("%s", c(1.5, 2, 3)))', lambda: sprintf("%s", np.array([1.5, 2.0, 3.0])),
     '[1] "1.5" "2"   "3"  '),
    ('print(sprintf("%s", 1L))', lambda: sprintf("%s", 1),
     '[1] "1"'),
    ('print(sprintf("%s", TRUE))', lambda: sprintf("%s", True),
     '[1] "TRUE"'),
    ('print(sprintf("%d%%", 10L))', lambda: sprintf("%d%%", 10),
     '[1] "10%"'),
    ('print(sprintf("Epoch %d: %.4f", 1:2, c(0.5, 0.25)))', lambda: sprintf("Epoch %d: %.4f", np.arange(1, 3), np.array([0.5, 0.25])),
     '[1] "Epoch 1: 0.5000" "Epoch 2: 0.2500"'),
    ('print(paste(NA, 1))', lambda: paste(np.nan, 1.0),
     '[1] "NA 1"'),
    ('print(array(1:12, c(2, 3, 2)))', lambda: array(np.arange(1, 13), (2, 3, 2)),
     ', , 1\n\n     [,1] [,2] [,3]\n[1,]    1    3    5\n[2,]    2    4    6\n\n, , 2\n\n     [,1] [,2] [,3]\n[1,]    7    9   11\n[2,]    8   10   12'),
    ('print(list(a = NULL, b = list(1, "x")))', lambda: {"a": None, "b": [1.0, "x"]},
     '$a\nNULL\n\n$b\n$b[[1]]\n[1] 1\n\n$b[[2]]\n[1] "x"'),
    ('print(list(`my name` = 1, b2 = 2))', lambda: {"my name": 1.0, "b2": 2.0},
     '$`my name`\n[1] 1\n\n$b2\n[1] 2'),
    ('print(paste0("word", 1:15))', lambda: paste0("word", np.arange(1, 16)),
     ' [1] "word1"  "word2"  "word3"  "word4"  "word5"  "word6"  "word7"  "word8" \n [9] "word9"  "word10" "word11" "word12" "word13" "word14" "word15"'),
    ('print(c(a = -1.5, b = 22))', lambda: setNames(np.array([-1.5, 22.0]), ["a", "b"]),
     '   a    b \n-1.5 22.0 '),
    ('print(c(TRUE, NA, FALSE))', lambda: np.array([True, None, False], dtype=object),
     '[1]  TRUE    NA FALSE'),
    ('print(matrix(c(1.5, NA, -2, 1000), 2))', lambda: matrix([1.5, np.nan, -2.0, 1000.0], 2),
     '     [,1] [,2]\n[1,]  1.5   -2\n[2,]   NA 1000'),
    ('print(data.frame(name = c("a", "bb"), score = c(0.5, 10), ok = c(TRUE, FALSE)))', lambda: data_frame(name=["a", "bb"], score=[0.5, 10.0], ok=[True, False]),
     '  name score    ok\n1    a   0.5  TRUE\n2   bb  10.0 FALSE'),
    ('print(factor(c("x", "y", "x"), levels = c("y", "x")))', lambda: factor(["x", "y", "x"], levels=["y", "x"]),
     '[1] x y x\nLevels: y x'),
    ('print(seq(0, 2, by = 0.1))', lambda: seq(0.0, 2.0, by=0.1),
     ' [1] 0.0 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1.0 1.1 1.2 1.3 1.4 1.5 1.6 1.7 1.8\n[20] 1.9 2.0'),
    ('print(c(0.001234, 123.4))', lambda: np.array([0.001234, 123.4]),
     '[1] 1.234e-03 1.234e+02'),
    ('print(1/7 * 10^(0:9))', lambda: 1 / 7 * 10.0 ** np.arange(0, 10),
     ' [1] 1.428571e-01 1.428571e+00 1.428571e+01 1.428571e+02 1.428571e+03\n [6] 1.428571e+04 1.428571e+05 1.428571e+06 1.428571e+07 1.428571e+08'),
    ('cat(1/7 * 10^(0:9), "\\n")', lambda: cat(1 / 7 * 10.0 ** np.arange(0, 10), "\n"),
     '0.1428571 1.428571 14.28571 142.8571 1428.571 14285.71 142857.1 1428571 14285714 142857143 '),
    ('cat(100000, 1234567, 0.0001, 0.00001234, 123456.7, "\\n")', lambda: cat(100000.0, 1234567.0, 0.0001, 0.00001234, 123456.7, "\n"),
     '1e+05 1234567 1e-04 1.234e-05 123456.7 '),
    ('print(unlist(lapply(1:3, function(i) i / 2)))', lambda: unlist(lapply(np.arange(1, 4), lambda i: i / 2)),
     '[1] 0.5 1.0 1.5'),
    ('print(vapply(list(a = 1:3, b = 4:6), function(v) sum(v) / 2, numeric(1)))', lambda: vapply({"a": np.arange(1, 4), "b": np.arange(4, 7)}, lambda v: sum_(v) / 2, numeric(1)),
     '  a   b \n3.0 7.5 '),
    ('print(tapply(c(1, 2, 3), factor(c("u", "v", "u"), levels = c("v", "u")), sum))', lambda: tapply([1.0, 2.0, 3.0], factor(["u", "v", "u"], levels=["v", "u"]), sum_),
     'v u \n2 4 '),
    ('print(sprintf("%-8s|%8.3f|", c("ab", "cde"), c(1, 22.5)))', lambda: sprintf("%-8s|%8.3f|", ["ab", "cde"], [1.0, 22.5]),
     '[1] "ab      |   1.000|" "cde     |  22.500|"'),
    ('print(sprintf("%*d", 5, 42L))', lambda: sprintf("%*d", 5, 42),
     '[1] "   42"'),
    ('print(formatC(c(3.14159, 2.71828), digits = 3, format = "g"))', lambda: formatC([3.14159, 2.71828], digits=3, format="g"),
     '[1] "3.14" "2.72"'),
    ('print(formatC(0.000012345, format = "e", digits = 2))', lambda: formatC(0.000012345, format="e", digits=2),
     '[1] "1.23e-05"'),
    ('print(formatC(1234.5678, format = "f", digits = 1, big.mark = ","))', lambda: formatC(1234.5678, format="f", digits=1, big_mark=","),
     '[1] "1,234.6"'),
    ('print(format(c(0.5, 0.25, 0.125)))', lambda: format([0.5, 0.25, 0.125]),
     '[1] "0.500" "0.250" "0.125"'),
    ('print(format(c("a", "bbb")))', lambda: format(["a", "bbb"]),
     '[1] "a  " "bbb"'),
    ('print(format(123L, width = 6))', lambda: format(123, width=6),
     '[1] "   123"'),
    ('print(format(-1.5, nsmall = 2))', lambda: format(-1.5, nsmall=2),
     '[1] "-1.50"'),
    ('print(format(0.1 + 0.2, digits = 17))', lambda: format(0.1 + 0.2, digits=17),
     '[1] "0.30000000000000004"'),
    ('print(round(-1.005, 2))', lambda: round_(-1.005, 2),
     '[1] -1'),
    ('print(round(c(2.345, 2.355), 2))', lambda: round_(np.array([2.345, 2.355]), 2),
     '[1] 2.35 2.36'),
    ('print(signif(c(0.000123456, 98765), 3))', lambda: signif(np.array([0.000123456, 98765.0]), 3),
     '[1] 1.23e-04 9.88e+04'),
    ('print(rev(strsplit("a b c", " ")[[1]]))', lambda: rev(strsplit("a b c", " ")[0]),
     '[1] "c" "b" "a"'),
    ('print(toupper(substr("keras", 1, 1)))', lambda: toupper(substr("keras", 1, 1)),
     '[1] "K"'),
    ('print(sub("(\\\\w+) (\\\\w+)", "\\\\U\\\\2 \\\\1", "hello world", perl = TRUE))', lambda: sub(r"(\w+) (\w+)", r"\U\2 \1", "hello world", perl=True),
     '[1] "WORLD HELLO"'),
    ('print(gsub("[aeiou]", "", c(x = "banana")))', lambda: gsub("[aeiou]", "", setNames(np.array(["banana"], dtype=object), ["x"])),
     '    x \n"bnn" '),
    ('print(grepl("^[[:upper:]]", c("Abc", "abc")))', lambda: grepl("^[[:upper:]]", ["Abc", "abc"]),
     '[1]  TRUE FALSE'),
    ('print(head(letters, -23))', lambda: head(np.array(list("abcdefghijklmnopqrstuvwxyz"), dtype=object), -23),
     '[1] "a" "b" "c"'),
    ('print(tail(c(a = 1, b = 2, c = 3), 2))', lambda: tail(setNames(np.array([1.0, 2.0, 3.0]), ["a", "b", "c"]), 2),
     'b c \n2 3 '),
    ('print(order(c(2, NA, 1)))', lambda: order([2.0, np.nan, 1.0]) + 1,
     '[1] 3 1 2'),
    ('print(cumsum(c(a = 1, b = 2)))', lambda: cumsum(setNames(np.array([1.0, 2.0]), ["a", "b"])),
     'a b \n1 3 '),
    ('print(outer(1:2, 1:3, "^"))', lambda: outer(np.arange(1, 3), np.arange(1, 4), "^"),
     '     [,1] [,2] [,3]\n[1,]    1    1    1\n[2,]    2    4    8'),
    ('print(mean(matrix(1:4, 2)))', lambda: mean(matrix(np.arange(1, 5), 2)),
     '[1] 2.5'),
    ('print(max(matrix(c(1, 9, 3, 4), 2)))', lambda: max_(matrix([1.0, 9.0, 3.0, 4.0], 2)),
     '[1] 9'),
    ('print(is.na(c(a = 1, b = NA)))', lambda: is_na(setNames(np.array([1.0, np.nan]), ["a", "b"])),
     '    a     b \nFALSE  TRUE '),
    ('print(as.numeric(c(a = "1.5")))', lambda: as_numeric(setNames(np.array(["1.5"], dtype=object), ["a"])),
     '[1] 1.5'),
    ('print(as.integer(c(1.9, -0.5)))', lambda: as_integer([1.9, -0.5]),
     '[1] 1 0'),
    ('print(Reduce(function(a, b) a * b, 1:5, accumulate = TRUE))', lambda: Reduce(lambda a, b: a * b, np.arange(1, 6), accumulate=True),
     '[1]   1   2   6  24 120'),
    ('print(Filter(Negate(is.null), list(1, NULL, 2)))', lambda: Filter(lambda v: not is_null(v), [1.0, None, 2.0]),
     '[[1]]\n[1] 1\n\n[[2]]\n[1] 2'),
    ('print(identical(c(a = 1), c(a = 1)))', lambda: identical(setNames(np.array([1.0]), ["a"]), setNames(np.array([1.0]), ["a"])),
     '[1] TRUE'),
    ('print(identical(c(a = 1), c(b = 1)))', lambda: identical(setNames(np.array([1.0]), ["a"]), setNames(np.array([1.0]), ["b"])),
     '[1] FALSE'),
    ('print(all.equal(c(a = 1, b = 2), c(a = 1, b = 2)))', lambda: all_equal(setNames(np.array([1.0, 2.0]), ["a", "b"]), setNames(np.array([1.0, 2.0]), ["a", "b"])),
     '[1] TRUE'),
    ('print(all.equal(1, 1.001, tolerance = 0.01))', lambda: all_equal(1.0, 1.001, tolerance=0.01),
     '[1] TRUE'),
    ('print(all.equal(c("a", "b", "c"), c("a", "x", "y")))', lambda: all_equal(["a", "b", "c"], ["a", "x", "y"]),
     '[1] "2 string mismatches"'),
    ('print(nchar(c("one", "three")))', lambda: nchar(["one", "three"]),
     '[1] 3 5'),
    ('print(rep_len(c("x", "y"), 3))', lambda: rep(np.array(["x", "y"], dtype=object), length_out=3),
     '[1] "x" "y" "x"'),
]


@pytest.mark.parametrize(("r_expression", "port", "r_output"), R_CASES, ids=[c[0] for c in R_CASES])
def test_prints_what_r_prints(r_expression, port, r_output):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = port()
        if not r_expression.startswith("cat("):
            print_(value)
    assert out.getvalue().rstrip("\n") == r_output


# R keras3: as.data.frame(history) of fit(x, y, epochs = 3, validation_split = 0.2) with metrics = "mae"
R_HISTORY_FRAME = """\
   epoch     value metric       data
1      1 0.4861411   loss   training
2      2 0.4752500   loss   training
3      3 0.4649424   loss   training
4      1 0.5417259    mae   training
5      2 0.5346227    mae   training
6      3 0.5277175    mae   training
7      1 0.8240875   loss validation
8      2 0.8053890   loss validation
9      3 0.7875352   loss validation
10     1 0.7268846    mae validation
11     2 0.7193412    mae validation
12     3 0.7120004    mae validation"""


class _RecordedHistory:
    """The two fields of a Keras History that R's as.data.frame() reads, holding R's run."""

    history = {"loss": [0.4861411, 0.47525, 0.4649424], "mae": [0.5417259, 0.5346227, 0.5277175],
               "val_loss": [0.8240875, 0.805389, 0.7875352], "val_mae": [0.7268846, 0.7193412, 0.7120004]}
    params = {"epochs": 3}


def test_history_data_frame_prints_as_r_keras3():
    frame = as_data_frame(_RecordedHistory())
    assert str(frame) == R_HISTORY_FRAME
    # R: str(df): epoch int, value num, metric Factor w/ 2 levels "loss","mae", data Factor "training","validation"
    assert frame["epoch"].dtype.kind == "i" and frame["value"].dtype == np.float64
    assert frame["metric"].levels == ["loss", "mae"] and frame["data"].levels == ["training", "validation"]
    assert list(frame["metric"].codes) == [1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2]  # R: as.integer(df$metric)
    assert class_(frame) == "data.frame" and nrow(frame) == 12 and list(names(frame)) == ["epoch", "value",
                                                                                          "metric", "data"]


def test_history_data_frame_of_a_real_fit():
    import keras

    from kerasfn import compile, fit, keras_model_sequential, layer_dense

    model = keras_model_sequential(input_shape=2) | layer_dense(1)
    model | compile(loss="mse", metrics="mae", optimizer="sgd")
    x = np.random.default_rng(0).uniform(size=(20, 2)).astype("float32")
    history = model | fit(x, x[:, 0], epochs=2, verbose=0)
    frame = as_data_frame(history)
    assert isinstance(history, keras.callbacks.History)
    # R: str(as.data.frame(h2)) for epochs = 2 without validation:
    #   $ epoch : int  1 2 1 2 / $ metric: Factor w/ 2 levels "loss","mae": 1 1 2 2
    #   $ data  : Factor w/ 2 levels "training","validation": 1 1 1 1
    assert list(frame["epoch"]) == [1, 2, 1, 2]
    assert list(frame["metric"].labels()) == ["loss", "loss", "mae", "mae"]
    assert list(frame["data"].labels()) == ["training"] * 4
    assert frame["data"].levels == ["training", "validation"]
    np.testing.assert_allclose(frame["value"], history.history["loss"] + history.history["mae"])


def test_bind_takes_named_arguments_after_the_others():
    # R: cbind(a = 1:2, b = 3:4) prints [1,] 1 3 / [2,] 2 4 under the column names a b (names not kept here)
    assert cbind(a=np.arange(1, 3), b=np.arange(3, 5)).tolist() == [[1, 3], [2, 4]]
    assert rbind(np.arange(1, 3), b=np.arange(3, 5)).tolist() == [[1, 2], [3, 4]]  # R: rbind(1:2, b = 3:4)


def test_as_py_array_makes_r_data_what_r_keras3_hands_keras():
    # R keras3: as_py_array() is np_array(x, dtype = if (is.double(x)) config_floatx()); reticulate's
    # np_array(5, dtype = "float32")$shape is (1,), np_array(c(1L, 2L))$dtype int32
    assert as_py_array(np.array([[0.0, 1.0]]), "float32").dtype == np.float32
    assert as_py_array(np.array([1, 2]), "float32").dtype == np.int32
    assert as_py_array(5.0, "float32").shape == (1,) and as_py_array(5.0, "float32").dtype == np.float32
    assert as_py_array(None, "float32") is None


def test_names_of_a_python_object_are_its_public_attributes():
    import keras

    # R keras3: names(optimizer_adam()) printed 37 names, reticulate's dir() less the private ones
    adam_names = names(keras.optimizers.Adam())
    assert len(adam_names) == 37
    assert list(adam_names[:4]) == ["add_optimizer_variables", "add_variable", "add_variable_from_reference", "amsgrad"]
    assert list(adam_names[-3:]) == ["use_ema", "variables", "weight_decay"] and "learning_rate" in adam_names


def test_rbind_of_data_frames_as_r():
    first = data_frame(x=np.array([1, 2]), f=factor(["u", "v"]))
    both = rbind(first, data_frame(x=np.array([3]), f=factor(["w"])))
    # R: rbind(data.frame(x = 1:2, f = factor(c("u","v"))), data.frame(x = 3L, f = factor("w")))
    assert str(both) == "  x f\n1 1 u\n2 2 v\n3 3 w"
    assert both["f"].levels == ["u", "v", "w"]  # R: levels(r$f)
    with pytest.raises(ValueError, match="same columns"):
        rbind(first, data_frame(y=[1.0]))


def test_early_stopped_history_pads_missing_epochs():
    class Stopped:
        history = {"loss": [0.5, 0.25]}
        params = {"epochs": 3}

    frame = as_data_frame(Stopped())
    assert list(frame["epoch"]) == [1, 2, 3]
    assert math.isnan(frame["value"][2])  # R: rep_len(NA, pad) for the epochs not run


def test_tensors_and_shapes_are_read_as_r_reads_them():
    import keras

    x = keras.ops.ones((2, 3))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cat(dim(x), "\n")  # R keras3: cat(dim(op_ones(c(2, 3))), "\n") prints "2 3 "
        cat(keras.ops.convert_to_tensor(np.array([0.5, 0.25])), "\n")  # R: cat(as.array(...)) "0.5 0.25 "
    assert out.getvalue() == "2 3 \n0.5 0.25 \n"
    assert paste(keras.ops.convert_to_tensor(3.0)) == "3"  # R keras3: paste(op_convert_to_tensor(3)) "3"
    assert length(x) == 6  # R keras3: length(op_ones(c(2, 3))) 6
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    # R keras3: class(model)[2] "keras.src.models.model.Model"; inherits(model, "keras.src.models.model.Model")
    assert "keras.src.models.model.Model" in list(class_(model))
    assert inherits(model, "keras.src.models.model.Model") and inherits(model, "Model")


def test_files_round_trip_as_in_r(tmp_path):
    folder = file_path(str(tmp_path), "out")
    assert dir_create(folder) is True and dir_create(folder) is False  # R: TRUE, then FALSE with a warning
    path = file_path(folder, "lines.txt")
    writeLines(["first", "second"], path)
    assert list(readLines(path)) == ["first", "second"]
    assert list(readLines(path, n=1)) == ["first"]
    writeLines("x", file_path(folder, "a.csv"))
    assert list(list_files(folder)) == ["a.csv", "lines.txt"]
    assert list(list_files(folder, pattern=r"\.txt$", full_names=True)) == [path]
    assert file_exists(path) is True
    assert list(file_exists(path, file_path(folder, "none"))) == [True, False]
    assert unlink(folder) == 1 and file_exists(folder)  # R: a directory needs recursive = TRUE
    assert unlink(file_path(folder, "*.csv")) == 0 and not file_exists(file_path(folder, "a.csv"))
    assert unlink(folder, recursive=True) == 0 and not file_exists(folder)


def test_tempfile_names_a_new_path_in_the_session_directory():
    first, second = tempfile(fileext=".keras"), tempfile(fileext=".keras")
    assert first != second and first.endswith(".keras") and not os.path.exists(first)
    assert dirname(first) == tempdir() and basename(first).startswith("file")
    assert os.path.basename(tempdir()).startswith("Rtmp")
    assert list(tempfile(["a", "b"])) != [] and len(tempfile(["a", "b"])) == 2


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = str(tmp_path / "keep.txt")
    writeLines("old", path)

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        writeLines(["new", "lines"], path)
    with pytest.raises(KeyboardInterrupt):
        cat("new", file=path)
    assert pathlib.Path(path).read_text() == "old\n" and sorted(os.listdir(tmp_path)) == ["keep.txt"]


def test_cat_to_a_file_appends_as_r(tmp_path):
    path = str(tmp_path / "log.txt")
    cat("a", 1.5, "\n", file=path)
    cat("b\n", file=path, append=True)
    assert pathlib.Path(path).read_text() == "a 1.5 \nb\n"


def test_conditions_as_r():
    with pytest.raises(RError, match="^x must be positive, not -1$"):
        stop("x must be positive, not ", -1)  # R: conditionMessage(tryCatch(stop("x must be ...", -1), ...))
    with pytest.raises(RError, match="^x must be positive$"):
        stopifnot(**{"x must be positive": -1 > 0})  # R 4: stopifnot("x must be positive" = -1 > 0)
    with pytest.raises(RError, match="argument 2 is not TRUE"):
        stopifnot(True, False)
    with pytest.raises(RError, match="are not all TRUE"):
        stopifnot(np.array([True, False]))
    stopifnot(True, np.array([True, True]))
    with pytest.warns(RWarning, match="^careful$"):
        assert warning("care", "ful") == "careful"
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        message("done: ", 3)  # R: message("done: ", 3) writes "done: 3\n" to stderr
    assert err.getvalue() == "done: 3\n"


# R: set.seed(s); u <- runif(3); a <- sample(1e6, 3); b <- sample(70000, 4, replace = TRUE); p <- sample(10)
R_DRAWS = [
    (1, [0.26550866314209998, 0.37212389963679016, 0.57285336335189641], [13218, 848343, 696590],
     [45025, 50453, 61257, 42709], [5, 9, 1, 6, 10, 7, 2, 4, 3, 8]),
    (42, [0.91480604349635541, 0.93707541329786181, 0.28613953478634357], [566346, 244882, 632881],
     [64110, 64809, 5403, 29293], [5, 4, 2, 9, 3, 8, 1, 10, 6, 7]),
    (-7, [0.32649485557340086, 0.53986111702397466, 0.25473622092977166], [294738, 482956, 563543],
     [11967, 22382, 35516, 29208], [10, 4, 9, 2, 6, 8, 5, 1, 7, 3]),
    (0, [0.8966972001362592, 0.26550866314209998, 0.37212389963679016], [452737, 124413, 436523],
     [69586, 11571, 25173, 32618], [6, 7, 1, 9, 5, 10, 8, 4, 2, 3]),
    (99999, [0.33523147250525653, 0.86480542807839811, 0.38861898169852793], [12086, 324341, 805735],
     [17893, 27497, 54424, 22791], [4, 8, 5, 2, 6, 10, 9, 3, 1, 7]),
]


@pytest.mark.parametrize(("seed", "uniform", "without", "with_", "permutation"), R_DRAWS)
def test_set_seed_runif_and_sample_draw_rs_numbers(seed, uniform, without, with_, permutation):
    set_seed(seed)
    assert runif(3).tolist() == uniform  # exactly R's doubles
    assert sample(1e6, 3).tolist() == without
    assert sample(70000, 4, replace=True).tolist() == with_
    assert sample(10).tolist() == permutation


def test_runif_crosses_the_twisters_refills_as_r():
    set_seed(5)  # R: set.seed(5); runif(2000)[c(624, 625, 1249, 2000)]
    assert runif(2000)[[623, 624, 1248, 1999]].tolist() == [
        0.35430852021090686, 0.77858875994570553, 0.90273281605914235, 0.041418649256229401]
    set_seed(1)  # R: set.seed(1); runif(2, -2, 5); runif(c(7, 7, 7))
    assert runif(2, -2, 5).round(7).tolist() == [-0.1414394, 0.6048673]
    assert len(runif(np.array([7, 7, 7]))) == 3


def test_sample_and_set_seed_repeat():
    set_seed(42)
    first = sample(10)
    set_seed(42)
    assert (sample(10) == first).all()
    assert len(sample(np.array([1.0, 2.0]), 5, replace=True)) == 5
    with pytest.raises(ValueError, match="larger than the population"):
        sample(3, 5)  # R: "cannot take a sample larger than the population when 'replace = FALSE'"


def test_environment():
    assert Sys_getenv("KERASFN_SURELY_UNSET_VARIABLE", unset="none") == "none"
    try:
        assert Sys_setenv(KERASFN_BASE_R_TEST=True) is True
        assert Sys_getenv("KERASFN_BASE_R_TEST") == "TRUE"  # R: Sys.setenv(X = TRUE); Sys.getenv("X") "TRUE"
    finally:
        os.environ.pop("KERASFN_BASE_R_TEST", None)
    assert (Sys_time() - Sys_time()).total_seconds() <= 0


def test_printed_lists_end_as_r_ends_them_and_shapes_print_as_vectors():
    from kerasfn import shape

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_({"a": {"b": 1.0}})  # R: print(list(a = list(b = 1))) ends with two blank lines
        print_((2, 3))  # R: print(dim(matrix(0, 2, 3)))
        print_(shape(None, 3))  # R keras3: print(shape(NA, 3))
    assert out.getvalue() == "$a\n$a$b\n[1] 1\n\n\n[1] 2 3\nshape(NA, 3)\n"


def test_named_vectors_behave_like_r_and_python():
    scores = unlist({"loss": 0.25, "mae": 0.5})
    assert scores["mae"] == 0.5 and list(scores) == [0.25, 0.5] and scores.keys() == ["loss", "mae"]
    assert str(scores * 2) == "loss  mae \n 0.5  1.0 "  # R: unlist(list(loss = 0.25, mae = 0.5)) * 2
    assert float(np.mean(scores)) == 0.375


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


def test_glue_fills_in_names_from_the_callers_variables_as_glue():
    epoch = 2  # noqa: F841 - read by glue() from this frame
    assert glue("Start epoch {epoch} of training") == "Start epoch 2 of training"
    # R: x <- c(1, 2.5); y <- TRUE; glue::glue("{x}|{y}|{{lit}}") is "1|TRUE|{lit}" "2.5|TRUE|{lit}"
    assert glue("{x}|{y}|{{lit}}", {"x": np.array([1.0, 2.5]), "y": True}).tolist() == [
        "1|TRUE|{lit}", "2.5|TRUE|{lit}"]
    assert len(glue("a {v}", {"v": np.array([], dtype=object)})) == 0  # R: length(glue("a {v}")) is 0
    assert glue("{my.var}", {"my_var": 1}) == "1"  # the translation's name for R's my.var

    def show(msg):
        return glue(msg, parent_frame())  # R: glue(msg, .envir = parent.frame())

    def on_epoch(epoch):
        return show("epoch {epoch}")

    assert on_epoch(3) == "epoch 3"


def test_glue_runs_no_code():
    with pytest.raises(ValueError, match=r"only variable names .* not \{x \+ 1\}"):
        glue("{x + 1}", {"x": 1})
    with pytest.raises(ValueError, match="object 'z' not found"):
        glue("{z}", {})
    with pytest.raises(ValueError, match="unclosed"):
        glue("{x", {"x": 1})
    with pytest.raises(TypeError, match="`template` must be a string"):
        glue(3)
