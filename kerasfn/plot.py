"""``plot(history)``: R keras3's training-history plot, with matplotlib."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import keras

from kerasfn.r_conventions import describe
from kerasfn.verbs import verb

__all__ = ["plot"]


@verb(keras.callbacks.History)
def plot(object: keras.callbacks.History, metrics: Sequence[str] | None = None) -> Any:
    """Plot training history

    Description:
        Draws the curves of a ``fit()`` history the way R's ``plot(history)``
        does: one panel per metric, stacked, sharing the epoch axis, with the
        training and validation values of that metric together.

    Arguments:
        object: The ``History`` returned by ``fit()``.  Left out, the call
            waits for one piped in: ``history | plot()``.
        metrics: Names of the metrics to draw (default: all, ``loss`` first);
            validation values are found as ``val_<metric>``.

    Value:
        A ``matplotlib.figure.Figure`` (show it, or ``fig.savefig(path)``).

    Examples:
        >>> import numpy as np
        >>> from kerasfn import compile, fit, keras_model_sequential, layer_dense, plot
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse", metrics="mae")
        >>> history = model | fit(np.zeros((8, 3)), np.zeros((8, 1)), epochs=2, validation_split=0.25, verbose=0)
        >>> figure = plot(history)
        >>> [axes.get_ylabel() for axes in figure.axes]
        ['loss', 'mae']
        >>> [line.get_label() for line in figure.axes[0].lines]
        ['training', 'validation']

    See also:
        :func:`fit`.
    """
    from matplotlib.figure import Figure

    values = object.history
    names = [name for name in values if not name.startswith("val_")] if metrics is None else list(metrics)
    unknown = [name for name in names if name not in values]
    if unknown or not names:
        raise ValueError(f"`metrics` must name metrics of the history {sorted(values)}; received {describe(names)}.")
    figure = Figure(figsize=(6, 2.5 * len(names)), layout="constrained")
    panels = figure.subplots(len(names), 1, sharex=True, squeeze=False)[:, 0]
    for axes, name in zip(panels, names):
        for label, key, marker in (("training", name, "o"), ("validation", f"val_{name}", "s")):
            if key in values:
                epochs = range(1, len(values[key]) + 1)
                axes.plot(epochs, values[key], marker=marker, label=label)
        axes.set_ylabel(name)
        axes.legend(loc="best")
        axes.grid(True, alpha=0.3)
    panels[-1].set_xlabel("epoch")
    return figure
