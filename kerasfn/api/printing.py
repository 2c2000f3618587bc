"""How a model prints: R keras3's ``format()`` of a model, used by ``summary()``
and by ``print(model)``.

R prints a model as its summary (``print.keras.src.models.model.Model``),
as wide as the console (at most 180 columns), without blank lines, and with
the "Trainable" column when the built model has non-trainable weights.
:func:`install` gives ``keras.Model`` a ``__str__`` that does the same, so
``print(model)`` reads as in R; ``repr(model)`` (what an interactive
session echoes) stays Keras' ``<Sequential name=..., built=True>``.

That ``__str__`` is every model's in the process, also for libraries that
log models with ``str()``: :func:`config_disable_print_summary` gives
``keras.Model`` Keras' own ``__str__`` back (``str(model) == repr(model)``),
:func:`config_enable_print_summary` R's again.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from typing import Any

import keras

from kerasfn.rcall import internals
from kerasfn.rcall.binding import r_function

__all__ = [
    "config_disable_print_summary",
    "config_enable_print_summary",
    "config_is_print_summary_enabled",
    "format_model",
    "install",
]

_MAX_WIDTH = 180


def _default_line_length() -> int:
    return min(shutil.get_terminal_size().columns, _MAX_WIDTH)


def format_model(
    model: keras.Model,
    line_length: int | None = None,
    positions: Sequence[float] | None = None,
    expand_nested: bool = False,
    show_trainable: bool | None = None,
    layer_range: Sequence[Any] | None = None,
    compact: bool = True,
) -> str:
    """The summary text of ``model``, formatted as R keras3 formats it."""
    if show_trainable is None:
        show_trainable = bool(model.built and model.non_trainable_weights)
    lines: list[str] = []
    model.summary(
        line_length=line_length or _default_line_length(),
        positions=positions,
        expand_nested=expand_nested,
        show_trainable=show_trainable,
        layer_range=layer_range,
        print_fn=lambda text, **_: lines.append(text),
    )
    text = "\n".join(lines).strip()
    if compact:
        text = re.sub(r"\n\s*\n", "\n", text)
    return text


def _model_str(model: keras.Model) -> str:
    return format_model(model)


def install() -> None:
    """``print(model)`` prints the summary, as in R (``str`` only; ``repr`` is Keras')."""
    internals.set_model_str(_model_str)


@r_function(None, "")
def config_enable_print_summary() -> None:
    """Print models as their summary, as R does

    Description:
        ``print(model)`` and ``str(model)`` give the model's summary, as R
        keras3's ``print(model)`` does (the default in a process that
        imported kerasfn).  ``repr(model)``, what an interactive session
        echoes, stays Keras' ``<Sequential name=..., built=True>``.

    Value:
        ``None``.

    Examples:
        >>> from kerasfn import config_enable_print_summary, keras_model_sequential, layer_dense
        >>> config_enable_print_summary()
        >>> model = keras_model_sequential(input_shape=3, name="tiny") | layer_dense(2)
        >>> str(model).splitlines()[0]
        'Model: "tiny"'

    See also:
        :func:`config_disable_print_summary`, :func:`summary`.
    """
    install()


@r_function(None, "")
def config_disable_print_summary() -> None:
    """Print models as Keras does

    Description:
        Gives ``keras.Model`` Keras' own ``str()`` back: ``print(model)``
        then prints ``<Sequential name=..., built=True>``, as in a process
        without kerasfn.  Use it where other code logs models with
        ``str()``.  ``summary(model)`` still prints the summary.

    Value:
        ``None``.

    Examples:
        >>> from kerasfn import config_disable_print_summary, config_enable_print_summary, keras_model_sequential
        >>> config_disable_print_summary()
        >>> model = keras_model_sequential(input_shape=3, name="tiny")
        >>> print(model)
        <Sequential name=tiny, built=False>
        >>> config_enable_print_summary()  # as R prints models again

    See also:
        :func:`config_enable_print_summary`, :func:`summary`.
    """
    internals.set_model_str(None)


@r_function(None, "")
def config_is_print_summary_enabled() -> bool:
    """Whether models print as their summary

    Description:
        ``TRUE`` (``True``) when ``print(model)`` prints the summary, as in
        R (kerasfn's default); ``False`` after
        :func:`config_disable_print_summary`.

    Value:
        ``True`` or ``False``.

    Examples:
        >>> from kerasfn import config_is_print_summary_enabled
        >>> config_is_print_summary_enabled()
        True

    See also:
        :func:`config_enable_print_summary`, :func:`config_disable_print_summary`.
    """
    return internals.model_str() is _model_str
