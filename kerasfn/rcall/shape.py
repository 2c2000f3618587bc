"""``shape()``: R keras3's shape objects.

In R, ``shape(x)`` returns the shape of a tensor and prints as
``shape(32, 4)``; ``shape(NA, 8)`` builds one with an unknown dimension.
:class:`Shape` is a plain tuple (so Keras accepts it anywhere a shape tuple
goes) whose items are ints or ``None`` and whose repr reads like R.  Inside
a compiled function (``tf.function``), a size known only when the function
runs is a scalar integer tensor, as R keras3's ``shape()`` gives it.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable
from typing import Any

import keras
import numpy as np

__all__ = ["Shape", "as_shape", "shape"]


class Shape(tuple):
    """A tensor shape that prints like R

    Description:
        The tuple subclass that :func:`shape` returns: ints and ``None``
        (unknown sizes), printed as R prints shapes, ``shape(NA, 4)``.  It
        goes wherever Keras expects a shape tuple and compares equal to the
        plain tuple.  Inside a compiled function a size known only at run
        time is a scalar integer tensor, which the ``op_*`` functions take
        as a size (``op_ones(shape(shape(x)[0], 1))``).

    Arguments:
        iterable: The dimensions (already whole numbers, ``None`` or scalar
            integer tensors); use :func:`shape` to build one from R-style
            input.

    Value:
        A ``Shape`` (a ``tuple``).

    Examples:
        >>> from kerasfn import Shape
        >>> Shape((None, 4))
        shape(NA, 4)
        >>> Shape((32, 4)) == (32, 4)
        True

    See also:
        :func:`shape`, :func:`keras_input`.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return "shape(" + ", ".join("NA" if d is None else str(d) for d in self) + ")"

    __str__ = __repr__


def _is_size_tensor(value: Any) -> bool:
    """A scalar integer tensor: a size known when a compiled function runs
    (``keras.ops.shape(x)[0]`` in a ``tf.function``).  R keras3 keeps such a
    tensor as the size, in ``shape()`` and in every shape argument."""
    is_tensor = isinstance(value, keras.KerasTensor) or keras.ops.is_tensor(value)
    return is_tensor and tuple(value.shape) == () and keras.backend.is_int_dtype(value.dtype)


def _dimension(name: str, value: Any) -> Any:
    if value is None or _is_size_tensor(value):
        return value
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(
            f"`{name}` must hold whole numbers or None; received {value!r} "
            f"({type(value).__name__})."
        )
    if not float(value).is_integer() or value < 0:
        raise ValueError(
            f"`{name}` must hold non-negative whole numbers or None; received {value!r}."
        )
    return int(value)


def as_shape(name: str, value: Any) -> Shape:
    """Accept a tuple, a list, a ``Shape``, a single number or a tensor's shape."""
    if (isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))) or _is_size_tensor(value):
        value = (value,)
    elif hasattr(value, "as_list"):  # tf.TensorShape
        value = value.as_list()
    if not isinstance(value, Iterable) or isinstance(value, (str, bytes)):
        raise TypeError(
            f"`{name}` must be a shape: a tuple, list or shape() of whole numbers; "
            f"received {value!r} ({type(value).__name__})."
        )
    return Shape(_dimension(name, item) for item in value)


def _sizes_of(value: Any) -> list[Any]:
    """The sizes of a tensor, variable or array.  A backend tensor's come from
    ``keras.ops.shape``, so that inside a compiled function a size unknown
    when it was traced is the tensor of its run-time value, as in R."""
    if isinstance(value, keras.KerasTensor) or not keras.ops.is_tensor(value):
        sizes = value.shape
    else:
        sizes = keras.ops.shape(value)
    return list(sizes.as_list() if hasattr(sizes, "as_list") else sizes)


def _dims(value: Any) -> list[Any]:
    """R's ``shape()`` of one argument: a tensor's or array's sizes (a scalar
    integer tensor is itself a size), the items of a list or tuple, or one size."""
    if _is_size_tensor(value):
        return [value]
    if hasattr(value, "shape") and not isinstance(value, (numbers.Number, np.generic)):
        return _sizes_of(value)
    if isinstance(value, (list, tuple)):
        return [dim for item in value for dim in _dims(item)]
    return [value]


def shape(*dims: Any) -> Shape:
    """Tensor shape

    Description:
        Build a shape, or read the shape of a tensor.  ``shape(x)`` gives the
        shape of a tensor or array; ``shape(None, 8)`` builds a shape with an
        unknown first dimension (R's ``shape(NA, 8)``).  As in R, the
        arguments are joined: a tuple or list gives its items
        (``shape((4,), 3)`` is R's ``shape(c(4), 3)``, ``shape(4, 3)``) and a
        tensor its sizes (``shape(x, 10)`` appends 10 to ``x``'s shape).
        The result is a tuple, so it can be passed wherever Keras expects a
        shape, and it prints like R.

        Inside a compiled function (``tf.function``, a custom
        ``train_step``), a size of ``x`` unknown when the function was
        traced (the batch size) is a scalar integer tensor holding its
        value when the function runs, as R keras3 gives it:
        ``op_ones(shape(shape(x)[0], 1))`` works there.

    Arguments:
        *dims: Tensors, arrays or ``KerasTensor`` objects (their sizes), or
            the dimensions themselves: whole numbers (R doubles such as
            ``8.0`` are accepted), ``None`` for unknown sizes, scalar integer
            tensors, and tuples or lists of these.

    Value:
        A :class:`Shape`: a tuple of ints and ``None`` (and, inside a
        compiled function, scalar integer tensors) printed as ``shape(...)``.

    Examples:
        >>> from kerasfn import shape, random_uniform
        >>> shape(random_uniform((32, 10, 8)))
        shape(32, 10, 8)
        >>> shape(None, 8)
        shape(NA, 8)
        >>> shape(10.0, 8)[0]
        10
        >>> shape((4,), 3)
        shape(4, 3)

    See also:
        :func:`keras_input`, :func:`random_uniform`.
    """
    if len(dims) == 1 and hasattr(dims[0], "shape") and not _is_size_tensor(dims[0]):
        return as_shape("x", _sizes_of(dims[0]))
    return as_shape("dims", [dim for value in dims for dim in _dims(value)])
