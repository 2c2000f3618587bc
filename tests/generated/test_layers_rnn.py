"""The RNN family: cells, stacks, layer_rnn, wrappers, merges and their destructuring."""

import inspect

import keras
import numpy as np
import pytest

from kerasfn import (
    as_array,
    bidirectional,
    keras_input,
    keras_model,
    keras_model_sequential,
    layer_add,
    layer_bidirectional,
    layer_concatenate,
    layer_dense,
    layer_dot,
    layer_gru,
    layer_lstm,
    layer_multi_head_attention,
    layer_rnn,
    layer_simple_rnn,
    layer_subtract,
    layer_time_distributed,
    random_uniform,
    rnn_cell_gru,
    rnn_cell_lstm,
    rnn_cell_simple,
    rnn_cells_stack,
    shape,
    time_distributed,
)
from kerasfn.rcall.destructure import BidirectionalLSTMStates, RNNStates

X = np.random.default_rng(0).random((3, 5, 2)).astype("float32")



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


def test_layer_rnn_return_state_destructures_like_layer_lstm():
    output, memory, carry = X | layer_rnn(rnn_cell_lstm(4), return_state=True)
    assert (shape(output), shape(memory), shape(carry)) == ((3, 4), (3, 4), (3, 4))
    result = keras_input((5, 2)) | layer_rnn(rnn_cell_gru(4), return_state=True)
    assert isinstance(result, RNNStates)


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


def test_bidirectional_lstm_return_state_destructures_into_five_parts():
    result = X | layer_bidirectional(layer_lstm(4, return_state=True))
    assert isinstance(result, BidirectionalLSTMStates)
    output, forward_h, forward_c, backward_h, backward_c = result
    assert shape(output) == (3, 8)
    assert {shape(part) for part in result[1:]} == {(3, 4)}
    symbolic = keras_input((5, 2)) | bidirectional(layer_lstm(4, return_state=True))
    assert isinstance(symbolic, BidirectionalLSTMStates)
    assert shape(symbolic.backward_carry_state) == (None, 4)


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


def test_merge_layers_take_a_list_as_object_and_from_a_pipe():
    a, b = random_uniform((2, 3), seed=1), random_uniform((2, 3), seed=2)
    np.testing.assert_allclose([a, b] | layer_add(), a + b, atol=1e-6)
    np.testing.assert_allclose(layer_subtract([a, b]), a - b, atol=1e-6)
    assert shape((a, b) | layer_concatenate()) == (2, 6)
    assert shape([a, b] | layer_dot(axes=1)) == (2, 1)
    inputs = [keras_input(3), keras_input(3)]
    model = keras_model(inputs, inputs | layer_add())
    np.testing.assert_allclose(model.predict([np.ones((1, 3)), np.ones((1, 3))], verbose=0), 2 * np.ones((1, 3)))


def test_multi_head_attention_takes_query_and_value_as_a_list():
    query, value = random_uniform((2, 4, 3), seed=1), random_uniform((2, 6, 3), seed=2)
    layer = layer_multi_head_attention(num_heads=2, key_dim=3)
    piped = [query, value] | layer
    np.testing.assert_allclose(as_array(piped), as_array(layer(query, value)), atol=1e-5)
    assert shape(piped) == (2, 4, 3)


def test_merge_layer_rejects_a_list_that_is_not_tensors():
    with pytest.raises(TypeError, match=r"`object` must be None.*received \[1, 'a'\] \(list\)"):
        [1, "a"] | layer_add()
