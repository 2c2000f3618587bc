"""The pipe operator: ``x | layer`` is R's ``x |> layer``.

Python evaluates ``lhs | rhs`` as ``lhs.__or__(rhs)`` and, only when that
returns ``NotImplemented``, ``rhs.__ror__(lhs)``.  So the pipe is
``Layer.__ror__``, which hands both sides to
:func:`kerasfn.compose.compose_layer` (the same dispatch every ``layer_*``
function uses).  Three left-hand types need a narrow change so that Python
reaches it:

* ``KerasTensor.__or__`` (and ``__ror__``) compute ``logical_or`` with
  *anything*, so ``keras_input(...) | layer`` silently became a boolean
  tensor.  They now return ``NotImplemented`` when the other side is a layer
  and behave exactly as before otherwise.
* ``tf.Tensor.__or__`` does find ``Layer.__ror__`` on its own, but replaces
  any ``TypeError``/``ValueError`` it raises with TensorFlow's conversion
  error; deferring up front keeps kerasfn's messages intact.
* ``keras.Variable.__or__`` tries to convert the layer to a tensor and
  fails with a conversion error; it defers the same way.
* numpy arrays would broadcast ``bitwise_or`` element by element into the
  layer; ``Layer.__array_ufunc__ = None`` tells numpy to defer instead.

``Layer`` had no ``__or__``/``__ror__``/``__array_ufunc__``, so adding them
changes no existing meaning.  :func:`install` is idempotent.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import keras

from kerasfn.compose import compose_layer

__all__ = ["install"]

Layer = keras.layers.Layer
_ORIGINAL = "__kerasfn_original__"


def _pipe_into_layer(layer: Layer, lhs: Any) -> Any:
    """``lhs | layer``: compose ``layer`` with ``lhs`` as ``layer_*(lhs, ...)`` would."""
    return compose_layer(lhs, layer)


def _defer_to_layers(operator: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """Wrap a binary ``|`` so it steps aside (``NotImplemented``) for a layer operand."""

    @functools.wraps(operator)
    def deferring(self: Any, other: Any) -> Any:
        if isinstance(other, Layer):
            return NotImplemented
        return operator(self, other)

    setattr(deferring, _ORIGINAL, operator)
    return deferring


def _patch(cls: type, name: str) -> None:
    current = getattr(cls, name)
    if not hasattr(current, _ORIGINAL):
        setattr(cls, name, _defer_to_layers(current))


def install() -> None:
    """Make ``|`` pipe into kerasfn layers; called once when kerasfn is imported."""
    Layer.__ror__ = _pipe_into_layer
    Layer.__array_ufunc__ = None
    _patch(keras.KerasTensor, "__or__")
    _patch(keras.KerasTensor, "__ror__")
    _patch(keras.Variable, "__or__")
    if keras.backend.backend() == "tensorflow":
        import tensorflow as tf

        _patch(tf.Tensor, "__or__")
