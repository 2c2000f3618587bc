"""kerasfn.api.saved_files: a saved model, weights file or configuration read back is checked first, and
a damaged one is named with what is wrong with it; nothing read from such a file runs as code.

A file may be truncated (a copy cut short), corrupt, or made to run code when
read.  Each kerasfn loader answers a damaged file with a ``ValueError`` naming
the file and what is wrong, where Keras gives a bare ``JSONDecodeError``,
``BadZipFile`` or h5py message that names no file.  Keras' safe mode holds
for what the loaders read; these tests keep it held.
"""

import io
import json
import zipfile

import keras
import pytest

from kerasfn import (
    compile,
    keras_model_sequential,
    layer_dense,
    layer_lambda,
    load_model,
    load_model_config,
    load_model_weights,
    save_model,
    save_model_config,
    save_model_weights,
)


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """A good .keras, .weights.h5 and JSON configuration of one small model."""
    folder = tmp_path_factory.mktemp("saved")
    model = keras_model_sequential(input_shape=3) | layer_dense(2) | compile(loss="mse")
    paths = {"keras": folder / "m.keras", "weights": folder / "m.weights.h5", "json": folder / "m.json"}
    model | save_model(paths["keras"]) | save_model_weights(paths["weights"]) | save_model_config(paths["json"])
    return {kind: path.read_bytes() for kind, path in paths.items()}


def _rewritten_archive(data, change):
    """A copy of the .keras archive ``data`` with its members passed through ``change(name, content)``."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = {name: source.read(name) for name in source.namelist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members.items():
            content = change(name, content)
            if content is not None:
                archive.writestr(name, content)
    return out.getvalue()


def _flipped(data, start, length=200):
    return data[:start] + bytes(byte ^ 0xFF for byte in data[start:start + length]) + data[start + length:]


def _weights_model():
    return keras_model_sequential(input_shape=3) | layer_dense(2)


#: name: (kind of good file, file name, damage, loader, what the error says)
DAMAGE = {
    "keras cut in half": ("keras", "m.keras", lambda d: d[: len(d) // 2], load_model,
                          r"is not a .keras archive \(\d+ bytes; truncated or corrupt\?\)"),
    "keras empty": ("keras", "m.keras", lambda d: b"", load_model, "is empty"),
    "keras bytes flipped": ("keras", "m.keras", lambda d: _flipped(d, len(d) // 2), load_model,
                            r"is corrupt \(BadZipFile: Bad CRC-32"),
    "keras without config": ("keras", "m.keras",
                             lambda d: _rewritten_archive(d, lambda n, c: None if n == "config.json" else c),
                             load_model, "is not a .keras archive: a zip file without the model's config.json"),
    "keras config not JSON": ("keras", "m.keras",
                              lambda d: _rewritten_archive(d, lambda n, c: c[:40] if n == "config.json" else c),
                              load_model, r"config.json\): not valid JSON: "),
    "keras weights cut": ("keras", "m.keras",
                          lambda d: _rewritten_archive(d, lambda n, c: c[: len(c) // 2] if n.endswith(".h5") else c),
                          load_model, r"cannot be read \(truncated or corrupt\?\): .*truncated file"),
    "weights cut in half": ("weights", "m.weights.h5", lambda d: d[: len(d) // 2],
                            lambda p: _weights_model() | load_model_weights(p), r"is truncated \(\d+ bytes"),
    "weights not HDF5": ("weights", "m.weights.h5", lambda d: b"hello " * 20,
                         lambda p: _weights_model() | load_model_weights(p), "is not an HDF5 weights file"),
    "weights empty": ("weights", "m.weights.h5", lambda d: b"",
                      lambda p: _weights_model() | load_model_weights(p), r"is empty \(0 bytes"),
    "weights index not JSON": ("json", "m.weights.json", lambda d: d[:30],
                               lambda p: _weights_model() | load_model_weights(p),
                               "is not a weights index: not valid JSON: "),
    "config cut in half": ("json", "m.json", lambda d: d[: len(d) // 2], load_model_config,
                           r"is not a model configuration: not valid JSON: .*\(truncated or corrupt\?\)"),
    "config empty": ("json", "m.json", lambda d: b"\n", load_model_config, "is empty: not a model configuration"),
    "config binary": ("json", "m.json", lambda d: bytes(range(256)), load_model_config,
                      "is not a model configuration: not text"),
    "config other JSON": ("json", "m.json", lambda d: b'{"a": 1}', load_model_config,
                          "is JSON but not a Keras model configuration"),
}


@pytest.mark.parametrize("name", DAMAGE)
def test_a_damaged_file_is_a_value_error_naming_the_file(name, saved, tmp_path):
    kind, file_name, damage, loader, message = DAMAGE[name]
    path = tmp_path / file_name
    path.write_bytes(damage(saved[kind]))
    with pytest.raises(ValueError, match=message) as raised:
        loader(path)
    assert str(path) in str(raised.value)


def test_keras_alone_names_no_file_for_a_damaged_configuration(saved, tmp_path):
    """The behaviour kerasfn fixes, pinned so a Keras change is noticed."""
    path = tmp_path / "m.keras"
    path.write_bytes(_rewritten_archive(saved["keras"], lambda n, c: c[:40] if n == "config.json" else c))
    with pytest.raises(json.JSONDecodeError) as raised:
        keras.saving.load_model(path)
    assert str(path) not in str(raised.value)


def test_the_good_files_load(saved, tmp_path):
    for kind, name in (("keras", "m.keras"), ("weights", "m.weights.h5"), ("json", "m.json")):
        (tmp_path / name).write_bytes(saved[kind])
    assert load_model(tmp_path / "m.keras").output_shape == (None, 2)
    assert load_model_config(tmp_path / "m.json").output_shape == (None, 2)
    _weights_model() | load_model_weights(tmp_path / "m.weights.h5")


def test_load_model_names_a_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"`model` '.*nothing.keras' does not exist"):
        load_model(tmp_path / "nothing.keras")


def test_load_model_of_none_is_named():
    with pytest.raises(TypeError, match=r"`model` must be the path of a saved model; received None \(NoneType\)"):
        load_model(None)


def test_load_model_reports_empty_and_corrupt_files(tmp_path, compiled_model):
    empty = tmp_path / "empty.keras"
    empty.write_bytes(b"")
    with pytest.raises(ValueError, match=r"`model` '.*empty.keras' is empty"):
        load_model(empty)
    path = tmp_path / "model.keras"
    compiled_model | save_model(path)
    truncated = tmp_path / "truncated.keras"
    truncated.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(ValueError, match=r"is not a .keras archive \(\d+ bytes; truncated or corrupt\?\)"):
        load_model(truncated)


# -- nothing read from a file runs as code --------------------------------------------


def test_a_lambda_in_a_saved_model_or_configuration_is_refused(tmp_path):
    model = keras_model_sequential(input_shape=3) | layer_lambda(lambda x: x + 1)
    model | save_model(tmp_path / "lambda.keras") | save_model_config(tmp_path / "lambda.json")
    for load in (lambda: load_model(tmp_path / "lambda.keras"), lambda: load_model_config(tmp_path / "lambda.json")):
        with pytest.raises(ValueError, match="deserialization of a `Lambda` layer whose `function` is a Python lambda"):
            load()


@pytest.mark.parametrize("safe_mode", [True, False])
def test_an_os_system_activation_in_a_saved_model_is_refused(saved, tmp_path, calls_to_os_system, safe_mode):
    def hostile(name, content):
        if name != "config.json":
            return content
        config = json.loads(content)
        dense = next(layer for layer in config["config"]["layers"] if layer["class_name"] == "Dense")
        dense["config"]["activation"] = {"module": "os", "class_name": "function", "config": "system",
                                         "registered_name": "system"}
        return json.dumps(config)

    path = tmp_path / "hostile.keras"
    path.write_bytes(_rewritten_archive(saved["keras"], hostile))
    with pytest.raises(TypeError, match="could not be deserialized"):
        load_model(path, safe_mode=safe_mode)
    assert calls_to_os_system == []
