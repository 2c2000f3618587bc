import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _fixed_seed():
    keras.utils.set_random_seed(1234)
    yield


def pytest_collection_modifyitems(items):
    """``from kerasfn import *`` brings R keras3's ``test_on_batch()`` into a
    test module; it is kerasfn's function, not a test."""
    items[:] = [item for item in items
                if not getattr(getattr(item, "function", None), "__module__", "").startswith("kerasfn.")]
