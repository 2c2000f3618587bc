"""kerasfn.generated.ops_numpy: the op_* functions of keras.ops' numpy namespace, against keras.ops on the
same inputs, with R's conventions against what R keras3 printed (the R code and its output are quoted with
each expectation; R's indices are 1-based, kerasfn's 0-based by the porting rule).
"""

import keras
import numpy as np
import pytest

import kerasfn
from kerasfn import (
    as_array,
    keras_input,
    op_argmax,
    op_argmin,
    op_diagonal,
    op_digitize,
    op_kaiser,
    op_moveaxis,
    op_nonzero,
    op_searchsorted,
    op_shape,
    op_split,
    op_stack,
    op_sum,
    op_swapaxes,
    op_take,
)

#: The second operand of the binary ops.
Y = np.array([[2.0, 1.0, 0.5], [3.0, 1.0, 2.0]], dtype="float32")

UNARY = ["abs", "exp", "log1p", "sqrt", "square", "tanh", "floor", "negative", "sin", "cumsum"]
BINARY = ["add", "subtract", "multiply", "divide", "maximum", "minimum", "power", "greater", "equal"]
REDUCTIONS = ["sum", "mean", "max", "min", "prod", "std", "var", "argmax", "argmin", "all", "any"]


@pytest.mark.parametrize("name", UNARY)
def test_unary_ops_equal_keras(name, r_matrix):
    keras_name = {"abs": "absolute"}.get(name, name)
    expected = as_array(getattr(keras.ops, keras_name)(r_matrix))
    np.testing.assert_allclose(as_array(getattr(kerasfn, f"op_{name}")(r_matrix)), expected, rtol=1e-6)
    piped = keras.ops.convert_to_tensor(r_matrix) | getattr(kerasfn, f"op_{name}")()
    np.testing.assert_allclose(as_array(piped), expected, rtol=1e-6)


@pytest.mark.parametrize("name", BINARY)
def test_binary_ops_equal_keras_and_pipe_the_first_operand(name, r_matrix):
    expected = as_array(getattr(keras.ops, name)(r_matrix, Y))
    np.testing.assert_allclose(as_array(getattr(kerasfn, f"op_{name}")(r_matrix, Y)), expected, rtol=1e-6)
    np.testing.assert_allclose(as_array(r_matrix | getattr(kerasfn, f"op_{name}")(Y)), expected, rtol=1e-6)


@pytest.mark.parametrize("name", REDUCTIONS)
def test_reductions_take_0_based_axes_and_r_doubles(name, r_matrix):
    expected = as_array(getattr(keras.ops, name)(r_matrix, axis=1))
    np.testing.assert_allclose(as_array(getattr(kerasfn, f"op_{name}")(r_matrix, axis=1)), expected, rtol=1e-6)
    np.testing.assert_allclose(as_array(r_matrix | getattr(kerasfn, f"op_{name}")(axis=1.0)), expected, rtol=1e-6)


def test_symbolic_inputs_give_keras_tensors():
    inputs = keras_input(shape=(3,))
    out = inputs | op_sum(axis=1)
    assert isinstance(out, keras.KerasTensor) and tuple(out.shape) == (None,)


def test_argmax_argmin_are_0_based_and_zero_indexed_changes_nothing(r_matrix):
    # R: op_argmax(x, axis = 2) -> 2 1 ; op_argmax(x, axis = 1) -> 2 1 2
    #    op_argmin(x, axis = 2, zero_indexed = TRUE) -> 0 1
    assert as_array(op_argmax(r_matrix, axis=1)).tolist() == [2 - 1, 1 - 1]
    assert as_array(op_argmax(r_matrix, axis=0)).tolist() == [2 - 1, 1 - 1, 2 - 1]
    assert as_array(op_argmax(r_matrix, axis=1, zero_indexed=True)).tolist() == [1, 0]
    assert as_array(op_argmin(r_matrix, axis=1, zero_indexed=True)).tolist() == [0, 1]


def test_index_results_are_r_results_minus_one():
    # R: op_searchsorted(c(1, 3, 5), c(2, 6)) -> 2 4
    assert as_array(op_searchsorted(np.array([1.0, 3.0, 5.0]), np.array([2.0, 6.0]))).tolist() == [1, 3]
    # R: op_digitize(c(0.5, 2.5), c(1, 2, 3)) -> 1 3
    assert as_array(op_digitize(np.array([0.5, 2.5]), [1.0, 2.0, 3.0])).tolist() == [0, 2]
    # R: op_nonzero(rbind(c(0, 1), c(1, 0))) -> rbind(c(1, 2), c(2, 1)): one row of coordinates each
    assert as_array(op_nonzero(np.array([[0, 1], [1, 0]]))).tolist() == [[0, 1], [1, 0]]


def test_index_arguments_are_0_based():
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


def test_kaiser_converts_r_doubles():
    # R: op_kaiser(3, 1) -> 0.7898483 1 0.7898483
    np.testing.assert_allclose(as_array(op_kaiser(3.0, 1.0)), [0.7898483, 1, 0.7898483], rtol=1e-5)


def test_bad_arguments_are_named_before_keras(r_matrix):
    with pytest.raises(ValueError, match=r"`axis` must be a whole number; received 1\.5"):
        op_sum(r_matrix, axis=1.5)
    with pytest.raises(TypeError, match=r"`keepdims` must be True or False; received 'yes'"):
        r_matrix | op_sum(keepdims="yes")  # checked where the partial call is written
    with pytest.raises(TypeError, match=r"op_sum\(\) takes a tensor or array piped in; received 'a'"):
        "a" | op_sum()


def test_r_doubles_become_integers_in_index_data():
    # R: op_split(op_arange(6), 3) -> list(c(1, 2), c(3, 4), c(5, 6)): 3 sections
    assert [as_array(part).tolist() for part in op_split(np.arange(1, 7), 3.0)] == [[1, 2], [3, 4], [5, 6]]
