"""Tests of kerasfn/api, kerasfn/generated and kerasfn/codegen found among the tests of kerasfn/rcall and
kerasfn/core: each is to move to the test module of the module named in the comment above it.

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
from kerasfn.rcall.binding import semantics_of

X, Y = np.ones((8, 3)), np.ones((8, 1))

def _trained_model():
    return keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse")


# kerasfn/codegen/rkeras3.py: the R keras3 catalog
def test_the_catalog_is_r_keras3_at_a_known_commit():
    assert rkeras3.SOURCE.startswith("rstudio/keras3@4571bff")
    assert len(rkeras3.exports()) == 792


# kerasfn/generated/: converters declared as R keras3 declares them
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


SEED_ORDER = [
    "units", "activation", "recurrent_activation", "use_bias", "kernel_initializer",
    "recurrent_initializer", "bias_initializer", "unit_forget_bias", "kernel_regularizer",
    "recurrent_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
    "recurrent_constraint", "bias_constraint", "dropout", "recurrent_dropout", "seed",
    "return_sequences", "return_state", "go_backwards", "stateful", "unroll", "use_cudnn",
]


# kerasfn/generated/layers_rnn.py: layer_lstm's signature and defaults
def test_signature_is_object_units_then_the_seed_arguments_with_seed_defaults():
    parameters = inspect.signature(layer_lstm).parameters
    names = list(parameters)
    assert names == ["object", *SEED_ORDER, "kwargs"]
    assert parameters["kwargs"].kind is inspect.Parameter.VAR_KEYWORD
    keras_defaults = inspect.signature(keras.layers.LSTM.__init__).parameters
    for name in SEED_ORDER[1:]:
        assert parameters[name].default == keras_defaults[name].default, name
    assert parameters["object"].default is None and parameters["units"].default is None


# kerasfn/generated/layers_rnn.py: layer_lstm's help
def test_help_shows_the_r_help_sections():
    doc = inspect.getdoc(layer_lstm)
    for section in ["Description:", "Arguments:", "Value:", "Call arguments:", "Examples:", "See also:"]:
        assert section in doc
    for name in ["object", *SEED_ORDER]:
        assert f"\n    {name}:" in doc, name
    for condition in ["tanh", "sigmoid", "unroll", "use_bias", "right-padded", "Eager execution"]:
        assert condition in doc


# kerasfn/api/verbs.py: fit() checks its values before training
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


# kerasfn/api/verbs.py: y missing while the loss needs targets
@pytest.mark.parametrize("verb", ["fit", "evaluate"])
def test_y_left_out_while_the_loss_needs_targets(verb):
    model = _trained_model()
    call = fit if verb == "fit" else evaluate
    with pytest.raises(ValueError, match=r"`y` is missing: the model's loss \('mse'\) compares its predictions"):
        model | call(X, verbose=0)


# kerasfn/api/verbs.py: a model's own loss is left to Keras
def test_a_model_whose_own_loss_needs_no_targets_is_left_to_keras():
    class OwnLoss(keras.Model):
        def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
            return keras.ops.mean(y_pred**2)

    inputs = keras.Input((3,))
    own = OwnLoss(inputs, keras.layers.Dense(1)(inputs))
    own.compile(loss="mse")
    assert len((own | fit(X, epochs=2, verbose=0)).history["loss"]) == 2


# kerasfn/api/verbs.py: R keras3's defaults
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


# kerasfn/api/saved_files.py: load_model(None)
def test_load_model_of_none_is_named():
    with pytest.raises(TypeError, match=r"`model` must be the path of a saved model; received None \(NoneType\)"):
        load_model(None)


# kerasfn/api/saved_files.py: empty and corrupt files
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


# kerasfn/api/printing.py: print(model)
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


# kerasfn/api/printing.py (and verbs.freeze_weights): the Trainable column
def test_frozen_layers_show_in_the_trainable_column():
    # R: freeze_weights(model2, to = 1); print(model2)  ->  "│ dense_2 (Dense) ... │   N   │", Trainable params: 4
    model = keras_model_sequential(input_shape=3) | layer_dense(2, name="dense_2") | layer_batch_normalization()
    model | freeze_weights(to=0)
    text = str(model).splitlines()
    assert text[4] == "│ dense_2 (Dense)               │ (None, 2)              │           8 │   N   │"
    assert " Trainable params: 4 (16.00 B)" in text


# kerasfn/api/printing.py: summary() width
def test_summary_is_80_columns_when_the_terminal_is(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "80")
    keras_model_sequential(input_shape=3) | layer_dense(2) | summary()
    widths = {len(line) for line in capsys.readouterr().out.splitlines() if line.startswith(("┏", "│"))}
    assert widths == {80}


# kerasfn/api/history.py: print(history)
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


# kerasfn/api/plot.py: plot(history)
def test_plot_history_is_a_pyplot_figure():
    import matplotlib.pyplot as plt

    history = _trained_model() | fit(np.ones((4, 3)), np.ones((4, 1)), epochs=2, verbose=0)
    figure = plot(history)
    assert figure.number in plt.get_fignums()  # plt.show() and notebooks display it
    plt.close(figure)


# kerasfn/api/plot.py: plot(model) without pydot
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


# kerasfn/api/utils.py (set_random_seed) and the generated initializers: R keras3's weights
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
