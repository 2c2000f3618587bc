import os
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import pytest  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "backend(name): a test about one Keras backend; it skips on the others, saying so")


#: The modules that start many Python processes (each imports Keras) and take most of the suite's time:
#: they run first, so that with several test processes (pytest-xdist) the short modules fill in at the end.
_LONGEST_FIRST = ("docs/test_vignettes.py", "test_startup.py", "end_to_end/test_distributed.py", "port/test_corpus.py",
                  "end_to_end/test_ported_scripts.py", "core/test_eager.py", "core/test_saving.py")
_TESTS = Path(__file__).parent


def _start_order(item: pytest.Item) -> int:
    module = item.path.relative_to(_TESTS).as_posix()
    return _LONGEST_FIRST.index(module) if module in _LONGEST_FIRST else len(_LONGEST_FIRST)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=_start_order)  # stable: each module's tests keep their order
    for item in items:
        for mark in item.iter_markers("backend"):
            name = mark.args[0]
            item.add_marker(pytest.mark.skipif(keras.backend.backend() != name,
                                               reason=f"about the {name} backend (KERAS_BACKEND={name})"))


@pytest.fixture(autouse=True)
def _fixed_seed():
    keras.utils.set_random_seed(1234)
    yield
