"""Fixtures shared by the tests of kerasfn/core: data, plain Keras twins of kerasfn's layers, saved files."""

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import keras
import numpy as np
import pytest

from kerasfn import (
    keras_input,
    keras_model,
    layer_bidirectional,
    layer_group_query_attention,
    layer_gru,
    layer_lstm,
    layer_multi_head_attention,
    layer_rnn,
    layer_simple_rnn,
    rnn_cell_gru,
)


@pytest.fixture
def uniform_data() -> Callable[..., np.ndarray]:
    """``uniform_data(*shape)``: float32 numbers in [-1, 1), the same for the same shape."""

    def make(*shape: int) -> np.ndarray:
        return np.random.default_rng(sum(shape)).uniform(-1, 1, shape).astype("float32")

    return make


@pytest.fixture
def plain_lstm_twin() -> Callable[[keras.layers.LSTM, tuple], keras.layers.LSTM]:
    """``plain_lstm_twin(layer, input_shape)``: a plain ``keras.layers.LSTM`` with the layer's config
    (less ``time_major``, which Keras 3 does not have) and weights, built for ``input_shape``."""

    def make(layer: keras.layers.LSTM, input_shape: tuple) -> keras.layers.LSTM:
        config = {k: v for k, v in layer.get_config().items() if k != "time_major"}
        twin = keras.layers.LSTM.from_config(config)
        twin.build(input_shape)
        twin.set_weights(layer.get_weights())
        return twin

    return make


@pytest.fixture
def sequences() -> np.ndarray:
    """Four sequences of 6 steps of 3 features: what the saved models predict on."""
    return np.random.default_rng(3).uniform(-1, 1, (4, 6, 3)).astype("float32")


@pytest.fixture
def saved_layer_configs() -> Callable[[Path], list[dict]]:
    """``saved_layer_configs(path)``: the layer configs a ``.keras`` file holds, as Keras wrote them."""

    def read(path: Path) -> list[dict]:
        with zipfile.ZipFile(path) as archive:
            config = json.loads(archive.read("config.json"))
        return config["config"]["layers"]

    return read


@pytest.fixture
def attention_and_recurrent_model() -> keras.Model:
    """A model on (6, 3) sequences holding both attention layers and every recurrent layer but ConvLSTM."""
    inputs = keras_input((6, 3))
    attended = [inputs, inputs] | layer_multi_head_attention(num_heads=2, key_dim=3)
    grouped = [attended, inputs] | layer_group_query_attention(head_dim=2, num_query_heads=2, num_key_value_heads=1)
    sequence = grouped | layer_bidirectional(layer_lstm(3, return_sequences=True)) | layer_gru(4, return_sequences=True)
    outputs = sequence | layer_simple_rnn(2, return_sequences=True) | layer_rnn(rnn_cell_gru(2))
    return keras_model(inputs, outputs)


@pytest.fixture
def no_gpu_reason() -> str:
    """cudnn_status()'s reason where TensorFlow sees no GPU."""
    return "no GPU visible (tf.config.list_logical_devices('GPU') is empty)."


@pytest.fixture
def without_gpu() -> None:
    """Skips a test that asserts the answer on a machine where TensorFlow sees no GPU."""
    tf = pytest.importorskip("tensorflow")
    if tf.config.list_logical_devices("GPU"):
        pytest.skip("asserts the CPU answer")
