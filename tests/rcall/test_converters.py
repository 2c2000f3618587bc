"""The converters (kerasfn/rcall/converters.py): R's values become Keras', and a bad one is named.

R's numbers (doubles for whole numbers, 0 and 1 for booleans, vectors as
arrays) are accepted wherever R keras3 accepts them; a value no converter
accepts is an error naming the argument and the value, raised before any
layer is made.  ``custom_objects`` and ``class_weight`` take what R gives.

The data given to ``fit()``, ``evaluate()`` and ``predict()`` is checked
before Keras reads it.  R keras3 (run with the real package) passes bad data
to Keras and shows Keras' own message: fit() on a character matrix:
"ValueError: Invalid dtype: object"; fit(x, NULL): "ValueError: None values
not supported."; predict() on 0 rows: "UnboundLocalError: cannot access
local variable 'batch_outputs'".
"""

import keras
import numpy as np
import pytest

from kerasfn import (
    Layer,
    as_array,
    compile,
    evaluate,
    fit,
    keras_input,
    keras_model_sequential,
    layer_activation,
    layer_bidirectional,
    layer_concatenate,
    layer_conv_2d,
    layer_dense,
    layer_embedding,
    layer_gru,
    layer_lstm,
    layer_reshape,
    load_model,
    loss_dice,
    op_bincount,
    predict,
    save_model,
    shape,
)
from kerasfn.rcall.binding import semantics_of
from kerasfn.rcall.converters import as_scalar_or_tuple

# -- R numbers ------------------------------------------------------------------

def test_double_units_become_integers():
    layer = layer_lstm(units=4.0)
    assert layer.units == 4 and type(layer.units) is int
    assert layer.get_config()["units"] == 4


def test_r_booleans_zero_and_one_are_accepted():
    assert layer_embedding(10, 2, mask_zero=1).mask_zero is True
    assert layer_lstm(2, return_sequences=0).return_sequences is False


def test_whole_numbers_in_arrays_are_accepted_as_r_vectors():
    # R: loss_dice(axis = c(2, 3, 4))$axis is list(1L, 2L, 3L) (as_axis of each);
    # op_bincount(x, minlength = as.integer(op_max(x) + 3)) takes R's one integer
    assert loss_dice(axis=np.array([1.0, 2.0, 3.0])).axis == (1, 2, 3)
    assert as_array(op_bincount(np.array([0, 1, 1]), minlength=np.array(4))).tolist() == [1, 2, 0, 0]


def test_reshape_accepts_an_unknown_size_as_r_and_keras_do():
    # R: layer_reshape(c(4, -1)) and layer_reshape(c(4, NA)) infer the second size
    x = np.ones((2, 8), "float32")
    assert shape(x | layer_reshape((4, -1))) == (2, 4, 2)
    assert shape(x | layer_reshape((4, None))) == (2, 4, 2)
    with pytest.raises(ValueError, match=r"`target_shape` may have one unknown size"):
        layer_reshape((-1, -1))


def test_known_identifiers_and_objects_pass_through_unchanged():
    layer = layer_lstm(4, activation="relu", kernel_initializer=keras.initializers.Zeros(),
                       kernel_regularizer="l2", seed=7.0, name="custom", dtype="float64")
    assert layer.name == "custom" and layer.dtype == "float64"
    assert layer.cell.seed == 7


# -- a number or a range (R keras3's as_scalar_or_tuple) ----------------------------------

@pytest.mark.parametrize("value", [0.3, 2, None])
def test_scalar_or_tuple_keeps_a_number_and_none(value):
    assert as_scalar_or_tuple("addition_factor", value) is value


@pytest.mark.parametrize("value", [[0.1, 0.2], (0.1, 0.2), np.array([0.1, 0.2])], ids=["list", "tuple", "1-d array"])
def test_scalar_or_tuple_makes_a_vector_a_tuple(value):
    converted = as_scalar_or_tuple("addition_factor", value)
    assert type(converted) is tuple and converted == (0.1, 0.2)
    assert all(type(item) is float for item in converted)  # numpy's numbers become Python's


@pytest.mark.parametrize("value, received", [("0.3", r"'0.3' \(str\)"), ([0.1, "0.2"], r"\[0.1, '0.2'\] \(list\)")],
                         ids=["string", "list with a string"])
def test_scalar_or_tuple_refuses_what_is_not_numbers_naming_the_argument(value, received):
    with pytest.raises(TypeError, match=rf"`addition_factor` must be a number or a vector of numbers; received {received}\."):
        as_scalar_or_tuple("addition_factor", value)


# -- bad input: errors name the argument and the value --------------------------

@pytest.mark.parametrize("kwargs, error, message", [
    ({}, TypeError, r"`units` is missing, with no default"),
    ({"units": 0}, ValueError, r"`units` must be a positive whole number; received 0 \(int\)"),
    ({"units": -3}, ValueError, r"`units` must be a positive whole number; received -3 \(int\)"),
    ({"units": 4.5}, ValueError, r"`units` must be a whole number; received 4.5 \(float\)"),
    ({"units": "4"}, TypeError, r"`units` must be a whole number; received '4' \(str\)"),
    ({"units": True}, TypeError, r"`units` must be a whole number; received True \(bool\)"),
    ({"units": 4, "dropout": 1.5}, ValueError, r"`dropout` must be between 0 and 1; received 1.5 \(float\)"),
    ({"units": 4, "dropout": -0.1}, ValueError, r"`dropout` must be between 0 and 1; received -0.1"),
    ({"units": 4, "recurrent_dropout": 2}, ValueError, r"`recurrent_dropout` must be between 0 and 1; received 2 \(int\)"),
    ({"units": 4, "dropout": "0.5"}, TypeError, r"`dropout` must be a number between 0 and 1; received '0.5' \(str\)"),
    ({"units": 4, "use_cudnn": "yes"}, ValueError, r'`use_cudnn` must be "auto", True or False; received \'yes\' \(str\)'),
    ({"units": 4, "use_cudnn": 1}, ValueError, r"`use_cudnn` must be .*received 1 \(int\)"),
    ({"units": 4, "activation": "tanhh"}, ValueError, r"`activation` is not a known activation; received 'tanhh' \(str\)"),
    ({"units": 4, "recurrent_activation": "sigmod"}, ValueError, r"`recurrent_activation` is not a known activation; received 'sigmod'"),
    ({"units": 4, "kernel_initializer": "glorot"}, ValueError, r"`kernel_initializer` is not a known initializer; received 'glorot'"),
    ({"units": 4, "bias_regularizer": "l3"}, ValueError, r"`bias_regularizer` is not a known regularizer; received 'l3'"),
    ({"units": 4, "return_sequences": "TRUE"}, TypeError, r"`return_sequences` must be True or False; received 'TRUE' \(str\)"),
    ({"units": 4, "foo": 1}, TypeError, r"LSTM\(\) got an unexpected keyword argument 'foo' \(received foo=1 \(int\)\)"),
])
def test_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        layer_lstm(**kwargs)


@pytest.mark.parametrize("call, error, message", [
    (lambda: layer_activation(), TypeError, r"`activation` is missing, with no default"),
    (lambda: layer_reshape(), TypeError, r"`target_shape` is missing, with no default"),
    (lambda: layer_dense(4, activation=5), TypeError, r"`activation` must be an activation name or object; received 5 \(int\)"),
    (lambda: layer_dense(4, kernel_initializer=3), TypeError, r"`kernel_initializer` must be an initializer name or object; received 3 \(int\)"),
    (lambda: layer_conv_2d(2, 3, padding=1), TypeError, r"`padding` must be a string; received 1 \(int\)"),
    (lambda: layer_conv_2d(2, "3"), TypeError, r"`kernel_size` must be a whole number; received '3' \(str\)"),
    (lambda: layer_concatenate(axis="1"), TypeError, r"`axis` must be a whole number; received '1' \(str\)"),
    (lambda: layer_embedding(10, 2, mask_zero="no"), TypeError, r"`mask_zero` must be True or False; received 'no' \(str\)"),
    (lambda: layer_gru(3, reset_after="FALSE"), TypeError, r"`reset_after` must be True or False; received 'FALSE' \(str\)"),
    (lambda: layer_bidirectional(layer_dense(3)), TypeError, r"`layer` must be a recurrent layer .*received <Dense"),
])
def test_bad_input_is_named(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_checking_an_identifier_draws_no_random_number():
    import random

    converters = semantics_of(layer_dense).converters
    state = random.getstate()
    assert converters["kernel_initializer"]("kernel_initializer", "truncated_normal") == "truncated_normal"
    assert converters["bias_initializer"]("bias_initializer", "random_uniform") == "random_uniform"
    assert random.getstate() == state  # Keras creates (and seeds) the initializers once, in the layer, as in plain Keras


# -- custom_objects and class_weight as R gives them ------------------------------------

def test_load_model_takes_layer_functions_and_unnamed_lists(tmp_path):
    layer_scale = Layer(
        "ScaleBy", initialize=lambda self, factor=2.0, **kwargs: setattr(self, "factor", factor),
        call=lambda self, x: x * self.factor, get_config=lambda self: {"factor": self.factor},
    )
    model = keras_model_sequential(input_shape=3) | layer_scale(3.0)
    path = tmp_path / "scaled.keras"
    model | save_model(path)
    x = np.ones((1, 3), "float32")
    for custom_objects in ([layer_scale], layer_scale, {"ScaleBy": layer_scale}):
        loaded = load_model(path, custom_objects=custom_objects)
        np.testing.assert_allclose(as_array(loaded(x)), 3 * x)


def test_class_weight_as_an_r_named_vector_weights_the_loss():
    # R: fit(class_weight = c("0" = 1, "1" = 2)) arrives with string keys; Keras would silently ignore them
    x = np.eye(4, 3).astype("float32"); y = np.array([[0], [1], [0], [1]], "float32")

    def loss_after(class_weight):
        keras.utils.set_random_seed(3)
        model = keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse", optimizer="sgd")
        return (model | fit(x, y, class_weight=class_weight, shuffle=False, verbose=0)).history["loss"][0]

    assert loss_after({"0": 1, "1": 2}) == pytest.approx(loss_after({0: 1.0, 1: 2.0}))
    assert loss_after({"0": 1, "1": 2}) != pytest.approx(loss_after(None))


# -- fit(), evaluate(), predict(): the data ---------------------------------------------

X, Y = np.ones((8, 3)), np.ones((8, 1))


@pytest.fixture
def model():
    return keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse")


@pytest.mark.parametrize("verb", ["fit", "evaluate", "predict"])
def test_an_array_of_strings_is_refused_naming_x(model, verb):
    call = {"fit": lambda x: fit(model, x, Y, verbose=0), "evaluate": lambda x: evaluate(model, x, Y, verbose=0),
            "predict": lambda x: predict(model, x, verbose=0)}[verb]
    with pytest.raises(TypeError, match=r"`x` is a numpy array of strings \(shape \(8, 3\), dtype <U1\)"):
        call(np.full((8, 3), "a"))
    with pytest.raises(TypeError, match=r"`x` is a numpy array of Python objects \(shape \(8, 3\), dtype object\)"):
        call(X.astype(object))


def test_targets_of_strings_are_refused_naming_y(model):
    with pytest.raises(TypeError, match=r"`y` is a numpy array of strings \(shape \(8, 1\)"):
        model | fit(X, np.full((8, 1), "yes"), verbose=0)
    with pytest.raises(TypeError, match=r"`validation_data\[1\]` is a numpy array of Python objects"):
        model | fit(X, Y, validation_data=[X, Y.astype(object)], verbose=0)


@pytest.mark.parametrize("verb", ["fit", "evaluate", "predict"])
def test_data_with_no_samples_is_refused(model, verb):
    call = {"fit": lambda: fit(model, X[:0], Y[:0], verbose=0), "evaluate": lambda: evaluate(model, X[:0], Y[:0], verbose=0),
            "predict": lambda: predict(model, X[:0], verbose=0)}[verb]
    with pytest.raises(ValueError, match=r"`x` has no samples \(shape \(0, 3\)\)"):
        call()


@pytest.mark.skipif(keras.backend.backend() != "tensorflow", reason="a tf.data dataset")
def test_datasets_pass_unread(model):
    import tensorflow as tf

    dataset = tf.data.Dataset.from_tensor_slices((X, Y)).batch(4)
    assert len((model | fit(dataset, epochs=2, verbose=0)).history["loss"]) == 2


def test_several_inputs_are_checked_each(model):
    first, second = keras_input(3), keras_input(2)
    two = keras.Model([first, second], layer_concatenate(first, second) | layer_dense(1))
    two.compile(loss="mse")
    assert len((two | fit([X, np.ones((8, 2))], Y, verbose=0)).history["loss"]) == 1
    with pytest.raises(TypeError, match=r"`x\[1\]` is a numpy array of strings"):
        two | fit([X, np.full((8, 2), "b")], Y, verbose=0)
