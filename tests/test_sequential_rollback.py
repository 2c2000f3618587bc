"""Issue 2 (9): a pipe into a Sequential model is all or nothing."""

import keras
import numpy as np
import pytest

from kerasfn import keras_model_sequential, layer_lstm

X = np.random.default_rng(3).random((4, 10, 8)).astype("float32")


def _model():
    return keras_model_sequential(input_shape=(10, 8)) | layer_lstm(6, return_sequences=True) | layer_lstm(4)


def test_failed_pipe_leaves_the_model_exactly_as_before():
    model = _model()
    layers_before = list(model.layers)
    weights_before = [w.copy() for w in model.get_weights()]
    output_before = model.predict(X, verbose=0)

    with pytest.raises(ValueError, match=r"must be a 3D tensor .*received shape \(None, 4\)"):
        model | layer_lstm(3)  # an LSTM after a layer whose output is 2-D

    assert model.layers == layers_before
    assert len(model.layers) == 2
    assert model.output_shape == (None, 4)
    np.testing.assert_array_equal(model.predict(X, verbose=0), output_before)
    for before, after in zip(weights_before, model.get_weights()):
        np.testing.assert_array_equal(before, after)


def test_model_keeps_working_after_a_failed_pipe():
    model = _model()
    with pytest.raises(ValueError):
        layer_lstm(model, 3)
    model.compile(optimizer="adam", loss="mse")
    history = model.fit(X, np.zeros((4, 4)), epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    model.summary(print_fn=lambda *args, **kwargs: None)


def test_a_good_pipe_after_a_failed_one_works():
    model = keras_model_sequential(input_shape=(10, 8)) | layer_lstm(4)
    with pytest.raises(ValueError):
        model | layer_lstm(3)
    model | keras.layers.Dense(2)
    assert [type(layer).__name__ for layer in model.layers] == ["LSTM", "Dense"]
    assert model.predict(X, verbose=0).shape == (4, 2)


def test_plain_keras_would_have_kept_the_bad_layer():
    """The behaviour kerasfn fixes, pinned so a Keras change is noticed."""
    model = keras.Sequential([keras.Input((10, 8)), keras.layers.LSTM(4)])
    with pytest.raises(Exception):
        model.add(keras.layers.LSTM(3))
    assert len(model.layers) == 2


def test_failed_input_declaration_leaves_an_empty_model_empty():
    model = keras_model_sequential()
    with pytest.raises(ValueError):
        model | layer_lstm(4, input_shape=(10,))
    assert model.layers == [] and not model.built
    model | layer_lstm(4, input_shape=(10, 8))
    assert model.input_shape == (None, 10, 8)


def test_a_piped_model_is_the_model_keras_would_build():
    piped = keras_model_sequential(input_shape=(10, 8)) | layer_lstm(6, return_sequences=True) | layer_lstm(4) | keras.layers.Dense(2)
    plain = keras.Sequential([keras.Input((10, 8)), keras.layers.LSTM(6, return_sequences=True),
                              keras.layers.LSTM(4), keras.layers.Dense(2)])
    plain.set_weights(piped.get_weights())
    assert len(piped.layers) == len(plain.layers) == 3
    assert all(isinstance(ours, type(theirs)) for ours, theirs in zip(piped.layers, plain.layers))
    assert piped.output_shape == plain.output_shape and piped.count_params() == plain.count_params()
    np.testing.assert_allclose(piped.predict(X, verbose=0), plain.predict(X, verbose=0), atol=1e-5)
    # Each pipe extends the built graph by one call instead of rebuilding it.
    assert [len(layer._inbound_nodes) for layer in piped.layers] == [1, 1, 1]


def test_an_interrupted_pipe_is_undone_and_the_next_pipe_works():
    def interrupt(shape, dtype=None):  # Ctrl-C while the new layer's kernel is made
        raise KeyboardInterrupt

    model = keras_model_sequential(input_shape=(10, 8))
    with pytest.raises(KeyboardInterrupt):
        model | keras.layers.Dense(2, kernel_initializer=interrupt)
    assert model.layers == [] and not model.built
    model | layer_lstm(4) | keras.layers.Dense(2)
    assert [type(layer).__name__ for layer in model.layers] == ["LSTM", "Dense"]
    assert model.predict(X, verbose=0).shape == (4, 2)
