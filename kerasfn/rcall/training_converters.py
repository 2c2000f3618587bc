"""Argument conversions of the training families (``optimizer_*``, ``callback_*``, ``metric_*``).

Each is R keras3's own conversion where R has one that means something in
Python (R's 1-based epoch numbers in ``callback_lambda()``), or a check for
an argument whose R declaration would misread a Python value: R's
``as_integer`` truncates, so R's ``callback_early_stopping(min_delta =
0.01)`` silently becomes ``0``; here a fraction stays a fraction.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

import keras

from kerasfn.rcall.converters import as_integer, as_number, describe

__all__ = ["as_class_ids", "as_double", "as_epoch_hook", "as_frequency", "as_learning_rate", "as_logs_hook",
           "supplied"]


def supplied(arguments: Mapping[str, tuple[Any, Any]]) -> dict[str, Any]:
    """The arguments to pass on: those that differ from Keras' own default.

    ``arguments`` maps names to ``(value, Keras' default)`` (R's default where
    Keras has none).  Like R's ``capture_args()``, this leaves out what Keras
    would do anyway, so an object that refuses some arguments outright
    (``LossScaleOptimizer`` and ``use_ema``, even ``False``) is made as R
    makes it; unlike it, an R default that differs from Keras' (R's
    ``optimizer_muon(weight_decay = 0.1)``) is passed, as R documents it.
    """
    return {name: value for name, (value, default) in arguments.items()
            if not (value is default or (isinstance(value, (str, int, float)) and value == default))}


def as_learning_rate(name: str, value: Any) -> Any:
    """A number, a ``learning_rate_schedule_*()`` object, or a function of no arguments."""
    if isinstance(value, keras.optimizers.schedules.LearningRateSchedule) or callable(value):
        return value
    return as_number(name, value)


def as_double(name: str, value: Any) -> float | None:
    """R's double: a number, passed on as a float where Keras refuses an int (``FBetaScore(beta=1)``)."""
    value = as_number(name, value)
    return None if value is None else float(value)


def as_frequency(name: str, value: Any) -> Any:
    """``"epoch"``/``"batch"`` or a whole number of batches (R's ``as_integer`` on numbers)."""
    return value if isinstance(value, str) else as_integer(name, value)


def as_class_ids(name: str, value: Any) -> list[int] | None:
    """R's ``as.list(as_integer(x))``: one class id or several, as a list of whole numbers."""
    if value is None:
        return None
    items = list(value) if isinstance(value, (list, tuple, range)) or hasattr(value, "tolist") else [value]
    return [as_integer(name, item) for item in items]


def _hook(name: str, value: Any, counted: bool) -> Callable[..., Any] | None:
    if value is None:
        return None
    if not callable(value):
        raise TypeError(f"`{name}` must be a function; received {describe(value)}.")

    # As R keras3's kerastools wrappers: a returned dict updates the logs.
    def update(logs: dict | None, result: Any) -> None:
        if isinstance(result, dict) and logs is not None:
            logs.update(result)

    if counted:
        @functools.wraps(value)
        def hook(index: int, logs: dict | None = None) -> None:
            update(logs, value(index + 1, logs))  # R counts epochs and batches from 1
    else:
        @functools.wraps(value)
        def hook(logs: dict | None = None) -> None:
            update(logs, value(logs))
    return hook


def as_epoch_hook(name: str, value: Any) -> Callable[..., Any] | None:
    """``function(epoch, logs)`` (or ``batch``), called with R's 1-based number, as R keras3 does."""
    return _hook(name, value, counted=True)


def as_logs_hook(name: str, value: Any) -> Callable[..., Any] | None:
    """``function(logs)``; a returned dict updates the logs, as in R keras3."""
    return _hook(name, value, counted=False)
