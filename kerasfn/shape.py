"""``shape()``: R keras3's shape objects.

In R, ``shape(x)`` returns the shape of a tensor and prints as
``shape(32, 4)``; ``shape(NA, 8)`` builds one with an unknown dimension.
:class:`Shape` is a plain tuple (so Keras accepts it anywhere a shape tuple
goes) whose items are ints or ``None`` and whose repr reads like R.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable
from typing import Any

import numpy as np

__all__ = ["Shape", "as_shape", "shape"]


class Shape(tuple):
    """A tensor shape that prints like R

    Description:
        The tuple subclass that :func:`shape` returns: ints and ``None``
        (unknown sizes), printed as R prints shapes, ``shape(NA, 4)``.  It
        goes wherever Keras expects a shape tuple and compares equal to the
        plain tuple.

    Arguments:
        iterable: The dimensions (already whole numbers or ``None``); use
            :func:`shape` to build one from R-style input.

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


def _dimension(name: str, value: Any) -> int | None:
    if value is None:
        return None
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
    if isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_)):
        value = (value,)
    elif hasattr(value, "as_list"):  # tf.TensorShape
        value = value.as_list()
    if not isinstance(value, Iterable) or isinstance(value, (str, bytes)):
        raise TypeError(
            f"`{name}` must be a shape: a tuple, list or shape() of whole numbers; "
            f"received {value!r} ({type(value).__name__})."
        )
    return Shape(_dimension(name, item) for item in value)


def shape(*dims: Any) -> Shape:
    """Tensor shape

    Description:
        Build a shape, or read the shape of a tensor.  ``shape(x)`` gives the
        shape of a tensor or array; ``shape(None, 8)`` builds a shape with an
        unknown first dimension (R's ``shape(NA, 8)``).  The result is a tuple,
        so it can be passed wherever Keras expects a shape, and it prints like R.

    Arguments:
        *dims: Either a single tensor, array or ``KerasTensor`` (its shape is
            returned), or the dimensions themselves: whole numbers (R doubles
            such as ``8.0`` are accepted) and ``None`` for unknown sizes.  A
            single tuple or list of dimensions is accepted too.

    Value:
        A :class:`Shape`: a tuple of ints and ``None`` printed as ``shape(...)``.

    Examples:
        >>> from kerasfn import shape, random_uniform
        >>> shape(random_uniform((32, 10, 8)))
        shape(32, 10, 8)
        >>> shape(None, 8)
        shape(NA, 8)
        >>> shape(10.0, 8)[0]
        10

    See also:
        :func:`keras_input`, :func:`random_uniform`.
    """
    if len(dims) == 1 and hasattr(dims[0], "shape"):
        return as_shape("x", dims[0].shape)
    if len(dims) == 1 and isinstance(dims[0], (list, tuple)):
        return as_shape("dims", dims[0])
    return as_shape("dims", dims)
