'''An R training script that uses optimizers, losses, metrics, callbacks, a
learning-rate schedule, a custom layer class and ops runs ported with only R syntax changed.

The R original, run with R keras3 on this Keras (/work/shared/rkeras/run.sh), and what it printed:

    library(keras3)
    set_random_seed(42)
    x <- matrix(sin(seq_len(256) / 7), ncol = 4, byrow = TRUE)
    y <- matrix(rowSums(x * x), ncol = 1)

    layer_scale <- Layer("Scale",
      initialize = function(factor = 2, ...) {
        super$initialize(...)
        self$factor <- factor
      },
      call = function(inputs) op_multiply(op_tanh(inputs), self$factor))

    lr <- learning_rate_schedule_exponential_decay(0.2, decay_steps = 40, decay_rate = 0.5, staircase = TRUE)
    cat("lr:", sprintf("%.8f", sapply(c(0, 39, 40, 79, 80, 200), function(s) as.numeric(lr(s)))), "\\n")

    epochs_seen <- c()
    model <- keras_model_sequential(input_shape = c(4)) |>
      layer_dense(8, activation = "relu") |>
      layer_scale(factor = 0.5) |>
      layer_dense(1)
    model |> compile(
      optimizer = optimizer_adam(learning_rate = lr),
      loss = loss_huber(delta = 0.5),
      metrics = list(metric_mean_absolute_error(), metric_root_mean_squared_error(), "mse"))
    history <- model |> fit(x, y, epochs = 40, batch_size = 16, validation_split = 0.25, shuffle = FALSE,
      verbose = 0, callbacks = list(
        callback_early_stopping(monitor = "val_loss", patience = 2, restore_best_weights = TRUE),
        callback_lambda(on_epoch_end = function(epoch, logs) epochs_seen <<- c(epochs_seen, epoch))))
    cat("metrics:", names(history$metrics), "\\n")
    cat("epochs run:", length(history$metrics$loss), "\\n")
    cat("epochs_seen:", epochs_seen, "\\n")
    cat("loss:", sprintf("%.7f", history$metrics$loss), "\\n")
    cat("iterations:", as.numeric(model$optimizer$iterations), "\\n")
    cat("lr now:", sprintf("%.8f", as.numeric(model$optimizer$learning_rate)), "\\n")
    cat("final huber:", sprintf("%.7f", as.numeric(op_mean(loss_huber(y, predict(model, x, verbose = 0),
                                                                      delta = 0.5)))), "\\n")

    lr: 0.20000000 0.20000000 0.10000000 0.10000000 0.05000000 0.00625000
    metrics: loss mean_absolute_error mse root_mean_squared_error val_loss val_mean_absolute_error val_mse
             val_root_mean_squared_error
    epochs run: 15
    epochs_seen: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15
    loss: 0.6256952 0.4259662 0.3753816 0.2890580 0.2229174 0.1638723 0.0904205 0.0602030 0.0517563 0.0277419
          0.0120744 0.0242839 0.0353727 0.0187680 0.0129605
    iterations: 45
    lr now: 0.10000000
    final huber: 0.0115788

The port below changes R syntax only: ``|>`` to ``|``, ``c()``/``list()`` to tuples and lists, ``$`` to
``.``/``[]``, ``TRUE`` to ``True``, R's ``function`` to ``def``/``lambda``, ``<<-`` to ``append``, and
R's ``super$initialize(...)``, which kerasfn's ``Layer()`` runs itself.  R's matrix(..., byrow = TRUE)
is numpy's row-major reshape.  The same seed gives Keras the same initial weights, so the numbers agree.
'''

import keras
import numpy as np
import pytest

from kerasfn import (
    Layer,
    callback_early_stopping,
    callback_lambda,
    compile,
    fit,
    keras_model_sequential,
    layer_dense,
    learning_rate_schedule_exponential_decay,
    loss_huber,
    metric_mean_absolute_error,
    metric_root_mean_squared_error,
    op_mean,
    op_multiply,
    op_tanh,
    optimizer_adam,
    predict,
    set_random_seed,
)

R_LOSS = [0.6256952, 0.4259662, 0.3753816, 0.2890580, 0.2229174, 0.1638723, 0.0904205, 0.0602030, 0.0517563,
          0.0277419, 0.0120744, 0.0242839, 0.0353727, 0.0187680, 0.0129605]


@pytest.fixture(scope="module")
def ported_run():
    keras.backend.clear_session()
    # --- the port: R syntax changed, nothing else ---
    set_random_seed(42)
    x = np.sin(np.arange(1, 257) / 7).reshape(64, 4)
    y = (x * x).sum(axis=1).reshape(64, 1)

    def initialize(self, factor=2):
        self.factor = factor

    layer_scale = Layer("Scale",
        initialize=initialize,
        call=lambda self, inputs: op_multiply(op_tanh(inputs), self.factor))

    lr = learning_rate_schedule_exponential_decay(0.2, decay_steps=40, decay_rate=0.5, staircase=True)
    lr_values = [float(lr(s)) for s in (0, 39, 40, 79, 80, 200)]

    epochs_seen = []
    model = (keras_model_sequential(input_shape=(4,))
             | layer_dense(8, activation="relu")
             | layer_scale(factor=0.5)
             | layer_dense(1))
    model | compile(
        optimizer=optimizer_adam(learning_rate=lr),
        loss=loss_huber(delta=0.5),
        metrics=[metric_mean_absolute_error(), metric_root_mean_squared_error(), "mse"])
    history = model | fit(x, y, epochs=40, batch_size=16, validation_split=0.25, shuffle=False,
        verbose=0, callbacks=[
            callback_early_stopping(monitor="val_loss", patience=2, restore_best_weights=True),
            callback_lambda(on_epoch_end=lambda epoch, logs: epochs_seen.append(epoch))])
    final_huber = float(op_mean(loss_huber(y, predict(model, x, verbose=0), delta=0.5)))

    return {"lr_values": lr_values, "history": history.history, "epochs_seen": epochs_seen,
            "iterations": int(model.optimizer.iterations),
            "learning_rate": float(model.optimizer.learning_rate), "final_huber": final_huber}


def test_ported_r_training_script_runs_as_in_r(ported_run):
    """What holds on every backend: the schedule, the metric names, R's 1-based epochs, early
    stopping's step count, the decayed rate."""
    np.testing.assert_allclose(ported_run["lr_values"], [0.2, 0.2, 0.1, 0.1, 0.05, 0.00625], rtol=1e-6)
    history = ported_run["history"]
    assert sorted(history) == ["loss", "mean_absolute_error", "mse", "root_mean_squared_error",
                               "val_loss", "val_mean_absolute_error", "val_mse", "val_root_mean_squared_error"]
    epochs = len(history["loss"])
    assert 3 <= epochs < 40  # early stopping (patience 2) ended the run
    assert ported_run["epochs_seen"] == list(range(1, epochs + 1))  # R's callback_lambda counts epochs from 1
    assert ported_run["iterations"] == 3 * epochs  # 48 training rows, batches of 16
    assert ported_run["learning_rate"] == np.float32(0.2 * 0.5 ** (3 * epochs // 40))
    assert ported_run["final_huber"] < history["loss"][0]


@pytest.mark.skipif(keras.backend.backend() != "tensorflow",
                    reason="R keras3's numbers were recorded on the TensorFlow backend; other backends draw "
                           "other initial weights")
def test_ported_r_training_script_gives_r_numbers(ported_run):
    history = ported_run["history"]
    assert len(history["loss"]) == 15
    assert ported_run["epochs_seen"] == list(range(1, 16))
    np.testing.assert_allclose(history["loss"], R_LOSS, atol=2e-6)
    assert ported_run["iterations"] == 45
    assert ported_run["learning_rate"] == np.float32(0.1)
    np.testing.assert_allclose(ported_run["final_huber"], 0.0115788, atol=2e-6)
