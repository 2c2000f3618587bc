"""kerasfn.base_r.structure: R's ``str()`` of vectors, arrays, lists, tensors, named vectors,
factors, data frames, training histories, shapes and configs, with R's three significant digits and
its first values only.

Every expected text is what R 4.2.2 with R keras3 (reticulate, tensorflow) printed for the R code
quoted above it (TensorFlow backend)."""

from __future__ import annotations

import keras
import numpy as np
import tensorflow as tf

from kerasfn import Layer, get_config, layer_dense, shape
from kerasfn.base_r import DataFrame, NamedVector, cbind, factor, rbind, str_, t
from kerasfn.base_r.printing import render


def test_str_of_vectors_arrays_and_lists(capsys, printed):
    # R: str(1:10); str(c(1.5, 2)); str("float32"); str(NULL); str(list()); str(matrix(1:6, 2))
    assert printed(str_, np.arange(1, 11), capsys) == " int [1:10] 1 2 3 4 5 6 7 8 9 10\n"
    assert printed(str_, np.array([1.5, 2.0]), capsys) == " num [1:2] 1.5 2\n"
    assert printed(str_, "float32", capsys) == ' chr "float32"\n'
    assert printed(str_, None, capsys) == " NULL\n"
    assert printed(str_, [], capsys) == " list()\n"
    assert printed(str_, np.array([[1, 3, 5], [2, 4, 6]]), capsys) == " int [1:2, 1:3] 1 2 3 4 5 6\n"
    # R: str(list(a = 1L, bb = "x", c = TRUE))
    assert printed(str_, {"a": 1, "bb": "x", "c": True}, capsys) == (
        'List of 3\n $ a : int 1\n $ bb: chr "x"\n $ c : logi TRUE\n')
    # R: str(list(a = list(b = 1, c = 2), d = 3))
    assert printed(str_, {"a": {"b": 1.0, "c": 2.0}, "d": 3.0}, capsys) == (
        "List of 2\n $ a:List of 2\n  ..$ b: num 1\n  ..$ c: num 2\n $ d: num 3\n")


def test_str_shows_numbers_with_three_digits_and_five_of_them_unless_they_are_round(capsys, printed):
    # R: str(p), p <- predict(...) the 2 x 3 matrix above: values in column-major order
    predicted = np.array([[1.348191, 2.225956, 3.407739], [1.982288, 2.411022, 5.220294]])
    assert printed(str_, predicted, capsys) == " num [1:2, 1:3] 1.35 1.98 2.23 2.41 3.41 ...\n"
    # R: str(c(0.99, 0.959, 0.91, 0.841, 0.756, 0.6)): trailing zeros dropped value by value
    assert printed(str_, np.array([0.99, 0.959, 0.91, 0.841, 0.756, 0.6]), capsys) == (
        " num [1:6] 0.99 0.959 0.91 0.841 0.756 0.6\n")
    # R: str(list(loss = c(1.59, 1.3)))
    assert printed(str_, {"loss": [1.59, 1.3]}, capsys) == (
        "List of 1\n $ loss:List of 2\n  ..$ : num 1.59\n  ..$ : num 1.3\n")
    assert printed(str_, {"loss": np.array([1.59, 1.3])}, capsys) == "List of 1\n $ loss: num [1:2] 1.59 1.3\n"
    # R: str(array(1:(2 * 3 * 1), c(2, 3, 1))): an extent of 1 shows as 1
    assert printed(str_, np.arange(1, 7).reshape(2, 3, 1, order="F"), capsys) == " int [1:2, 1:3, 1] 1 2 3 4 5 6\n"


def test_str_of_tensors_shows_the_first_line_of_their_repr(capsys, printed):
    # R: str(op_array(c(1, 2, 3))); str(op_array(2)); str(list(x, 1))
    x = tf.constant([1.0, 2.0, 3.0])
    assert printed(str_, x, capsys) == (
        "<tf.Tensor: shape=(3), dtype=float32, numpy=array([1., 2., 3.], dtype=float32)>\n")
    assert printed(str_, tf.constant(2.0), capsys) == "<tf.Tensor: shape=(), dtype=float32, numpy=2.0>\n"
    assert printed(str_, [x, 1.0], capsys) == (
        "List of 2\n $ :<tf.Tensor: shape=(3), dtype=float32, numpy=array([1., 2., 3.], dtype=float32)>\n"
        " $ : num 1\n")
    # R: str(lstm_layer(x)), a 3 x 128 result (help page of rnn_cells_stack)
    assert printed(str_, tf.zeros((3, 128)), capsys) == "<tf.Tensor: shape=(3, 128), dtype=float32, numpy=…>\n"


def test_str_of_named_vectors_factors_logicals_and_wide_or_tiny_numbers(capsys, printed):
    # R: str(c(a = 1, b = 2)); str(list(a = c(x = 1L, y = 2L))); str(factor(c("a", "b", "a")))
    assert printed(str_, NamedVector([1.0, 2.0], ["a", "b"]), capsys) == (
        ' Named num [1:2] 1 2\n - attr(*, "names")= chr [1:2] "a" "b"\n')
    assert printed(str_, {"a": NamedVector(np.array([1, 2]), ["x", "y"])}, capsys) == (
        'List of 1\n $ a: Named int [1:2] 1 2\n  ..- attr(*, "names")= chr [1:2] "x" "y"\n')
    assert printed(str_, factor(["a", "b", "a"]), capsys) == ' Factor w/ 2 levels "a","b": 1 2 1\n'
    # R: str(c(TRUE, FALSE, NA, TRUE, TRUE, TRUE, FALSE, FALSE)); str(c("alpha", "beta"))
    assert printed(str_, np.array([True, False, None, True, True, True, False, False], dtype=object), capsys) == (
        " logi [1:8] TRUE FALSE NA TRUE TRUE TRUE ...\n")
    assert printed(str_, np.array(["alpha", "beta"], dtype=object), capsys) == ' chr [1:2] "alpha" "beta"\n'
    # R: str(seq(0.5, 12, by = 0.5)); str(c(1e-12, 1)); str(numeric(0)); str(1e10); str(123456789)
    assert printed(str_, np.arange(1, 25) / 2, capsys) == " num [1:24] 0.5 1 1.5 2 2.5 3 3.5 4 4.5 5 ...\n"
    assert printed(str_, np.array([1e-12, 1.0]), capsys) == " num [1:2] 1e-12 1e+00\n"
    assert printed(str_, np.array([], dtype=float), capsys) == " num(0) \n"
    assert printed(str_, 1e10, capsys) == " num 1e+10\n"
    assert printed(str_, 123456789.0, capsys) == " num 1.23e+08\n"


def test_str_of_a_training_history_and_a_shape_shows_r_keras3_s_classed_lists(capsys, printed):
    # R: str(h), h <- fit(..., epochs = 2, verbose = 0) on one batch; losses 66.00000 19.00747
    history = keras.callbacks.History()
    history.params, history.history = {"verbose": 0, "epochs": 2, "steps": 1}, {"loss": [66.0, 19.00747]}
    assert printed(str_, history, capsys) == (
        "List of 2\n $ params :List of 3\n  ..$ verbose: int 0\n  ..$ epochs : int 2\n  ..$ steps  : int 1\n"
        ' $ metrics:List of 1\n  ..$ loss: num [1:2] 66 19\n - attr(*, "class")= chr "keras_training_history"\n')
    # R: str(shape(NA, 4)); str(list(a = shape(2), b = 1))
    assert printed(str_, shape(None, 4), capsys) == (
        'List of 2\n $ : NULL\n $ : int 4\n - attr(*, "class")= chr "keras_shape"\n')
    assert printed(str_, {"a": shape(2), "b": 1.0}, capsys) == (
        'List of 2\n $ a:List of 1\n  ..$ : int 2\n  ..- attr(*, "class")= chr "keras_shape"\n $ b: num 1\n')
    # R: str(c(NA, 4L)), what dim() gives for a tensor of unknown batch size
    assert printed(str_, (None, 4), capsys) == " int [1:2] NA 4\n"


def test_str_of_data_frames_and_factors_with_many_levels(capsys, printed):
    # R: str(data.frame(a = c(1, 2, 3), b = c("x", "y", "z"))): no lengths, a blank in their place
    frame = DataFrame({"a": np.array([1.0, 2.0, 3.0]), "b": np.array(["x", "y", "z"], dtype=object)})
    assert printed(str_, frame, capsys) == (
        "'data.frame':\t3 obs. of  2 variables:\n $ a: num  1 2 3\n $ b: chr  \"x\" \"y\" \"z\"\n")
    # R: str(data.frame(epoch = 1:12, value = (1:12)/7, metric = factor(rep(c("loss", "mae"), 6)),
    #                   data = factor(rep("training", 12))))  -- as.data.frame(history)'s columns
    history_frame = DataFrame({"epoch": np.arange(1, 13), "value": np.arange(1, 13) / 7,
                               "metric": factor(["loss", "mae"] * 6), "data": factor(["training"] * 12)})
    assert printed(str_, history_frame, capsys) == (
        "'data.frame':\t12 obs. of  4 variables:\n"
        " $ epoch : int  1 2 3 4 5 6 7 8 9 10 ...\n"
        " $ value : num  0.143 0.286 0.429 0.571 0.714 ...\n"
        ' $ metric: Factor w/ 2 levels "loss","mae": 1 2 1 2 1 2 1 2 1 2 ...\n'
        ' $ data  : Factor w/ 1 level "training": 1 1 1 1 1 1 1 1 1 1 ...\n')
    # R: str(list(d = data.frame(a = 1:2))): inside a list the lengths show
    assert printed(str_, {"d": DataFrame({"a": np.array([1, 2])})}, capsys) == (
        "List of 1\n $ d:'data.frame':\t2 obs. of  1 variable:\n  ..$ a: int [1:2] 1 2\n")
    # R: str(factor(c("loss", "mae", "val_loss", "val_mae"))): levels past 13 characters cut
    assert printed(str_, factor(["loss", "mae", "val_loss", "val_mae"]), capsys) == (
        ' Factor w/ 4 levels "loss","mae","val_loss",..: 1 2 3 4\n')


def test_a_config_shows_the_class_it_remembers_as_r_s_class_attribute(capsys, printed):
    linear = Layer("Linear", initialize=lambda self, units=32: setattr(self, "units", int(units)),
                   get_config=lambda self: {"units": self.units})
    # R: str(get_config(layer_linear(units = 64))), the class defined by the script with Layer()
    assert printed(str_, get_config(linear(units=64)), capsys) == (
        'List of 1\n $ units: int 64\n - attr(*, "__class__")=<class \'<r-globalenv>.Linear\'>\n')
    # R: print(config) shows the attribute after the elements
    assert render(get_config(linear(units=64))).startswith(
        '$units\n[1] 64\n\nattr(,"__class__")\n<class \'<r-globalenv>.Linear\'>\n signature: (')
    # R: str(get_config(layer_dense(units = 2, name = "d"))), its first and last lines
    lines = printed(str_, get_config(layer_dense(units=2, name="d")), capsys).splitlines()
    assert lines[:4] == ["List of 13", ' $ name               : chr "d"', " $ trainable          : logi TRUE",
                         " $ dtype              :List of 4"]
    assert lines[-2:] == [" $ quantization_config: NULL",
                          " - attr(*, \"__class__\")=<class 'keras.src.layers.core.dense.Dense'>"]
    assert "  ..$ config         : Named list()" in lines and "  .. ..$ name: chr \"float32\"" in lines


def test_a_named_matrix_transposes_sums_and_shows_its_names_as_r_does(capsys, printed):
    m = cbind(a=np.array([1.0, 2.0]), b=np.array([3.0, 4.0]))
    # R: t(m); sum(m) is a number; str(m); str(rbind(x = 1:2)); str(list(m = m))
    assert render(t(m)) == "  [,1] [,2]\na    1    2\nb    3    4"
    assert isinstance(m.sum(), float) and m.sum() == 10.0
    assert printed(str_, m, capsys) == (
        ' num [1:2, 1:2] 1 2 3 4\n - attr(*, "dimnames")=List of 2\n  ..$ : NULL\n  ..$ : chr [1:2] "a" "b"\n')
    assert printed(str_, rbind(x=np.array([1, 2])), capsys) == (
        ' int [1, 1:2] 1 2\n - attr(*, "dimnames")=List of 2\n  ..$ : chr "x"\n  ..$ : NULL\n')
    assert printed(str_, {"m": m}, capsys) == (
        'List of 1\n $ m: num [1:2, 1:2] 1 2 3 4\n  ..- attr(*, "dimnames")=List of 2\n  .. ..$ : NULL\n'
        '  .. ..$ : chr [1:2] "a" "b"\n')


def test_str_of_missing_and_infinite_numbers_and_empty_arrays(capsys, printed):
    # R: str(c(1.5, NA, 3)); str(c(Inf, 1)); str(matrix(0, 2, 0)); str(character(0))
    assert printed(str_, np.array([1.5, np.nan, 3.0]), capsys) == " num [1:3] 1.5 NA 3\n"
    assert printed(str_, np.array([np.inf, 1.0]), capsys) == " num [1:2] Inf 1\n"
    assert printed(str_, np.zeros((2, 0)), capsys) == " num[1:2, 0 ] \n"
    assert printed(str_, np.array([], dtype=object), capsys) == " chr(0) \n"
