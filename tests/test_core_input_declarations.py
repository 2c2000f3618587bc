"""R scripts declare the model input on the first layer of a Sequential model:
``input_shape``, ``batch_input_shape``, ``batch_size`` (the stateful-stack
scripts depend on it)."""

import keras
import numpy as np
import pytest

from kerasfn import keras_model_sequential, layer_cudnn_lstm, layer_lstm


def _data(*shape):
    return np.random.default_rng(sum(shape)).uniform(-1, 1, shape).astype("float32")


def test_input_shape_declares_the_model_input():
    model = keras_model_sequential() | layer_lstm(4, input_shape=(10, 3))
    assert model.input_shape == (None, 10, 3)
    assert model.output_shape == (None, 4)
    assert model.predict(_data(2, 10, 3), verbose=0).shape == (2, 4)


def test_input_shape_with_unknown_timesteps():
    model = keras_model_sequential() | layer_lstm(4, input_shape=(None, 3))
    assert model.input_shape == (None, None, 3)
    assert model.predict(_data(2, 7, 3), verbose=0).shape == (2, 4)


def test_batch_input_shape_declares_a_fixed_batch():
    model = keras_model_sequential() | layer_lstm(4, batch_input_shape=(8, 10, 3))
    assert model.input_shape == (8, 10, 3)


def test_batch_size_goes_with_input_shape():
    model = keras_model_sequential() | layer_lstm(4, input_shape=(10, 3), batch_size=8)
    assert model.input_shape == (8, 10, 3)


def test_batch_size_alone_is_an_error_and_the_model_is_untouched():
    model = keras_model_sequential()
    with pytest.raises(ValueError, match=r"`batch_size` \(8 \(int\)\) needs `input_shape` to go with it\."):
        model | layer_lstm(4, batch_size=8)
    assert model.layers == []


def test_r_style_doubles_in_shapes():
    model = keras_model_sequential() | layer_lstm(4.0, input_shape=[10.0, 3.0])
    assert model.input_shape == (None, 10, 3)


@pytest.mark.skipif(keras.backend.backend() == "jax", reason=(
    "Keras' JAX backend keeps no stateful RNN states after predict() (plain keras.layers.LSTM neither)"))
def test_stateful_stack_keeps_its_states_across_batches():
    """The R keras stateful-LSTM example: batch_input_shape on the first layer, stateful layers after."""
    batch = 4
    model = (
        keras_model_sequential()
        | layer_lstm(8, batch_input_shape=(batch, 5, 1), stateful=True, return_sequences=True)
        | layer_lstm(8, stateful=True)
    )
    assert model.input_shape == (batch, 5, 1)
    first, second = model.layers
    assert first.states[0].shape == (batch, 8) and second.states[0].shape == (batch, 8)
    x = _data(batch, 5, 1)
    a = model.predict(x, batch_size=batch, verbose=0)
    b = model.predict(x, batch_size=batch, verbose=0)
    assert not np.allclose(a, b)  # the second batch starts from the first's states
    for layer in model.layers:
        layer.reset_states()
    np.testing.assert_allclose(model.predict(x, batch_size=batch, verbose=0), a, atol=1e-5)


def test_stateful_stack_trains_with_its_declared_batch():
    batch = 2
    model = (
        keras_model_sequential()
        | layer_lstm(4, input_shape=(3, 2), batch_size=batch, stateful=True, return_sequences=True)
        | layer_lstm(1, stateful=True)
    )
    model.compile(optimizer="sgd", loss="mse")
    history = model.fit(_data(4, 3, 2), _data(4, 1), batch_size=batch, epochs=1, shuffle=False, verbose=0)
    assert np.isfinite(history.history["loss"][0])


def test_stateful_layer_needs_a_static_batch():
    with pytest.raises(ValueError, match="batch size must be static"):
        keras_model_sequential() | layer_lstm(4, input_shape=(10, 3), stateful=True)


def test_declaration_on_a_later_layer_does_not_replace_the_input():
    model = keras_model_sequential() | layer_lstm(4, input_shape=(10, 3), return_sequences=True)
    model = model | layer_lstm(2, input_shape=(99, 99))
    assert model.input_shape == (None, 10, 3) and model.output_shape == (None, 2)


def test_declaration_on_the_cudnn_layer_is_accepted_too():
    layer = layer_cudnn_lstm(4, batch_input_shape=(8, 10, 3))
    assert layer._kerasfn_batch_shape == (8, 10, 3)
