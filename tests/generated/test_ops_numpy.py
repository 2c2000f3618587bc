"""Issue 9: the tensor families (op_*, activation_*, random_*, config_*).

Values are checked against keras.ops / keras.activations / keras.random on
the same inputs; R semantics against what R keras3 printed (the R code and
its output are quoted with each expectation; R's indices are 1-based,
kerasfn's 0-based by the porting rule).
"""

import keras
import numpy as np
import pytest

import kerasfn
from kerasfn import (
    activation_relu,
    activation_softmax,
    as_array,
    config_epsilon,
    config_floatx,
    config_set_epsilon,
    keras_input,
    layer_dense,
    op_add,
    op_arange,
    op_argmax,
    op_argmin,
    op_cast,
    op_digitize,
    op_einsum,
    op_hstack,
    op_is_tensor,
    op_kaiser,
    op_moveaxis,
    op_nonzero,
    op_one_hot,
    op_reshape,
    op_scan,
    op_searchsorted,
    op_shape,
    op_stack,
    op_subset,
    op_subset_set,
    op_sum,
    op_swapaxes,
    op_take,
    op_top_k,
    op_diagonal,
    random_integer,
    random_normal,
    random_seed_generator,
    random_uniform,
    shape,
)
from kerasfn.rcall.binding import Pending

X = np.array([[1.0, 5.0, 3.0], [9.0, 2.0, 4.0]], dtype="float32")  # R: rbind(c(1, 5, 3), c(9, 2, 4))
Y = np.array([[2.0, 1.0, 0.5], [3.0, 1.0, 2.0]], dtype="float32")


def tensor(value=X):
    return keras.ops.convert_to_tensor(value)


# -- values against keras.ops ---------------------------------------------------------------

UNARY = ["abs", "exp", "log1p", "sqrt", "square", "tanh", "sigmoid", "relu", "floor", "negative", "sin", "cumsum"]
BINARY = ["add", "subtract", "multiply", "divide", "maximum", "minimum", "power", "greater", "equal"]
REDUCTIONS = ["sum", "mean", "max", "min", "prod", "std", "var", "logsumexp", "argmax", "argmin", "all", "any"]


@pytest.mark.parametrize("name", UNARY)
def test_unary_ops_equal_keras(name):
    keras_name = {"abs": "absolute"}.get(name, name)
    expected = as_array(getattr(keras.ops, keras_name)(X))
    np.testing.assert_allclose(as_array(getattr(kerasfn, f"op_{name}")(X)), expected, rtol=1e-6)
    np.testing.assert_allclose(as_array(tensor() | getattr(kerasfn, f"op_{name}")()), expected, rtol=1e-6)


def test_bare_pipes_into_ops_on_symbolic_tensors():
    inputs = keras_input(shape=(3,))
    assert tuple((inputs | op_sum).shape) == ()
    assert tuple((inputs | activation_relu).shape) == (None, 3)


def test_bare_pipes_into_ops_on_backend_tensors():
    np.testing.assert_allclose(as_array(tensor() | op_sum), as_array(keras.ops.sum(X)))
    np.testing.assert_allclose(as_array(tensor() | activation_relu), as_array(keras.activations.relu(X)))
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
    np.testing.assert_allclose(as_array(traced(tensor())), as_array(keras.ops.sum(X)), rtol=1e-6)


def test_bare_pipes_from_numpy_need_the_call():
    # numpy's `|` broadcasts over a function it cannot defer to: R's `x |> op_sum()` is `x | op_sum()` there.
    with pytest.raises(TypeError):
        X | op_sum
    assert as_array(X | op_sum()) == pytest.approx(float(X.sum()))


@pytest.mark.parametrize("name", BINARY)
def test_binary_ops_equal_keras_and_pipe_the_first_operand(name):
    expected = as_array(getattr(keras.ops, name)(X, Y))
    np.testing.assert_allclose(as_array(getattr(kerasfn, f"op_{name}")(X, Y)), expected, rtol=1e-6)
    np.testing.assert_allclose(as_array(X | getattr(kerasfn, f"op_{name}")(Y)), expected, rtol=1e-6)


@pytest.mark.parametrize("name", REDUCTIONS)
def test_reductions_take_0_based_axes_and_r_doubles(name):
    expected = as_array(getattr(keras.ops, name)(X, axis=1))
    np.testing.assert_allclose(as_array(getattr(kerasfn, f"op_{name}")(X, axis=1)), expected, rtol=1e-6)
    np.testing.assert_allclose(as_array(X | getattr(kerasfn, f"op_{name}")(axis=1.0)), expected, rtol=1e-6)


def test_partial_calls_chain_and_complete_with_the_piped_tensor():
    pending = op_cast("int32")
    assert isinstance(pending, Pending)
    assert as_array(X | pending | op_sum()) == 24  # R: x |> op_cast("int32") |> op_sum()
    assert as_array(op_add(1)(X)).tolist() == (X + 1).tolist()
    assert as_array(tensor() | op_sum(axis=0)).tolist() == [10.0, 7.0, 7.0]


def test_symbolic_inputs_give_keras_tensors():
    inputs = keras_input(shape=(3,))
    out = inputs | op_sum(axis=1)
    assert isinstance(out, keras.KerasTensor) and tuple(out.shape) == (None,)


# -- R conversions and R's own bodies, against R keras3 -------------------------------------

def test_argmax_argmin_are_0_based_and_zero_indexed_changes_nothing():
    # R: op_argmax(x, axis = 2) -> 2 1 ; op_argmax(x, axis = 1) -> 2 1 2
    #    op_argmin(x, axis = 2, zero_indexed = TRUE) -> 0 1
    assert as_array(op_argmax(X, axis=1)).tolist() == [2 - 1, 1 - 1]
    assert as_array(op_argmax(X, axis=0)).tolist() == [2 - 1, 1 - 1, 2 - 1]
    assert as_array(op_argmax(X, axis=1, zero_indexed=True)).tolist() == [1, 0]
    assert as_array(op_argmin(X, axis=1, zero_indexed=True)).tolist() == [0, 1]


def test_index_results_are_r_results_minus_one():
    # R: op_searchsorted(c(1, 3, 5), c(2, 6)) -> 2 4
    assert as_array(op_searchsorted(np.array([1.0, 3.0, 5.0]), np.array([2.0, 6.0]))).tolist() == [1, 3]
    # R: op_digitize(c(0.5, 2.5), c(1, 2, 3)) -> 1 3
    assert as_array(op_digitize(np.array([0.5, 2.5]), [1.0, 2.0, 3.0])).tolist() == [0, 2]
    # R: tk <- op_top_k(c(5, 1, 9, 3), k = 2); names: "values" "indices"; 9 5; 3 1
    top = op_top_k(np.array([5.0, 1.0, 9.0, 3.0]), k=2.0)
    assert as_array(top.values).tolist() == [9.0, 5.0] and as_array(top.indices).tolist() == [2, 0]
    # R: op_nonzero(rbind(c(0, 1), c(1, 0))) -> rbind(c(1, 2), c(2, 1)): one row of coordinates each
    assert as_array(op_nonzero(np.array([[0, 1], [1, 0]]))).tolist() == [[0, 1], [1, 0]]


def test_index_arguments_are_0_based():
    # R: op_one_hot(c(1L, 3L), 3L) -> rbind(c(1, 0, 0), c(0, 0, 1))
    assert as_array(op_one_hot(np.array([0, 2]), 3.0)).tolist() == [[1, 0, 0], [0, 0, 1]]
    # R: op_take(c(10, 20, 30), c(1, 3)) -> 10 30 (R's doubles become integers)
    assert as_array(op_take(np.array([10.0, 20.0, 30.0]), [0.0, 2.0])).tolist() == [10.0, 30.0]
    with pytest.raises(ValueError, match="`indices` must hold whole numbers"):
        op_take(np.array([10.0, 20.0]), [0.5])


def test_r_default_axes_are_translated():
    cube = np.arange(1, 9).reshape(2, 2, 2)  # R: op_reshape(op_arange(8), c(2, 2, 2))
    # R: op_diagonal(...) (axis1 = 1L, axis2 = 2L) -> rbind(c(1, 7), c(2, 8))
    assert as_array(op_diagonal(cube)).tolist() == [[1, 7], [2, 8]]
    # R: op_stack(list(c(1, 2), c(3, 4))) (axis = 1L) -> rbind(c(1, 2), c(3, 4))
    assert as_array(op_stack([np.array([1, 2]), np.array([3, 4])])).tolist() == [[1, 2], [3, 4]]
    # R: op_shape(op_moveaxis(op_ones(c(2, 3, 4)), 1, 3)) -> shape(3, 4, 2); op_swapaxes(.., 1, 2) -> shape(3, 2, 4)
    assert op_shape(op_moveaxis(np.ones((2, 3, 4)), 0, 2.0)) == (3, 4, 2)
    assert op_shape(op_swapaxes(np.ones((2, 3, 4)), 0, 1)) == (3, 2, 4)


def test_shape_and_reshape_as_r():
    # R: op_shape(y) -> shape(3, 4); op_shape(op_reshape(y, c(NA, 2))) -> shape(6, 2)
    y = np.arange(12).reshape(3, 4)
    assert repr(op_shape(y)) == "shape(3, 4)"
    assert op_shape(op_reshape(y, (None, 2))) == (6, 2)


def test_arange_counts_like_r():
    # R: op_arange(5) -> 1 2 3 4 5; op_arange(2, 5) -> 2 3 4 5; op_arange(0, 10, 2) -> 0 2 4 6 8 10
    assert as_array(op_arange(5)).tolist() == [1, 2, 3, 4, 5]
    assert as_array(op_arange(2, 5)).tolist() == [2, 3, 4, 5]
    assert as_array(op_arange(0, 10, 2)).tolist() == [0, 2, 4, 6, 8, 10]
    assert as_array(op_arange(0, 3, include_end=False)).tolist() == as_array(keras.ops.arange(0, 3)).tolist()


def test_kaiser_converts_r_doubles():
    # R: op_kaiser(3, 1) -> 0.7898483 1 0.7898483
    np.testing.assert_allclose(as_array(op_kaiser(3.0, 1.0)), [0.7898483, 1, 0.7898483], rtol=1e-5)


def test_subset_is_r_indexing_0_based():
    y = np.arange(1, 13).reshape(4, 3).T  # R: y <- op_convert_to_tensor(array(1:12, c(3, 4)))
    assert as_array(op_subset(y, 0)).tolist() == [1, 4, 7, 10]  # R: op_subset(y, 1)
    assert as_array(y | op_subset(slice(None), 1)).tolist() == [4, 5, 6]  # R: op_subset(y, , 2)
    assert as_array(op_subset(y, [1, 2], [0, 3])).tolist() == [[2, 11], [3, 12]]  # R: op_subset(y, 2:3, c(1, 4))
    assert as_array(op_subset(y, np.array([[0, 0], [1, 1]]))).tolist() == [1, 5]  # R: rbind(c(1, 1), c(2, 2))
    assert as_array(op_subset(tensor(y), tensor(y) >= 10)).tolist() == [10, 11, 12]  # R: op_subset(y, y >= 10)
    assert op_shape(op_subset(y, None, Ellipsis)) == (1, 3, 4)  # R: y@r[newaxis, ..]


def test_subset_set_returns_a_new_tensor_and_assigns_a_variable():
    x = np.zeros((2, 3), dtype="float32")
    out = op_subset_set(x, 0, slice(1, 3), value=9.0)
    assert as_array(out).tolist() == [[0, 9, 9], [0, 0, 0]] and x.sum() == 0
    variable = keras.Variable(np.zeros((2, 2), dtype="float32"))
    assert op_subset_set(variable, 1, 1, value=3.0) is variable
    assert as_array(variable).tolist() == [[0, 0], [0, 3]]


def test_variadic_and_function_first_ops():
    a = np.array([[1.0, 2.0]], dtype="float32")
    assert as_array(a | op_hstack(a)).shape == (1, 4)
    np.testing.assert_allclose(as_array(op_einsum("ij,kj->ik", a, a)), as_array(keras.ops.einsum("ij,kj->ik", a, a)))
    carry, _ = op_scan(lambda c, v: (c + v, c), np.float32(0.0), np.array([1.0, 2.0, 3.0], dtype="float32"))
    assert float(as_array(carry)) == 6.0
    assert op_is_tensor("a") is False and op_is_tensor(tensor()) is True


def test_bad_arguments_are_named_before_keras():
    with pytest.raises(ValueError, match=r"`axis` must be a whole number; received 1\.5"):
        op_sum(X, axis=1.5)
    with pytest.raises(TypeError, match=r"`keepdims` must be True or False; received 'yes'"):
        X | op_sum(keepdims="yes")  # checked where the partial call is written
    with pytest.raises(TypeError, match=r"op_sum\(\) takes a tensor or array piped in; received 'a'"):
        "a" | op_sum()


# -- activations ---------------------------------------------------------------------------

def test_activations_compute_pipe_and_stand_for_keras_functions():
    v = np.array([-2.0, 0.5, 3.0], dtype="float32")
    np.testing.assert_allclose(as_array(activation_relu(v, max_value=1.0)),
                               as_array(keras.activations.relu(v, max_value=1.0)))
    np.testing.assert_allclose(as_array(tensor(v) | activation_relu()), as_array(keras.activations.relu(v)))
    np.testing.assert_allclose(as_array(v | activation_softmax(axis=0)), as_array(keras.activations.softmax(v, axis=0)))
    layer = layer_dense(units=2, activation=activation_relu)
    assert layer.activation is keras.activations.relu
    assert layer.get_config()["activation"] == keras.layers.Dense(2, activation="relu").get_config()["activation"]


# -- random ----------------------------------------------------------------------------------

def test_random_draws_equal_keras_with_the_same_seed():
    np.testing.assert_array_equal(as_array(random_normal((2, 3), seed=1.0)),
                                  as_array(keras.random.normal((2, 3), seed=1)))
    np.testing.assert_array_equal(as_array(shape(4) | random_uniform(seed=2)),
                                  as_array(keras.random.uniform((4,), seed=2)))
    generator = random_seed_generator(seed=3.0)
    assert isinstance(generator, keras.random.SeedGenerator)


def test_random_integer_rounds_maxval_up_like_r():
    # R: range(as.array(random_integer(c(1000), 0, 2.5, seed = 1))) -> 0 2
    values = as_array(random_integer((1000,), 0.0, 2.5, seed=1))
    assert values.min() == 0 and values.max() == 2
    np.testing.assert_array_equal(values, as_array(keras.random.randint((1000,), 0, 3, seed=1)))
    with pytest.raises(TypeError, match="`maxval` must be a number; received 'a'"):
        random_integer((2,), 0, "a")


# -- config ----------------------------------------------------------------------------------

def test_config_functions_read_and_set_keras_config():
    assert config_floatx() == keras.config.floatx()
    before = config_epsilon()
    try:
        config_set_epsilon(1e-5)
        assert keras.config.epsilon() == 1e-5
    finally:
        config_set_epsilon(before)


def test_a_layer_with_an_activation_function_saves_and_loads(tmp_path):
    from kerasfn import keras_model, load_model, save_model

    inputs = keras_input(shape=(3,))
    model = keras_model(inputs, inputs | layer_dense(units=2, activation=activation_softmax))
    save_model(model, tmp_path / "m.keras")
    reloaded = load_model(tmp_path / "m.keras")  # no custom_objects: it is Keras' own softmax
    assert reloaded.layers[-1].activation is keras.activations.softmax
    np.testing.assert_allclose(as_array(reloaded(X)), as_array(model(X)), rtol=1e-6)


def test_r_doubles_become_integers_in_index_data():
    from kerasfn import op_split

    # R: op_split(op_arange(6), 3) -> list(c(1, 2), c(3, 4), c(5, 6)): 3 sections
    assert [as_array(part).tolist() for part in op_split(np.arange(1, 7), 3.0)] == [[1, 2], [3, 4], [5, 6]]
    assert as_array(op_one_hot(np.array([0.0, 2.0]), 3)).tolist() == [[1, 0, 0], [0, 0, 1]]


# -- conversions of R data: text and scalars are data ------------------------------

def test_convert_to_tensor_takes_scalars_and_text_as_data():
    # R: op_convert_to_tensor(3L) -> tf.Tensor(3, shape=(), dtype=int32)
    scalar = kerasfn.op_convert_to_tensor(3)
    assert op_is_tensor(scalar) and kerasfn.op_dtype(scalar) == "int32" and as_array(scalar) == 3
    # a string naming a dtype, given alone, is the dtype of a partial call: x |> op_convert_to_tensor("int32")
    assert kerasfn.op_dtype(np.array([1.0, 2.0]) | kerasfn.op_convert_to_tensor("int32")) == "int32"


@pytest.mark.skipif(keras.backend.backend() != "tensorflow", reason="JAX and PyTorch have no string tensors")
def test_convert_to_tensor_of_text_is_a_string_tensor():
    # R: op_convert_to_tensor("abc") -> tf.Tensor(b'abc', shape=(), dtype=string)
    # R: op_convert_to_tensor(c("a", "b")) -> tf.Tensor([b'a' b'b'], shape=(2), dtype=string)
    text = kerasfn.op_convert_to_tensor("abc")
    assert op_is_tensor(text) and text.dtype.name == "string" and text.numpy() == b"abc"
    assert kerasfn.op_convert_to_tensor(["a", "b"]).numpy().tolist() == [b"a", b"b"]


def test_arange_with_an_integer_dtype_takes_r_doubles():
    # R: op_arange(3.0, dtype = "int32") -> tf.Tensor([1 2 3], shape=(3), dtype=int32)
    counted = op_arange(3.0, dtype="int32")
    assert as_array(counted).tolist() == [1, 2, 3] and kerasfn.op_dtype(counted) == "int32"
    # R: op_arange(2, 6, dtype = "int32") -> 2 3 4 5 6
    assert as_array(op_arange(2.0, 6.0, dtype="int32")).tolist() == [2, 3, 4, 5, 6]
    with pytest.raises(ValueError, match=r"`start` must be a whole number; received 2.5"):
        op_arange(2.5, dtype="int32")
