"""The pipe operator: ``x | f(...)`` is R's ``x |> f(...)``.

Python evaluates ``lhs | rhs`` as ``lhs.__or__(rhs)`` and, only when that
returns ``NotImplemented``, ``rhs.__ror__(lhs)``.  Three right-hand sides
pipe:

* a layer: ``Layer.__ror__`` hands both sides to
  :func:`kerasfn.rcall.dispatch.compose_layer` (the dispatch every ``layer_*``
  function uses);
* a partial call, ``model | fit(x, y)``: :class:`kerasfn.rcall.binding.Pending`
  completes it with ``lhs`` as its subject;
* a kerasfn function itself, ``model | summary``: it is called on ``lhs``.
  ``Layer.__or__`` (new: Keras layers had none) does this for models and
  layers; the patched operators below do it for tensors.

Several left-hand types need a narrow change so that Python reaches these:

* ``KerasTensor.__or__`` (and ``__ror__``) compute ``logical_or`` with
  *anything*, so ``keras_input(...) | layer`` silently became a boolean
  tensor.  They now step aside when the other side is a pipe target (a
  layer, a partial call or a kerasfn function) and behave exactly as before
  otherwise.
* The backend's own tensors: ``tf.Tensor.__or__`` does find
  ``Layer.__ror__`` on its own, but replaces any ``TypeError``/``ValueError``
  it raises with TensorFlow's conversion error; a JAX array's (or tracer's)
  and a torch tensor's ``__or__`` return ``NotImplemented`` for a function,
  and a function has no ``__ror__``.  Deferring up front keeps kerasfn's
  messages and makes ``x | op_sum`` work on every backend.
* ``keras.Variable.__or__`` tries to convert the layer to a tensor and
  fails with a conversion error; it defers the same way.
* numpy arrays would broadcast ``bitwise_or`` element by element into the
  layer; ``Layer.__array_ufunc__`` (numpy's override protocol) makes
  ``array | layer`` the pipe and computes every other ufunc (``==`` of an
  object array of layers, ``layer in array``) as numpy does for any other
  object.

``Layer`` had no ``__or__``/``__ror__``/``__array_ufunc__``, so adding them
changes no existing meaning.  :func:`install` is idempotent; the changes to
Keras' classes themselves are made by :mod:`kerasfn.rcall.internals`
(``add_layer_methods``, ``wrap_method``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import keras
import numpy as np

from kerasfn.rcall import internals
from kerasfn.rcall.binding import Pending, filtering_traceback, is_r_function
from kerasfn.rcall.dispatch import backend_tensor_classes, compose_layer

__all__ = ["install", "is_pipe_target"]

Layer = keras.layers.Layer


@filtering_traceback
def _pipe_into_layer(layer: Layer, lhs: Any) -> Any:
    """``lhs | layer``: compose ``layer`` with ``lhs`` as ``layer_*(lhs, ...)`` would."""
    return compose_layer(lhs, layer)


def is_pipe_target(value: Any) -> bool:
    """Whether ``lhs | value`` is a kerasfn pipe."""
    return isinstance(value, (Layer, Pending)) or is_r_function(value)


def _pipe_into_function(lhs: Any, function: Any) -> Any:
    """``lhs | f``: a bare kerasfn function is called on ``lhs``; other
    right-hand sides are left to their own ``__ror__``."""
    return function(lhs) if is_r_function(function) else NotImplemented


def _defer_to_pipe_targets(operator: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """Wrap a binary ``|`` so a pipe target on the other side pipes instead."""

    @functools.wraps(operator)
    @filtering_traceback
    def deferring(self: Any, other: Any) -> Any:
        if is_pipe_target(other):
            return _pipe_into_function(self, other)
        return operator(self, other)

    return deferring


@filtering_traceback
def _pipe_from_layer(lhs: Layer, rhs: Any) -> Any:
    """``model | rhs``.  Python never tries ``rhs.__ror__`` when both sides
    have the same type, so a model piped into a model (R's
    ``keras_model_sequential() |> inner_model``) composes here."""
    if isinstance(rhs, Layer):
        return compose_layer(lhs, rhs)
    return _pipe_into_function(lhs, rhs)


def _as_numpy_object(value: Any) -> Any:
    """A layer as numpy sees any other object: a 0-d object array holding it."""
    if not isinstance(value, Layer):
        return value
    holder = np.empty((), dtype=object)
    holder[()] = value
    return holder


@filtering_traceback
def _layer_array_ufunc(layer: Layer, ufunc: np.ufunc, method: str, *inputs: Any, **kwargs: Any) -> Any:
    """``array | layer`` pipes the array into the layer; any other ufunc with
    a layer operand is computed as numpy computes it for a plain object."""
    if ufunc is np.bitwise_or and method == "__call__" and len(inputs) == 2 and inputs[1] is layer and not kwargs:
        return compose_layer(inputs[0], layer)
    return getattr(ufunc, method)(*map(_as_numpy_object, inputs), **kwargs)


def install() -> None:
    """Make ``|`` pipe into kerasfn layers and functions; called once when kerasfn is imported."""
    internals.add_layer_methods(__ror__=_pipe_into_layer, __or__=_pipe_from_layer, __array_ufunc__=_layer_array_ufunc)
    for cls, name in [(keras.KerasTensor, "__or__"), (keras.KerasTensor, "__ror__"), (keras.Variable, "__or__"),
                      *((tensor_class, "__or__") for tensor_class in backend_tensor_classes())]:
        internals.wrap_method(cls, name, _defer_to_pipe_targets)

