"""kerasfn.base_r.matrices: column-major matrices and arrays, ``apply()``, ``sweep()``, ``outer()``,
``rbind()``/``cbind()`` (with named arguments, and of data frames).

A case is (R expression, the Python port, what R printed): every expected value is what R 4 printed
for the R expression, run with ``Rscript``; the Python side prints the value with
:func:`kerasfn.base_r.print_` (or runs ``cat``), so a case checks the function and R's printed form
together."""

from __future__ import annotations

import numpy as np
import pytest

from kerasfn.base_r import (
    apply,
    array,
    cbind,
    colMeans,
    colSums,
    data_frame,
    dim,
    drop,
    factor,
    matrix,
    max_,
    ncol,
    nrow,
    outer,
    rbind,
    rowMeans,
    rowSums,
    sum_,
    sweep,
    t,
)

R_CASES = [
    ('print(matrix(1:6, 2))', lambda: matrix(np.arange(1, 7), 2),
     '     [,1] [,2] [,3]\n[1,]    1    3    5\n[2,]    2    4    6'),
    ('print(matrix(c(1.5, 2, 3, 4), 2))', lambda: matrix([1.5, 2.0, 3.0, 4.0], 2),
     '     [,1] [,2]\n[1,]  1.5    3\n[2,]  2.0    4'),
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
    ('drop(matrix(c(2, 4, 6), 1))', lambda: drop(matrix(np.array([2.0, 4.0, 6.0]), 1)),
     '[1] 2 4 6'),
    ('drop(array(1:6, c(2, 1, 3)))', lambda: drop(array(np.arange(1, 7), (2, 1, 3))),
     '     [,1] [,2] [,3]\n[1,]    1    3    5\n[2,]    2    4    6'),
    ('nrow(data.frame(a = 1:3, b = 4:6))', lambda: nrow(data_frame(a=np.arange(1, 4), b=np.arange(4, 7))),
     '[1] 3'),
    ('dim(data.frame(a = 1:3, b = 4:6))', lambda: dim(data_frame(a=np.arange(1, 4), b=np.arange(4, 7))),
     '[1] 3 2'),
    ('m <- matrix(c(0.5, 123.25, -1, 2), 2); print(m)', lambda: matrix([0.5, 123.25, -1.0, 2.0], 2),
     '       [,1] [,2]\n[1,]   0.50   -1\n[2,] 123.25    2'),
    ('print(matrix(c("a","bb","c","d"), 2))', lambda: matrix(np.array(["a", "bb", "c", "d"], dtype=object), 2),
     '     [,1] [,2]\n[1,] "a"  "c" \n[2,] "bb" "d" '),
    ('print(matrix(1:40, 2))', lambda: matrix(np.arange(1, 41), 2),
     '     [,1] [,2] [,3] [,4] [,5] [,6] [,7] [,8] [,9] [,10] [,11] [,12] [,13] [,14]\n[1,]    1    3    5    7    9   11   13   15   17    19    21    23    25    27\n[2,]    2    4    6    8   10   12   14   16   18    20    22    24    26    28\n     [,15] [,16] [,17] [,18] [,19] [,20]\n[1,]    29    31    33    35    37    39\n[2,]    30    32    34    36    38    40'),
    ('print(rowSums(matrix(c(1, NA, 3, 4), 2), na.rm = TRUE))', lambda: rowSums(matrix([1.0, np.nan, 3.0, 4.0], 2), na_rm=True),
     '[1] 4 4'),
    ('print(array(1:12, c(2, 3, 2)))', lambda: array(np.arange(1, 13), (2, 3, 2)),
     ', , 1\n\n     [,1] [,2] [,3]\n[1,]    1    3    5\n[2,]    2    4    6\n\n, , 2\n\n     [,1] [,2] [,3]\n[1,]    7    9   11\n[2,]    8   10   12'),
    ('print(matrix(c(1.5, NA, -2, 1000), 2))', lambda: matrix([1.5, np.nan, -2.0, 1000.0], 2),
     '     [,1] [,2]\n[1,]  1.5   -2\n[2,]   NA 1000'),
    ('print(outer(1:2, 1:3, "^"))', lambda: outer(np.arange(1, 3), np.arange(1, 4), "^"),
     '     [,1] [,2] [,3]\n[1,]    1    1    1\n[2,]    2    4    8'),
]


@pytest.mark.parametrize(("r_expression", "port", "r_output"), R_CASES, ids=[c[0] for c in R_CASES])
def test_prints_what_r_prints(r_expression, port, r_output, printed_by_port):
    assert printed_by_port(r_expression, port) == r_output


def test_bind_takes_named_arguments_after_the_others():
    # R: cbind(a = 1:2, b = 3:4) prints [1,] 1 3 / [2,] 2 4 under the column names a b (names not kept here)
    assert cbind(a=np.arange(1, 3), b=np.arange(3, 5)).tolist() == [[1, 3], [2, 4]]
    assert rbind(np.arange(1, 3), b=np.arange(3, 5)).tolist() == [[1, 2], [3, 4]]  # R: rbind(1:2, b = 3:4)


def test_rbind_of_data_frames_as_r():
    first = data_frame(x=np.array([1, 2]), f=factor(["u", "v"]))
    both = rbind(first, data_frame(x=np.array([3]), f=factor(["w"])))
    # R: rbind(data.frame(x = 1:2, f = factor(c("u","v"))), data.frame(x = 3L, f = factor("w")))
    assert str(both) == "  x f\n1 1 u\n2 2 v\n3 3 w"
    assert both["f"].levels == ["u", "v", "w"]  # R: levels(r$f)
    with pytest.raises(ValueError, match="same columns"):
        rbind(first, data_frame(y=[1.0]))
