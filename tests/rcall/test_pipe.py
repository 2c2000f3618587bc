"""The pipe (kerasfn/rcall/pipe.py): ``x | layer`` and ``model | layer`` on every kind of data, a model
or a bare function on the right, and every ordinary meaning of ``|`` kept; on each backend, pipes inside
compiled functions and in call() methods trained with fit()."""

import keras
import numpy as np
import pytest

from kerasfn import (
    Layer,
    activation_relu,
    as_array,
    compile,
    fit,
    get_weights,
    keras_input,
    keras_model,
    keras_model_sequential,
    layer_activation,
    layer_dense,
    layer_lambda,
    layer_lstm,
    op_sum,
    random_uniform,
    shape,
    summary,
)




def test_eager_tensor_pipe():
    assert shape(random_uniform((32, 10, 8)) | layer_lstm(4)) == (32, 4)


def test_numpy_pipe_computes_the_layer_once_not_elementwise():
    output = np.random.rand(6, 5, 3) | layer_lstm(4)
    assert tuple(output.shape) == (6, 4)


def test_symbolic_pipe_builds_a_model():
    inputs = keras_input((10, 8))
    outputs = inputs | layer_lstm(6, return_sequences=True) | layer_lstm(2)
    assert isinstance(outputs, keras.KerasTensor) and outputs.dtype == "float32"
    model = keras_model(inputs, outputs)
    assert model.predict(np.zeros((3, 10, 8)), verbose=0).shape == (3, 2)


def test_symbolic_pipe_is_not_logical_or():
    inputs = keras_input((10, 8))
    output = inputs | layer_lstm(4)
    assert output.dtype != "bool"
    assert output.shape == (None, 4)


def test_sequential_pipe_chains_left_to_right():
    model = keras_model_sequential(input_shape=(10, 8))
    result = model | layer_lstm(8, return_sequences=True, name="first") | layer_lstm(3, name="second")
    assert result is model
    assert [layer.name for layer in model.layers] == ["first", "second"]
    assert model.output_shape == (None, 3)


def test_stored_layer_pipes_and_keeps_its_weights():
    encoder = layer_lstm(8, return_state=True)
    inputs = keras_input((5, 2))
    results = inputs | encoder
    assert len(results) == 3
    again = keras_input((5, 2)) | encoder
    assert len(again) == 3 and len(encoder.weights) == 3


def test_pipe_into_an_unsupported_left_side_is_a_type_error():
    with pytest.raises(TypeError, match=r"`object` must be .*received 'text' \(str\)"):
        "text" | layer_lstm(4)


def test_pipe_errors_are_kerasfn_errors_for_backend_tensors():
    with pytest.raises(ValueError, match=r"`inputs` to layer '.*' must be a 3D tensor .*received shape \(4, 3\)"):
        keras.ops.ones((4, 3)) | layer_lstm(4)


def test_a_verb_works_bare_after_a_pipe(capsys):
    model = keras_model_sequential(input_shape=3, name="bare") | layer_dense(2)
    assert (model | summary) is None
    assert 'Model: "bare"' in capsys.readouterr().out
    assert [w.shape for w in model | get_weights] == [(3, 2), (2,)]


def test_a_model_piped_into_a_model_is_a_layer():
    inner = keras_model_sequential(input_shape=3) | layer_dense(2)
    outer = keras_model_sequential(input_shape=3) | inner | layer_dense(1)
    assert [type(layer).__name__ for layer in outer.layers] == ["Sequential", "Dense"]
    x = keras_input((3,))
    functional = keras_model(x, x | layer_dense(4))
    assert (keras_model_sequential(input_shape=3) | functional).output_shape == (None, 4)


# -- every ordinary meaning of | is unchanged --------------------------------

def test_kerastensor_logical_or_still_works():
    a = keras_input((3,), dtype="bool")
    b = keras_input((3,), dtype="bool")
    result = a | b
    assert isinstance(result, keras.KerasTensor) and result.dtype == "bool"
    model = keras_model([a, b], result)
    out = model.predict([np.array([[True, False, False]]), np.array([[False, False, True]])], verbose=0)
    np.testing.assert_array_equal(out, [[True, False, True]])


def test_kerastensor_or_with_python_and_numpy_values_still_works():
    a = keras_input((2,), dtype="bool")
    assert (a | True).dtype == "bool"
    assert (True | a).dtype == "bool"
    assert (a | np.array([True, False])).dtype == "bool"


def test_backend_tensor_or_unchanged():
    tensor = keras.ops.convert_to_tensor  # a tf.Tensor on TensorFlow, whose | kerasfn patches
    np.testing.assert_array_equal(as_array(tensor([1, 2]) | tensor([4, 0])), [5, 2])
    np.testing.assert_array_equal(as_array(tensor([True, False]) | tensor([False, False])), [True, False])
    np.testing.assert_array_equal(as_array(tensor([1, 2]) | 1), [1, 3])


def test_numpy_and_python_or_unchanged():
    np.testing.assert_array_equal(np.array([1, 2]) | np.array([4, 0]), [5, 2])
    np.testing.assert_array_equal(np.array([True, False]) | False, [True, False])
    assert (5 | 2) == 7 and ({1} | {2}) == {1, 2} and ({"a": 1} | {"b": 2}) == {"a": 1, "b": 2}


def test_layer_on_the_left_is_not_an_operator():
    with pytest.raises(TypeError):
        layer_lstm(4) | keras_input((3, 2))
    with pytest.raises(TypeError):
        layer_lstm(4) | np.ones((2, 3, 2))


def test_keras_variable_pipes_and_keeps_its_or():
    variable = keras.Variable(np.ones((2, 3, 4)))
    assert shape(variable | layer_lstm(2)) == (2, 2)
    flags = keras.Variable(np.array([True, False]), trainable=False)  # torch: only floats can be trainable
    np.testing.assert_array_equal(keras.ops.convert_to_numpy(flags | np.array([False, True])), [True, True])


def test_numpy_object_arrays_of_layers_compare_as_numpy_compares_objects():
    # numpy's own answers for objects that do not override ufuncs (a plain object() stands in for a layer)
    a, b, stranger = object(), object(), object()
    plain = np.array([a, b], dtype=object)
    expected = (plain == a, plain != a, a in plain, stranger in plain)
    a, b, stranger = (keras.layers.Dense(2), keras.layers.Dense(3), keras.layers.Dense(4))
    layers = np.array([a, b], dtype=object)
    got = (layers == a, layers != a, a in layers, stranger in layers)
    np.testing.assert_array_equal(got[0], expected[0])
    np.testing.assert_array_equal(got[1], expected[1])
    assert got[2:] == expected[2:] == (True, False)
    assert tuple((np.ones((4, 3)) | a).shape) == (4, 2)  # and an array piped into a layer is still the pipe


# -- bare pipes into op_* functions ---------------------------------------------------


def test_bare_pipes_into_ops_on_symbolic_tensors():
    inputs = keras_input(shape=(3,))
    assert tuple((inputs | op_sum).shape) == ()
    assert tuple((inputs | activation_relu).shape) == (None, 3)


def test_bare_pipes_into_ops_on_backend_tensors(r_matrix):
    np.testing.assert_allclose(as_array(keras.ops.convert_to_tensor(r_matrix) | op_sum), as_array(keras.ops.sum(r_matrix)))
    np.testing.assert_allclose(as_array(keras.ops.convert_to_tensor(r_matrix) | activation_relu), as_array(keras.activations.relu(r_matrix)))
    # The backend's own `|` is unchanged for everything else.
    flags = keras.ops.convert_to_tensor(np.array([True, False]))
    assert as_array(flags | keras.ops.convert_to_tensor(np.array([False, False]))).tolist() == [True, False]


def test_bare_pipes_into_ops_inside_traced_functions(r_matrix):
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
    np.testing.assert_allclose(as_array(traced(keras.ops.convert_to_tensor(r_matrix))), as_array(keras.ops.sum(r_matrix)), rtol=1e-6)


def test_bare_pipes_from_numpy_need_the_call(r_matrix):
    # numpy's `|` broadcasts over a function it cannot defer to: R's `x |> op_sum()` is `x | op_sum()` there.
    with pytest.raises(TypeError):
        r_matrix | op_sum
    assert as_array(r_matrix | op_sum()) == pytest.approx(float(r_matrix.sum()))


# -- on each backend: pipes inside compiled functions ------------------------------------

BACKEND_INPUT = np.random.default_rng(0).uniform(-1, 1, (16, 5, 3)).astype("float32")
BACKEND_TARGET = np.random.default_rng(1).uniform(-1, 1, (16, 1)).astype("float32")


def _lstm_and_expected():
    lstm = layer_lstm(units=4)
    return lstm, as_array(lstm(BACKEND_INPUT))


@pytest.mark.backend("tensorflow")
def test_pipe_inside_tf_function():
    import tensorflow as tf

    lstm, expected = _lstm_and_expected()
    np.testing.assert_allclose(as_array(tf.function(lambda a: a | lstm)(BACKEND_INPUT)), expected, rtol=1e-5, atol=1e-6)


@pytest.mark.backend("jax")
def test_pipe_inside_jax_jit_and_grad():
    import jax

    lstm, expected = _lstm_and_expected()
    np.testing.assert_allclose(as_array(jax.jit(lambda a: a | lstm)(BACKEND_INPUT)), expected, rtol=1e-5, atol=1e-6)
    # Differentiating traces the pipe too (JVP tracers), with the same gradient as a plain call.
    dense = layer_dense(units=1)
    by_pipe = jax.grad(lambda a: keras.ops.sum(a | dense))(BACKEND_INPUT[:, 0])
    by_call = jax.grad(lambda a: keras.ops.sum(dense(a)))(BACKEND_INPUT[:, 0])
    np.testing.assert_allclose(as_array(by_pipe), as_array(by_call))


@pytest.mark.backend("torch")
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
