"""kerasfn.api.verbs: compile, fit, evaluate, predict, summary, save_model/load_model, the weights verbs
and reset_state, in their direct and piped forms, with R's conventions and failures that leave the model alone."""

import inspect

import keras
import numpy as np
import pytest

import kerasfn
from kerasfn import (
    compile,
    evaluate,
    fit,
    freeze_weights,
    get_weights,
    keras_model_sequential,
    layer_dense,
    layer_lstm,
    load_model,
    pad_sequences,
    predict,
    random_uniform,
    reset_state,
    save_model,
    set_weights,
    shape,
    summary,
    timeseries_dataset_from_array,
    unfreeze_weights,
)
from kerasfn.codegen import rkeras3
from kerasfn.rcall.binding import Pending

X = np.ones((8, 3))


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


def test_fit_evaluate_predict_chain(features_and_sums):
    x, y = features_and_sums
    model = _model() | compile(optimizer="adam", loss="mse", metrics="mae")
    history = model | fit(x, y, epochs=2.0, batch_size=4.0, verbose=0, validation_data=[x, y])
    assert isinstance(history, keras.callbacks.History)
    assert sorted(history.history) == ["loss", "mae", "val_loss", "val_mae"]
    assert len(history.history["loss"]) == 2
    scores = evaluate(model, x, y, verbose=0)
    assert sorted(scores) == ["loss", "mae"]
    assert np.isclose(scores["loss"], np.mean((model.predict(x, verbose=0) - y) ** 2), atol=1e-5)
    assert shape(model | predict(x, verbose=0)) == (8, 1)


def test_fit_checks_r_conventions_before_training(features_and_sums):
    x, y = features_and_sums
    model = _model() | compile(loss="mse")
    before = get_weights(model)
    with pytest.raises(ValueError, match=r"`epochs` must be a whole number; received 1.5 \(float\)"):
        model | fit(x, y, epochs=1.5)
    with pytest.raises(TypeError, match=r"`shuffle` must be True or False; received 'yes' \(str\)"):
        fit(model, x, y, shuffle="yes")
    with pytest.raises(ValueError, match=r"`validation_data` must hold \(x, y\)"):
        fit(model, x, y, validation_data=[x])
    for old, new in zip(before, get_weights(model)):
        np.testing.assert_array_equal(old, new)


@pytest.mark.parametrize("arguments, message", [
    ({"batch_size": -1}, r"`batch_size` must be a positive whole number; received -1 \(int\)"),
    ({"validation_split": 1.5}, r"`validation_split` must be between 0 and 1; received 1.5 \(float\)"),
    ({"validation_split": 1.0}, r"`validation_split` must be at least 0 and below 1; received 1.0"),
])
def test_fit_rejects_bad_values_before_training(arguments, message, compiled_model):
    model = compiled_model
    before = model.get_weights()
    with pytest.raises(ValueError, match=message):
        model | fit(np.ones((4, 3)), np.ones((4, 1)), verbose=0, **arguments)
    for old, new in zip(before, model.get_weights()):
        np.testing.assert_array_equal(old, new)


@pytest.mark.parametrize("verb", ["fit", "evaluate"])
def test_y_left_out_while_the_loss_needs_targets(verb, compiled_model):
    model = compiled_model
    call = fit if verb == "fit" else evaluate
    with pytest.raises(ValueError, match=r"`y` is missing: the model's loss \('mse'\) compares its predictions"):
        model | call(X, verbose=0)


def test_a_model_whose_own_loss_needs_no_targets_is_left_to_keras():
    class OwnLoss(keras.Model):
        def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
            return keras.ops.mean(y_pred**2)

    inputs = keras.Input((3,))
    own = OwnLoss(inputs, keras.layers.Dense(1)(inputs))
    own.compile(loss="mse")
    assert len((own | fit(X, epochs=2, verbose=0)).history["loss"]) == 2


@pytest.mark.parametrize("function, argument, r_default, ours", [
    # R/model-training.R: fit.keras.src.models.model.Model(..., epochs = 1L, validation_split = 0, shuffle = TRUE, validation_freq = 1L)
    (fit, "epochs", "1L", 1),
    (fit, "validation_split", "0", 0.0),
    (fit, "shuffle", "TRUE", True),
    (fit, "validation_freq", "1L", 1),
    # R/model-training.R: compile(..., optimizer = "rmsprop", run_eagerly = FALSE, steps_per_execution = 1L, jit_compile = "auto")
    (compile, "optimizer", '"rmsprop"', "rmsprop"),
    (compile, "steps_per_execution", "1L", 1),
    (compile, "jit_compile", '"auto"', "auto"),
    # R/model-persistence.R: save_model(model, filepath = NULL, overwrite = FALSE), load_model(model, custom_objects = NULL, compile = TRUE, safe_mode = TRUE)
    (save_model, "overwrite", "FALSE", False),
    (load_model, "compile", "TRUE", True),
    (load_model, "safe_mode", "TRUE", True),
    # R/utils.R: pad_sequences(sequences, maxlen = NULL, dtype = "int32", padding = "pre", truncating = "pre", value = 0)
    (pad_sequences, "dtype", '"int32"', "int32"),
    (pad_sequences, "padding", '"pre"', "pre"),
    (pad_sequences, "value", "0", 0.0),
    # timeseries_dataset_from_array(..., sequence_stride = 1L, sampling_rate = 1L, batch_size = 128L, shuffle = FALSE)
    (timeseries_dataset_from_array, "sequence_stride", "1L", 1),
    (timeseries_dataset_from_array, "batch_size", "128L", 128),
    (timeseries_dataset_from_array, "shuffle", "FALSE", False),
])
def test_defaults_are_r_keras3s(function, argument, r_default, ours):
    r_function = rkeras3.function(function.__name__) or rkeras3.function(f"{function.__name__}")
    assert r_function.default(argument) == r_default
    assert inspect.signature(function).parameters[argument].default == ours


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
