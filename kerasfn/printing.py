"""How a model prints: R keras3's ``format()`` of a model, used by ``summary()``
and by ``print(model)``.

R prints a model as its summary (``print.keras.src.models.model.Model``),
as wide as the console (at most 180 columns), without blank lines, and with
the "Trainable" column when the built model has non-trainable weights.
:func:`install` gives ``keras.Model`` a ``__str__`` that does the same, so
``print(model)`` reads as in R; ``repr(model)`` (what an interactive
session echoes) stays Keras' ``<Sequential name=..., built=True>``.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from typing import Any

import keras

__all__ = ["format_model", "install"]

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
    keras.Model.__str__ = _model_str
