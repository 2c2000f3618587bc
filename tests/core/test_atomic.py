"""Atomic writes (kerasfn/core/atomic.py): every kerasfn writer replaces its file only once the new one is complete.

Keras opens its target before writing it, so a save that fails midway (a
full disk, Ctrl-C, a model whose config cannot be serialised) leaves a
truncated file where a good one was.  Each writer is tested with the Keras
writer it calls replaced by one that does what Keras does when the disk
fills up: it opens the path it was given, writes part of a file, and
raises.  The old file must come out byte-identical, no partial file may be
left behind, and the error must name the path.
"""

import errno
import os
import stat
import sys

import keras
import numpy as np
import pytest

from kerasfn import (
    callback_model_checkpoint,
    compile,
    export_savedmodel,
    fit,
    keras_model_sequential,
    layer_dense,
    load_model,
    load_model_config,
    load_model_weights,
    save_model,
    save_model_config,
    save_model_weights,
)
from kerasfn.core.atomic import write_weights

X = np.random.default_rng(19).random((8, 3)).astype("float32")
Y = np.random.default_rng(20).random((8, 2)).astype("float32")

FAILURES = {
    "disk full": lambda: OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)),
    "Ctrl-C": KeyboardInterrupt,
}


def _model(seed=1):
    keras.utils.set_random_seed(seed)
    return keras_model_sequential(input_shape=3) | layer_dense(2) | compile(loss="mse", optimizer="sgd")


def _failing_writer(failure):
    """A writer that fails as Keras' do on a full disk: the file it was given is opened, half written, left."""

    def write(self, filepath, *args, **kwargs):
        with open(filepath, "wb") as file:
            file.write(b"PK\x03\x04 partial")
        raise failure()

    return write


def _assert_failed_cleanly(raised, path, name):
    """The error names the path; an OSError in its message, any other error in a note."""
    if isinstance(raised.value, OSError):
        assert raised.value.errno == errno.ENOSPC
        assert raised.value.filename == str(path)
        assert str(path) in str(raised.value)
    elif sys.version_info >= (3, 11):
        assert any(str(path) in note and "unchanged" in note for note in raised.value.__notes__)
    assert sorted(os.listdir(path.parent)) == [name], "a partial file was left behind"


def _contents(folder):
    """Every file under ``folder``, by relative path, with its bytes."""
    return {os.path.relpath(os.path.join(root, name), folder): open(os.path.join(root, name), "rb").read()
            for root, _, names in os.walk(folder) for name in names}


@pytest.mark.parametrize("failure", FAILURES)
def test_save_model_failing_midway_leaves_the_old_file(tmp_path, monkeypatch, failure):
    path = tmp_path / "model.keras"
    _model() | save_model(path)
    before = path.read_bytes()
    monkeypatch.setattr(keras.Model, "save", _failing_writer(FAILURES[failure]))
    with pytest.raises(type(FAILURES[failure]())) as raised:
        _model(2) | save_model(path, overwrite=True)
    monkeypatch.undo()
    assert path.read_bytes() == before
    _assert_failed_cleanly(raised, path, "model.keras")
    np.testing.assert_array_equal(load_model(path).predict(X, verbose=0), _model().predict(X, verbose=0))


@pytest.mark.parametrize("failure", FAILURES)
def test_save_model_weights_failing_midway_leaves_the_old_file(tmp_path, monkeypatch, failure):
    path = tmp_path / "model.weights.h5"
    _model() | save_model_weights(path)
    before = path.read_bytes()
    monkeypatch.setattr(keras.Model, "save_weights", _failing_writer(FAILURES[failure]))
    with pytest.raises(type(FAILURES[failure]())) as raised:
        _model(2) | save_model_weights(path, overwrite=True)
    monkeypatch.undo()
    assert path.read_bytes() == before
    _assert_failed_cleanly(raised, path, "model.weights.h5")


class _FillingFile:
    """A text file on a disk that fills up after a few characters."""

    def __init__(self, file):
        self._file = file

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self._file.close()

    def write(self, text):
        self._file.write(text[:20])
        self._file.flush()
        raise self.failure()


@pytest.mark.parametrize("failure", FAILURES)
def test_save_model_config_failing_midway_leaves_the_old_file(tmp_path, monkeypatch, failure):
    from kerasfn.api import model_helpers

    path = tmp_path / "model.json"
    _model() | save_model_config(path)
    before = path.read_bytes()
    filling = type("Filling", (_FillingFile,), {"failure": staticmethod(FAILURES[failure])})
    monkeypatch.setattr(model_helpers, "open", lambda *args, **kwargs: filling(open(*args, **kwargs)), raising=False)
    with pytest.raises(type(FAILURES[failure]())) as raised:
        keras_model_sequential(input_shape=5) | layer_dense(4) | save_model_config(path, overwrite=True)
    monkeypatch.undo()
    assert path.read_bytes() == before
    _assert_failed_cleanly(raised, path, "model.json")
    assert load_model_config(path).input_shape == (None, 3)


@keras.saving.register_keras_serializable(package="test_atomic")
class _Unserialisable(keras.layers.Dense):
    """A layer whose config holds something JSON cannot write."""

    def get_config(self):
        return {**super().get_config(), "handle": object()}


def test_a_model_whose_config_cannot_be_written_leaves_the_old_files(tmp_path):
    """Real Keras, nothing replaced: Keras had already truncated both files when it found out."""
    keras_path, json_path = tmp_path / "model.keras", tmp_path / "model.json"
    _model() | save_model(keras_path) | save_model_config(json_path)
    before = keras_path.read_bytes(), json_path.read_bytes()
    bad = keras_model_sequential(input_shape=3) | _Unserialisable(2)
    with pytest.raises(TypeError) as raised:
        bad | save_model(keras_path, overwrite=True)
    if sys.version_info >= (3, 11):
        assert any(str(keras_path) in note for note in raised.value.__notes__)
    with pytest.raises(TypeError):
        bad | save_model_config(json_path, overwrite=True)
    assert (keras_path.read_bytes(), json_path.read_bytes()) == before
    assert sorted(os.listdir(tmp_path)) == ["model.json", "model.keras"]


def test_plain_keras_truncates_the_old_file_when_the_config_cannot_be_written(tmp_path):
    """The behaviour kerasfn fixes, pinned so a Keras change is noticed."""
    path = tmp_path / "model.keras"
    _model().save(path)
    size = path.stat().st_size
    bad = keras.Sequential([keras.Input((3,)), _Unserialisable(2)])
    with pytest.raises(TypeError):
        bad.save(path, overwrite=True)
    assert path.stat().st_size < size


@pytest.mark.parametrize("failure", FAILURES)
def test_export_savedmodel_failing_midway_leaves_the_old_export(tmp_path, monkeypatch, failure):
    path = tmp_path / "served"
    path.mkdir()
    (path / "saved_model.pb").write_bytes(b"the previous export")
    (path / "variables").mkdir()
    (path / "variables" / "variables.index").write_bytes(b"its variables")
    before = _contents(path)

    def export(self, filepath, *args, **kwargs):
        os.makedirs(filepath)
        with open(os.path.join(filepath, "saved_model.pb"), "wb") as file:
            file.write(b"partial")
        raise FAILURES[failure]()

    monkeypatch.setattr(keras.Model, "export", export)
    with pytest.raises(type(FAILURES[failure]())) as raised:
        _model() | export_savedmodel(path, verbose=False)
    assert _contents(path) == before
    _assert_failed_cleanly(raised, path, "served")


@pytest.mark.skipif(keras.backend.backend() == "torch",
                    reason="Keras 3.15's SavedModel export fails on PyTorch (plain keras.Model.export too)")
def test_export_savedmodel_replaces_its_own_files_and_keeps_the_others(tmp_path, capsys):
    path = tmp_path / "served"
    path.mkdir()
    (path / "saved_model.pb").write_bytes(b"the previous export")
    (path / "README").write_bytes(b"the user's own file")
    _model() | export_savedmodel(path)
    assert f"Saved artifact at '{path}'" in capsys.readouterr().out  # where it is, not where it was written
    assert (path / "README").read_bytes() == b"the user's own file"
    assert (path / "saved_model.pb").read_bytes() != b"the previous export"
    assert {"saved_model.pb", "variables", "README"} <= set(os.listdir(path))
    assert os.listdir(tmp_path) == ["served"]


@pytest.mark.parametrize("weights_only", [False, True], ids=["model", "weights"])
def test_a_checkpoint_failing_midway_leaves_the_previous_checkpoint(tmp_path, monkeypatch, weights_only):
    name = "ckpt.weights.h5" if weights_only else "ckpt.keras"
    path = tmp_path / name
    method = "save_weights" if weights_only else "save"
    original, seen = getattr(keras.Model, method), {}

    def third_save_fails(self, filepath, *args, **kwargs):
        seen["calls"] = seen.get("calls", 0) + 1
        if seen["calls"] < 3:
            return original(self, filepath, *args, **kwargs)
        seen["epoch 2"] = path.read_bytes()
        _failing_writer(FAILURES["disk full"])(self, filepath)

    monkeypatch.setattr(keras.Model, method, third_save_fails)
    model = _model()
    callback = callback_model_checkpoint(str(path), monitor="loss", save_weights_only=weights_only)
    with pytest.raises(OSError) as raised:
        model | fit(X, Y, epochs=3, verbose=0, callbacks=[callback])
    monkeypatch.undo()
    assert seen["calls"] == 3
    assert path.read_bytes() == seen["epoch 2"]
    _assert_failed_cleanly(raised, path, name)
    if weights_only:
        _model(5) | load_model_weights(path)
    else:
        load_model(path)


def test_a_checkpoint_is_keras_checkpoint_with_the_same_files(tmp_path):
    path = tmp_path / "epoch-{epoch}.keras"
    callback = callback_model_checkpoint(str(path), monitor="loss")
    assert isinstance(callback, keras.callbacks.ModelCheckpoint)
    model = _model()
    model | fit(X, Y, epochs=2, verbose=0, callbacks=[callback])
    assert sorted(os.listdir(tmp_path)) == ["epoch-1.keras", "epoch-2.keras"]
    np.testing.assert_allclose(load_model(tmp_path / "epoch-2.keras").predict(X, verbose=0),
                               model.predict(X, verbose=0), rtol=1e-6)


def test_a_successful_save_replaces_the_file_and_keeps_its_permissions(tmp_path):
    path = tmp_path / "model.keras"
    _model() | save_model(path)
    os.chmod(path, 0o600)
    replacement = _model(3) | save_model(path, overwrite=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    np.testing.assert_array_equal(load_model(path).predict(X, verbose=0), replacement.predict(X, verbose=0))
    assert os.listdir(tmp_path) == ["model.keras"]


def test_a_save_through_a_symbolic_link_replaces_the_file_it_points_to(tmp_path):
    target, link = tmp_path / "real.keras", tmp_path / "link.keras"
    _model() | save_model(target)
    link.symlink_to(target)
    replacement = _model(3) | save_model(link, overwrite=True)
    assert link.is_symlink()
    np.testing.assert_array_equal(load_model(target).predict(X, verbose=0), replacement.predict(X, verbose=0))


def test_sharded_weights_are_moved_with_their_index(tmp_path):
    """A writer that adds files of its own (the shards beside the index) has them moved too."""
    path = tmp_path / "model.weights.json"
    model = keras_model_sequential(input_shape=3) | layer_dense(64) | layer_dense(64) | layer_dense(64)
    write_weights(model, path, max_shard_size=2e-5)  # save_model_weights() takes whole gigabytes only
    assert len(os.listdir(tmp_path)) > 2 and not any(name.startswith(".") for name in os.listdir(tmp_path))
    other = keras_model_sequential(input_shape=3) | layer_dense(64) | layer_dense(64) | layer_dense(64)
    other | load_model_weights(path)
    for ours, theirs in zip(model.get_weights(), other.get_weights(), strict=True):
        np.testing.assert_array_equal(ours, theirs)


def test_a_missing_folder_is_named():
    with pytest.raises(FileNotFoundError, match="no-such-folder"):
        _model() | save_model(os.path.join("no-such-folder", "model.keras"))



def test_a_file_name_as_long_as_the_folder_allows_still_saves(tmp_path):
    """The hidden folder beside the file has a name of its own that must fit too."""
    path = tmp_path / ("m" * 240 + ".keras")
    _model() | save_model(path)
    assert os.listdir(tmp_path) == [path.name]


def test_a_url_is_left_to_the_object_store():
    """gs://, s3:// paths go to Keras as they are (no local folder to write beside them)."""
    from kerasfn.core.atomic import replacing

    with replacing("gs://bucket/model.keras") as staged:
        assert staged == "gs://bucket/model.keras"
