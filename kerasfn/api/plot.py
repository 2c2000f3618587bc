"""``plot()``: R keras3's plots of a training history (matplotlib) and of a model's graph."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import keras

from kerasfn.rcall.binding import r_function
from kerasfn.rcall.converters import as_list, describe
from kerasfn.rcall.subjects import is_keras_object

__all__ = ["ModelPlot", "plot"]

# R keras3's plot(model) arguments and defaults (show_trainable=None is R's NA: shown when the
# model is built and has non-trainable weights); layer_range is refused as Keras 3's plot_model refuses it.
_MODEL_PLOT_DEFAULTS = {
    "show_shapes": False, "show_dtype": False, "show_layer_names": False, "rankdir": "TB",
    "expand_nested": False, "dpi": 200, "layer_range": None, "show_layer_activations": False,
    "show_trainable": None, "to_file": None,
}
GRAPHVIZ_HINT = (
    "Graphviz's `dot` program, which pip cannot install: `apt-get install graphviz` (Debian, Ubuntu), "
    "`conda install graphviz`, or `brew install graphviz` (macOS)"
)


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

        ``plot(model)`` draws the model's graph (R's ``plot(model)``, with
        ``keras.utils.model_to_dot``) as a PNG image: a notebook shows it
        inline, and ``plot(model).show()`` opens it in a script.  It is
        written to a new temporary file, or to ``to_file`` when given, never
        elsewhere.  It needs the ``pydot`` package (``pip install
        "kerasfn[plot]"``) and Graphviz's ``dot`` program, which pip cannot
        install (``apt-get install graphviz``, ``conda install graphviz`` or
        ``brew install graphviz``); without them the error says so.

    Arguments:
        object: The ``History`` returned by ``fit()``, or a model.  Left
            out, the call waits for one piped in: ``history | plot()``.
        metrics: Names of the metrics to draw (default: all, ``loss`` first);
            validation values are found as ``val_<metric>``.  History only.
        **kwargs: For a model, R's arguments with R's defaults:
            ``show_shapes=False``, ``show_dtype=False``,
            ``show_layer_names=False``, ``rankdir="TB"``,
            ``expand_nested=False``, ``dpi=200``, ``layer_range=None``,
            ``show_layer_activations=False``, ``show_trainable=None`` (R's
            ``NA``: shown when the model is built and has non-trainable
            weights), and ``to_file=None``: a path to write the image to
            (its extension gives the format; replaced only once the image is
            complete), instead of a temporary file.

    Value:
        For a history, a ``matplotlib.figure.Figure`` (show it, or
        ``fig.savefig(path)``); for a model, a :class:`ModelPlot`: the image
        file's ``path``, shown inline by a notebook (``_repr_png_``) and by
        ``.show()`` in a script.

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
        >>> graph = plot(model, show_shapes=True)  # doctest: +SKIP
        >>> graph.path.suffix, graph._repr_png_()[:4]  # a temporary PNG file  # doctest: +SKIP
        ('.png', b'\\x89PNG')

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


class ModelPlot:
    """The image ``plot(model)`` drew: its file, shown inline by Jupyter and by :meth:`show` in a script."""

    def __init__(self, path: Path, model_name: str) -> None:
        self.path = path
        self.model_name = model_name

    def _repr_png_(self) -> bytes | None:
        return self.path.read_bytes() if self.path.suffix.lower() == ".png" else None

    def _repr_svg_(self) -> str | None:
        return self.path.read_text() if self.path.suffix.lower() == ".svg" else None

    def show(self) -> None:
        """Show the image in a matplotlib window (a PNG file)."""
        import matplotlib.pyplot as plt

        image = plt.imread(self.path)
        figure = plt.figure(figsize=(image.shape[1] / 100, image.shape[0] / 100))
        axes = figure.add_axes((0, 0, 1, 1))
        axes.imshow(image)
        axes.axis("off")
        plt.show()

    def __repr__(self) -> str:
        return f"<plot of model {self.model_name!r}: {self.path}>"


def _plot_model(model: keras.Model, **kwargs: Any) -> ModelPlot:
    unknown = sorted(set(kwargs) - set(_MODEL_PLOT_DEFAULTS))
    if unknown:
        raise TypeError(f"plot() of a model takes {', '.join(_MODEL_PLOT_DEFAULTS)}; received {', '.join(unknown)}.")
    arguments = {**_MODEL_PLOT_DEFAULTS, **kwargs}
    to_file = arguments.pop("to_file")
    if to_file is not None and not isinstance(to_file, (str, os.PathLike)):
        raise TypeError(f"`to_file` must be a file path; received {describe(to_file)}.")
    try:
        import pydot  # noqa: F401
    except ImportError:
        raise ImportError(
            f"plot(model) needs the pydot package (pip install \"kerasfn[plot]\", or pip install pydot) and {GRAPHVIZ_HINT}."
        ) from None
    if shutil.which("dot") is None:
        raise RuntimeError(f"plot(model) needs {GRAPHVIZ_HINT}; it is not on the PATH.")
    if arguments["show_trainable"] is None:
        arguments["show_trainable"] = bool(model.built and model.non_trainable_weights)
    if arguments.pop("layer_range") is not None:
        raise ValueError("Argument `layer_range` is no longer supported (Keras 3's plot_model).")
    target = Path(tempfile.mkstemp(prefix=f"keras_{model.name}_", suffix=".png")[1]) if to_file is None \
        else Path(to_file)
    extension = target.suffix[1:] or "png"
    dot = keras.utils.model_to_dot(model, **arguments)
    # Written next to the target, then moved over it: a failure leaves the user's file as it was.
    handle, partial = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    try:
        dot.write(partial, format=extension)
        os.replace(partial, target)
    except BaseException:
        os.unlink(partial)
        if to_file is None:
            target.unlink()
        raise
    return ModelPlot(target, model.name)
