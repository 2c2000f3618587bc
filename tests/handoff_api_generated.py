"""Tests moved out of the tests of kerasfn.api and kerasfn.generated because what they check is the R-call
mechanism (kerasfn.rcall) or kerasfn.core; each section names the module it checks, for placing with that
module's tests.  Their expected values are unchanged.
"""

import keras
import numpy as np
import pytest

import kerasfn
from kerasfn import (
    Layer,
    activation_relu,
    as_array,
    bidirectional,
    compile,
    cudnn_status,
    fit,
    keras_input,
    keras_model,
    layer_activation,
    layer_bidirectional,
    layer_dense,
    layer_lambda,
    layer_lstm,
    layer_rnn,
    op_add,
    op_cast,
    op_sum,
    rnn_cell_gru,
    rnn_cell_lstm,
    shape,
)
from kerasfn.rcall.binding import Pending
from kerasfn.rcall.destructure import BidirectionalLSTMStates, RNNStates

BACKEND = keras.backend.backend()


def only_on(backend):
    return pytest.mark.skipif(BACKEND != backend, reason=f"about the {backend} backend (KERAS_BACKEND={backend})")


# -- kerasfn.rcall.pipe (bare pipes into op_* functions) and kerasfn.rcall.binding (partial calls) ----------

R_MATRIX = np.array([[1.0, 5.0, 3.0], [9.0, 2.0, 4.0]], dtype="float32")  # R: rbind(c(1, 5, 3), c(9, 2, 4))


def test_bare_pipes_into_ops_on_symbolic_tensors():
    inputs = keras_input(shape=(3,))
    assert tuple((inputs | op_sum).shape) == ()
    assert tuple((inputs | activation_relu).shape) == (None, 3)


def test_bare_pipes_into_ops_on_backend_tensors():
    np.testing.assert_allclose(as_array(keras.ops.convert_to_tensor(R_MATRIX) | op_sum), as_array(keras.ops.sum(R_MATRIX)))
    np.testing.assert_allclose(as_array(keras.ops.convert_to_tensor(R_MATRIX) | activation_relu), as_array(keras.activations.relu(R_MATRIX)))
    # The backend's own `|` is unchanged for everything else.
    flags = keras.ops.convert_to_tensor(np.array([True, False]))
    assert as_array(flags | keras.ops.convert_to_tensor(np.array([False, False]))).tolist() == [True, False]


def test_bare_pipes_into_ops_inside_traced_functions():
    backend = keras.config.backend()
    if backend == "jax":
        import jax

        traced = jax.jit(lambda a: a | op_sum)
    elif backend == "tensorflow":
        import tensorflow as tf

        traced = tf.function(lambda a: a | op_sum)
    else:
        import torch

        traced = torch.compile(lambda a: a | op_sum, backend="eager")
    np.testing.assert_allclose(as_array(traced(keras.ops.convert_to_tensor(R_MATRIX))), as_array(keras.ops.sum(R_MATRIX)), rtol=1e-6)


def test_bare_pipes_from_numpy_need_the_call():
    # numpy's `|` broadcasts over a function it cannot defer to: R's `x |> op_sum()` is `x | op_sum()` there.
    with pytest.raises(TypeError):
        R_MATRIX | op_sum
    assert as_array(R_MATRIX | op_sum()) == pytest.approx(float(R_MATRIX.sum()))


def test_partial_calls_chain_and_complete_with_the_piped_tensor():
    pending = op_cast("int32")
    assert isinstance(pending, Pending)
    assert as_array(R_MATRIX | pending | op_sum()) == 24  # R: x |> op_cast("int32") |> op_sum()
    assert as_array(op_add(1)(R_MATRIX)).tolist() == (R_MATRIX + 1).tolist()
    assert as_array(keras.ops.convert_to_tensor(R_MATRIX) | op_sum(axis=0)).tolist() == [10.0, 7.0, 7.0]


# -- kerasfn.rcall.destructure (what layer_rnn and layer_bidirectional return with return_state) -----

SEQUENCES = np.random.default_rng(0).random((3, 5, 2)).astype("float32")


def test_layer_rnn_return_state_destructures_like_layer_lstm():
    output, memory, carry = SEQUENCES | layer_rnn(rnn_cell_lstm(4), return_state=True)
    assert (shape(output), shape(memory), shape(carry)) == ((3, 4), (3, 4), (3, 4))
    result = keras_input((5, 2)) | layer_rnn(rnn_cell_gru(4), return_state=True)
    assert isinstance(result, RNNStates)


def test_bidirectional_lstm_return_state_destructures_into_five_parts():
    result = SEQUENCES | layer_bidirectional(layer_lstm(4, return_state=True))
    assert isinstance(result, BidirectionalLSTMStates)
    output, forward_h, forward_c, backward_h, backward_c = result
    assert shape(output) == (3, 8)
    assert {shape(part) for part in result[1:]} == {(3, 4)}
    symbolic = keras_input((5, 2)) | bidirectional(layer_lstm(4, return_state=True))
    assert isinstance(symbolic, BidirectionalLSTMStates)
    assert shape(symbolic.backward_carry_state) == (None, 4)


# -- kerasfn.rcall.dispatch (a layer function's first argument, a failed pipe into a model) and -------
# kerasfn.rcall.binding (an unknown keyword)


def test_a_bad_first_argument_is_named_where_it_lands():
    # not composable, so it is R's first layer argument: layer_dense(, {"a": 1}, 2)
    with pytest.raises(TypeError, match=r"`units` must be a whole number; received \{'a': 1\} \(dict\)"):
        kerasfn.layer_dense({"a": 1}, 2)


def test_unknown_keyword_is_rejected_with_its_value():
    with pytest.raises(TypeError, match=r"Dense\(\) got an unexpected keyword argument 'unit' \(received unit=2 \(int\)\)"):
        kerasfn.layer_dense(2, unit=2)


def test_failed_pipe_leaves_the_model_intact():
    model = kerasfn.keras_model_sequential(input_shape=(5, 3)) | kerasfn.layer_dense(2)
    with pytest.raises(ValueError):
        model | kerasfn.layer_conv_2d(filters=2, kernel_size=3)
    assert [type(layer) for layer in model.layers] == [keras.layers.Dense]
    assert model.output_shape == (None, 5, 2)


# -- kerasfn.rcall.pipe on each backend: pipes inside compiled functions and piping call() methods -----
# (the last test: kerasfn.core.cudnn's cudnn_status on JAX and PyTorch)

BACKEND_INPUT = np.random.default_rng(0).uniform(-1, 1, (16, 5, 3)).astype("float32")
BACKEND_TARGET = np.random.default_rng(1).uniform(-1, 1, (16, 1)).astype("float32")


def _lstm_and_expected():
    lstm = layer_lstm(units=4)
    return lstm, as_array(lstm(BACKEND_INPUT))


@only_on("tensorflow")
def test_pipe_inside_tf_function():
    import tensorflow as tf

    lstm, expected = _lstm_and_expected()
    np.testing.assert_allclose(as_array(tf.function(lambda a: a | lstm)(BACKEND_INPUT)), expected, rtol=1e-5, atol=1e-6)


@only_on("jax")
def test_pipe_inside_jax_jit_and_grad():
    import jax

    lstm, expected = _lstm_and_expected()
    np.testing.assert_allclose(as_array(jax.jit(lambda a: a | lstm)(BACKEND_INPUT)), expected, rtol=1e-5, atol=1e-6)
    # Differentiating traces the pipe too (JVP tracers), with the same gradient as a plain call.
    dense = layer_dense(units=1)
    by_pipe = jax.grad(lambda a: keras.ops.sum(a | dense))(BACKEND_INPUT[:, 0])
    by_call = jax.grad(lambda a: keras.ops.sum(dense(a)))(BACKEND_INPUT[:, 0])
    np.testing.assert_allclose(as_array(by_pipe), as_array(by_call))


@only_on("torch")
def test_pipe_inside_torch_compile():
    import torch

    # TorchDynamo traces the Python code (the pipe and the LSTM's fused kernel
    # call); backend="aot_eager" traces through autograd too, and skips the
    # code generation that takes minutes for an LSTM on a CPU.
    lstm, expected = _lstm_and_expected()
    compiled = torch.compile(lambda a: a | lstm, backend="aot_eager")
    np.testing.assert_allclose(as_array(compiled(torch.as_tensor(BACKEND_INPUT))), expected, rtol=1e-5, atol=1e-6)


# -- call() methods that pipe, trained with fit() ----------------------------
# Dense layers: what matters is that Keras traces call() (to build the model
# and in every compiled train step), and they compile fast on every backend.

FLAT = BACKEND_INPUT[:, 0]


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
    history = ours | fit(FLAT, BACKEND_TARGET, batch_size=8, epochs=2, shuffle=False, verbose=0)
    expected = plain.fit(FLAT, BACKEND_TARGET, batch_size=8, epochs=2, shuffle=False, verbose=0)
    np.testing.assert_allclose(history.history["loss"], expected.history["loss"], rtol=1e-5)
    for got, want in zip(ours.get_weights(), plain.get_weights()):
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(
        as_array(ours.predict(FLAT, verbose=0)), plain.predict(FLAT, verbose=0), rtol=1e-5, atol=1e-6
    )


@pytest.mark.skipif(BACKEND == "tensorflow", reason="about the JAX and PyTorch backends")
def test_cudnn_status_says_it_only_checks_the_tensorflow_backend():
    status = cudnn_status(layer_lstm(units=4))
    assert status.reasons == (
        f"the backend is '{BACKEND}'; kerasfn checks the cuDNN kernel of the TensorFlow backend.",
    )
