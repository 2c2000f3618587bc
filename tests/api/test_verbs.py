"""Model verbs: direct and piped forms, R conventions, failures that leave the model alone."""

import builtins
import inspect

import keras
import numpy as np
import pytest
from matplotlib.figure import Figure

import kerasfn
from kerasfn import (
    Layer,
    compile,
    evaluate,
    fit,
    freeze_weights,
    get_weights,
    keras_model_sequential,
    layer_dense,
    layer_input,
    layer_lstm,
    load_model,
    pad_sequences,
    plot,
    predict,
    random_uniform,
    reset_state,
    save_model,
    set_random_seed,
    set_weights,
    shape,
    summary,
    timeseries_dataset_from_array,
    to_categorical,
    unfreeze_weights,
)
from kerasfn.rcall.binding import Pending

X = np.linspace(0, 1, 24, dtype="float32").reshape(8, 3)
Y = X.sum(axis=1, keepdims=True)


def _model(name=None):
    return keras_model_sequential(input_shape=3, name=name) | layer_dense(4) | layer_dense(1)


def test_compile_direct_and_piped_return_the_model():
    model = _model()
    assert compile(model, optimizer="adam", loss="mse") is model
    assert (model | compile(loss="mae", metrics="mse")) is model
    assert model.loss == "mae"


def test_verbs_have_real_signatures_and_wait_without_a_model():
    assert list(inspect.signature(fit).parameters)[:4] == ["object", "x", "y", "batch_size"]
    # R keras3's default (R/model-training.R: fit.keras.src.models.model.Model(..., epochs = 1L))
    assert inspect.signature(fit).parameters["epochs"].default == 1
    pending = compile(optimizer="adam", loss="mse")
    assert isinstance(pending, Pending)
    assert repr(pending) == "<pending compile(optimizer='adam', loss='mse')>"


def test_fit_evaluate_predict_chain():
    model = _model() | compile(optimizer="adam", loss="mse", metrics="mae")
    history = model | fit(X, Y, epochs=2.0, batch_size=4.0, verbose=0, validation_data=[X, Y])
    assert isinstance(history, keras.callbacks.History)
    assert sorted(history.history) == ["loss", "mae", "val_loss", "val_mae"]
    assert len(history.history["loss"]) == 2
    scores = evaluate(model, X, Y, verbose=0)
    assert sorted(scores) == ["loss", "mae"]
    assert np.isclose(scores["loss"], np.mean((model.predict(X, verbose=0) - Y) ** 2), atol=1e-5)
    assert shape(model | predict(X, verbose=0)) == (8, 1)


def test_fit_checks_r_conventions_before_training():
    model = _model() | compile(loss="mse")
    before = get_weights(model)
    with pytest.raises(ValueError, match=r"`epochs` must be a whole number; received 1.5 \(float\)"):
        model | fit(X, Y, epochs=1.5)
    with pytest.raises(TypeError, match=r"`shuffle` must be True or False; received 'yes' \(str\)"):
        fit(model, X, Y, shuffle="yes")
    with pytest.raises(ValueError, match=r"`validation_data` must hold \(x, y\)"):
        fit(model, X, Y, validation_data=[X])
    for old, new in zip(before, get_weights(model)):
        np.testing.assert_array_equal(old, new)


def test_summary_prints(capsys):
    assert (_model("tiny") | summary()) is None
    assert 'Model: "tiny"' in capsys.readouterr().out


def test_save_and_load_round_trip(tmp_path):
    path = tmp_path / "model.keras"
    model = keras_model_sequential(input_shape=(5, 3)) | layer_lstm(2) | compile(loss="mse")
    assert (model | save_model(path)) is model
    data = random_uniform((2, 5, 3), seed=3)
    np.testing.assert_allclose(load_model(path).predict(data, verbose=0), model.predict(data, verbose=0), atol=1e-6)


def test_save_model_keeps_an_existing_file_unless_overwrite(tmp_path):
    path = tmp_path / "model.keras"
    path.write_text("precious")
    with pytest.raises(FileExistsError, match=r"`filepath` '.*model.keras' exists; pass overwrite=True"):
        save_model(_model(), path)
    assert path.read_text() == "precious"
    save_model(_model(), path, overwrite=True)
    assert isinstance(load_model(path), keras.Model)


def test_load_model_names_a_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"`model` '.*nothing.keras' does not exist"):
        load_model(tmp_path / "nothing.keras")


def test_get_and_set_weights():
    model = _model()
    weights = [np.full(w.shape, 0.5, dtype="float32") for w in get_weights(model)]
    assert (model | set_weights(weights)) is model
    for expected, actual in zip(weights, model | get_weights()):
        np.testing.assert_array_equal(expected, actual)


def test_freeze_and_unfreeze_ranges_by_name_and_position():
    model = keras_model_sequential(input_shape=3) | layer_dense(2, name="a") | layer_dense(2, name="b") | layer_dense(1, name="c")
    model | freeze_weights()
    assert not model.trainable and not any(layer.trainable for layer in model.layers)
    model | unfreeze_weights(from_="b")
    assert [layer.trainable for layer in model.layers] == [False, True, True]
    freeze_weights(model, from_=0, to=1)
    assert [layer.trainable for layer in model.layers] == [False, False, True]
    unfreeze_weights(model, which=["a", 2])
    assert [layer.trainable for layer in model.layers] == [True, False, True]
    assert len(model.trainable_weights) == 4


def test_freeze_with_a_bad_layer_changes_nothing():
    model = _model()
    with pytest.raises(ValueError, match=r"`from_` must name a layer of the model; received 'nope' \(str\)"):
        model | freeze_weights(from_="nope")
    with pytest.raises(ValueError, match=r"`to` must be a layer position below 2; received 7 \(int\)"):
        freeze_weights(model, to=7)
    assert model.trainable and all(layer.trainable for layer in model.layers)


@pytest.mark.skipif(keras.backend.backend() == "jax", reason=(
    "Keras' JAX backend keeps no stateful RNN states after predict()/fit() (plain keras.layers.LSTM neither)"))
def test_reset_state_zeroes_stateful_layers():
    model = keras_model_sequential(input_batch_shape=(2, 4, 3)) | layer_lstm(3, stateful=True)
    model.predict(np.ones((2, 4, 3)), verbose=0)
    assert np.abs(kerasfn.as_array(model.layers[0].states[0])).sum() > 0
    assert (model | reset_state()) is model
    assert np.abs(kerasfn.as_array(model.layers[0].states[0])).sum() == 0


def test_plot_draws_one_panel_per_metric():
    model = _model() | compile(loss="mse", metrics="mae")
    history = model | fit(X, Y, epochs=3, validation_split=0.25, verbose=0)
    figure = history | plot()
    assert isinstance(figure, Figure)
    assert [axes.get_ylabel() for axes in figure.axes] == ["loss", "mae"]
    training, validation = figure.axes[0].lines
    assert list(training.get_xdata()) == [1, 2, 3]
    np.testing.assert_allclose(training.get_ydata(), history.history["loss"])
    np.testing.assert_allclose(validation.get_ydata(), history.history["val_loss"])
    with pytest.raises(ValueError, match=r"`metrics` must name metrics of the history"):
        plot(history, metrics=["accuracy"])


def test_helpers_follow_r_conventions():
    np.testing.assert_array_equal(to_categorical([0.0, 1.0], 2.0), np.eye(2))
    with pytest.raises(ValueError, match=r"`x` must hold whole class indices; received \[0.5\]"):
        to_categorical([0.5])
    with pytest.raises(ValueError, match=r"`x` must hold class indices 0, 1, 2, ...; received \[-1\]"):
        to_categorical([-1])
    assert pad_sequences([[1, 2, 3], [4]], maxlen=2.0, padding="post").tolist() == [[2, 3], [4, 0]]
    with pytest.raises(ValueError, match=r'`padding` must be "pre" or "post"; received .before.'):
        pad_sequences([[1]], padding="before")
    dataset = timeseries_dataset_from_array(np.arange(6.0), None, sequence_length=2.0, batch_size=10.0)
    assert next(iter(dataset)).numpy().tolist() == [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5]]
    with pytest.raises(ValueError, match=r"`sequence_length` must be a positive whole number; received 0"):
        timeseries_dataset_from_array(np.arange(6.0), None, sequence_length=0)
    set_random_seed(7.0)
    first = kerasfn.as_array(random_uniform((3,)))
    set_random_seed(7)
    np.testing.assert_array_equal(first, kerasfn.as_array(random_uniform((3,))))


def test_custom_layer_class_dispatches_and_trains():
    def build(self, input_shape):
        self.scale = self.add_weight(shape=(1,), initializer="ones")

    layer_scale = Layer("Scale", build=build, call=lambda self, x: x * self.scale)
    model = keras_model_sequential(input_shape=3) | layer_scale() | compile(optimizer="sgd", loss="mse")
    assert isinstance(model.layers[0], layer_scale.layer_class)
    model | fit(X, 2 * X, epochs=2, verbose=0)
    assert float(kerasfn.as_array(model.layers[0].scale)[0]) > 1.0
    assert shape(layer_input(3) | layer_scale()) == (None, 3)
    with pytest.raises(TypeError, match=r"Scale\(\) takes no arguments without `initialize`"):
        layer_scale(None, 2.0)


def test_star_import_gives_the_porting_vocabulary():
    namespace = {}
    exec("from kerasfn import *", namespace)  # noqa: S102
    for name in ["compile", "fit", "evaluate", "predict", "layer_lstm", "layer_dense", "keras_input",
                 "layer_input", "plot", "to_categorical", "bidirectional", "rnn_cell_lstm"]:
        assert namespace[name] is getattr(kerasfn, name)
    assert namespace["compile"] is not builtins.compile  # the documented shadowing


def test_a_history_with_nan_and_inf_prints_as_r_prints_it():
    # R keras3 (its print.keras_training_history: cat(paste0("\n", "Final epoch ...:\n", lines), "\n")):
    #   y[2] <- NaN; h <- model |> fit(x, y, epochs = 2, verbose = 0); print(h)
    #   h$metrics$loss <- c(1, -Inf); h$metrics$mae <- c(1, NA); h$metrics$big <- c(1, 1234567.891)
    #   h$metrics$small <- c(1, 0.000012345); print(h)
    # printed "\nFinal epoch (plot to see history):\nloss: NaN \n" and
    # "\nFinal epoch (plot to see history):\n loss: -Inf\n  mae: NA\n  big: 1,234,568\nsmall: 0.00001234 \n"
    # (the space before the last newline is cat()'s separator, left out in Python)
    model = keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse", optimizer="sgd")
    y = np.ones((8, 1))
    y[1] = np.nan
    history = model | fit(np.ones((8, 3)), y, epochs=2, verbose=0)
    assert str(history) == "\nFinal epoch (plot to see history):\nloss: NaN"
    history.history = {"loss": [1.0, float("-inf")], "mae": [1.0, None], "big": [1.0, 1234567.891],
                       "small": [1.0, 0.000012345]}
    assert str(history) == ("\nFinal epoch (plot to see history):\n loss: -Inf\n  mae: NA\n"
                            "  big: 1,234,568\nsmall: 0.00001234")
    history.history = {"loss": [1.0, float("inf")]}
    assert repr(history) == "\nFinal epoch (plot to see history):\nloss: Inf"
