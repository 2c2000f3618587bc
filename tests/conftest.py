import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import kerasfn  # noqa: E402, F401  (starts Keras as users do, quietly: no TensorFlow start-up lines from test processes)
import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "backend(name): a test about one Keras backend; it skips on the others, saying so")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for mark in item.iter_markers("backend"):
            name = mark.args[0]
            item.add_marker(pytest.mark.skipif(keras.backend.backend() != name,
                                               reason=f"about the {name} backend (KERAS_BACKEND={name})"))


@pytest.fixture(autouse=True)
def _fixed_seed():
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
