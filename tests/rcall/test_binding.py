"""Issue 8: R keras3's call semantics, for every function.

Where a test needs R's behaviour, the R code and what R keras3 printed
(R keras3 1.5.1.9000, rstudio/keras3@4571bff, on this Keras 3.15.1) are
quoted next to it.
"""

import inspect
import os
import subprocess
import sys
import textwrap

import keras
import numpy as np
import pytest

import kerasfn
from kerasfn import *  # noqa: F403  (the porting user's import)
from kerasfn.codegen import rkeras3
from kerasfn.codegen.catalog import CATALOG
from kerasfn.rcall.binding import Pending, semantics_of

IMG = np.random.default_rng(0).random((2, 8, 8, 3)).astype("float32")
SEQ = np.random.default_rng(1).random((2, 5, 3)).astype("float32")


# -- 1. positional arguments after a pipe -------------------------------------------

def test_positional_arguments_shift_after_a_pipe():
    # R: x |> layer_conv_2d(16, 3, activation = "relu") is layer_conv_2d(x, 16, 3, activation = "relu")
    assert shape(IMG | layer_conv_2d(16, 3, activation="relu")) == (2, 6, 6, 16)
    model = keras_model_sequential() | layer_embedding(20000, 128)
    assert (model.layers[0].input_dim, model.layers[0].output_dim) == (20000, 128)
    assert shape(IMG | layer_max_pooling_2d(3)) == (2, 2, 2, 3)
    masking = SEQ | layer_masking(0.0)
    assert shape(masking) == (2, 5, 3)
    a, b = keras_input((3,)), keras_input((4,))
    assert shape([a, b] | layer_concatenate(1)) == (None, 7)


def test_the_real_signatures_stay_visible():
    assert list(inspect.signature(layer_conv_2d).parameters)[:3] == ["object", "filters", "kernel_size"]
    assert list(inspect.signature(fit).parameters)[:3] == ["object", "x", "y"]
    assert list(inspect.signature(layer_concatenate).parameters)[:2] == ["inputs", "axis"]
    assert layer_conv_2d.__doc__.startswith("2D convolution layer")


_POSITIONAL = [entry for entry in CATALOG
               if entry.family in ("layer", "wrapper") and entry.data and entry.arguments
               and "=" not in entry.arguments.split(",")[0]]


@pytest.mark.parametrize("entry", _POSITIONAL, ids=lambda entry: entry.r_name)
def test_every_layer_function_shifts_its_positional_arguments(entry):
    """``x | f(a, b)`` builds the layer ``f(x, a, b)`` builds (R's ``x |> f(a, b)``)."""
    namespace = {**vars(kerasfn), "np": np}
    data = eval(entry.data, namespace)  # noqa: S307  (the catalog's example text)
    function = getattr(kerasfn, entry.r_name)
    piped = eval(f"function({entry.arguments})", {**namespace, "function": function})  # noqa: S307
    direct = eval(f"function(data, {entry.arguments})", {**namespace, "function": function, "data": data})  # noqa: S307
    assert isinstance(piped, keras.layers.Layer)
    assert shape(data | piped) == shape(direct)


def test_verbs_and_helpers_shift_too():
    x = np.ones((4, 3)); y = np.zeros((4, 1))
    pending = fit(x, y, epochs=1)  # R: model |> fit(x, y)
    assert isinstance(pending, Pending)
    model = keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse")
    assert len((model | pending).history["loss"]) == 1
    np.testing.assert_array_equal([[1, 2], [3]] | pad_sequences(maxlen=3), [[0, 1, 2], [0, 0, 3]])
    np.testing.assert_array_equal(np.array([0, 2]) | to_categorical(3), [[1, 0, 0], [0, 0, 1]])


def test_a_verb_works_bare_after_a_pipe(capsys):
    model = keras_model_sequential(input_shape=3, name="bare") | layer_dense(2)
    assert (model | summary) is None
    assert 'Model: "bare"' in capsys.readouterr().out
    assert [w.shape for w in model | get_weights] == [(3, 2), (2,)]


# -- 2. merge layers take their inputs the R way ---------------------------------------

_MERGES = [entry.r_name for entry in CATALOG
           if entry.family == "merge" and entry.r_name in ("layer_add", "layer_average", "layer_concatenate",
                                                            "layer_maximum", "layer_minimum", "layer_multiply",
                                                            "layer_subtract")]


@pytest.mark.parametrize("name", _MERGES)
def test_merge_layers_collect_their_inputs(name):
    merge = getattr(kerasfn, name)
    a, b = keras_input((3,)), keras_input((3,))
    expected = shape(getattr(keras.layers, type(merge()).__name__)()([a, b]))
    assert shape(merge(a, b)) == expected  # R: layer_add(a, b)
    assert shape(a | merge(b)) == expected  # R: a |> layer_add(b) (ResNet's block)
    assert shape([a, b] | merge()) == expected
    assert shape(merge([a, b])) == expected
    assert isinstance(merge(), keras.layers.Layer)
    assert isinstance(merge(b), Pending)


def test_concatenate_takes_three_inputs_and_an_axis_anywhere():
    a, b, c = keras_input((2,)), keras_input((3,)), keras_input((4,))
    assert shape(layer_concatenate(a, b, c)) == (None, 9)
    assert shape([a, b] | layer_concatenate(axis=1)) == (None, 5)
    x, y = keras_input((2, 3)), keras_input((4, 3))
    assert shape(layer_concatenate([x, y], axis=1)) == (None, 6, 3)  # R's axis = 2: R counts from 1
    assert shape(layer_concatenate(x, y, axis=-2)) == (None, 6, 3)


def test_merge_of_eager_tensors_computes():
    a, b = np.ones((2, 3), "float32"), np.full((2, 3), 2.0, "float32")
    np.testing.assert_allclose(as_array(a | layer_add(b)), np.full((2, 3), 3.0))
    np.testing.assert_allclose(as_array(layer_subtract(b, a)), np.ones((2, 3)))


# -- 3. converters declared per function, from R keras3's own declarations --------------

@pytest.mark.parametrize("name, argument, r_converter, ours", [
    # R: layer_conv_2d <- function(...) capture_args(list(filters = as_integer, kernel_size = as_integer_tuple, ...))
    ("layer_conv_2d", "filters", "as_integer", "required(as_positive_integer)"),
    ("layer_conv_2d", "kernel_size", "as_integer_tuple", "required(as_integer_tuple)"),
    ("layer_dense", "units", "as_integer", "required(as_positive_integer)"),
    ("layer_concatenate", "axis", "as_axis", "as_axis"),
    ("layer_zero_padding_2d", "padding", "function(x) normalize_padding(x, 2L)", "as_scale"),
    ("layer_max_pooling_2d", "pool_size", "as_integer", "as_integer_tuple"),
    ("layer_embedding", "input_length", "as_integer", "as_integer"),
])
def test_declared_converters_follow_r_keras3(name, argument, r_converter, ours):
    assert rkeras3.function(name).converters[argument] == r_converter
    converter = semantics_of(getattr(kerasfn, name)).converters[argument]
    assert converter.__name__ == ours


def test_reshape_accepts_an_unknown_size_as_r_and_keras_do():
    # R: layer_reshape(c(4, -1)) and layer_reshape(c(4, NA)) infer the second size
    x = np.ones((2, 8), "float32")
    assert shape(x | layer_reshape((4, -1))) == (2, 4, 2)
    assert shape(x | layer_reshape((4, None))) == (2, 4, 2)
    with pytest.raises(ValueError, match=r"`target_shape` may have one unknown size"):
        layer_reshape((-1, -1))


def test_the_catalog_is_r_keras3_at_a_known_commit():
    assert rkeras3.SOURCE.startswith("rstudio/keras3@4571bff")
    assert len(rkeras3.exports()) == 792


# -- 4. R keras 2-era arguments ---------------------------------------------------------

def test_input_length_is_accepted_and_dropped_as_keras_does():
    with pytest.warns(UserWarning, match="`input_length` is deprecated"):
        layer = layer_embedding(100, 8, input_length=10)
    assert isinstance(layer, keras.layers.Embedding)


# -- 5. bad input: a clear error naming the argument and the value ----------------------

@pytest.mark.parametrize("call, error, message", [
    (lambda: layer_activation(), TypeError, r"`activation` is missing, with no default"),
    (lambda: layer_reshape(), TypeError, r"`target_shape` is missing, with no default"),
    (lambda: layer_dense(4, activation=5), TypeError, r"`activation` must be an activation name or object; received 5 \(int\)"),
    (lambda: layer_dense(4, kernel_initializer=3), TypeError, r"`kernel_initializer` must be an initializer name or object; received 3 \(int\)"),
    (lambda: layer_conv_2d(2, 3, padding=1), TypeError, r"`padding` must be a string; received 1 \(int\)"),
    (lambda: layer_conv_2d(2, "3"), TypeError, r"`kernel_size` must be a whole number; received '3' \(str\)"),
    (lambda: layer_concatenate(axis="1"), TypeError, r"`axis` must be a whole number; received '1' \(str\)"),
    (lambda: layer_embedding(10, 2, mask_zero="no"), TypeError, r"`mask_zero` must be True or False; received 'no' \(str\)"),
    (lambda: layer_gru(3, reset_after="FALSE"), TypeError, r"`reset_after` must be True or False; received 'FALSE' \(str\)"),
    (lambda: layer_bidirectional(layer_dense(3)), TypeError, r"`layer` must be a recurrent layer .*received <Dense"),
    (lambda: load_model(None), TypeError, r"`model` must be the path of a saved model; received None \(NoneType\)"),
])
def test_bad_input_is_named(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_whole_numbers_in_arrays_are_accepted_as_r_vectors():
    # R: loss_dice(axis = c(2, 3, 4))$axis is list(1L, 2L, 3L) (as_axis of each);
    # op_bincount(x, minlength = as.integer(op_max(x) + 3)) takes R's one integer
    assert loss_dice(axis=np.array([1.0, 2.0, 3.0])).axis == (1, 2, 3)
    assert as_array(op_bincount(np.array([0, 1, 1]), minlength=np.array(4))).tolist() == [1, 2, 0, 0]


def test_r_booleans_zero_and_one_are_accepted():
    assert layer_embedding(10, 2, mask_zero=1).mask_zero is True
    assert layer_lstm(2, return_sequences=0).return_sequences is False


def test_an_axis_out_of_range_for_the_input_is_named():
    a, b = keras_input((3,)), keras_input((4,))
    with pytest.raises(ValueError, match=r"`axis` of Concatenate must be in \[-2, 1\] .*rank 2.*received 3 \(int\)"):
        layer_concatenate(a, b, axis=3)
    with pytest.raises(ValueError, match=r"`axis` of BatchNormalization must be in \[-3, 2\]"):
        keras_input((5, 3)) | layer_batch_normalization(axis=-4)


def _trained_model():
    return keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse")


@pytest.mark.parametrize("arguments, message", [
    ({"batch_size": -1}, r"`batch_size` must be a positive whole number; received -1 \(int\)"),
    ({"validation_split": 1.5}, r"`validation_split` must be between 0 and 1; received 1.5 \(float\)"),
    ({"validation_split": 1.0}, r"`validation_split` must be at least 0 and below 1; received 1.0"),
])
def test_fit_rejects_bad_values_before_training(arguments, message):
    model = _trained_model()
    before = model.get_weights()
    with pytest.raises(ValueError, match=message):
        model | fit(np.ones((4, 3)), np.ones((4, 1)), verbose=0, **arguments)
    for old, new in zip(before, model.get_weights()):
        np.testing.assert_array_equal(old, new)


def test_load_model_reports_empty_and_corrupt_files(tmp_path):
    empty = tmp_path / "empty.keras"
    empty.write_bytes(b"")
    with pytest.raises(ValueError, match=r"`model` '.*empty.keras' is empty"):
        load_model(empty)
    path = tmp_path / "model.keras"
    _trained_model() | save_model(path)
    truncated = tmp_path / "truncated.keras"
    truncated.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(ValueError, match=r"is not a .keras archive \(\d+ bytes; truncated or corrupt\?\)"):
        load_model(truncated)


# -- 6. verbs take only what they accept --------------------------------------------------

def test_a_verb_given_the_wrong_kind_of_first_argument_says_so():
    history = _trained_model() | fit(np.ones((4, 3)), np.ones((4, 1)), verbose=0)
    with pytest.raises(TypeError, match=r"`object` of summary\(\) must be a Keras model; received <History> \(History\)"):
        summary(history)
    with pytest.raises(TypeError, match=r"`object` of plot\(\) must be a training history .*received <Dense"):
        plot(layer_dense(2))


def test_a_pipe_into_a_verb_composes_only_with_what_it_accepts():
    with pytest.raises(TypeError, match=r"predict\(\) takes a Keras model piped in; received <KerasTensor"):
        keras_input((3,)) | predict(np.ones((2, 3)))
    with pytest.raises(TypeError, match=r"summary\(\) takes a Keras model piped in; received <shape=\(2, 3\), dtype=float64> \(ndarray\)"):
        np.ones((2, 3)) | summary()


# -- 7. defaults are R keras3's -------------------------------------------------------------

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


# -- 8. models and histories print and plot as in R -----------------------------------------

def test_print_model_is_the_summary_as_r_prints_it():
    # R: model2 <- keras_model_sequential(input_shape = 3) |> layer_dense(2) |> layer_batch_normalization()
    #    print(model2)     (80 columns; the Trainable column, since BatchNormalization has non-trainable weights)
    # Model: "sequential"
    # ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━┓
    # ┃ Layer (type)                  ┃ Output Shape           ┃     Param # ┃ Trai… ┃
    # ...
    #  Total params: 16 (64.00 B)
    #  Trainable params: 12 (48.00 B)
    #  Non-trainable params: 4 (16.00 B)
    model = keras_model_sequential(input_shape=3) | layer_dense(2, name="dense_2") | layer_batch_normalization()
    text = str(model).splitlines()
    assert text[0].startswith('Model: "sequential')
    assert text[1] == "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━┓"
    assert text[2] == "┃ Layer (type)                  ┃ Output Shape           ┃     Param # ┃ Trai… ┃"
    assert text[4] == "│ dense_2 (Dense)               │ (None, 2)              │           8 │   Y   │"
    assert text[-3:] == [" Total params: 16 (64.00 B)", " Trainable params: 12 (48.00 B)", " Non-trainable params: 4 (16.00 B)"]
    assert all(line.strip() for line in text)  # R's compact form: no blank lines
    assert repr(model).startswith("<Sequential name=")  # what an interactive session echoes stays Keras'


def test_frozen_layers_show_in_the_trainable_column():
    # R: freeze_weights(model2, to = 1); print(model2)  ->  "│ dense_2 (Dense) ... │   N   │", Trainable params: 4
    model = keras_model_sequential(input_shape=3) | layer_dense(2, name="dense_2") | layer_batch_normalization()
    model | freeze_weights(to=0)
    text = str(model).splitlines()
    assert text[4] == "│ dense_2 (Dense)               │ (None, 2)              │           8 │   N   │"
    assert " Trainable params: 4 (16.00 B)" in text


def test_print_history_reads_like_r():
    # R (on Keras 3, which records epochs and steps, not samples):
    #   history <- model |> fit(x, y, epochs = 3, validation_split = 0.25, verbose = 0); print(history)
    #
    # Final epoch (plot to see history):
    #     loss: 0.3673
    #      mae: 0.5187
    # val_loss: 0.4566
    #  val_mae: 0.6053
    model = keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse", metrics="mae")
    history = model | fit(np.ones((8, 3)), np.ones((8, 1)), epochs=3, validation_split=0.25, verbose=0)
    lines = str(history).splitlines()
    assert lines[:2] == ["", "Final epoch (plot to see history):"]  # R's paste0("\n", "Final epoch ...")
    assert [line.split(":")[0] for line in lines[2:]] == ["    loss", "     mae", "val_loss", " val_mae"]
    assert float(lines[2].split(": ")[1]) == pytest.approx(history.history["loss"][-1], rel=1e-3)
    assert history.metrics is history.history  # R's history$metrics


def test_plot_history_is_a_pyplot_figure():
    import matplotlib.pyplot as plt

    history = _trained_model() | fit(np.ones((4, 3)), np.ones((4, 1)), epochs=2, verbose=0)
    figure = plot(history)
    assert figure.number in plt.get_fignums()  # plt.show() and notebooks display it
    plt.close(figure)


def test_plot_model_names_what_to_install(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pydot(name, *args, **kwargs):
        if name == "pydot":
            raise ImportError("no pydot")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pydot)
    with pytest.raises(ImportError, match=r"pip install pydot.*Graphviz"):
        plot(_trained_model())


# -- 9. custom_objects as R gives them ------------------------------------------------------

def test_load_model_takes_layer_functions_and_unnamed_lists(tmp_path):
    layer_scale = Layer(
        "ScaleBy", initialize=lambda self, factor=2.0, **kwargs: setattr(self, "factor", factor),
        call=lambda self, x: x * self.factor, get_config=lambda self: {"factor": self.factor},
    )
    model = keras_model_sequential(input_shape=3) | layer_scale(3.0)
    path = tmp_path / "scaled.keras"
    model | save_model(path)
    x = np.ones((1, 3), "float32")
    for custom_objects in ([layer_scale], layer_scale, {"ScaleBy": layer_scale}):
        loaded = load_model(path, custom_objects=custom_objects)
        np.testing.assert_allclose(as_array(loaded(x)), 3 * x)


# -- 10. same seed, same numbers as R keras3 --------------------------------------------------

_SEED_SCRIPT = textwrap.dedent("""
    import os, sys
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    from kerasfn import get_weights, keras_input, keras_model, layer_dense, set_random_seed
    set_random_seed(1)
    x = keras_input((2,))
    y = x | layer_dense(3, kernel_initializer="he_uniform") | layer_dense(1, kernel_initializer="lecun_normal")
    w = get_weights(keras_model(x, y))
    print(" ".join(f"{v:.7f}" for v in w[0].ravel(order="F")))
    print(" ".join(f"{v:.7f}" for v in w[2].ravel(order="F")))
""")


@pytest.mark.skipif(keras.backend.backend() != "tensorflow",
                    reason="R keras3's weights were recorded on the TensorFlow backend; other backends draw other numbers")
def test_same_seed_same_weights_as_r_keras3():
    # R: set_random_seed(1); x <- keras_input(c(2))
    #    y <- x |> layer_dense(3, kernel_initializer = "he_uniform") |> layer_dense(1, kernel_initializer = "lecun_normal")
    #    w <- get_weights(keras_model(x, y)); cat(sprintf("%.7f", as.numeric(w[[1]]))); cat(sprintf("%.7f", as.numeric(w[[3]])))
    # -0.8348491 -0.5430382 1.2555529 -1.6230588 1.5186642 -1.3498210
    # 0.3875125 -0.5501005 -0.1648575
    # A fresh process: the initializer names are checked for the first time there.
    out = subprocess.run([sys.executable, "-c", _SEED_SCRIPT], capture_output=True, text=True, check=True,
                         env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}).stdout.split("\n")
    np.testing.assert_allclose([float(v) for v in out[0].split()],
                               [-0.8348491, -0.5430382, 1.2555529, -1.6230588, 1.5186642, -1.3498210], atol=1e-6)
    np.testing.assert_allclose([float(v) for v in out[1].split()], [0.3875125, -0.5501005, -0.1648575], atol=1e-6)


def test_checking_an_identifier_draws_no_random_number():
    import random

    converters = semantics_of(layer_dense).converters
    state = random.getstate()
    assert converters["kernel_initializer"]("kernel_initializer", "truncated_normal") == "truncated_normal"
    assert converters["bias_initializer"]("bias_initializer", "random_uniform") == "random_uniform"
    assert random.getstate() == state  # Keras creates (and seeds) the initializers once, in the layer, as in plain Keras


# -- 11. more R habits ------------------------------------------------------------------------

def test_a_model_piped_into_a_model_is_a_layer():
    inner = keras_model_sequential(input_shape=3) | layer_dense(2)
    outer = keras_model_sequential(input_shape=3) | inner | layer_dense(1)
    assert [type(layer).__name__ for layer in outer.layers] == ["Sequential", "Dense"]
    x = keras_input((3,))
    functional = keras_model(x, x | layer_dense(4))
    assert (keras_model_sequential(input_shape=3) | functional).output_shape == (None, 4)


def test_class_weight_as_an_r_named_vector_weights_the_loss():
    # R: fit(class_weight = c("0" = 1, "1" = 2)) arrives with string keys; Keras would silently ignore them
    x = np.eye(4, 3).astype("float32"); y = np.array([[0], [1], [0], [1]], "float32")

    def loss_after(class_weight):
        keras.utils.set_random_seed(3)
        model = keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse", optimizer="sgd")
        return (model | fit(x, y, class_weight=class_weight, shuffle=False, verbose=0)).history["loss"][0]

    assert loss_after({"0": 1, "1": 2}) == pytest.approx(loss_after({0: 1.0, 1: 2.0}))
    assert loss_after({"0": 1, "1": 2}) != pytest.approx(loss_after(None))


def test_summary_is_80_columns_when_the_terminal_is(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "80")
    keras_model_sequential(input_shape=3) | layer_dense(2) | summary()
    widths = {len(line) for line in capsys.readouterr().out.splitlines() if line.startswith(("┏", "│"))}
    assert widths == {80}


def test_a_wrong_initial_state_shape_is_named():
    lstm = layer_lstm(4)
    with pytest.raises(ValueError, match=r"`initial_state` of layer '.*' must be \[h, c\], two tensors of shape \(2, 4\); "
                                         r"received shapes \[\(2, 3\), \(2, 3\)\]"):
        lstm(SEQ, initial_state=[np.zeros((2, 3)), np.zeros((2, 3))])
    assert shape(lstm(SEQ, initial_state=[np.zeros((2, 4)), np.zeros((2, 4))])) == (2, 4)


def test_load_model_gives_kerasfns_core_classes_back(tmp_path):
    from kerasfn.core.lstm import LSTM

    path = tmp_path / "lstm.keras"
    keras.Sequential([keras.Input((5, 3)), keras.layers.LSTM(2)]).save(path)  # saved by plain Keras
    assert isinstance(load_model(path).layers[0], LSTM)
