"""kerasfn.rcall.backends: require_backend() passes where the current Keras backend is one named and its package is
installed, and otherwise raises a RuntimeError naming the function, what it needs and how to get it."""

import keras
import pytest

from kerasfn.rcall.backends import require_backend


def test_the_current_backend_with_an_installed_package_passes():
    current = keras.backend.backend()
    assert require_backend("layer_example", (current,), "keras") is None


def test_another_backend_is_named_with_the_current_one():
    current = keras.backend.backend()
    others = tuple(name for name in ("jax", "torch", "tensorflow", "numpy") if name != current)[:2]
    with pytest.raises(RuntimeError, match=(rf"^layer_example\(\) needs the '{others[0]}' or '{others[1]}' Keras backend; "
                                            rf"the current backend is '{current}' \(set KERAS_BACKEND")):
        require_backend("layer_example", others, "keras")


def test_a_missing_package_is_named_with_its_install_command():
    current = keras.backend.backend()
    with pytest.raises(RuntimeError, match=(r"^layer_example\(\) needs the 'no_such_package_here' package, which is not "
                                            r"installed \(pip install no_such_package_here\)\.$")):
        require_backend("layer_example", (current,), "no_such_package_here")
