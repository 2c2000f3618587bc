"""Issue 11: kerasfn on each Keras backend (TensorFlow, JAX, PyTorch).

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

from kerasfn import (
    Layer,
    as_array,
    compile,
    cudnn_status,
    fit,
    keras_input,
    keras_model,
    keras_model_sequential,
    layer_activation,
    layer_dense,
    layer_lambda,
    layer_lstm,
    use_backend,
)

BACKEND = keras.backend.backend()
BACKENDS = ("tensorflow", "jax", "torch")


def only_on(backend):
    return pytest.mark.skipif(BACKEND != backend, reason=f"about the {backend} backend (KERAS_BACKEND={backend})")


X = np.random.default_rng(0).uniform(-1, 1, (16, 5, 3)).astype("float32")
Y = np.random.default_rng(1).uniform(-1, 1, (16, 1)).astype("float32")


# -- as_array(): R's as.array ------------------------------------------------


def test_as_array_gives_the_values_of_a_layer_output():
    dense = layer_dense(units=2)
    x = X[:, 0]
    output = x | dense  # on torch: a tensor that requires grad
    kernel, bias = dense.get_weights()
    got = as_array(output)
    assert type(got) is np.ndarray
    np.testing.assert_allclose(got, x @ kernel + bias, rtol=1e-5, atol=1e-6)


@only_on("torch")
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


# -- pipes inside each backend's compiled functions --------------------------


def _lstm_and_expected():
    lstm = layer_lstm(units=4)
    return lstm, as_array(lstm(X))


@only_on("tensorflow")
def test_pipe_inside_tf_function():
    import tensorflow as tf

    lstm, expected = _lstm_and_expected()
    np.testing.assert_allclose(as_array(tf.function(lambda a: a | lstm)(X)), expected, rtol=1e-5, atol=1e-6)


@only_on("jax")
def test_pipe_inside_jax_jit_and_grad():
    import jax

    lstm, expected = _lstm_and_expected()
    np.testing.assert_allclose(as_array(jax.jit(lambda a: a | lstm)(X)), expected, rtol=1e-5, atol=1e-6)
    # Differentiating traces the pipe too (JVP tracers), with the same gradient as a plain call.
    dense = layer_dense(units=1)
    by_pipe = jax.grad(lambda a: keras.ops.sum(a | dense))(X[:, 0])
    by_call = jax.grad(lambda a: keras.ops.sum(dense(a)))(X[:, 0])
    np.testing.assert_allclose(as_array(by_pipe), as_array(by_call))


@only_on("torch")
def test_pipe_inside_torch_compile():
    import torch

    # TorchDynamo traces the Python code (the pipe and the LSTM's fused kernel
    # call); backend="aot_eager" traces through autograd too, and skips the
    # code generation that takes minutes for an LSTM on a CPU.
    lstm, expected = _lstm_and_expected()
    compiled = torch.compile(lambda a: a | lstm, backend="aot_eager")
    np.testing.assert_allclose(as_array(compiled(torch.as_tensor(X))), expected, rtol=1e-5, atol=1e-6)


# -- call() methods that pipe, trained with fit() ----------------------------
# Dense layers: what matters is that Keras traces call() (to build the model
# and in every compiled train step), and they compile fast on every backend.

FLAT = X[:, 0]


def _initialize(self, units):
    self.units = units
    self.hidden = layer_dense(units=units, activation="tanh")
    self.head = layer_dense(units=1)


layer_two_dense = Layer("TwoDense", initialize=_initialize, call=lambda self, inputs: inputs | self.hidden | self.head)


class PipedModel(keras.Model):
    """A subclassed model whose call() pipes."""

    def __init__(self):
        super().__init__()
        self.hidden, self.head = layer_dense(units=4, activation="tanh"), layer_dense(units=1)

    def call(self, inputs):
        return inputs | self.hidden | self.head


def _custom_layer_model():
    inputs = keras_input((3,))
    return keras_model(inputs, inputs | layer_two_dense(4))


def _lambda_model():
    inputs = keras_input((3,))
    relu = layer_activation(activation="relu")
    outputs = inputs | layer_dense(units=4, activation="tanh") | layer_lambda(lambda t: t | relu) | layer_dense(units=1)
    return keras_model(inputs, outputs)


def _plain_keras_model(with_relu):
    inputs = keras.Input((3,))
    hidden = keras.layers.Dense(4, activation="tanh")(inputs)
    if with_relu:
        hidden = keras.layers.Activation("relu")(hidden)
    return keras.Model(inputs, keras.layers.Dense(1)(hidden))


@pytest.mark.parametrize(
    "build, with_relu",
    [(_custom_layer_model, False), (PipedModel, False), (_lambda_model, True)],
    ids=["custom layer", "subclassed model", "layer_lambda"],
)
def test_piping_call_methods_train_like_plain_keras(build, with_relu):
    ours, plain = build(), _plain_keras_model(with_relu)
    ours(FLAT[:2])  # builds a subclassed model's weights
    ours.set_weights(plain.get_weights())
    for model in (ours, plain):
        model | compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    history = ours | fit(FLAT, Y, batch_size=8, epochs=2, shuffle=False, verbose=0)
    expected = plain.fit(FLAT, Y, batch_size=8, epochs=2, shuffle=False, verbose=0)
    np.testing.assert_allclose(history.history["loss"], expected.history["loss"], rtol=1e-5)
    for got, want in zip(ours.get_weights(), plain.get_weights()):
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(
        as_array(ours.predict(FLAT, verbose=0)), plain.predict(FLAT, verbose=0), rtol=1e-5, atol=1e-6
    )


# -- the README's backend table ----------------------------------------------


@pytest.mark.skipif(BACKEND == "tensorflow", reason="about the JAX and PyTorch backends")
def test_cudnn_status_says_it_only_checks_the_tensorflow_backend():
    status = cudnn_status(layer_lstm(units=4))
    assert status.reasons == (
        f"the backend is '{BACKEND}'; kerasfn checks the cuDNN kernel of the TensorFlow backend.",
    )


@pytest.mark.skipif(BACKEND == "tensorflow", reason="about the JAX and PyTorch backends")
def test_jit_compile_auto_is_left_to_keras_on_jax_and_pytorch():
    from kerasfn.api.training import resolve_jit_compile

    model = keras_model_sequential(input_shape=(6, 3)) | layer_lstm(units=4) | layer_dense(units=1)
    assert resolve_jit_compile(model, "auto") == "auto"
    model | compile(optimizer="sgd", loss="mse")
    plain = keras.Sequential([keras.Input((6, 3)), keras.layers.LSTM(4), keras.layers.Dense(1)])
    plain.compile(optimizer="sgd", loss="mse")
    assert model.jit_compile == plain.jit_compile
