"""kerasfn.api.layer_cudnn_lstm: layer_cudnn_lstm() takes R keras 2's arguments, in R keras 2's order, and gives
them to Keras' LSTM as plain Keras takes them; the input declarations of a first layer are accepted too.

R keras 2's signature (R keras3 has no layer_cudnn_lstm() to run):

    layer_cudnn_lstm(object, units, kernel_initializer = "glorot_uniform", recurrent_initializer = "orthogonal",
                     bias_initializer = "zeros", unit_forget_bias = TRUE, kernel_regularizer = NULL,
                     recurrent_regularizer = NULL, bias_regularizer = NULL, activity_regularizer = NULL,
                     kernel_constraint = NULL, recurrent_constraint = NULL, bias_constraint = NULL,
                     return_sequences = FALSE, return_state = FALSE, stateful = FALSE, input_shape = NULL,
                     batch_input_shape = NULL, batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL,
                     weights = NULL)
"""

import inspect

import keras
import pytest

from kerasfn import layer_cudnn_lstm, regularizer_l2

R_KERAS2_ARGUMENTS = ["object", "units", "kernel_initializer", "recurrent_initializer", "bias_initializer",
                      "unit_forget_bias", "kernel_regularizer", "recurrent_regularizer", "bias_regularizer",
                      "activity_regularizer", "kernel_constraint", "recurrent_constraint", "bias_constraint",
                      "return_sequences", "return_state", "stateful"]


def test_the_arguments_are_r_keras2s_in_its_order():
    parameters = inspect.signature(layer_cudnn_lstm).parameters
    assert list(parameters)[:-1] == R_KERAS2_ARGUMENTS
    defaults = {name: parameter.default for name, parameter in parameters.items()}
    assert (defaults["kernel_initializer"], defaults["recurrent_initializer"], defaults["bias_initializer"],
            defaults["unit_forget_bias"], defaults["stateful"]) == ("glorot_uniform", "orthogonal", "zeros", True, False)


def _without_name(config):
    # use_cudnn is the cuDNN layer's own entry (Keras' LSTM config leaves it out): tests/core/test_cudnn_lstm.py
    return {key: value for key, value in config.items() if key not in ("name", "use_cudnn")}


def test_the_arguments_reach_keras_lstm_as_plain_keras_takes_them():
    layer = layer_cudnn_lstm(4.0, "zeros", "ones", unit_forget_bias=False, kernel_regularizer=regularizer_l2(0.01),
                             return_sequences=True, return_state=True)
    plain = keras.layers.LSTM(4, kernel_initializer="zeros", recurrent_initializer="ones", unit_forget_bias=False,
                              kernel_regularizer=keras.regularizers.L2(0.01), return_sequences=True,
                              return_state=True, use_cudnn=True)
    assert _without_name(layer.get_config()) == _without_name(plain.get_config())


def test_r_values_are_converted_and_checked():
    assert layer_cudnn_lstm(units=4.0).units == 4
    with pytest.raises(ValueError, match=r"`units` must be a positive whole number; received 0"):
        layer_cudnn_lstm(0)
    with pytest.raises(TypeError, match=r"`stateful` must be"):
        layer_cudnn_lstm(4, stateful="yes")


def test_declaration_on_the_cudnn_layer_is_accepted_too():
    layer = layer_cudnn_lstm(4, batch_input_shape=(8, 10, 3))
    assert layer._kerasfn_batch_shape == (8, 10, 3)
