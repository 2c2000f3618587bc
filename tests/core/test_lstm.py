"""Issue 2 (10): kerasfn's LSTM gives plain keras.layers.LSTM's numbers, given the same weights."""

import itertools

import keras
import numpy as np
import pytest

from kerasfn import as_array, keras_input, keras_model, layer_lstm

RNG = np.random.default_rng(42)
X = RNG.normal(size=(5, 7, 3)).astype("float32")
TOLERANCE = dict(atol=1e-5, rtol=1e-5)


def _twins(**kwargs):
    """A kerasfn layer and a plain Keras layer, built and holding the same weights."""
    ours = layer_lstm(**kwargs)
    theirs = keras.layers.LSTM(**kwargs)
    ours.build(X.shape)
    theirs.build(X.shape)
    weights = [RNG.normal(scale=0.5, size=w.shape).astype("float32") for w in theirs.get_weights()]
    ours.set_weights(weights)
    theirs.set_weights(weights)
    return ours, theirs


def _assert_same(ours, theirs):
    ours = ours if isinstance(ours, (list, tuple)) else [ours]
    theirs = theirs if isinstance(theirs, (list, tuple)) else [theirs]
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs):
        np.testing.assert_allclose(keras.ops.convert_to_numpy(a), keras.ops.convert_to_numpy(b), **TOLERANCE)


FLAGS = ["return_sequences", "return_state", "go_backwards", "unroll"]


@pytest.mark.parametrize(
    "flags", [dict(zip(FLAGS, values)) for values in itertools.product([False, True], repeat=4)],
    ids=lambda f: "-".join(k for k, v in f.items() if v) or "defaults",
)
def test_every_flag_combination(flags):
    ours, theirs = _twins(units=4, **flags)
    _assert_same(ours(X), theirs(X))


@pytest.mark.parametrize("activations", [("relu", "sigmoid"), ("tanh", "hard_sigmoid"), (None, "tanh")])
def test_other_activations(activations):
    activation, recurrent_activation = activations
    ours, theirs = _twins(units=3, activation=activation, recurrent_activation=recurrent_activation, use_bias=False)
    _assert_same(ours(X), theirs(X))


@pytest.mark.parametrize("padding", ["right", "left", "middle"])
def test_masks(padding):
    mask = np.ones((5, 7), dtype=bool)
    if padding == "right":
        mask[:, 5:] = False
    elif padding == "left":
        mask[:, :2] = False
    else:
        mask[1, 3] = False
    ours, theirs = _twins(units=4, return_sequences=True, return_state=True)
    _assert_same(ours(X, mask=mask), theirs(X, mask=mask))


def test_initial_state():
    h0 = RNG.normal(size=(5, 4)).astype("float32")
    c0 = RNG.normal(size=(5, 4)).astype("float32")
    ours, theirs = _twins(units=4, return_state=True)
    _assert_same(ours(X, initial_state=[h0, c0]), theirs(X, initial_state=[h0, c0]))


def test_training_dropout_uses_the_same_masks_given_the_same_seed():
    ours, theirs = _twins(units=4, dropout=0.4, recurrent_dropout=0.3, seed=11)
    first_ours, first_theirs = ours(X, training=True), theirs(X, training=True)
    _assert_same(first_ours, first_theirs)
    _assert_same(ours(X, training=True), theirs(X, training=True))
    _assert_same(ours(X, training=False), theirs(X, training=False))
    assert not np.allclose(as_array(first_ours), as_array(ours(X, training=False)))


def test_symbolic_model_matches_plain_keras():
    ours, theirs = _twins(units=4, return_sequences=True)
    inputs = keras_input((7, 3))
    ours_model = keras_model(inputs, inputs | ours)
    theirs_model = keras.Model(inputs, theirs(inputs))
    _assert_same(ours_model.predict(X, verbose=0), theirs_model.predict(X, verbose=0))


def test_config_is_plain_lstm_config():
    ours, theirs = _twins(units=4, dropout=0.1, go_backwards=True)
    ours_config = {k: v for k, v in ours.get_config().items() if k != "name"}
    theirs_config = {k: v for k, v in theirs.get_config().items() if k != "name"}
    assert ours_config == theirs_config
