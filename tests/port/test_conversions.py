"""kerasfn.port.conversions: R keras3's conversions of arguments, made in the translation and only
for R keras3's functions: 1-based axes and positions (``as_py_index``), R's doubles and integers, R vectors
as reticulate passes them, data as Keras' float type (``as_py_array``), callbacks' 1-based counters.

Expected Python follows the README's porting rules; a value checked is what R with R keras3 printed for the R code,
quoted beside the assertion."""

from __future__ import annotations

import numpy as np

from kerasfn.port import translate


def test_positive_axes_shift_and_negative_ones_stay(body):
    assert body("y <- layer_concatenate(list(a, b), axis = 2)") == "y = layer_concatenate([a, b], axis=1)"
    assert body("y <- layer_concatenate(list(a, b), axis = -1)") == "y = layer_concatenate([a, b], axis=-1)"


def test_r_axes_shift_only_in_r_keras3_functions_never_in_tf_calls(body):
    # R: dim(tf$concat(list(a, b), axis = 1L)) is 2 4 (TensorFlow's own axis 1); dim(op_concatenate(..., axis = 1L)) 4 2
    python = body("y <- tf$concat(list(a, b), axis = 1L)\nz <- op_concatenate(list(a, b), axis = 1L)\n"
                  "k <- op_argmax(x, 2)\nm <- keras$ops$argmax(x, axis = 2L)\n")
    assert python == ("y = tf.concat([a, b], axis=1)\nz = op_concatenate([a, b], axis=0)\nk = op_argmax(x, 1) + 1\n"
                      "m = keras.ops.argmax(x, axis=2)")


def test_r_positions_shift_as_r_keras3_s_as_py_index(body, run):
    # R: op_take(c(10, 20, 30, 40), c(1, 3)) is [10, 30]; op_one_hot(c(1L, 3L), 3L) rows 1 0 0 / 0 0 1
    assert body("t <- op_take(x, c(1, 3))\n") == "t = op_take(x, [0, 2])"
    assert body("t <- op_take(x, c(1, 3), zero_indexed = TRUE)\n") == "t = op_take(x, (1, 3), zero_indexed=True)"
    assert body("o <- op_one_hot(y, 10)\n").endswith("o = op_one_hot(as_py_index(y), 10)")
    assert body("o <- op_one_hot(c(1L, 3L), 3L)\n") == "o = op_one_hot([0, 2], 3)"
    assert body("o <- op_take(x, -1)\n") == "o = op_take(x, -1)"  # 0 and negatives kept, as R keeps them
    values = run("library(keras3)\nx <- op_convert_to_tensor(c(10, 20, 30, 40))\nt <- op_take(x, c(1, 3))\n"
                 "h <- op_one_hot(c(1L, 3L), 3L)\n")
    assert np.asarray(values["t"]).tolist() == [10.0, 30.0]
    assert np.asarray(values["h"]).tolist() == [[1, 0, 0], [0, 0, 1]]


def test_positions_in_a_variable_are_r_keras3_s_as_py_index(body, run):
    source = ("library(keras3)\nindices <- rbind(c(1, 2), c(2, 2))\n"
              "s <- op_scatter(indices, op_array(c(1, 1)), shape = c(2, 2))\n"
              "labels <- op_array(c(1L, 3L))\no <- op_one_hot(labels, 3)\n")
    assert "op_scatter(as_py_index(indices)," in body(source)
    namespace = run(source)
    # R keras3: tf.Tensor([[0. 1.] [0. 1.]], dtype=float32) (the double positions became integers), and
    # op_one_hot of a tensor of 1 and 3: rows 1 0 0 / 0 0 1
    assert np.asarray(namespace["s"]).tolist() == [[0.0, 1.0], [0.0, 1.0]]
    assert np.asarray(namespace["o"]).tolist() == [[1, 0, 0], [0, 0, 1]]


def test_callback_lambda_gets_r_s_one_based_batch_and_epoch(printed):
    # R printed, for fit(4 rows, batch_size = 2, epochs = 2): batch 1, batch 2, epoch 1, batch 1, batch 2, epoch 2
    r_source = ("library(keras3)\nmodel <- keras_model_sequential(input_shape = 1) |> layer_dense(1)\n"
                "model |> compile(loss = 'mse', optimizer = 'sgd')\n"
                "cb <- callback_lambda(on_epoch_end = function(epoch, logs) cat('epoch', epoch, '\\n'),\n"
                "  on_train_batch_end = \\(batch, logs) cat('batch', batch, '\\n'))\n"
                "h <- model |> fit(matrix(1:4), matrix(1:4), epochs = 2, batch_size = 2, verbose = 0, "
                "callbacks = list(cb))\n")
    # kerasfn's callback_lambda() adds one, as R keras3's does: nothing to note about the counters
    assert [note for note in translate(r_source).notes if "count" in note.reason] == []
    assert printed(r_source) == "batch 1 \nbatch 2 \nepoch 1 \nbatch 1 \nbatch 2 \nepoch 2 \n"
    # R: Callback("C", on_epoch_begin = ...) in fit(epochs = 2) printed "begin 1", "begin 2"
    r_source = ("library(keras3)\nmodel <- keras_model_sequential(input_shape = 1) |> layer_dense(1)\n"
                "model |> compile(loss = 'mse', optimizer = 'sgd')\n"
                "C <- Callback('C', on_epoch_begin = function(epoch, logs = NULL) cat('begin', epoch, '\\n'))\n"
                "h <- model |> fit(matrix(1:4), matrix(1:4), epochs = 2, batch_size = 4, verbose = 0, "
                "callbacks = list(C()))\n")
    assert printed(r_source) == "begin 1 \nbegin 2 \n"


def test_a_double_given_as_data_stays_a_double(body, run):
    # R keras3: op_arange(4) prints tf.Tensor([1. 2. 3. 4.], shape=(4), dtype=float32)
    assert body("x <- op_arange(4)\n") == "x = op_arange(4.0)"
    assert body("x <- op_arange(4L)\n") == "x = op_arange(4)"
    values = run("library(keras3)\nx <- op_arange(4)\n")["x"]
    assert np.asarray(values).tolist() == [1.0, 2.0, 3.0, 4.0] and "float" in str(values.dtype)


def test_r_vectors_reach_keras_as_r_keras3_passes_them(body, run):
    source = ("library(keras3)\na <- op_add(c(1, 2), c(3, 4))\nb <- op_convert_to_tensor(c(1, 2))\n"
              "l <- loss_mean_squared_error(c(0, 1), c(0.5, 0.5))\nn <- op_array(1:5)\n")
    python = body(source)
    assert "op_add([1.0, 2.0], [3.0, 4.0])" in python  # no conversion: reticulate's list of doubles
    assert "np.array([0.0, 1.0], dtype=config_floatx())" in python  # as_py_array(): Keras' float type
    assert "np.arange(1, 6, dtype=np.int32)" in python  # R's integers are int32 in Python
    namespace = run(source)
    # R keras3 printed: dtype=float32, float64 (op_convert_to_tensor makes an array first), float32, int32
    assert [str(namespace[name].dtype.name) for name in "abln"] == ["float32", "float64", "float32", "int32"]


def test_r_doubles_stay_doubles_where_r_keras3_passes_them_on(body, run):
    source = ("library(keras3)\ns <- op_scatter(indices = rbind(1), values = 1, shape = c(5))\n"
              "t <- tensorflow::as_tensor(-1)\n"
              "f <- op_fori_loop(0, 3, function(i, v) v + i, op_convert_to_tensor(0, 'float32'))\n")
    python = body(source)
    assert "values=np.array([1.0])" in python and "as_tensor(-1.0)" in python and "op_fori_loop(0.0, 3.0," in python
    namespace = run(source)
    # R keras3 printed tf.Tensor([1. 0. 0. 0. 0.], shape=(5), dtype=float64) (as_array(1): a 1-d array),
    # tf.Tensor(-1.0, shape=(), dtype=float64), and 3 (0 + 1 + 2) for the loop over doubles
    assert np.asarray(namespace["s"]).tolist() == [1.0, 0, 0, 0, 0] and namespace["s"].dtype.name == "float64"
    assert namespace["t"].dtype.name == "float64" and float(namespace["f"]) == 3.0


def test_data_r_keras3_converts_with_as_py_array_is_keras_float_type(body, run):
    source = ("library(keras3)\ny_true <- rbind(c(0, 1), c(0, 0))\ny_pred <- rbind(c(0.6, 0.4), c(0.4, 0.6))\n"
              "loss <- loss_binary_crossentropy(y_true, y_pred)\n"
              "s <- loss_sparse_categorical_crossentropy(c(1L, 2L), rbind(c(0.1, 0.8, 0.1), c(0.1, 0.1, 0.8)))\n")
    python = body(source)
    assert "loss_binary_crossentropy(\n    as_py_array(y_true, config_floatx()), as_py_array(y_pred, config_floatx())\n)" in python
    namespace = run(source)
    # R keras3: tf.Tensor([0.91629076 0.7135582 ], shape=(2), dtype=float32) and
    # tf.Tensor([0.22314355 0.22314355], shape=(2), dtype=float32)
    assert namespace["loss"].dtype.name == "float32"
    np.testing.assert_allclose(np.asarray(namespace["loss"]), [0.91629076, 0.7135582], rtol=1e-6)
    np.testing.assert_allclose(np.asarray(namespace["s"]), [0.22314355, 0.22314355], rtol=1e-6)


def test_conversions_r_keras3_makes_in_a_function_body(run):
    source = ("library(keras3)\nx <- op_arange(12)\nhalves <- op_split(x, 2)\nparts <- op_split(x, array(c(3, 8)))\n"
              "add_fn <- function(x, y) x + y + 100\nsub_fn <- function(x, y) x - y - 100\n"
              "first <- op_switch(1, list(add_fn, sub_fn), op_array(2), op_array(0.5))\n"
              "second <- op_switch(2, list(add_fn, sub_fn), op_array(2), op_array(0.5))\n"
              "t <- op_convert_to_tensor(c(1, NaN, -Inf, Inf))\n")
    namespace = run(source)
    # R keras3: op_split(x, 2) halves of 6; op_split(x, array(c(3, 8))) is [1 2], [3 .. 7], [8 .. 12];
    # op_switch(1, ...) is 102.5 and op_switch(2, ...) -98.5 (as_py_index(index)); the tensor is float64
    assert [len(np.asarray(part)) for part in namespace["halves"]] == [6, 6]
    assert [np.asarray(part).tolist()[0] for part in namespace["parts"]] == [1.0, 3.0, 8.0]
    assert (float(namespace["first"]), float(namespace["second"])) == (102.5, -98.5)
    assert namespace["t"].dtype.name == "float64"
