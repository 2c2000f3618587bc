"""Tensor data: what the ``op_*``, ``activation_*`` and ``random_*`` functions work on.

R keras3's tensor functions take R data or tensors first (``op_sum(x)``);
in Python that data is a number, a numpy array, a backend tensor, a
``KerasTensor``, a ``keras.Variable``, or a list or tuple of them (a shape
``(2, 3)`` is one too).  :func:`is_tensor_like` says which values are data,
so ``x | op_sum(axis=0)`` and ``op_cast("int32")`` (a string: not data, so a
partial call) are told apart.

The converters here are R keras3's conversions of *data* arguments, which
R applies element by element (R's ``as_integer`` is vectorised).
"""

from __future__ import annotations

import math
import numbers
from typing import Any, NamedTuple

import keras
import numpy as np

from kerasfn.rcall.converters import as_integer, describe
from kerasfn.rcall.shape import as_shape

__all__ = ["TopK", "as_ceiling_integer", "as_integer_data", "as_shape_tuple", "is_tensor_data", "is_tensor_like"]


def is_tensor_like(value: Any) -> bool:
    """Whether ``value`` is tensor data: a number, an array, a tensor or variable, or a list/tuple of them."""
    if value is None or isinstance(value, (str, bytes)):
        return False
    if isinstance(value, (numbers.Number, np.ndarray, np.generic, np.bool_)):
        return True
    if isinstance(value, (list, tuple)):
        return all(is_tensor_like(item) for item in value)
    return isinstance(value, (keras.KerasTensor, keras.Variable)) or keras.ops.is_tensor(value)


def _names_dtype(text: str) -> bool:
    try:
        keras.backend.standardize_dtype(text)
    except (ValueError, TypeError):
        return False
    return True


def is_tensor_data(value: Any) -> bool:
    """What ``as_tensor()`` and ``op_convert_to_tensor()`` convert: tensor data
    and text (R's character vectors become string tensors), one value or a
    list of them.  A lone string that names a dtype (``"int32"``) is not data
    but the ``dtype`` of a partial call: ``x | as_tensor("int32")``."""
    if isinstance(value, (str, bytes)):
        return not (isinstance(value, str) and _names_dtype(value))
    if isinstance(value, (list, tuple)):
        return all(isinstance(item, (str, bytes)) or is_tensor_data(item) for item in value)
    return is_tensor_like(value)


def _whole(value: np.ndarray) -> bool:
    return bool(np.all(np.isfinite(value)) and np.all(value == np.round(value)))


def as_integer_data(name: str, value: Any) -> Any:
    """R's ``as_integer`` on data: whole doubles (a number, a list of them,
    a float numpy array) become integers; tensors go to Keras unchanged."""
    if value is None or isinstance(value, (bool, np.bool_)):
        return value
    if isinstance(value, numbers.Real):
        return as_integer(name, value)
    if isinstance(value, (list, tuple, np.ndarray)) and not any(map(keras.ops.is_tensor, np.ravel(np.asarray(value, dtype=object)))):
        array = np.asarray(value)
        if array.dtype.kind == "f":
            if not _whole(array):
                raise ValueError(f"`{name}` must hold whole numbers; received {describe(value)}.")
            return array.astype("int32")
        if array.dtype.kind not in "iub":
            raise TypeError(f"`{name}` must hold whole numbers; received {describe(value)}.")
        return array
    return value


def as_ceiling_integer(name: str, value: Any) -> int | None:
    """R's ``as_integer(ceiling(x))`` (``random_integer(maxval=)``): a number rounded up."""
    if value is None:
        return None
    if not isinstance(value, numbers.Real) or isinstance(value, (bool, np.bool_)):
        raise TypeError(f"`{name}` must be a number; received {describe(value)}.")
    if not math.isfinite(value):
        raise ValueError(f"`{name}` must be a finite number; received {describe(value)}.")
    return math.ceil(value)



class TopK(NamedTuple):
    """``op_top_k()``'s result: R keras3 names it ``list(values, indices)``."""

    values: Any
    indices: Any


def as_shape_tuple(name: str, value: Any) -> tuple | None:
    """R's ``normalize_shape`` for an op: ``c(2, 3)``, ``shape(2, 3)``, ``2``, as a plain tuple
    (some backends take a shape argument as data, which a tuple subclass is not)."""
    return None if value is None else tuple(as_shape(name, value))
