"""Loading saved models back onto kerasfn's core classes (kerasfn/core/saving.py).

A model plain Keras loaded from a file kerasfn wrote holds plain Keras
layers; ``restore_core_classes`` gives it kerasfn's classes back, with the
same numbers and state, and kerasfn's ``load_model`` does so itself, for
files plain Keras saved too.  Files saved under kerasfn's old registered
names still load.  Every layer class kerasfn defines is registered by
``import kerasfn``: saved in one process, each loads in another with
kerasfn's ``load_model``, with plain Keras after ``import kerasfn``, and
with plain Keras alone where the file is portable.
"""

import json
import subprocess
import sys
import textwrap

import keras
import numpy as np

from kerasfn import keras_model_sequential, layer_lstm, load_model
from kerasfn.core.attention import MultiHeadAttention
from kerasfn.core.lstm import LSTM
from kerasfn.core.recurrent import GRU, Bidirectional
from kerasfn.core.saving import core_classes, restore_core_classes


def test_restored_model_has_kerasfn_core_classes_and_the_same_numbers(tmp_path, attention_and_recurrent_model, sequences):
    model = attention_and_recurrent_model
    path = tmp_path / "m.keras"
    model.save(path)
    loaded = keras.saving.load_model(path)
    assert not any(type(layer).__module__.startswith("kerasfn") for layer in loaded.layers)
    assert restore_core_classes(loaded) is loaded
    kinds = {type(layer) for layer in loaded.layers}
    assert {MultiHeadAttention, Bidirectional, GRU} <= kinds
    assert all(type(layer) in core_classes().values() for layer in loaded.layers
               if type(layer) in kinds and type(layer).__module__.startswith("kerasfn"))
    np.testing.assert_allclose(loaded.predict(sequences, verbose=0), model.predict(sequences, verbose=0), atol=1e-5)
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


def test_load_model_gives_kerasfns_core_classes_back(tmp_path):
    path = tmp_path / "lstm.keras"
    keras.Sequential([keras.Input((5, 3)), keras.layers.LSTM(2)]).save(path)  # saved by plain Keras
    assert isinstance(load_model(path).layers[0], LSTM)


_SAVER = textwrap.dedent(
    """
    import importlib, inspect, json, os, sys
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    import keras, numpy as np
    from kerasfn import *
    from kerasfn.rcall import internals

    # Every layer class kerasfn defines, and whether `import kerasfn` alone registered it for loading.
    registered = dict(keras.saving.get_custom_objects())
    found, unregistered = set(), []
    for name in sys.argv[1:]:  # kerasfn's modules
        module = importlib.import_module(name)
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


def test_every_class_kerasfn_saves_loads_in_a_fresh_process(tmp_path, package_modules):
    """Saved in one process, loaded in another: with kerasfn's load_model (kerasfn's class back), with
    plain Keras after ``import kerasfn``, and with plain Keras alone where the README says the file is
    portable (all but ``time_major=True``, whose file needs ``import kerasfn``)."""
    saving = _run(_SAVER, tmp_path, *(module.__name__ for module in package_modules))
    assert saving["unregistered"] == [], "classes `import kerasfn` leaves unregistered: a file holding one fails to load"
    # CudnnLSTM cannot be built where cuDNN cannot run; it saves as a plain LSTM
    # (test_portable.py::test_cudnn_only_layer_serializes_as_a_plain_lstm_with_use_cudnn).
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
