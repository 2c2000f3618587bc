"""kerasfn.generated.ops: op_shape and op_convert_to_tensor as R keras3's (R's results quoted with each
expectation): a shape prints as R's shape(), and scalars and text are data."""

import keras
import numpy as np
import pytest

import kerasfn
from kerasfn import as_array, op_is_tensor, op_reshape, op_shape


def test_shape_and_reshape_as_r():
    # R: op_shape(y) -> shape(3, 4); op_shape(op_reshape(y, c(NA, 2))) -> shape(6, 2)
    y = np.arange(12).reshape(3, 4)
    assert repr(op_shape(y)) == "shape(3, 4)"
    assert op_shape(op_reshape(y, (None, 2))) == (6, 2)


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
