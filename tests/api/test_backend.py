"""kerasfn.api.backend: as_array() (R's as.array) and use_backend() on each Keras backend
(TensorFlow, JAX, PyTorch).

The suite runs once per backend (``KERAS_BACKEND``, see ``.ci/run``).  Tests
here are backend-neutral unless their name and skip reason say which backend
they are about.  Expected values come from plain Keras with the same weights,
or from numpy.
"""

import importlib.util
import os
import subprocess
import sys

import keras
import numpy as np
import pytest

from kerasfn import as_array, keras_input, layer_dense, use_backend

BACKEND = keras.backend.backend()
BACKENDS = ("tensorflow", "jax", "torch")



X = np.random.default_rng(0).uniform(-1, 1, (16, 5, 3)).astype("float32")


# -- as_array(): R's as.array ------------------------------------------------


def test_as_array_gives_the_values_of_a_layer_output():
    dense = layer_dense(units=2)
    x = X[:, 0]
    output = x | dense  # on torch: a tensor that requires grad
    kernel, bias = dense.get_weights()
    got = as_array(output)
    assert type(got) is np.ndarray
    np.testing.assert_allclose(got, x @ kernel + bias, rtol=1e-5, atol=1e-6)


@pytest.mark.backend("torch")
def test_torch_outputs_need_as_array_because_numpy_refuses_them():
    output = X[:, 0] | layer_dense(units=2)
    assert output.requires_grad
    with pytest.raises(RuntimeError, match="requires grad"):
        np.asarray(output)
    assert as_array(output).shape == (16, 2)


@pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="needs torch installed")
def test_as_array_detaches_a_torch_tensor_on_any_backend():
    import torch

    tensor = torch.arange(6, dtype=torch.float32, requires_grad=True).reshape(2, 3) * 2
    np.testing.assert_array_equal(as_array(tensor), np.arange(6, dtype="float32").reshape(2, 3) * 2)


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda: keras.ops.ones((2, 3)), np.ones((2, 3), "float32")),
        (lambda: keras.Variable(np.full((2,), 3.0, "float32")), np.full((2,), 3.0, "float32")),
        (lambda: np.eye(2), np.eye(2)),
        (lambda: [[1, 2], [3, 4]], np.array([[1, 2], [3, 4]])),
    ],
    ids=["backend tensor", "keras.Variable", "numpy", "nested lists"],
)
def test_as_array_accepts_tensors_variables_arrays_and_lists(make, expected):
    got = as_array(make())
    assert type(got) is np.ndarray
    np.testing.assert_array_equal(got, expected)


def test_as_array_refuses_a_symbolic_tensor():
    with pytest.raises(TypeError, match=r"`x` is a symbolic tensor: it holds no values .*received <KerasTensor"):
        as_array(keras_input((3,)))


@pytest.mark.parametrize("bad", [None, {"a": 1}], ids=["None", "dict"])
def test_as_array_refuses_values_that_are_not_numbers(bad):
    with pytest.raises(TypeError, match=rf"`x` must be a tensor or an array of numbers; received .*\({type(bad).__name__}\)"):
        as_array(bad)


# -- use_backend() -----------------------------------------------------------


def test_use_backend_confirms_the_active_backend():
    assert use_backend(BACKEND) == BACKEND


@pytest.mark.parametrize("other", [b for b in BACKENDS if b != BACKEND])
def test_use_backend_names_both_backends_and_how_to_switch(other):
    environment = dict(os.environ)
    with pytest.raises(RuntimeError) as error:
        use_backend(other)
    message = str(error.value)
    assert f"Keras already runs on the {BACKEND!r} backend, so it cannot switch to {other!r}" in message
    assert f"KERAS_BACKEND={other}" in message and f'os.environ["KERAS_BACKEND"] = "{other}"' in message
    # Nothing changed: the process still runs on its backend.
    assert dict(os.environ) == environment and keras.backend.backend() == BACKEND


@pytest.mark.parametrize("bad", ["pytorch", None, 1], ids=["pytorch", "None", "number"])
def test_use_backend_rejects_unknown_backends(bad):
    with pytest.raises(ValueError, match=r"`backend` must be one of 'tensorflow', 'jax', 'torch', 'numpy'; received "):
        use_backend(bad)


def _installed_other_backend():
    for backend in BACKENDS:
        if backend != BACKEND and importlib.util.find_spec(backend) is not None:
            return backend
    return None


@pytest.mark.skipif(_installed_other_backend() is None, reason="needs a second backend installed")
def test_the_backend_is_chosen_in_the_script_before_import():
    """The README's recipe: KERAS_BACKEND set at the top of the script, before ``import kerasfn``."""
    other = _installed_other_backend()
    script = (
        "import os\n"
        f"os.environ['KERAS_BACKEND'] = {other!r}\n"
        "from kerasfn import *\n"
        "import numpy as np\n"
        f"print(use_backend({other!r}), as_array(np.ones((2, 3)) | layer_dense(4)).shape)\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "KERAS_BACKEND"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                            env=dict(env, TF_CPP_MIN_LOG_LEVEL="3"))
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.split() == [other, "(2,", "4)"]
