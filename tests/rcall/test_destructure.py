"""Named ``return_state`` results (kerasfn/rcall/destructure.py): they unpack and name their parts on every call path."""

import keras
import numpy as np
import pytest

from kerasfn import (
    LSTMStates,
    as_array,
    bidirectional,
    keras_input,
    keras_model,
    layer_bidirectional,
    layer_lstm,
    layer_rnn,
    random_uniform,
    rnn_cell_gru,
    rnn_cell_lstm,
    shape,
)
from kerasfn.rcall.destructure import BidirectionalLSTMStates, RNNStates

X = np.random.default_rng(0).random((4, 6, 3)).astype("float32")
SEQUENCES = np.random.default_rng(0).random((3, 5, 2)).astype("float32")


def _paths(make_input):
    """The same LSTM reached four ways: direct call, pipe, layer_lstm(x, ...), stored layer in a pipe."""
    kwargs = dict(units=5, return_sequences=True, return_state=True)
    yield "direct call", layer_lstm(**kwargs)(make_input())
    yield "pipe", make_input() | layer_lstm(**kwargs)
    yield "layer_lstm(x)", layer_lstm(make_input(), **kwargs)
    stored = layer_lstm(**kwargs)
    yield "stored layer", make_input() | stored


@pytest.mark.parametrize("mode", ["eager", "symbolic"])
def test_unpacks_positionally_and_by_name_on_every_path(mode):
    make_input = (lambda: X) if mode == "eager" else (lambda: keras_input((6, 3)))
    batch = 4 if mode == "eager" else None
    for path, result in _paths(make_input):
        assert isinstance(result, LSTMStates), path
        whole_seq, memory_state, carry_state = result
        assert shape(whole_seq) == (batch, 6, 5), path
        assert shape(memory_state) == (batch, 5), path
        assert shape(carry_state) == (batch, 5), path
        assert result.output is whole_seq
        assert result.memory_state is memory_state
        assert result.carry_state is carry_state


def test_memory_state_is_the_last_output():
    seq, h, c = layer_lstm(4, return_sequences=True, return_state=True)(X)
    np.testing.assert_allclose(as_array(seq)[:, -1], as_array(h), atol=1e-6)
    assert not np.allclose(as_array(h), as_array(c))


def test_states_slice_feeds_initial_state_of_a_decoder_seq2seq():
    encoder_inputs = keras_input((6, 3))
    decoder_inputs = keras_input((7, 2))
    encoded = encoder_inputs | layer_lstm(8, return_state=True)
    decoded = layer_lstm(8, return_sequences=True)(decoder_inputs, initial_state=encoded[1:])
    model = keras_model([encoder_inputs, decoder_inputs], decoded)
    out = model.predict([X, np.ones((4, 7, 2))], verbose=0)
    assert out.shape == (4, 7, 8)


def test_initial_state_from_a_result_matches_explicit_list_eagerly():
    encoder = layer_lstm(5, return_state=True)
    result = encoder(X)
    decoder = layer_lstm(5)
    from_slice = decoder(X, initial_state=result[1:])
    from_list = decoder(X, initial_state=[result.memory_state, result.carry_state])
    np.testing.assert_allclose(as_array(from_slice), as_array(from_list), atol=1e-6)
    zero_state = decoder(X)
    assert not np.allclose(as_array(from_slice), as_array(zero_state))


def test_named_result_is_a_model_output_structure():
    inputs = keras_input((6, 3))
    result = inputs | layer_lstm(5, return_state=True)
    model = keras_model(inputs, result)
    outputs = model.predict(X, verbose=0)
    assert [o.shape for o in outputs] == [(4, 5), (4, 5), (4, 5)]


def test_without_return_state_the_output_is_a_plain_tensor():
    output = layer_lstm(4, return_sequences=True)(X)
    assert not isinstance(output, tuple)
    assert shape(output) == (4, 6, 4)


def test_the_lstm_documentation_example_unpacks_its_three_results():
    inputs = random_uniform((32, 10, 8))
    lstm = layer_lstm(units=4, return_sequences=True, return_state=True)
    whole_seq_output, final_memory_state, final_carry_state = lstm(inputs)
    assert (shape(whole_seq_output), shape(final_memory_state), shape(final_carry_state)) == (
        (32, 10, 4), (32, 4), (32, 4))
    assert isinstance(lstm, keras.layers.LSTM)


def test_layer_rnn_return_state_destructures_like_layer_lstm():
    output, memory, carry = SEQUENCES | layer_rnn(rnn_cell_lstm(4), return_state=True)
    assert (shape(output), shape(memory), shape(carry)) == ((3, 4), (3, 4), (3, 4))
    result = keras_input((5, 2)) | layer_rnn(rnn_cell_gru(4), return_state=True)
    assert isinstance(result, RNNStates)


def test_bidirectional_lstm_return_state_destructures_into_five_parts():
    result = SEQUENCES | layer_bidirectional(layer_lstm(4, return_state=True))
    assert isinstance(result, BidirectionalLSTMStates)
    output, forward_h, forward_c, backward_h, backward_c = result
    assert shape(output) == (3, 8)
    assert {shape(part) for part in result[1:]} == {(3, 4)}
    symbolic = keras_input((5, 2)) | bidirectional(layer_lstm(4, return_state=True))
    assert isinstance(symbolic, BidirectionalLSTMStates)
    assert shape(symbolic.backward_carry_state) == (None, 4)
