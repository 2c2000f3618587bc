"""kerasfn.core.recurrent: each class is the Keras recurrent layer of the same name (same config, same weights,
plain Keras' numbers) with compiled eager calls; GRU also has the fused-kernel path."""

import keras
import numpy as np
import pytest

from kerasfn.core.eager import CompiledEagerCalls
from kerasfn.core.kernels import RecurrentKernel
from kerasfn.core.recurrent import (
    GRU,
    RNN,
    Bidirectional,
    ConvLSTM1D,
    ConvLSTM2D,
    ConvLSTM3D,
    SimpleRNN,
    TimeDistributed,
)

CLASSES = [GRU, RNN, Bidirectional, ConvLSTM1D, ConvLSTM2D, ConvLSTM3D, SimpleRNN, TimeDistributed]

SEQUENCES = np.random.default_rng(7).uniform(-1, 1, (3, 5, 2)).astype("float32")

# the same layer twice: kerasfn's class and plain Keras' (the name is the class)
TWINS = {
    "gru": lambda cls: cls(4, return_sequences=True, reset_after=False),
    "simple_rnn": lambda cls: cls(3, return_state=True),
    "rnn": lambda cls: cls(keras.layers.GRUCell(3)),
    "bidirectional": lambda cls: cls(keras.layers.SimpleRNN(3), merge_mode="sum"),
}
KINDS = {"gru": GRU, "simple_rnn": SimpleRNN, "rnn": RNN, "bidirectional": Bidirectional}


def _without_names(config):
    """A config with the layers' names (numbered per class, so per twin) left out, at every depth."""
    if isinstance(config, dict):
        return {key: _without_names(value) for key, value in config.items() if key != "name"}
    return config


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_each_class_is_the_keras_layer_of_its_name_with_compiled_eager_calls(cls):
    assert issubclass(cls, getattr(keras.layers, cls.__name__))
    assert issubclass(cls, CompiledEagerCalls)


def test_gru_runs_the_fused_kernel_where_there_is_one():
    assert issubclass(GRU, RecurrentKernel)
    assert not issubclass(SimpleRNN, RecurrentKernel)


@pytest.mark.parametrize("name", sorted(TWINS))
def test_config_weights_and_numbers_are_plain_keras(name):
    ours = TWINS[name](KINDS[name])
    plain = TWINS[name](getattr(keras.layers, KINDS[name].__name__))
    ours(SEQUENCES)
    plain(SEQUENCES)
    plain.set_weights(ours.get_weights())
    assert _without_names(ours.get_config()) == _without_names(plain.get_config())
    for got, expected in zip(keras.tree.flatten(ours(SEQUENCES)), keras.tree.flatten(plain(SEQUENCES)), strict=True):
        np.testing.assert_allclose(keras.ops.convert_to_numpy(got), keras.ops.convert_to_numpy(expected), atol=1e-6)
