"""R keras3's dual form of the ``loss_*`` and ``metric_*`` functions.

R's ``loss_mean_squared_error(y_true, y_pred)`` computes the loss now
(``keras.losses.mean_squared_error``); called without ``y_true`` and
``y_pred`` it returns the ``keras.losses.MeanSquaredError`` object that
``compile(loss=)`` takes.  R decides by ``missing(y_true) && missing(y_pred)``;
kerasfn by whether both are ``None``.  Given only one of them, R's call fails
in Keras; in kerasfn it is the pipe's partial application instead:
``y_true | loss_mean_squared_error(y_pred)`` is R's
``y_true |> loss_mean_squared_error(y_pred)``.

The metrics Keras has only as an object (``metric_auc()``) are plain
constructors; those it has only as a function (``metric_huber()``) take the
data form alone.  The decorator that gives a function this form is
:func:`kerasfn.rcall.subjects.dual_function`; this module holds the pieces it
and the generated functions call.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import Any

import keras
import numpy as np

from kerasfn.rcall.converters import check_keywords, describe

__all__ = ["as_data", "dual_value", "is_data", "stands_for", "unused"]


def is_data(value: Any) -> bool:
    """Labels or predictions: a tensor, an array, a (nested) list or a number."""
    if value is None or isinstance(value, (str, bytes, bool)):
        return False
    return hasattr(value, "shape") or isinstance(value, (list, tuple, int, float))


def as_data(name: str, value: Any) -> Any:
    """``y_true``/``y_pred``: data (or ``None``, R's missing)."""
    if value is None or is_data(value):
        return value
    raise TypeError(f"`{name}` must be a tensor or array; received {describe(value)}.")


def stands_for(keras_object: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Record the Keras function (or class) a ``loss_*``/``metric_*`` function
    stands for where ``compile()`` takes it, as R keras3's ``compile()``
    resolves its wrappers: ``metrics=metric_binary_accuracy`` is
    ``keras.metrics.binary_accuracy``, which the history names
    ``binary_accuracy``."""

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        function.keras_function = keras_object
        return function

    return decorate


def dual_value(
    owner: str,
    function: Callable[..., Any],
    y_true: Any,
    y_pred: Any,
    arguments: Mapping[str, Any],
    object_only: Mapping[str, tuple[Any, Any]] | None = None,
    kwargs: Mapping[str, Any] | None = None,
) -> Any:
    """The data form: ``function(y_true, y_pred, **arguments)``.

    ``object_only`` maps the arguments that only the object takes
    (``reduction``, ``name``) to ``(value, default)``: R passes a given one
    to the Keras function, which rejects it, so a non-default one is an
    error here too.  ``None``: the function has no object form.
    """
    for name, value in (("y_true", y_true), ("y_pred", y_pred)):
        if value is None:
            how = ("" if object_only is None
                   else "; without either it returns the object for compile()")
            raise TypeError(f"`{name}` is missing: {owner}() computes its value from `y_true` and `y_pred`{how}.")
    unused(owner, object_only or {}, "value")
    extra = dict(kwargs or {})
    if extra:
        check_keywords(owner, extra, frozenset(inspect.signature(function).parameters))
    # Arrays as tensors, as most Keras loss functions convert them themselves: the others
    # (categorical_generalized_cross_entropy) fail on PyTorch multiplying an array by a tensor.
    y_true, y_pred = (keras.ops.convert_to_tensor(value) if isinstance(value, np.ndarray) else value
                      for value in (y_true, y_pred))
    return function(y_true, y_pred, **arguments, **extra)


def unused(owner: str, arguments: Mapping[str, tuple[Any, Any]], form: str) -> None:
    """Reject an argument given (not at its default) that the ``form`` being
    made (``"value"`` or ``"object"``) does not take: R passes it on, and Keras
    rejects it."""
    for name, (value, default) in arguments.items():
        if not (value is default or (isinstance(value, (str, int, float)) and value == default)):
            other = "the object (no y_true, y_pred)" if form == "value" else "the value (with y_true and y_pred)"
            raise TypeError(
                f"`{name}` of {owner}() only applies to {other}; received {name}={describe(value)} "
                f"when making the {form}."
            )
