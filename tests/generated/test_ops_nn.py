"""kerasfn.generated.ops_nn: the activation ops, op_one_hot, op_softmax and op_max_pool against keras.ops
on the same inputs, with R's conventions (0-based axes and class indices, R's doubles as integers, a
partial call from a pipe) against what R keras3 printed (the R code and its output are quoted with each
expectation)."""

import keras
import numpy as np
import pytest

import kerasfn
from kerasfn import as_array, op_max_pool, op_one_hot, op_softmax

UNARY = ["sigmoid", "relu"]


@pytest.mark.parametrize("name", UNARY)
def test_unary_ops_equal_keras(name, r_matrix):
    expected = as_array(getattr(keras.ops, name)(r_matrix))
    np.testing.assert_allclose(as_array(getattr(kerasfn, f"op_{name}")(r_matrix)), expected, rtol=1e-6)
    piped = keras.ops.convert_to_tensor(r_matrix) | getattr(kerasfn, f"op_{name}")()
    np.testing.assert_allclose(as_array(piped), expected, rtol=1e-6)


def test_one_hot_classes_are_0_based_and_r_doubles_become_integers():
    # R: op_one_hot(c(1L, 3L), 3L) -> rbind(c(1, 0, 0), c(0, 0, 1))
    assert as_array(op_one_hot(np.array([0, 2]), 3.0)).tolist() == [[1, 0, 0], [0, 0, 1]]
    assert as_array(op_one_hot(np.array([0.0, 2.0]), 3)).tolist() == [[1, 0, 0], [0, 0, 1]]


def test_softmax_axis_is_0_based_and_names_a_bad_axis(r_matrix):
    expected = as_array(keras.ops.softmax(r_matrix, axis=0))
    np.testing.assert_allclose(as_array(op_softmax(r_matrix, axis=0)), expected, rtol=1e-6)
    np.testing.assert_allclose(as_array(r_matrix | op_softmax(axis=0.0)), expected, rtol=1e-6)
    with pytest.raises(ValueError, match="`axis` must be a whole number"):
        op_softmax(r_matrix, axis=0.5)


def test_max_pool_takes_r_doubles_as_pool_size_and_names_a_fraction():
    images = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)
    expected = as_array(keras.ops.max_pool(images, pool_size=2, strides=2))
    np.testing.assert_array_equal(as_array(op_max_pool(images, pool_size=2.0, strides=2.0)), expected)
    np.testing.assert_array_equal(as_array(images | op_max_pool(pool_size=2.0, strides=2.0)), expected)
    with pytest.raises(ValueError, match="`pool_size` must"):
        op_max_pool(images, pool_size=1.5)
