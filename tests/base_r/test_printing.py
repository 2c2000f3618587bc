"""kerasfn.base_r.printing: R's ``print()`` and ``cat()``: vectors with their index prefixes, R's
number layouts, named vectors, lists, matrices with their names, tensors, layers and their call
signatures, named tuples; ``cat()`` to a file.

A case is (R expression, the Python port, what R printed): every expected value is what R 4 printed
for the R expression, run with ``Rscript``; the Python side prints the value with
:func:`kerasfn.base_r.print_` (or runs ``cat``), so a case checks the function and R's printed form
together.

Every expected text is what R 4.2.2 with R keras3 (reticulate, tensorflow) printed for the R code
quoted above it (TensorFlow backend)."""

from __future__ import annotations

import collections
import contextlib
import io
import pathlib

import keras
import numpy as np
import pytest
import tensorflow as tf

from kerasfn import keras_model_sequential, layer_dense
from kerasfn.base_r import cat, cbind, print_, rbind, setNames
from kerasfn.base_r.printing import render, signature_line

R_CASES = [
    ('cat(c(2L, 3L), "\\n")', lambda: cat(np.array([2, 3]), "\n"),
     '2 3 '),
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
    ('print(list(a = 1, b = "x"))', lambda: {"a": 1.0, "b": "x"},
     '$a\n[1] 1\n\n$b\n[1] "x"'),
    ('print(list(1, "x"))', lambda: [1.0, "x"],
     '[[1]]\n[1] 1\n\n[[2]]\n[1] "x"'),
    ('print(NULL)', lambda: None,
     'NULL'),
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
    ('print(c(-1.5, 2, NA, Inf))', lambda: np.array([-1.5, 2.0, np.nan, np.inf]),
     '[1] -1.5  2.0   NA  Inf'),
    ('print(c(1e-300, 1))', lambda: np.array([1e-300, 1.0]),
     '[1] 1e-300  1e+00'),
    ('print(c(0.00001, 123))', lambda: np.array([0.00001, 123.0]),
     '[1] 1.00e-05 1.23e+02'),
    ('print(1e-15)', lambda: 1e-15,
     '[1] 1e-15'),
    ('print(100 * 1:3)', lambda: 100 * np.arange(1, 4),
     '[1] 100 200 300'),
    ('print(2^31)', lambda: 2.0 ** 31,
     '[1] 2147483648'),
    ('print(c(1.123456789, 1000000))', lambda: np.array([1.123456789, 1e6]),
     '[1] 1.123457e+00 1.000000e+06'),
    ('print(list(a = NULL, b = list(1, "x")))', lambda: {"a": None, "b": [1.0, "x"]},
     '$a\nNULL\n\n$b\n$b[[1]]\n[1] 1\n\n$b[[2]]\n[1] "x"'),
    ('print(list(`my name` = 1, b2 = 2))', lambda: {"my name": 1.0, "b2": 2.0},
     '$`my name`\n[1] 1\n\n$b2\n[1] 2'),
    ('print(c(a = -1.5, b = 22))', lambda: setNames(np.array([-1.5, 22.0]), ["a", "b"]),
     '   a    b \n-1.5 22.0 '),
    ('print(c(TRUE, NA, FALSE))', lambda: np.array([True, None, False], dtype=object),
     '[1]  TRUE    NA FALSE'),
    ('print(c(0.001234, 123.4))', lambda: np.array([0.001234, 123.4]),
     '[1] 1.234e-03 1.234e+02'),
    ('print(1/7 * 10^(0:9))', lambda: 1 / 7 * 10.0 ** np.arange(0, 10),
     ' [1] 1.428571e-01 1.428571e+00 1.428571e+01 1.428571e+02 1.428571e+03\n [6] 1.428571e+04 1.428571e+05 1.428571e+06 1.428571e+07 1.428571e+08'),
    ('cat(1/7 * 10^(0:9), "\\n")', lambda: cat(1 / 7 * 10.0 ** np.arange(0, 10), "\n"),
     '0.1428571 1.428571 14.28571 142.8571 1428.571 14285.71 142857.1 1428571 14285714 142857143 '),
    ('cat(100000, 1234567, 0.0001, 0.00001234, 123456.7, "\\n")', lambda: cat(100000.0, 1234567.0, 0.0001, 0.00001234, 123456.7, "\n"),
     '1e+05 1234567 1e-04 1.234e-05 123456.7 '),
]


@pytest.mark.parametrize(("r_expression", "port", "r_output"), R_CASES, ids=[c[0] for c in R_CASES])
def test_prints_what_r_prints(r_expression, port, r_output, printed_by_port):
    assert printed_by_port(r_expression, port) == r_output


def test_printed_lists_end_as_r_ends_them_and_shapes_print_as_vectors():
    from kerasfn import shape

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_({"a": {"b": 1.0}})  # R: print(list(a = list(b = 1))) ends with two blank lines
        print_((2, 3))  # R: print(dim(matrix(0, 2, 3)))
        print_(shape(None, 3))  # R keras3: print(shape(NA, 3))
    assert out.getvalue() == "$a\n$a$b\n[1] 1\n\n\n[1] 2 3\nshape(NA, 3)\n"


def test_cat_to_a_file_appends_as_r(tmp_path):
    path = str(tmp_path / "log.txt")
    cat("a", 1.5, "\n", file=path)
    cat("b\n", file=path, append=True)
    assert pathlib.Path(path).read_text() == "a 1.5 \nb\n"


tensorflow_backend = pytest.mark.skipif(keras.backend.backend() != "tensorflow",
                                        reason="Keras variables are TensorFlow tensors on that backend only")


def test_a_tensor_prints_as_python_s_str_with_a_one_dimensional_shape_written_as_r_does(capsys, printed):
    # R: op_array(c(1, 2, 3)); op_array(2); op_array(3L); op_reshape(op_arange(6), c(2, 3))
    assert render(tf.constant([1.0, 2.0, 3.0])) == "tf.Tensor([1. 2. 3.], shape=(3), dtype=float32)"
    assert render(tf.constant(2.0)) == "tf.Tensor(2.0, shape=(), dtype=float32)"
    assert render(tf.constant(3)) == "tf.Tensor(3, shape=(), dtype=int32)"
    assert printed(print_, tf.reshape(tf.range(1.0, 7.0), (2, 3)), capsys) == (
        "tf.Tensor(\n[[1. 2. 3.]\n [4. 5. 6.]], shape=(2, 3), dtype=float32)\n")


def test_lists_of_tensors_print_each_element_under_its_position_or_name():
    x = tf.constant([1.0, 2.0, 3.0])
    # R: list(x, x)
    assert render([x, x]) == ("[[1]]\ntf.Tensor([1. 2. 3.], shape=(3), dtype=float32)\n\n"
                              "[[2]]\ntf.Tensor([1. 2. 3.], shape=(3), dtype=float32)\n")
    # R: list(a = x, b = 2)
    assert render({"a": x, "b": 2.0}) == "$a\ntf.Tensor([1. 2. 3.], shape=(3), dtype=float32)\n\n$b\n[1] 2\n"


@tensorflow_backend
def test_a_keras_variable_prints_as_a_tensorflow_tensor():
    # R: keras_variable(c(1, 2))
    variable = keras.Variable(np.array([1.0, 2.0], dtype="float32"), name="variable")
    assert render(variable) == "<Variable path=variable, shape=(2), dtype=float32, value=[1. 2.]>"


def test_a_layer_prints_its_repr_and_its_call_signature():
    # R: layer_dense(units = 3)
    layer = layer_dense(units=3, name="dense")
    assert render(layer) == "<Dense name=dense, built=False>\n signature: (*args, **kwargs)"
    # R: model$layers, a list of one layer
    model = keras_model_sequential(input_shape=2) | layer_dense(3, name="dense_1")
    assert render(model.layers) == "[[1]]\n<Dense name=dense_1, built=True>\n signature: (*args, **kwargs)\n"


def test_a_long_signature_puts_each_parameter_on_its_own_line():
    def build(units_of_the_first_layer, units_of_the_second_layer, activation="relu", *, name=None):
        return None

    # reticulate's layout past 60 characters, as R printed it for this Python function
    assert signature_line(build) == (
        " signature: (\n   units_of_the_first_layer, \n   units_of_the_second_layer, \n"
        "   activation='relu',\n   *, \n   name=None\n)")


def test_arrays_keras_returns_print_as_r_arrays_and_a_tensor_s_dim_as_integers():
    # R: predict(model, matrix(1:4, 2)) printed as R's matrix (7 significant digits a column)
    predicted = np.array([[1.348191, 2.225956, 3.407739], [1.982288, 2.411022, 5.220294]], dtype="float32")
    assert render(predicted) == ("         [,1]     [,2]     [,3]\n[1,] 1.348191 2.225956 3.407739\n"
                                 "[2,] 1.982288 2.411022 5.220294")
    # R: dim(op_expand_dims(x, -1)) where x has dim c(600, 28, 28)
    assert render(tf.TensorShape([600, 28, 28, 1])) == "[1] 600  28  28   1"
    # R: a character value keras returns, config_floatx()
    assert render("float32") == '[1] "float32"'


def test_a_named_tuple_keras_returns_prints_as_r_s_named_list():
    # R keras3's op_top_k() gives a named list; R printed (help page of op_top_k, 1-based indices):
    top_k = collections.namedtuple("TopK", ["values", "indices"])(tf.constant([9, 7, 5]), tf.constant([5, 3, 1]))
    assert render(top_k) == ("$values\ntf.Tensor([9 7 5], shape=(3), dtype=int32)\n\n"
                             "$indices\ntf.Tensor([5 3 1], shape=(3), dtype=int32)\n")


def test_an_empty_dict_is_an_empty_named_list_and_an_empty_list_a_list():
    # R: print(list(a = setNames(list(), character(0)), b = list()))
    assert render({"a": {}, "b": []}) == "$a\nnamed list()\n\n$b\nlist()\n"


def test_a_matrix_bound_from_named_arguments_prints_its_names():
    # R: rbind(a = c(1.5, 2), bb = c(3, 4)); cbind(x = c("u", "v"), yy = c("w", "z")); m * 2, m[, 1]
    # for m <- cbind(a = 1:2, b = 3:4)
    assert render(rbind(a=np.array([1.5, 2.0]), bb=np.array([3.0, 4.0]))) == (
        "   [,1] [,2]\na   1.5    2\nbb  3.0    4")
    assert render(cbind(x=np.array(["u", "v"], dtype=object), yy=np.array(["w", "z"], dtype=object))) == (
        '     x   yy \n[1,] "u" "w"\n[2,] "v" "z"')
    m = cbind(a=np.array([1, 2]), b=np.array([3, 4]))
    assert render(m * 2) == "     a b\n[1,] 2 6\n[2,] 4 8"
    assert render(m[:, 0]) == "[1] 1 2"
    # R: cbind(focal_loss = ..., bce_loss = ..., ratio = ...) (help page of metric_binary_focal_crossentropy)
    table = cbind(focal_loss=np.array([0.3298647, 0.2057984]), bce_loss=np.array([0.9162908, 0.7135582]),
                  ratio=np.array([0.36, 0.2884115]))
    assert render(table) == ("     focal_loss  bce_loss     ratio\n[1,]  0.3298647 0.9162908 0.3600000\n"
                             "[2,]  0.2057984 0.7135582 0.2884115")
