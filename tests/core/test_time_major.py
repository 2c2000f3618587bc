"""``time_major=True`` (kerasfn/core/time_major.py): the tf.compat.v1 LSTM option Keras 3 dropped.

Inputs and sequence outputs are ``(timesteps, batch, features)``, states
``(batch, units)``, with the numbers of ``keras.layers.LSTM`` on the
transposed input; the option is kept in the config, and a model holding such
a layer saves under kerasfn's registered name and loads with kerasfn.
"""

import keras
import numpy as np
import pytest

from kerasfn import as_array, keras_input, keras_model, layer_lstm
from kerasfn.core.time_major import TimeMajorLSTM

ATOL = 1e-5


def test_time_major_inputs_and_outputs_are_time_major(uniform_data, plain_lstm_twin):
    x = uniform_data(6, 2, 3)  # (timesteps, batch, features)
    layer = layer_lstm(4, time_major=True, return_sequences=True, return_state=True)
    output, h, c = layer(x)
    assert isinstance(layer, keras.layers.LSTM) and isinstance(layer, TimeMajorLSTM)
    assert output.shape == (6, 2, 4) and h.shape == (2, 4) and c.shape == (2, 4)
    want, want_h, want_c = plain_lstm_twin(layer, (2, 6, 3))(np.swapaxes(x, 0, 1))
    np.testing.assert_allclose(as_array(output), np.swapaxes(as_array(want), 0, 1), atol=ATOL)
    np.testing.assert_allclose(as_array(h), as_array(want_h), atol=ATOL)
    np.testing.assert_allclose(as_array(c), as_array(want_c), atol=ATOL)


def test_time_major_last_output_and_symbolic_shapes(uniform_data):
    inputs = keras_input(batch_shape=(6, None, 3))
    sequence = inputs | layer_lstm(4, time_major=True, return_sequences=True)
    last = inputs | layer_lstm(5, time_major=True)
    assert tuple(sequence.shape) == (6, None, 4) and tuple(last.shape) == (None, 5)
    model = keras_model(inputs, [sequence, last])
    outputs = model.predict(uniform_data(6, 2, 3), verbose=0)
    assert outputs[0].shape == (6, 2, 4) and outputs[1].shape == (2, 5)


def test_time_major_is_saved_in_the_config():
    layer = layer_lstm(4, time_major=True)
    config = layer.get_config()
    assert config["time_major"] is True
    assert type(layer).from_config(config).time_major is True
    assert "time_major" not in layer_lstm(4).get_config()


def test_time_major_must_be_a_bool():
    with pytest.raises(TypeError, match=r"`time_major` must be True or False; received 'yes' \(str\)\."):
        layer_lstm(4, time_major="yes")


def test_time_major_model_saves_and_loads_with_kerasfn(tmp_path, saved_layer_configs, sequences):
    inputs = keras_input(batch_shape=(6, None, 3))
    model = keras_model(inputs, inputs | layer_lstm(4, time_major=True, return_sequences=True))
    path = tmp_path / "time_major.keras"
    model.save(path)
    (lstm_config,) = [layer for layer in saved_layer_configs(path) if "LSTM" in layer["class_name"]]
    assert lstm_config["registered_name"] == "kerasfn>TimeMajorLSTM"
    assert lstm_config["config"]["time_major"] is True
    x = np.swapaxes(sequences, 0, 1)
    loaded = keras.saving.load_model(path)
    assert loaded.layers[-1].time_major is True
    np.testing.assert_allclose(loaded.predict(x, verbose=0), model.predict(x, verbose=0), atol=1e-5)
