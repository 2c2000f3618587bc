"""kerasfn.api.history: the training history fit() returns prints its final epoch as R keras3 prints it."""

import numpy as np
import pytest

from kerasfn import compile, fit, keras_model_sequential, layer_dense


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
