"""``plot()``: R keras3's plots of a training history (matplotlib) and of a model's graph."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import keras

from kerasfn.r_conventions import as_list, describe
from kerasfn.rfunction import r_function
from kerasfn.verbs import is_keras_object

__all__ = ["plot"]


def _is_plottable(value: Any) -> bool:
    return isinstance(value, (keras.callbacks.History, keras.Model))


@r_function(_is_plottable, "a training history (from fit()) or a Keras model", {"metrics": as_list},
            misplaced=is_keras_object)
def plot(object: keras.callbacks.History | keras.Model, metrics: Sequence[str] | None = None, **kwargs: Any) -> Any:
    """Plot a training history or a model

    Description:
        ``plot(history)`` draws the curves of a ``fit()`` history the way
        R's ``plot(history)`` does: one panel per metric, stacked, sharing
        the epoch axis, with the training and validation values of that
        metric together.  The figure is a pyplot figure, so ``plt.show()``
        (or ``figure.show()``) displays it in a script and a notebook shows
        it inline.

        ``plot(model)`` draws the model's graph with
        ``keras.utils.plot_model`` (R's ``plot(model)``), which needs the
        ``pydot`` package and Graphviz's ``dot`` program.

    Arguments:
        object: The ``History`` returned by ``fit()``, or a model.  Left
            out, the call waits for one piped in: ``history | plot()``.
        metrics: Names of the metrics to draw (default: all, ``loss`` first);
            validation values are found as ``val_<metric>``.  History only.
        **kwargs: For a model, passed to ``keras.utils.plot_model``
            (``show_shapes``, ``to_file``, ...).

    Value:
        For a history, a ``matplotlib.figure.Figure`` (show it, or
        ``fig.savefig(path)``); for a model, what ``plot_model`` returns (an
        image object in a notebook).

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
    if isinstance(object, keras.Model):
        return _plot_model(object, **kwargs)
    if kwargs:
        raise TypeError(f"plot() of a history takes only `metrics`; received {', '.join(kwargs)}.")
    import matplotlib.pyplot as plt

    values = object.history
    names = [name for name in values if not name.startswith("val_")] if metrics is None else list(metrics)
    unknown = [name for name in names if name not in values]
    if unknown or not names:
        raise ValueError(f"`metrics` must name metrics of the history {sorted(values)}; received {describe(names)}.")
    figure = plt.figure(figsize=(6, 2.5 * len(names)), layout="constrained")
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


def _plot_model(model: keras.Model, **kwargs: Any) -> Any:
    try:
        import pydot  # noqa: F401
    except ImportError:
        raise ImportError(
            "plot(model) draws the graph with keras.utils.plot_model, which needs the pydot package "
            "and Graphviz: `pip install pydot` and install Graphviz (`apt-get install graphviz`)."
        ) from None
    return keras.utils.plot_model(model, **kwargs)
