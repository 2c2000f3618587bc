"""kerasfn's LSTM (kerasfn/core/lstm.py) is ``keras.layers.LSTM``: the same numbers given the same weights, the same config.

Every flag combination, activations, masks, initial states, dropout in
training and a symbolic model give plain Keras' numbers;
``implementation=1|2`` is accepted with the same numbers and kept in a
config plain Keras reads.  An input of the wrong rank or an initial state of
the wrong shape is named before the backend's loop fails.
"""

import itertools

import keras
import numpy as np
import pytest

from kerasfn import as_array, keras_input, keras_model, layer_lstm, shape

ATOL = 1e-5

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


@pytest.mark.parametrize("arguments", [{}, {"stateful": True, "return_sequences": True, "dropout": 0.5}])
def test_config_is_a_plain_keras_lstm_config(arguments):
    ours = layer_lstm(4, name="same", **arguments)
    plain = keras.layers.LSTM(4, name="same", **arguments)
    assert ours.get_config() == plain.get_config()


@pytest.mark.parametrize("arguments", [{"implementation": 1}, {"use_cudnn": False}, {"use_cudnn": True}])
def test_options_keras_forgets_are_kept_in_a_config_plain_keras_reads(arguments):
    config = layer_lstm(4, **arguments).get_config()
    (name, value), = arguments.items()
    assert config[name] == value
    plain = keras.layers.LSTM.from_config(config)
    assert (plain.cell.implementation if name == "implementation" else plain.use_cudnn) == value


@pytest.mark.parametrize("implementation", [1, 2])
def test_implementation_is_accepted_with_the_same_numbers(implementation, uniform_data, plain_lstm_twin):
    x = uniform_data(2, 5, 3)
    layer = layer_lstm(4, implementation=implementation)
    layer.build(x.shape)
    assert layer.cell.implementation == implementation
    np.testing.assert_allclose(as_array(layer(x)), as_array(plain_lstm_twin(layer, x.shape)(x)), atol=ATOL)


def test_implementation_must_be_1_or_2():
    with pytest.raises(ValueError, match=r"`implementation` must be 1 or 2; received 3"):
        layer_lstm(4, implementation=3)


def test_hard_sigmoid_recurrent_activation_works(uniform_data, plain_lstm_twin):
    x = uniform_data(2, 5, 3)
    layer = layer_lstm(4, recurrent_activation="hard_sigmoid")
    np.testing.assert_allclose(as_array(layer(x)), as_array(plain_lstm_twin(layer, x.shape)(x)), atol=ATOL)
    assert layer.get_config()["recurrent_activation"] == "hard_sigmoid"


def test_wrong_input_rank_names_inputs_and_the_shape():
    with pytest.raises(ValueError, match=r"`inputs` to layer '.+' must be a 3D tensor \(batch, timesteps, features\); received shape \(2, 3, 4, 5\)"):
        np.ones((2, 3, 4, 5)) | layer_lstm(4)
    with pytest.raises(ValueError, match=r"received shape \(None, 8\)"):
        keras_input((8,)) | layer_lstm(4)


def test_a_wrong_initial_state_shape_is_named():
    sequences = np.random.default_rng(1).random((2, 5, 3)).astype("float32")
    lstm = layer_lstm(4)
    with pytest.raises(ValueError, match=r"`initial_state` of layer '.*' must be \[h, c\], two tensors of shape \(2, 4\); "
                                         r"received shapes \[\(2, 3\), \(2, 3\)\]"):
        lstm(sequences, initial_state=[np.zeros((2, 3)), np.zeros((2, 3))])
    assert shape(lstm(sequences, initial_state=[np.zeros((2, 4)), np.zeros((2, 4))])) == (2, 4)
