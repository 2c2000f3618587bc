"""``shape()`` (kerasfn/rcall/shape.py): R keras3's shape objects, checked against what R keras3 printed.

A shape prints as R prints it and is a tuple; every argument that takes a
shape takes a tuple, a list, doubles or a ``shape()``.

R keras3's ``shape(...)`` joins its arguments: a tensor or array gives its sizes (from
``keras$ops$shape``, so inside a compiled function a size unknown at tracing is a scalar int
tensor), a vector or list its items, a scalar integer tensor is itself a size.
"""

import keras
import numpy as np
import pytest

from kerasfn import (
    Shape,
    keras_input,
    keras_model_sequential,
    layer_lstm,
    op_ones,
    op_shape,
    random_normal,
    random_uniform,
    shape,
)


def test_vectors_and_lists_are_joined_into_the_shape():
    # R: shape(c(4), 3) -> shape(4, 3); shape(c(4, 5), 3) -> shape(4, 5, 3); shape(list(4, 5), 3) -> shape(4, 5, 3)
    assert repr(shape((4,), 3)) == "shape(4, 3)"
    assert shape([4, 5], 3) == (4, 5, 3) and shape((4, 5), 3) == (4, 5, 3)
    # R: shape(list(NULL, 2)) -> shape(NA, 2)
    assert repr(shape([None, 2])) == "shape(NA, 2)"


def test_a_tensor_gives_its_sizes_among_other_dimensions():
    # R: shape(op_ones(c(2, 3)), 4) -> shape(2, 3, 4)
    assert shape(op_ones((2, 3)), 4) == (2, 3, 4)
    # R: shape(keras_input(shape = c(NA, 3)), 4) -> shape(NA, NA, 3, 4)
    assert repr(shape(keras_input(shape=(None, 3)), 4)) == "shape(NA, NA, 3, 4)"
    assert shape(np.ones((2, 3))) == (2, 3)


@pytest.mark.skipif(keras.backend.backend() != "tensorflow", reason="tf.function: sizes unknown at tracing are TensorFlow's")
def test_inside_a_compiled_function_an_unknown_size_is_its_runtime_tensor():
    import tensorflow as tf

    seen = {}

    @tf.function(input_signature=[tf.TensorSpec([None, 3])])
    def ones_column(t):
        dims = shape(t)
        seen["repr"] = repr(dims)
        # R: op_ones(c(op_shape(t)[[1]], 1)) and op_ones(shape(shape(t)[[1]], 1)) -> shape (None, 1) when traced
        return op_ones((op_shape(t)[0], 1)), op_ones(shape(dims[0], 1))

    first, second = ones_column(tf.ones((2, 3)))
    # R printed shape(t) inside tf_function as: shape(Tensor("strided_slice:0", shape=(), dtype=int32), 3)
    assert seen["repr"].startswith('shape(Tensor("') and seen["repr"].endswith('shape=(), dtype=int32), 3)')
    assert tuple(first.shape) == (2, 1) and tuple(second.shape) == (2, 1)  # R: shape(2, 1) on 2 rows


def test_a_scalar_integer_tensor_is_a_size():
    # R: op_ones(shape(op_convert_to_tensor(2L), 3)) -> a 2 x 3 tensor of ones
    size = keras.ops.convert_to_tensor(2, dtype="int32")
    assert tuple(op_ones(shape(size, 3)).shape) == (2, 3)


@pytest.mark.parametrize("spelling", [(10, 8), [10, 8], shape(10, 8), (10.0, 8.0)])
def test_shapes_accept_tuples_lists_and_shape(spelling):
    model = keras_model_sequential(input_shape=spelling) | layer_lstm(3)
    assert model.input_shape == (None, 10, 8)
    assert shape(keras_input(spelling)) == (None, 10, 8)


def test_shape_prints_like_r_and_is_a_tuple():
    s = shape(32, 4)
    assert repr(s) == "shape(32, 4)" and str(s) == "shape(32, 4)"
    assert isinstance(s, tuple) and s == (32, 4)
    assert repr(shape(None, 8)) == "shape(NA, 8)"
    assert shape([3, 2]) == (3, 2) and shape(3.0) == (3,)


def test_shape_of_tensors_and_arrays():
    assert shape(np.ones((2, 5))) == (2, 5)
    assert shape(random_uniform((32, 10, 8))) == Shape((32, 10, 8))
    assert shape(keras_input((None, 8))) == (None, None, 8)


@pytest.mark.parametrize("bad, error, message", [
    ((2.5, 3), ValueError, r"`dims` must hold non-negative whole numbers or None; received 2.5"),
    (("a", 3), TypeError, r"`dims` must hold whole numbers or None; received 'a' \(str\)"),
    ((-1,), ValueError, r"received -1"),
])
def test_bad_shapes(bad, error, message):
    with pytest.raises(error, match=message):
        shape(*bad)


def test_random_generators_take_r_shapes():
    assert shape(random_uniform([2.0, 3.0])) == (2, 3)
    assert shape(random_normal(shape(4, 1), seed=3.0)) == (4, 1)
