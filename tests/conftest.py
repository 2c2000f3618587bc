import importlib
import os
import pkgutil
from types import ModuleType

import numpy as np
import pytest

#: pytester runs a user's own test file in-process (tests/test_startup.py).
pytest_plugins = ["pytester"]


def _runs_tests(config: pytest.Config) -> bool:
    """False in pytest-xdist's controller, which hands the tests to its worker processes and runs none
    (so the hooks below import Keras when they run, never at this file's import)."""
    return hasattr(config, "workerinput") or config.getoption("dist", "no") == "no"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "backend(name): a test about one Keras backend; it skips on the others, saying so")
    if _runs_tests(config):
        # Keras starts as users start it, quietly (no TensorFlow start-up lines from the test processes),
        # before any test module imports it; the controller never imports it (a TensorFlow import saved).
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
        importlib.import_module("kerasfn")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    import keras

    for item in items:
        for mark in item.iter_markers("backend"):
            name = mark.args[0]
            item.add_marker(pytest.mark.skipif(keras.backend.backend() != name,
                                               reason=f"about the {name} backend (KERAS_BACKEND={name})"))


@pytest.fixture(autouse=True)
def _fixed_seed():
    import keras

    keras.utils.set_random_seed(1234)
    yield


# The small inputs R keras3's outputs were printed for, shared by the mechanism's and the generated functions' tests.
@pytest.fixture
def r_matrix() -> np.ndarray:
    """R: rbind(c(1, 5, 3), c(9, 2, 4)), a float32 input piped into op_* and activation functions."""
    return np.array([[1.0, 5.0, 3.0], [9.0, 2.0, 4.0]], dtype="float32")


@pytest.fixture
def y_true() -> np.ndarray:
    """R: yt <- rbind(c(0, 1), c(1, 1)), the labels R keras3's loss and metric values were printed for."""
    return np.array([[0.0, 1.0], [1.0, 1.0]], dtype="float32")


@pytest.fixture
def y_pred() -> np.ndarray:
    """R: yp <- rbind(c(0.2, 0.7), c(0.9, 0.4)), the predictions R keras3's loss and metric values were printed for."""
    return np.array([[0.2, 0.7], [0.9, 0.4]], dtype="float32")


@pytest.fixture(scope="session")
def package_modules() -> list[ModuleType]:
    """Every module of kerasfn that imports on this machine, imported: all but ``__main__``, and all but a
    backend's own module (``kerasfn.core.kernels.torch`` imports torch) where that backend is not installed."""
    modules = []
    for info in pkgutil.walk_packages(importlib.import_module("kerasfn").__path__, "kerasfn."):
        if info.name.rpartition(".")[2] == "__main__":
            continue
        try:
            modules.append(importlib.import_module(info.name))
        except ModuleNotFoundError as error:
            if error.name not in ("jax", "torch"):
                raise
    return modules
