"""Fixtures shared by the tests of kerasfn.api: small training data, a compiled model, an offline Keras
cache, and a recorder of the commands a hostile file tries to run."""

import os
import sys

import numpy as np
import pytest

from kerasfn import compile, keras_model_sequential, layer_dense
from kerasfn.api import cache

#: Where a pickle finds ``os.system`` ("posix"): a hostile pickle calls it there.
_SYSTEM_MODULE = os.system.__module__


@pytest.fixture
def features_and_sums():
    """Eight rows of three evenly spaced features, and each row's sum as the target."""
    x = np.linspace(0, 1, 24, dtype="float32").reshape(8, 3)
    return x, x.sum(axis=1, keepdims=True)


@pytest.fixture
def uniform_data():
    """Eight rows of three uniform features and one uniform target, from fixed seeds."""
    x = np.random.default_rng(0).uniform(size=(8, 3)).astype("float32")
    y = np.random.default_rng(1).uniform(size=(8, 1)).astype("float32")
    return x, y


@pytest.fixture
def compiled_model():
    """A Sequential model of one Dense unit on three features, compiled with the mean squared error."""
    return keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse")


@pytest.fixture
def keras_home(tmp_path, monkeypatch):
    """A temporary Keras cache with its ``datasets`` folder; downloading fails as it does offline."""
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))

    def offline(*args, **kwargs):
        raise OSError("no network")

    monkeypatch.setattr(cache, "_download", offline)
    (tmp_path / "datasets").mkdir()
    return tmp_path


@pytest.fixture
def calls_to_os_system(monkeypatch):
    """Every command a file managed to pass to ``os.system`` (none should)."""
    commands = []

    def record(command):
        commands.append(command)
        return 0

    monkeypatch.setattr(os, "system", record)
    monkeypatch.setattr(sys.modules[_SYSTEM_MODULE], "system", record)
    return commands
