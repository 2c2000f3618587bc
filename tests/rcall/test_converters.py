"""Issue 2 (7, 8): R conventions and clear errors on bad input."""

import inspect

import keras
import numpy as np
import pytest

from kerasfn import Shape, keras_input, keras_model_sequential, layer_lstm, random_normal, random_uniform, shape


# -- R numbers and shapes -------------------------------------------------------

def test_double_units_become_integers():
    layer = layer_lstm(units=4.0)
    assert layer.units == 4 and type(layer.units) is int
    assert layer.get_config()["units"] == 4


@pytest.mark.parametrize("spelling", [(10, 8), [10, 8], shape(10, 8), (10.0, 8.0)])
def test_shapes_accept_tuples_lists_and_shape(spelling):
    model = keras_model_sequential(input_shape=spelling) | layer_lstm(3)
    assert model.input_shape == (None, 10, 8)
    assert shape(keras_input(spelling)) == (None, 10, 8)


def test_shape_prints_like_r_and_is_a_tuple():
    s = shape(32, 4)
    assert repr(s) == "shape(32, 4)" and str(s) == "shape(32, 4)"
    assert isinstance(s, tuple) and s == (32, 4)
    assert repr(shape(None, 8)) == "shape(NA, 8)"
    assert shape([3, 2]) == (3, 2) and shape(3.0) == (3,)


def test_shape_of_tensors_and_arrays():
    assert shape(np.ones((2, 5))) == (2, 5)
    assert shape(random_uniform((32, 10, 8))) == Shape((32, 10, 8))
    assert shape(keras_input((None, 8))) == (None, None, 8)


@pytest.mark.parametrize("bad, error, message", [
    ((2.5, 3), ValueError, r"`dims` must hold non-negative whole numbers or None; received 2.5"),
    (("a", 3), TypeError, r"`dims` must hold whole numbers or None; received 'a' \(str\)"),
    ((-1,), ValueError, r"received -1"),
])
def test_bad_shapes(bad, error, message):
    with pytest.raises(error, match=message):
        shape(*bad)


def test_random_generators_take_r_shapes():
    assert shape(random_uniform([2.0, 3.0])) == (2, 3)
    assert shape(random_normal(shape(4, 1), seed=3.0)) == (4, 1)


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
    ({"units": 4, "batch_size": 8}, ValueError, r"`batch_size` \(8 \(int\)\) needs `input_shape`"),
])
def test_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        layer_lstm(**kwargs)


def test_errors_come_before_any_layer_is_built():
    model = keras_model_sequential(input_shape=(10, 8))
    with pytest.raises(ValueError, match="dropout"):
        model | layer_lstm(4, dropout=3)
    assert model.layers == []


def test_wrong_input_rank_names_inputs_and_the_shape():
    with pytest.raises(ValueError, match=r"`inputs` to layer '.+' must be a 3D tensor \(batch, timesteps, features\); received shape \(2, 3, 4, 5\)"):
        np.ones((2, 3, 4, 5)) | layer_lstm(4)
    with pytest.raises(ValueError, match=r"received shape \(None, 8\)"):
        keras_input((8,)) | layer_lstm(4)


def test_known_identifiers_and_objects_pass_through_unchanged():
    layer = layer_lstm(4, activation="relu", kernel_initializer=keras.initializers.Zeros(),
                       kernel_regularizer="l2", seed=7.0, name="custom", dtype="float64")
    assert layer.name == "custom" and layer.dtype == "float64"
    assert layer.cell.seed == 7


# -- the signature -------------------------------------------------------------

SEED_ORDER = [
    "units", "activation", "recurrent_activation", "use_bias", "kernel_initializer",
    "recurrent_initializer", "bias_initializer", "unit_forget_bias", "kernel_regularizer",
    "recurrent_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
    "recurrent_constraint", "bias_constraint", "dropout", "recurrent_dropout", "seed",
    "return_sequences", "return_state", "go_backwards", "stateful", "unroll", "use_cudnn",
]


def test_signature_is_object_units_then_the_seed_arguments_with_seed_defaults():
    parameters = inspect.signature(layer_lstm).parameters
    names = list(parameters)
    assert names == ["object", *SEED_ORDER, "kwargs"]
    assert parameters["kwargs"].kind is inspect.Parameter.VAR_KEYWORD
    keras_defaults = inspect.signature(keras.layers.LSTM.__init__).parameters
    for name in SEED_ORDER[1:]:
        assert parameters[name].default == keras_defaults[name].default, name
    assert parameters["object"].default is None and parameters["units"].default is None


def test_help_shows_the_r_help_sections():
    doc = inspect.getdoc(layer_lstm)
    for section in ["Description:", "Arguments:", "Value:", "Call arguments:", "Examples:", "See also:"]:
        assert section in doc
    for name in ["object", *SEED_ORDER]:
        assert f"\n    {name}:" in doc, name
    for condition in ["tanh", "sigmoid", "unroll", "use_bias", "right-padded", "Eager execution"]:
        assert condition in doc
