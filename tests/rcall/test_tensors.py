"""kerasfn.rcall.tensors: which values are tensor data (is_tensor_like, is_tensor_data: a string naming a dtype is
a partial call's dtype, other text is data), and R keras3's conversions of data arguments: as_integer_data (whole
doubles become integers, as R's as_integer), as_ceiling_integer (R's as_integer(ceiling(x))), as_shape_tuple.

R keras3 on this Keras (/work/shared/rkeras/run.sh), for the integer conversions the ops apply:

    op_bincount(c(0, 1, 1, 3))                                          # tf.Tensor([1 2 0 1], dtype=int32)
    op_bitwise_and(c(12, 10), c(10, 6))                                 # tf.Tensor([8 2], dtype=int32)
    random_integer(c(2), minval = 0, maxval = 2.2, seed = 1)$dtype      # tf.int32
"""

import keras
import numpy as np
import pytest

from kerasfn.rcall.tensors import (
    TopK,
    as_ceiling_integer,
    as_integer_data,
    as_shape_tuple,
    is_tensor_data,
    is_tensor_like,
)


@pytest.mark.parametrize("value", [3, 2.5, np.float32(1), np.array([1, 2]), [1, 2.0], (2, 3), [[1], [2]],
                                   keras.ops.ones((2,)), keras.Variable([1.0]), keras.KerasTensor((None, 2))])
def test_numbers_arrays_tensors_and_lists_of_them_are_tensor_like(value):
    assert is_tensor_like(value)


@pytest.mark.parametrize("value", [None, "a", b"a", ["a", 1], {"x": 1}, object()])
def test_text_none_and_other_objects_are_not_tensor_like(value):
    assert not is_tensor_like(value)


def test_text_is_tensor_data_unless_it_names_a_dtype():
    assert is_tensor_data("hello") and is_tensor_data(["a", "b"]) and is_tensor_data(b"x")
    assert is_tensor_data(["int32"])  # in a list it is data: R's c("int32") converted
    assert not is_tensor_data("int32") and not is_tensor_data("float16")  # x | as_tensor("int32")
    assert not is_tensor_data(None)


def test_whole_doubles_become_integers_as_r_as_integer_makes_them():
    counts = as_integer_data("x", [0.0, 1.0, 1.0, 3.0])
    assert counts.dtype == np.int32
    np.testing.assert_array_equal(keras.ops.convert_to_numpy(keras.ops.bincount(counts)), [1, 2, 0, 1])
    both = keras.ops.bitwise_and(as_integer_data("x", np.array([12.0, 10.0])), as_integer_data("y", (10.0, 6.0)))
    np.testing.assert_array_equal(keras.ops.convert_to_numpy(both), [8, 2])
    assert as_integer_data("x", 4.0) == 4 and type(as_integer_data("x", 4.0)) is int


def test_integer_booleans_tensors_and_none_pass_unchanged():
    assert as_integer_data("x", np.array([1, 2], dtype="int64")).dtype == np.int64
    tensor = keras.ops.ones((2,))
    assert as_integer_data("x", tensor) is tensor
    scalars = [keras.ops.ones(()), keras.ops.zeros(())]
    assert as_integer_data("x", scalars) is scalars
    assert as_integer_data("x", True) is True and as_integer_data("x", None) is None


def test_fractions_and_text_are_refused_naming_the_argument():
    # R's as_integer would truncate 1.5 to 1 (op_bincount(c(0, 1.5)) counts [1 1]): kerasfn refuses
    with pytest.raises(ValueError, match=r"`x` must hold whole numbers; received"):
        as_integer_data("x", [0.0, 1.5])
    with pytest.raises(ValueError, match=r"`x` must hold whole numbers"):
        as_integer_data("x", np.array([np.nan]))
    with pytest.raises(TypeError, match=r"`x` must hold whole numbers; received"):
        as_integer_data("x", ["a", "b"])


def test_ceiling_integer_rounds_up_as_r_ceiling():
    assert as_ceiling_integer("maxval", 2.2) == 3 and type(as_ceiling_integer("maxval", 2.2)) is int
    assert as_ceiling_integer("maxval", -2.2) == -2 and as_ceiling_integer("maxval", 4) == 4
    assert as_ceiling_integer("maxval", None) is None
    with pytest.raises(TypeError, match=r"`maxval` must be a number; received True"):
        as_ceiling_integer("maxval", True)
    with pytest.raises(TypeError, match=r"`maxval` must be a number; received '3'"):
        as_ceiling_integer("maxval", "3")
    with pytest.raises(ValueError, match=r"`maxval` must be a finite number; received inf"):
        as_ceiling_integer("maxval", float("inf"))


def test_shapes_become_plain_tuples():
    assert type(as_shape_tuple("shape", [2.0, 3])) is tuple and as_shape_tuple("shape", [2.0, 3]) == (2, 3)
    assert as_shape_tuple("shape", 2) == (2,)
    assert as_shape_tuple("shape", None) is None
    np.testing.assert_array_equal(keras.ops.convert_to_numpy(keras.ops.zeros(as_shape_tuple("shape", [2.0, 3]))),
                                  np.zeros((2, 3)))


def test_top_k_results_are_named_as_r_names_them():
    values, indices = keras.ops.top_k(keras.ops.convert_to_tensor([1.0, 5.0, 3.0]), k=2)
    result = TopK(values, indices)
    assert result._fields == ("values", "indices")
    np.testing.assert_array_equal(keras.ops.convert_to_numpy(result.indices), [1, 2])
