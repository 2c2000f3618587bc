"""Files from someone else stay inert, and a damaged file is named with what is wrong with it.

A saved model, weights file, configuration or cached dataset may be truncated
(a copy cut short), corrupt, or made to run code when read.  Nothing read
from a file runs as code (Keras' safe mode, its restricted unpickler,
``tarfile``'s data filter hold; these tests keep them held), and each
kerasfn loader answers a damaged file with a ``ValueError`` naming the file
and what is wrong, where Keras gives a bare ``JSONDecodeError``,
``BadZipFile`` or h5py message that names no file.
"""

import io
import json
import os
import pickle
import sys
import tarfile
import zipfile

import keras
import numpy as np
import pytest

from kerasfn import (
    compile,
    dataset_cifar10,
    dataset_mnist,
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
from kerasfn.api import cache


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


# -- nothing read from a file runs as code --------------------------------------------


@pytest.fixture
def calls_to_os_system(monkeypatch):
    """Every command a file managed to pass to ``os.system`` (none should)."""
    commands = []

    def record(command):
        commands.append(command)
        return 0

    monkeypatch.setattr(os, "system", record)
    monkeypatch.setattr(sys.modules[_SYSTEM_MODULE], "system", record)  # where a pickle finds it ("posix")
    return commands


def test_the_recorder_sees_what_an_unsafe_reader_would_run(calls_to_os_system):
    pickle.loads(_HOSTILE_CIFAR_BATCH)
    with np.load(io.BytesIO(_HOSTILE_MNIST), allow_pickle=True) as arrays:
        arrays["x_train"]
    assert calls_to_os_system == ["echo pwned", "echo pwned"]


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


class _RunsACommand:
    def __reduce__(self):
        return os.system, ("echo pwned",)


def _npz(**arrays):
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


_SYSTEM_MODULE = os.system.__module__

# Made before a test replaces os.system (a pickle names the function it calls).
_HOSTILE_MNIST = _npz(x_train=np.array([_RunsACommand()], dtype=object), y_train=np.arange(1),
                      x_test=np.zeros((1, 28, 28), "uint8"), y_test=np.arange(1))
_HOSTILE_CIFAR_BATCH = pickle.dumps({b"data": _RunsACommand(), b"labels": [0]})


@pytest.fixture
def keras_home(tmp_path, monkeypatch):
    """A temporary Keras cache; downloading fails as it does offline."""
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))

    def offline(*args, **kwargs):
        raise OSError("no network")

    monkeypatch.setattr(cache, "_download", offline)
    (tmp_path / "datasets").mkdir()
    return tmp_path


def test_a_pickle_in_a_cached_npz_dataset_is_refused(keras_home, calls_to_os_system):
    (keras_home / "datasets" / "mnist.npz").write_bytes(_HOSTILE_MNIST)
    with pytest.raises(ValueError, match="allow_pickle=False"):
        dataset_mnist()
    assert calls_to_os_system == []


def test_a_pickle_that_runs_code_in_a_cached_archive_is_refused(keras_home, calls_to_os_system):
    content = _HOSTILE_CIFAR_BATCH
    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w:gz") as tar:
        for name in ("data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5", "test_batch"):
            info = tarfile.TarInfo(f"cifar-10-batches-py/{name}")
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    (keras_home / "datasets" / "cifar-10-python.tar.gz").write_bytes(archive.getvalue())
    with pytest.raises(pickle.UnpicklingError):
        dataset_cifar10()
    assert calls_to_os_system == []


def _member(tar, name, content=b"", link=None):
    info = tarfile.TarInfo(name)
    if link is None:
        info.size = len(content)
        tar.addfile(info, io.BytesIO(content))
    else:
        info.type, info.linkname = tarfile.SYMTYPE, link
        tar.addfile(info)


@pytest.mark.parametrize("member", [
    {"name": "data/../../../escaped.txt", "content": b"outside"},
    {"name": "data/link", "link": "../../../escaped.txt"},
    {"name": "data/absolute", "link": "/etc/passwd"},
])
def test_a_cached_tar_archive_stays_inside_the_cache(keras_home, member):
    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w:gz") as tar:
        _member(tar, "data/ok.txt", b"inside")
        _member(tar, **member)
    (keras_home / "datasets" / "bundle.tar.gz").write_bytes(archive.getvalue())
    with pytest.raises(tarfile.FilterError):
        cache.cached_file("test", fname="bundle.tar.gz", origin="https://example.invalid/bundle.tar.gz", extract=True)
    outside = keras_home.parent
    assert not (outside / "escaped.txt").exists() and not (keras_home / "escaped.txt").exists()
    assert not any(os.path.islink(os.path.join(root, name)) for root, dirs, files in os.walk(keras_home)
                   for name in dirs + files)


def test_a_cached_zip_archive_stays_inside_the_cache(keras_home):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("data/ok.txt", b"inside")
        bundle.writestr("../../../escaped.txt", b"outside")
    (keras_home / "datasets" / "bundle.zip").write_bytes(archive.getvalue())
    target = cache.cached_file("test", fname="bundle.zip", origin="https://example.invalid/bundle.zip", extract=True)
    assert not (keras_home.parent / "escaped.txt").exists() and not (keras_home / "escaped.txt").exists()
    extracted = {os.path.relpath(os.path.join(root, name), target) for root, _, names in os.walk(target)
                 for name in names}
    assert extracted == {os.path.join("data", "ok.txt"), "escaped.txt"}  # ".." dropped: inside the target


# -- a load that fails partway changes nothing ------------------------------------------


def _two_layers(last_units, initializer):
    return (keras_model_sequential(input_shape=3) | layer_dense(2, kernel_initializer=initializer)
            | layer_dense(last_units, kernel_initializer=initializer))


def test_a_weights_load_failing_partway_leaves_the_weights_as_they_were(tmp_path):
    path = tmp_path / "m.weights.h5"
    _two_layers(4, "ones") | save_model_weights(path)
    model = _two_layers(5, "zeros")  # the first layer fits the file, the second does not
    with pytest.raises(ValueError, match="shape"):
        model | load_model_weights(path)
    assert [float(np.abs(w).sum()) for w in model.get_weights()] == [0.0, 0.0, 0.0, 0.0]


def test_plain_keras_keeps_the_layers_loaded_before_a_failure(tmp_path):
    """The behaviour kerasfn fixes, pinned so a Keras change is noticed."""
    path = tmp_path / "m.weights.h5"
    _two_layers(4, "ones").save_weights(path)
    model = _two_layers(5, "zeros")
    with pytest.raises(ValueError):
        model.load_weights(path)
    assert float(model.get_weights()[0].sum()) == 6.0


def test_an_interrupted_weights_load_leaves_the_weights_as_they_were(tmp_path, monkeypatch):
    path = tmp_path / "m.weights.h5"
    _two_layers(4, "ones") | save_model_weights(path)
    model = _two_layers(4, "zeros")
    loaded = []
    original = keras.layers.Dense.load_own_variables

    def interrupted_at_the_second_layer(self, store):
        if loaded:
            raise KeyboardInterrupt
        loaded.append(self.name)
        original(self, store)

    monkeypatch.setattr(keras.layers.Dense, "load_own_variables", interrupted_at_the_second_layer)
    with pytest.raises(KeyboardInterrupt):
        model | load_model_weights(path)
    assert len(loaded) == 1
    assert [float(np.abs(w).sum()) for w in model.get_weights()] == [0.0, 0.0, 0.0, 0.0]
