"""kerasfn.api.plot: plot(history) draws one panel per metric, as R keras3's does; plot(model) is
R keras3's: the graph as an image a notebook and a script show, written to a temporary file or to
the ``to_file`` the user names (never elsewhere), and a message naming Graphviz when it is missing.
R keras3 (plot.keras.src.models.model.Model) writes to tempfile() unless to_file is given and
defaults to show_shapes = FALSE, show_layer_names = FALSE, show_trainable = NA (built and with
non-trainable weights), dpi = 200."""

import builtins
import os
import shutil

import keras
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from kerasfn import compile, fit, keras_model_sequential, layer_dense, plot
from kerasfn.api.plot import ModelPlot

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
needs_graphviz = pytest.mark.skipif(
    shutil.which("dot") is None or __import__("importlib").util.find_spec("pydot") is None,
    reason="plot(model) needs pydot (the plot extra) and Graphviz's dot program (apt-get install graphviz)",
)


def small_model():
    return keras_model_sequential(input_shape=(3,), name="small") | layer_dense(2) | layer_dense(1)


def test_plot_draws_one_panel_per_metric(features_and_sums):
    x, y = features_and_sums
    model = keras_model_sequential(input_shape=3) | layer_dense(4) | layer_dense(1) | compile(loss="mse", metrics="mae")
    history = model | fit(x, y, epochs=3, validation_split=0.25, verbose=0)
    figure = history | plot()
    assert isinstance(figure, Figure)
    assert [axes.get_ylabel() for axes in figure.axes] == ["loss", "mae"]
    training, validation = figure.axes[0].lines
    assert list(training.get_xdata()) == [1, 2, 3]
    np.testing.assert_allclose(training.get_ydata(), history.history["loss"])
    np.testing.assert_allclose(validation.get_ydata(), history.history["val_loss"])
    with pytest.raises(ValueError, match=r"`metrics` must name metrics of the history"):
        plot(history, metrics=["accuracy"])


def test_missing_graphviz_is_named_with_how_to_install_it(monkeypatch, tmp_path):
    pytest.importorskip("pydot", reason="the message about Graphviz comes once pydot is there")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))  # no `dot` on it
    with pytest.raises(RuntimeError, match=r"Graphviz.*apt-get install graphviz.*conda install graphviz.*brew"):
        plot(small_model())
    assert os.listdir(tmp_path) == []


def test_plot_history_is_a_pyplot_figure(compiled_model):
    history = compiled_model | fit(np.ones((4, 3)), np.ones((4, 1)), epochs=2, verbose=0)
    figure = plot(history)
    assert figure.number in plt.get_fignums()  # plt.show() and notebooks display it
    plt.close(figure)


def test_plot_model_names_what_to_install(monkeypatch, compiled_model):
    real_import = builtins.__import__

    def no_pydot(name, *args, **kwargs):
        if name == "pydot":
            raise ImportError("no pydot")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pydot)
    with pytest.raises(ImportError, match=r"pip install pydot.*Graphviz"):
        plot(compiled_model)


def test_unknown_and_bad_arguments_are_named():
    with pytest.raises(TypeError, match="received show_shape\\.$"):
        plot(small_model(), show_shape=True)
    with pytest.raises(TypeError, match="`to_file` must be a file path; received"):
        plot(small_model(), to_file=3)


@needs_graphviz
def test_plot_model_is_an_image_in_a_temporary_file_and_nothing_in_the_current_folder(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    model = small_model()
    graph = plot(model)
    assert isinstance(graph, ModelPlot)
    assert os.listdir(tmp_path) == []
    assert graph.path.parent.resolve() != tmp_path.resolve() and graph.path.suffix == ".png"
    assert graph._repr_png_()[:8] == PNG_SIGNATURE  # what Jupyter shows inline
    assert "small" in repr(graph) and str(graph.path) in repr(graph)
    # R's defaults are Keras' plot_model with show_layer_names=False, show_trainable=False (no frozen weights).
    keras.utils.plot_model(model, to_file=str(tmp_path / "keras.png"), show_layer_names=False, show_trainable=False)
    assert graph.path.read_bytes() == (tmp_path / "keras.png").read_bytes()
    graph.path.unlink()


@needs_graphviz
def test_to_file_writes_there_with_r_arguments(tmp_path):
    model = small_model()
    graph = plot(model, to_file=tmp_path / "graph.png", show_shapes=True, rankdir="LR", dpi=96)
    assert graph.path == tmp_path / "graph.png" and sorted(os.listdir(tmp_path)) == ["graph.png"]
    keras.utils.plot_model(model, to_file=str(tmp_path / "keras.png"), show_shapes=True, rankdir="LR", dpi=96)
    assert graph.path.read_bytes() == (tmp_path / "keras.png").read_bytes()
    svg = plot(model, to_file=str(tmp_path / "graph.svg"))
    assert svg._repr_png_() is None and svg._repr_svg_().lstrip().startswith("<?xml")


@needs_graphviz
def test_show_trainable_na_shows_it_when_weights_are_frozen(tmp_path):
    model = small_model()
    model.layers[0].trainable = False
    graph = plot(model, to_file=tmp_path / "frozen.png")
    keras.utils.plot_model(model, to_file=str(tmp_path / "keras.png"), show_layer_names=False, show_trainable=True)
    assert graph.path.read_bytes() == (tmp_path / "keras.png").read_bytes()


@needs_graphviz
def test_a_failed_plot_leaves_the_file_as_it_was(tmp_path):
    target = tmp_path / "graph.png"
    target.write_bytes(b"the user's file")
    unbuilt = keras.Sequential([keras.layers.Dense(1)])
    with pytest.raises(ValueError):
        plot(unbuilt, to_file=target)
    assert target.read_bytes() == b"the user's file" and os.listdir(tmp_path) == ["graph.png"]


@needs_graphviz
def test_show_draws_the_image_in_a_figure(monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(plt, "show", lambda: shown.append(plt.gcf()))
    graph = plot(small_model(), to_file=tmp_path / "graph.png")
    graph.show()
    image = shown[0].axes[0].images[0].get_array()
    assert image.shape[:2] == plt.imread(graph.path).shape[:2]
    plt.close(shown[0])
    np.testing.assert_array_equal(image, plt.imread(graph.path))
