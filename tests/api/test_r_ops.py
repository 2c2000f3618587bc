"""kerasfn.api.r_ops: the op_* functions R keras3 writes itself (op_arange counting like R, op_subset and
op_subset_set as R's indexing, 0-based, op_einsum and the variadic stacks), against what R keras3 printed."""

import keras
import numpy as np
import pytest

import kerasfn
from kerasfn import (
    as_array,
    op_arange,
    op_einsum,
    op_hstack,
    op_is_tensor,
    op_scan,
    op_shape,
    op_subset,
    op_subset_set,
)


def test_arange_counts_like_r():
    # R: op_arange(5) -> 1 2 3 4 5; op_arange(2, 5) -> 2 3 4 5; op_arange(0, 10, 2) -> 0 2 4 6 8 10
    assert as_array(op_arange(5)).tolist() == [1, 2, 3, 4, 5]
    assert as_array(op_arange(2, 5)).tolist() == [2, 3, 4, 5]
    assert as_array(op_arange(0, 10, 2)).tolist() == [0, 2, 4, 6, 8, 10]
    assert as_array(op_arange(0, 3, include_end=False)).tolist() == as_array(keras.ops.arange(0, 3)).tolist()


def test_subset_is_r_indexing_0_based():
    y = np.arange(1, 13).reshape(4, 3).T  # R: y <- op_convert_to_tensor(array(1:12, c(3, 4)))
    assert as_array(op_subset(y, 0)).tolist() == [1, 4, 7, 10]  # R: op_subset(y, 1)
    assert as_array(y | op_subset(slice(None), 1)).tolist() == [4, 5, 6]  # R: op_subset(y, , 2)
    assert as_array(op_subset(y, [1, 2], [0, 3])).tolist() == [[2, 11], [3, 12]]  # R: op_subset(y, 2:3, c(1, 4))
    assert as_array(op_subset(y, np.array([[0, 0], [1, 1]]))).tolist() == [1, 5]  # R: rbind(c(1, 1), c(2, 2))
    y_tensor = keras.ops.convert_to_tensor(y)
    assert as_array(op_subset(y_tensor, y_tensor >= 10)).tolist() == [10, 11, 12]  # R: op_subset(y, y >= 10)
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
    assert op_is_tensor("a") is False and op_is_tensor(keras.ops.convert_to_tensor(a)) is True


def test_arange_with_an_integer_dtype_takes_r_doubles():
    # R: op_arange(3.0, dtype = "int32") -> tf.Tensor([1 2 3], shape=(3), dtype=int32)
    counted = op_arange(3.0, dtype="int32")
    assert as_array(counted).tolist() == [1, 2, 3] and kerasfn.op_dtype(counted) == "int32"
    # R: op_arange(2, 6, dtype = "int32") -> 2 3 4 5 6
    assert as_array(op_arange(2.0, 6.0, dtype="int32")).tolist() == [2, 3, 4, 5, 6]
    with pytest.raises(ValueError, match=r"`start` must be a whole number; received 2.5"):
        op_arange(2.5, dtype="int32")
