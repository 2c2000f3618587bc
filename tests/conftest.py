import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import kerasfn  # noqa: E402, F401  (starts Keras as users do, quietly: no TensorFlow start-up lines from test processes)
import keras  # noqa: E402
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
