"""kerasfn.generated.layers_rnn: the RNN family (cells, stacks, layer_rnn, layer_gru, layer_simple_rnn and the
bidirectional and time_distributed wrappers), against Keras' own layers."""

import inspect

import keras
import numpy as np
import pytest

from kerasfn import (
    as_array,
    bidirectional,
    keras_input,
    keras_model_sequential,
    layer_bidirectional,
    layer_dense,
    layer_gru,
    layer_lstm,
    layer_rnn,
    layer_simple_rnn,
    layer_time_distributed,
    rnn_cell_gru,
    rnn_cell_lstm,
    rnn_cell_simple,
    rnn_cells_stack,
    shape,
    time_distributed,
)

X = np.random.default_rng(0).random((3, 5, 2)).astype("float32")

SEED_ORDER = [
    "units", "activation", "recurrent_activation", "use_bias", "kernel_initializer",
    "recurrent_initializer", "bias_initializer", "unit_forget_bias", "kernel_regularizer",
    "recurrent_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
    "recurrent_constraint", "bias_constraint", "dropout", "recurrent_dropout", "seed",
    "return_sequences", "return_state", "go_backwards", "stateful", "unroll", "use_cudnn",
]


@pytest.mark.parametrize("function, cell_class", [
    (rnn_cell_lstm, keras.layers.LSTMCell),
    (rnn_cell_gru, keras.layers.GRUCell),
    (rnn_cell_simple, keras.layers.SimpleRNNCell),
])
def test_cells_are_cells_without_object(function, cell_class):
    assert "object" not in inspect.signature(function).parameters
    cell = function(4.0, dropout=0.25)
    assert type(cell) is cell_class
    assert (cell.units, cell.dropout) == (4, 0.25)


def test_cells_check_arguments_by_name():
    with pytest.raises(ValueError, match=r"`units` must be a positive whole number; received -1 \(int\)"):
        rnn_cell_lstm(-1)
    with pytest.raises(ValueError, match=r"`recurrent_dropout` must be between 0 and 1; received 2"):
        rnn_cell_gru(3, recurrent_dropout=2)


def test_layer_rnn_with_lstm_cell_matches_layer_lstm():
    lstm = layer_lstm(3, return_sequences=True)
    expected = as_array(lstm(X))
    rnn = layer_rnn(rnn_cell_lstm(3), return_sequences=True)
    rnn(X)
    rnn.set_weights(lstm.get_weights())
    np.testing.assert_allclose(as_array(X | rnn), expected, atol=1e-5)


def test_layer_rnn_with_a_stack_of_cells():
    stack = rnn_cells_stack([rnn_cell_lstm(4), rnn_cell_gru(3)])
    assert isinstance(stack, keras.layers.StackedRNNCells)
    assert shape(X | layer_rnn(stack)) == (3, 3)
    assert shape(X | layer_rnn([rnn_cell_simple(2), rnn_cell_simple(5)])) == (3, 5)


def test_layer_rnn_rejects_a_non_cell():
    with pytest.raises(ValueError, match="cell"):
        layer_rnn(cell="lstm")


@pytest.mark.parametrize("function, size", [(layer_gru, 4), (layer_simple_rnn, 4)])
def test_gru_and_simple_rnn_dispatch(function, size):
    assert shape(X | function(size)) == (3, size)
    output, state = keras_input((5, 2)) | function(size, return_state=True)
    assert shape(state) == (None, size)
    model = keras_model_sequential(input_shape=(5, 2)) | function(size, return_sequences=True) | function(2)
    assert model.output_shape == (None, 2)


def test_bidirectional_matches_keras_and_alias_is_the_same_function():
    assert bidirectional is layer_bidirectional and time_distributed is layer_time_distributed
    ours = layer_bidirectional(layer_lstm(3), merge_mode="sum")
    reference = keras.layers.Bidirectional(keras.layers.LSTM(3), merge_mode="sum")
    ours(X), reference(X)
    ours.set_weights(reference.get_weights())
    np.testing.assert_allclose(as_array(X | ours), as_array(reference(X)), atol=1e-5)


def test_bidirectional_rejects_a_bad_merge_mode_before_tensorflow():
    with pytest.raises(ValueError, match=r"`merge_mode` must be one of .* received .nope. \(str\)"):
        layer_bidirectional(layer_lstm(3), merge_mode="nope")


def test_time_distributed_in_a_sequential_pipe():
    model = (keras_model_sequential(input_shape=(5, 2))
             | layer_lstm(4, return_sequences=True)
             | time_distributed(layer_dense(1)))
    assert model.output_shape == (None, 5, 1)


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
