"""kerasfn.api.reexports: as_tensor() takes R data as tensors, with R's types (numbers and text are data)."""

import keras
import numpy as np
import pytest

from kerasfn import as_tensor, op_dtype, op_is_tensor


def test_as_tensor_takes_numbers_as_data_with_r_types():
    # R: as_tensor(3) -> tf.Tensor(3.0, shape=(), dtype=float64); as_tensor(3L) -> dtype=int32
    # R: as_tensor(c(1L, 2L)) -> int32; as_tensor(c(1, 2)) -> float64; as_tensor(TRUE) -> bool
    double, integer = as_tensor(3.0), as_tensor(3)
    assert op_is_tensor(double) and float(double) == 3.0 and int(integer) == 3
    assert op_dtype(integer) == "int32" and op_dtype(as_tensor([1, 2])) == "int32"
    assert op_dtype(as_tensor(True)) == "bool"
    if keras.backend.backend() == "tensorflow":  # JAX without x64 and PyTorch defaults hold no float64 here
        assert op_dtype(double) == "float64" and op_dtype(as_tensor([1.0, 2.0])) == "float64"
    # R: as_tensor(3, "int32") -> tf.Tensor(3, shape=(), dtype=int32)
    assert op_dtype(as_tensor(3.0, "int32")) == "int32"
    # R: x |> as_tensor("int32"): a dtype name alone is the dtype of a partial call
    assert op_dtype(np.array([1.0, 2.0]) | as_tensor("int32")) == "int32"


@pytest.mark.skipif(keras.backend.backend() != "tensorflow", reason="JAX and PyTorch have no string tensors")
def test_as_tensor_of_text_is_a_string_tensor():
    # R: as_tensor("abc") -> tf.Tensor(b'abc', shape=(), dtype=string)
    # R: as_tensor(c("a", "b")) -> tf.Tensor([b'a' b'b'], shape=(2), dtype=string)
    assert as_tensor("abc").numpy() == b"abc"
    assert as_tensor(["a", "b"]).numpy().tolist() == [b"a", b"b"]
    assert as_tensor(x="int32").numpy() == b"int32"  # named: the text itself
