"""Models built with kerasfn layers load in plain Keras, without kerasfn.

The portability check runs ``keras.saving.load_model`` in a fresh Python
process that never imports kerasfn (and asserts that it did not), then
compares its predictions with the ones made here.
"""

import json
import subprocess
import sys
import textwrap
import zipfile

import keras
import numpy as np
import pytest

from kerasfn import keras_input, keras_model, keras_model_sequential, layer_cudnn_lstm, layer_lstm

X = np.random.default_rng(3).uniform(-1, 1, (4, 6, 3)).astype("float32")

_PLAIN_LOADER = textwrap.dedent(
    """
    import os, sys
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    import keras, numpy as np
    model = keras.saving.load_model(sys.argv[1])
    x = np.load(sys.argv[2])
    outputs = model.predict(x, verbose=0)
    outputs = outputs if isinstance(outputs, list) else [outputs]
    np.savez(sys.argv[3], *outputs)
    assert not any(name == "kerasfn" or name.startswith("kerasfn.") for name in sys.modules), "kerasfn was imported"
    print(",".join(type(layer).__module__ + "." + type(layer).__name__ for layer in model.layers))
    """
)


def _predict_without_kerasfn(model_path, tmp_path):
    np.save(tmp_path / "x.npy", X)
    result = subprocess.run(
        [sys.executable, "-c", _PLAIN_LOADER, str(model_path), str(tmp_path / "x.npy"), str(tmp_path / "y.npz")],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    saved = np.load(tmp_path / "y.npz")
    return [saved[key] for key in sorted(saved.files, key=lambda k: int(k.split("_")[1]))], result.stdout


def _saved_layer_configs(path):
    with zipfile.ZipFile(path) as archive:
        config = json.loads(archive.read("config.json"))
    return config["config"]["layers"]


def test_sequential_and_functional_models_load_in_plain_keras(tmp_path):
    sequential = keras_model_sequential(input_shape=(6, 3)) | layer_lstm(5, return_sequences=True) | layer_lstm(2, implementation=1)
    inputs = keras_input((6, 3))
    output, h, c = inputs | layer_lstm(4, return_sequences=True, return_state=True, dropout=0.1)
    functional = keras_model(inputs, [output, h, c])
    for name, model in [("sequential", sequential), ("functional", functional)]:
        path = tmp_path / f"{name}.keras"
        model.save(path)
        lstm_configs = [layer for layer in _saved_layer_configs(path) if layer["class_name"] == "LSTM"]
        assert lstm_configs and all(layer["module"] == "keras.layers" for layer in lstm_configs)
        assert all(layer["registered_name"] is None for layer in lstm_configs)
        expected = model.predict(X, verbose=0)
        expected = expected if isinstance(expected, list) else [expected]
        got, classes = _predict_without_kerasfn(path, tmp_path)
        assert "keras.src.layers.rnn.lstm.LSTM" in classes
        for a, b in zip(got, expected):
            np.testing.assert_allclose(a, b, atol=1e-5)


def test_cudnn_only_layer_serializes_as_a_plain_lstm_with_use_cudnn():
    # A model cannot be built around it on a CPU (calling it refuses), so serialize the layer alone.
    layer = layer_cudnn_lstm(4)
    config = keras.saving.serialize_keras_object(layer)
    assert (config["module"], config["class_name"], config["registered_name"]) == ("keras.layers", "LSTM", None)
    plain = keras.saving.deserialize_keras_object(config)
    assert type(plain) is keras.layers.LSTM and plain.use_cudnn is True


def test_time_major_model_saves_and_loads_with_kerasfn(tmp_path):
    inputs = keras_input(batch_shape=(6, None, 3))
    model = keras_model(inputs, inputs | layer_lstm(4, time_major=True, return_sequences=True))
    path = tmp_path / "time_major.keras"
    model.save(path)
    (lstm_config,) = [layer for layer in _saved_layer_configs(path) if "LSTM" in layer["class_name"]]
    assert lstm_config["registered_name"] == "kerasfn>TimeMajorLSTM"
    assert lstm_config["config"]["time_major"] is True
    x = np.swapaxes(X, 0, 1)
    loaded = keras.saving.load_model(path)
    assert loaded.layers[-1].time_major is True
    np.testing.assert_allclose(loaded.predict(x, verbose=0), model.predict(x, verbose=0), atol=1e-5)


def test_loaded_plain_model_has_the_same_weights(tmp_path):
    model = keras_model_sequential(input_shape=(6, 3)) | layer_lstm(3)
    path = tmp_path / "m.keras"
    model.save(path)
    loaded = keras.saving.load_model(path)
    for a, b in zip(loaded.get_weights(), model.get_weights()):
        np.testing.assert_array_equal(a, b)


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


# -- every core class saves portably; kerasfn's load_model gives the core back ----------------

from kerasfn import layer_bidirectional, layer_conv_lstm_1d, layer_gru, layer_group_query_attention  # noqa: E402
from kerasfn import layer_multi_head_attention, layer_rnn, layer_simple_rnn, rnn_cell_gru  # noqa: E402
from kerasfn.rcall import internals  # noqa: E402
from kerasfn.core.attention import MultiHeadAttention  # noqa: E402
from kerasfn.core.lstm import LSTM  # noqa: E402
from kerasfn.core.recurrent import GRU, Bidirectional  # noqa: E402
from kerasfn.core.saving import core_classes, restore_core_classes  # noqa: E402


def _attention_and_recurrent_model():
    inputs = keras_input((6, 3))
    attended = [inputs, inputs] | layer_multi_head_attention(num_heads=2, key_dim=3)
    grouped = [attended, inputs] | layer_group_query_attention(head_dim=2, num_query_heads=2, num_key_value_heads=1)
    sequence = grouped | layer_bidirectional(layer_lstm(3, return_sequences=True)) | layer_gru(4, return_sequences=True)
    outputs = sequence | layer_simple_rnn(2, return_sequences=True) | layer_rnn(rnn_cell_gru(2))
    return keras_model(inputs, outputs)


def test_attention_and_every_recurrent_layer_load_in_plain_keras(tmp_path):
    model = _attention_and_recurrent_model()
    path = tmp_path / "attention.keras"
    model.save(path)
    saved = {layer["class_name"]: layer for layer in _saved_layer_configs(path)}
    # Keras 3.15 names GQA's public class GroupQueryAttention, 3.16 GroupedQueryAttention.
    grouped = internals.public_name(keras.layers.GroupQueryAttention).rpartition(".")[2]
    for name in ["MultiHeadAttention", grouped, "Bidirectional", "GRU", "SimpleRNN", "RNN"]:
        assert (saved[name]["module"], saved[name]["registered_name"]) == ("keras.layers", None), name
    got, classes = _predict_without_kerasfn(path, tmp_path)
    assert "keras.src.layers.attention.multi_head_attention.MultiHeadAttention" in classes
    np.testing.assert_allclose(got[0], model.predict(X, verbose=0), atol=1e-5)


def test_conv_lstm_saves_as_plain_keras():
    config = keras.saving.serialize_keras_object(layer_conv_lstm_1d(filters=2, kernel_size=3))
    assert (config["module"], config["class_name"], config["registered_name"]) == ("keras.layers", "ConvLSTM1D", None)


def test_restored_model_has_kerasfn_core_classes_and_the_same_numbers(tmp_path):
    model = _attention_and_recurrent_model()
    path = tmp_path / "m.keras"
    model.save(path)
    loaded = keras.saving.load_model(path)
    assert not any(type(layer).__module__.startswith("kerasfn") for layer in loaded.layers)
    assert restore_core_classes(loaded) is loaded
    kinds = {type(layer) for layer in loaded.layers}
    assert {MultiHeadAttention, Bidirectional, GRU} <= kinds
    assert all(type(layer) in core_classes().values() for layer in loaded.layers
               if type(layer) in kinds and type(layer).__module__.startswith("kerasfn"))
    np.testing.assert_allclose(loaded.predict(X, verbose=0), model.predict(X, verbose=0), atol=1e-5)
    # The layers inside a wrapper stay as the wrapper built them.
    bidirectional = next(layer for layer in loaded.layers if isinstance(layer, Bidirectional))
    assert type(bidirectional.forward_layer) is keras.layers.LSTM


def test_restored_stateful_lstm_takes_reset_states_with_values(tmp_path):
    model = keras_model_sequential(input_batch_shape=(2, 6, 3)) | layer_lstm(4, stateful=True)
    path = tmp_path / "stateful.keras"
    model.save(path)
    loaded = restore_core_classes(keras.saving.load_model(path))
    layer = loaded.layers[-1]
    assert type(layer) is LSTM
    h, c = np.ones((2, 4), "float32"), np.full((2, 4), 2.0, "float32")
    layer.reset_states([h, c])
    np.testing.assert_array_equal(layer.states[0], h)
    np.testing.assert_array_equal(layer.states[1], c)


def test_files_saved_under_the_old_kerasfn_name_still_load():
    config = keras.saving.serialize_keras_object(keras.layers.MultiHeadAttention(num_heads=2, key_dim=3))
    config.update(module=None, registered_name="kerasfn>MultiHeadAttention")
    assert type(keras.saving.deserialize_keras_object(config)) is MultiHeadAttention


# -- what kerasfn saves, kerasfn loads in a fresh process -------------------------------

_SAVER = textwrap.dedent(
    """
    import importlib, inspect, json, os, pkgutil, sys
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    import keras, numpy as np
    import kerasfn
    from kerasfn import *
    from kerasfn.rcall import internals

    # Every layer class kerasfn defines, and whether `import kerasfn` alone registered it for loading.
    registered = dict(keras.saving.get_custom_objects())
    found, unregistered = set(), []
    for info in pkgutil.walk_packages(kerasfn.__path__, "kerasfn."):
        if info.name.rpartition(".")[2] == "__main__":
            continue
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, keras.layers.Layer):
                found.add(cls.__name__)
                if internals.public_name(cls) is None and keras.saving.get_registered_name(cls) not in registered:
                    unregistered.append(cls.__name__)

    def sequence(shape):
        inputs = keras_input(shape)
        return inputs, [inputs, inputs]

    def attention(layer):
        inputs, pair = sequence((6, 3))
        return keras_model(inputs, pair | layer)

    BUILDERS = {
        "LSTM": lambda: keras_model_sequential(input_shape=(6, 3)) | layer_lstm(4),
        "GRU": lambda: keras_model_sequential(input_shape=(6, 3)) | layer_gru(4),
        "SimpleRNN": lambda: keras_model_sequential(input_shape=(6, 3)) | layer_simple_rnn(4),
        "RNN": lambda: keras_model_sequential(input_shape=(6, 3)) | layer_rnn(rnn_cell_gru(2)),
        "Bidirectional": lambda: keras_model_sequential(input_shape=(6, 3)) | layer_bidirectional(layer_lstm(3)),
        "TimeDistributed": lambda: keras_model_sequential(input_shape=(6, 3)) | layer_time_distributed(layer_dense(2)),
        "ConvLSTM1D": lambda: keras_model_sequential(input_shape=(3, 5, 2)) | layer_conv_lstm_1d(2, 3),
        "ConvLSTM2D": lambda: keras_model_sequential(input_shape=(3, 4, 4, 2)) | layer_conv_lstm_2d(2, 3),
        "ConvLSTM3D": lambda: keras_model_sequential(input_shape=(2, 3, 3, 3, 1)) | layer_conv_lstm_3d(2, 2),
        "MultiHeadAttention": lambda: attention(layer_multi_head_attention(num_heads=2, key_dim=3)),
        "GroupedQueryAttention": lambda: attention(
            layer_group_query_attention(head_dim=2, num_query_heads=2, num_key_value_heads=1)),
        "TimeMajorLSTM": lambda: keras_model(
            inputs := keras_input(batch_shape=(6, None, 3)),
            inputs | layer_lstm(4, time_major=True, return_sequences=True)),
    }
    saved = {}
    rng = np.random.default_rng(19)
    for name, build in BUILDERS.items():
        keras.utils.set_random_seed(19)
        model = build()
        shape = tuple(4 if size is None else size for size in model.inputs[0].shape)
        x = rng.uniform(-1, 1, (4, *shape[1:]) if model.inputs[0].shape[0] is None else shape).astype("float32")
        np.savez(name + ".npz", x=x, y=model.predict(x, verbose=0))
        model | save_model(name + ".keras")
        saved[name] = [type(layer).__name__ for layer in model.layers]
    print(json.dumps({"found": sorted(found), "unregistered": unregistered, "saved": saved}))
    """
)

_LOADER = textwrap.dedent(
    """
    import json, os, sys
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    import keras, numpy as np

    def difference(model, name):
        data = np.load(name + ".npz")
        return float(np.max(np.abs(np.asarray(model.predict(data["x"], verbose=0)) - data["y"])))

    names = sys.argv[1:]
    results = {name: {} for name in names}
    for name in names:  # plain Keras, kerasfn never imported
        try:
            results[name]["plain"] = difference(keras.saving.load_model(name + ".keras"), name)
        except Exception as error:
            results[name]["plain"] = f"{type(error).__name__}: {error}"
    assert not any(module == "kerasfn" or module.startswith("kerasfn.") for module in sys.modules)
    import kerasfn
    for name in names:
        model = kerasfn.load_model(name + ".keras")
        results[name]["kerasfn"] = difference(model, name)
        results[name]["classes"] = [type(layer).__module__.partition(".")[0] + "." + type(layer).__name__
                                    for layer in model.layers]
        results[name]["plain after import"] = difference(keras.saving.load_model(name + ".keras"), name)
    print(json.dumps(results))
    """
)


def _run(script, tmp_path, *arguments):
    result = subprocess.run([sys.executable, "-c", script, *arguments], capture_output=True, text=True,
                            timeout=600, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_every_class_kerasfn_saves_loads_in_a_fresh_process(tmp_path):
    """Saved in one process, loaded in another: with kerasfn's load_model (kerasfn's class back), with
    plain Keras after ``import kerasfn``, and with plain Keras alone where the README says the file is
    portable (all but ``time_major=True``, whose file needs ``import kerasfn``)."""
    saving = _run(_SAVER, tmp_path)
    assert saving["unregistered"] == [], "classes `import kerasfn` leaves unregistered: a file holding one fails to load"
    # CudnnLSTM cannot be built where cuDNN cannot run; it saves as a plain LSTM
    # (test_cudnn_only_layer_serializes_as_a_plain_lstm_with_use_cudnn).
    assert set(saving["found"]) - {"CudnnLSTM"} == set(saving["saved"])
    for name, classes in saving["saved"].items():
        assert name in classes, (name, classes)
    loading = _run(_LOADER, tmp_path, *saving["saved"])
    for name, result in loading.items():
        assert result["kerasfn"] < 1e-5 and result["plain after import"] < 1e-5, (name, result)
        assert f"kerasfn.{name}" in result["classes"], (name, result["classes"])
        if name == "TimeMajorLSTM":
            assert "Could not locate class 'TimeMajorLSTM'" in result["plain"], result["plain"][-500:]
        else:
            assert result["plain"] < 1e-5, (name, result["plain"])
