"""The training history ``fit()`` returns, printed as R keras3 prints it.

R's ``print(history)`` reads (R keras3 on Keras 3, which records epochs
and steps, not samples; under Keras 2 a "Trained on N samples" line came
first, in place of the leading blank line)::


    Final epoch (plot to see history):
        loss: 0.3673
         mae: 0.5187
    val_loss: 0.4566
     val_mae: 0.6053

R builds the text as ``"\nFinal epoch ...:\n" + lines``, hence the blank
first line, and prints it with ``cat(str, "\n")``, whose separator also
leaves a space at the end of the last line: kerasfn leaves that space out
(it carries nothing, and editors and doctests strip it).  A loss that
diverged prints as ``NaN``, ``Inf`` or ``-Inf`` (a missing value as
``NA``), as R's ``prettyNum()`` prints them.

kerasfn's ``fit()`` returns Keras' own ``History`` object, with its class
narrowed to :class:`History` (a subclass adding only that printed form and
R's ``history$metrics``), so everything Keras documents for it still holds.
"""

from __future__ import annotations

import math
from typing import Any

import keras

from kerasfn.rcall import internals

__all__ = ["History", "as_r_history"]


def _pretty(value: float | None) -> str:
    """R's ``prettyNum(x, big.mark = ",", digits = 4, scientific = FALSE)``."""
    if value is None:
        return "NA"
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Inf" if value > 0 else "-Inf"
    text = f"{value:.4g}"
    if "e" in text:
        text = f"{value:.{max(0, 3 - int(f'{value:e}'.split('e')[1]))}f}"
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-') or 0):,}"
    return sign + whole + (f".{fraction}" if fraction else "")


class History(keras.callbacks.History):
    """Keras' ``History``, printed as R prints it."""

    @property
    def metrics(self) -> dict[str, list[float]]:
        """R's ``history$metrics``: each metric's values, one per epoch."""
        return self.history

    def __str__(self) -> str:
        values = self.history
        epochs = min([self.params.get("epochs", 0), *(len(series) for series in values.values())])
        trained = ""
        if self.params.get("samples") is not None:  # Keras 2 recorded these; Keras 3 records steps
            validated = self.params.get("validation_samples")
            validate = f", validated on {validated:,} samples" if validated else ""
            trained = (
                f"Trained on {self.params['samples']:,} samples{validate} "
                f"(batch_size={self.params.get('batch_size')}, epochs={epochs})"
            )
        lines = []
        if epochs and values:
            width = max(len(name) for name in values)
            lines = [f"{name:>{width}}: {_pretty(series[epochs - 1])}" for name, series in values.items()]
        # R: cat(paste0(trained, "\n", "Final epoch (plot to see history):\n", lines), "\n")
        return trained + "\nFinal epoch (plot to see history):\n" + "\n".join(lines)

    __repr__ = __str__


def as_r_history(history: Any) -> Any:
    """Narrow a Keras ``History`` (only that exact class) to :class:`History`."""
    if type(history) is keras.callbacks.History:
        internals.narrow_class(history, History)
    return history
