"""kerasfn.generated.ops_linalg: op_norm, op_det and op_solve against keras.ops.linalg on the same inputs,
with R's conventions: a 0-based axis given as R's double, a partial call from a pipe, and a bad argument
named before Keras sees it."""

import keras
import numpy as np
import pytest

from kerasfn import as_array, op_det, op_norm, op_solve

#: An invertible 2 x 2 matrix.
A = np.array([[2.0, 1.0], [1.0, 3.0]], dtype="float32")


def test_norm_takes_a_0_based_axis_as_an_r_double(r_matrix):
    expected = as_array(keras.ops.norm(r_matrix, axis=1))
    np.testing.assert_allclose(as_array(op_norm(r_matrix, axis=1)), expected, rtol=1e-6)
    np.testing.assert_allclose(as_array(r_matrix | op_norm(axis=1.0)), expected, rtol=1e-6)


def test_norm_names_a_bad_keepdims(r_matrix):
    with pytest.raises(TypeError, match="`keepdims` must be True or False"):
        op_norm(r_matrix, keepdims="yes")


def test_det_and_solve_equal_keras():
    np.testing.assert_allclose(as_array(A | op_det()), as_array(keras.ops.det(A)), rtol=1e-6)
    b = np.array([[1.0], [2.0]], dtype="float32")
    np.testing.assert_allclose(as_array(op_solve(A, b)), as_array(keras.ops.solve(A, b)), rtol=1e-6)
    np.testing.assert_allclose(as_array(A | op_solve(b=b)), as_array(keras.ops.solve(A, b)), rtol=1e-6)
