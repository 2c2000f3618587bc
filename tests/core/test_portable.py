"""kerasfn's core classes save under the public names of the Keras classes they extend (kerasfn/core/portable.py).

Models built with kerasfn layers load in plain Keras, without kerasfn: the
portability check runs ``keras.saving.load_model`` in a fresh Python
process that never imports kerasfn (and asserts that it did not), then
compares its predictions with the ones made here.
"""

import subprocess
import sys
import textwrap

import keras
import numpy as np

from kerasfn import keras_input, keras_model, keras_model_sequential, layer_conv_lstm_1d, layer_cudnn_lstm, layer_lstm
from kerasfn.rcall import internals


_PLAIN_LOADER = textwrap.dedent(
    """
    import os, sys
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    import keras, numpy as np
    x = np.load(sys.argv[1])
    for path in sys.argv[2:]:
        model = keras.saving.load_model(path)
        outputs = model.predict(x, verbose=0)
        np.savez(path + ".npz", *(outputs if isinstance(outputs, list) else [outputs]))
        print(",".join(type(layer).__module__ + "." + type(layer).__name__ for layer in model.layers))
    assert not any(name == "kerasfn" or name.startswith("kerasfn.") for name in sys.modules), "kerasfn was imported"
    """
)


def _predict_without_kerasfn(model_paths, tmp_path, x):
    """What each saved model predicts on ``x`` in one fresh process that loads them with plain Keras:
    a list of ``(outputs, the classes of its layers)``, in the order of ``model_paths``."""
    np.save(tmp_path / "x.npy", x)
    result = subprocess.run(
        [sys.executable, "-c", _PLAIN_LOADER, str(tmp_path / "x.npy"), *map(str, model_paths)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    predictions = []
    for path, classes in zip(model_paths, result.stdout.strip().splitlines()[-len(model_paths):]):
        saved = np.load(f"{path}.npz")
        predictions.append(([saved[key] for key in sorted(saved.files, key=lambda k: int(k.split("_")[1]))], classes))
    return predictions


def test_sequential_and_functional_models_load_in_plain_keras(tmp_path, saved_layer_configs, sequences):
    sequential = keras_model_sequential(input_shape=(6, 3)) | layer_lstm(5, return_sequences=True) | layer_lstm(2, implementation=1)
    inputs = keras_input((6, 3))
    output, h, c = inputs | layer_lstm(4, return_sequences=True, return_state=True, dropout=0.1)
    functional = keras_model(inputs, [output, h, c])
    models = {tmp_path / f"{name}.keras": model for name, model in [("sequential", sequential), ("functional", functional)]}
    for path, model in models.items():
        model.save(path)
        lstm_configs = [layer for layer in saved_layer_configs(path) if layer["class_name"] == "LSTM"]
        assert lstm_configs and all(layer["module"] == "keras.layers" for layer in lstm_configs)
        assert all(layer["registered_name"] is None for layer in lstm_configs)
    for model, (got, classes) in zip(models.values(), _predict_without_kerasfn(list(models), tmp_path, sequences)):
        expected = model.predict(sequences, verbose=0)
        expected = expected if isinstance(expected, list) else [expected]
        assert "keras.src.layers.rnn.lstm.LSTM" in classes
        assert len(got) == len(expected)
        for a, b in zip(got, expected):
            np.testing.assert_allclose(a, b, atol=1e-5)


def test_loaded_plain_model_has_the_same_weights(tmp_path):
    model = keras_model_sequential(input_shape=(6, 3)) | layer_lstm(3)
    path = tmp_path / "m.keras"
    model.save(path)
    loaded = keras.saving.load_model(path)
    for a, b in zip(loaded.get_weights(), model.get_weights()):
        np.testing.assert_array_equal(a, b)


def test_cudnn_only_layer_serializes_as_a_plain_lstm_with_use_cudnn():
    # A model cannot be built around it on a CPU (calling it refuses), so serialize the layer alone.
    layer = layer_cudnn_lstm(4)
    config = keras.saving.serialize_keras_object(layer)
    assert (config["module"], config["class_name"], config["registered_name"]) == ("keras.layers", "LSTM", None)
    plain = keras.saving.deserialize_keras_object(config)
    assert type(plain) is keras.layers.LSTM and plain.use_cudnn is True


def test_conv_lstm_saves_as_plain_keras():
    config = keras.saving.serialize_keras_object(layer_conv_lstm_1d(filters=2, kernel_size=3))
    assert (config["module"], config["class_name"], config["registered_name"]) == ("keras.layers", "ConvLSTM1D", None)


def test_attention_and_every_recurrent_layer_load_in_plain_keras(tmp_path, saved_layer_configs, attention_and_recurrent_model, sequences):
    model = attention_and_recurrent_model
    path = tmp_path / "attention.keras"
    model.save(path)
    saved = {layer["class_name"]: layer for layer in saved_layer_configs(path)}
    # Keras 3.15 names GQA's public class GroupQueryAttention, 3.16 GroupedQueryAttention.
    grouped = internals.public_name(keras.layers.GroupQueryAttention).rpartition(".")[2]
    for name in ["MultiHeadAttention", grouped, "Bidirectional", "GRU", "SimpleRNN", "RNN"]:
        assert (saved[name]["module"], saved[name]["registered_name"]) == ("keras.layers", None), name
    ((got, classes),) = _predict_without_kerasfn([path], tmp_path, sequences)
    assert "keras.src.layers.attention.multi_head_attention.MultiHeadAttention" in classes
    np.testing.assert_allclose(got[0], model.predict(sequences, verbose=0), atol=1e-5)
