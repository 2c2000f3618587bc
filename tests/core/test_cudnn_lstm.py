"""The cuDNN-only LSTM (kerasfn/core/cudnn_lstm.py), R keras 2's ``layer_cudnn_lstm()``.

It fixes the configuration cuDNN needs and refuses arguments that would
change it; called where cuDNN cannot run (these tests run on a CPU), it
fails saying why, and a Sequential model it was piped into is left as it
was; its config round-trips.
"""

import keras
import numpy as np
import pytest

from kerasfn import cudnn_status, keras_model_sequential, layer_cudnn_lstm

# Where cuDNN runs is the TensorFlow backend's choice, so these tests are about TensorFlow.
pytestmark = pytest.mark.skipif(keras.backend.backend() != "tensorflow", reason="about the TensorFlow backend's cuDNN checks")


def test_layer_cudnn_lstm_is_the_cudnn_configuration(no_gpu_reason):
    layer = layer_cudnn_lstm(4, return_sequences=True)
    assert isinstance(layer, keras.layers.LSTM)
    assert layer.use_cudnn is True and layer.use_bias and not layer.unroll
    assert layer.activation is keras.activations.tanh and layer.recurrent_activation is keras.activations.sigmoid
    assert layer.dropout == 0 and layer.recurrent_dropout == 0
    assert [r for r in cudnn_status(layer).reasons if r != no_gpu_reason] == []


@pytest.mark.parametrize("argument, value", [("activation", "relu"), ("dropout", 0.1), ("unroll", True)])
def test_layer_cudnn_lstm_refuses_what_cudnn_fixes(argument, value):
    with pytest.raises(TypeError, match=rf"`{argument}` is fixed by cuDNN in layer_cudnn_lstm\(\)"):
        layer_cudnn_lstm(4, **{argument: value})


def test_layer_cudnn_lstm_call_without_gpu_says_why(without_gpu):
    x = np.zeros((2, 5, 3), dtype="float32")
    with pytest.raises(ValueError, match=r"needs the cuDNN kernel, which cannot run here: no GPU visible"):
        x | layer_cudnn_lstm(4)


def test_layer_cudnn_lstm_in_a_sequential_fails_and_leaves_the_model_as_it_was(without_gpu):
    model = keras_model_sequential(input_shape=(5, 3))
    with pytest.raises(ValueError, match="cannot run here"):
        model | layer_cudnn_lstm(4)
    assert model.layers == []


def test_layer_cudnn_lstm_config_round_trips():
    layer = layer_cudnn_lstm(4, stateful=False, name="fast")
    copy = type(layer).from_config(layer.get_config())
    assert copy.get_config() == layer.get_config()
