"""kerasfn.generated.callbacks: ``callback_*`` made as R keras3 makes them, in fit() and with their arguments
named when wrong.  What R keras3 printed (/work/shared/rkeras/run.sh, this Keras):

    cb <- callback_lambda(on_epoch_end = function(epoch, logs) cat("epoch arg:", epoch, "\\n"))
    cb$on_epoch_end(0L, list())                               # epoch arg: 1   (R counts epochs from 1)
    sched <- callback_learning_rate_scheduler(function(epoch, lr) { cat("sched epoch:", epoch, "\\n"); lr })
    fit(..., epochs = 2, callbacks = list(sched))             # sched epoch: 0, sched epoch: 1  (no R wrapper)
"""

import numpy as np
import pytest

from kerasfn import (
    callback_early_stopping,
    callback_lambda,
    callback_learning_rate_scheduler,
    callback_model_checkpoint,
    compile,
    fit,
    keras_model_sequential,
    layer_dense,
    learning_rate_schedule_exponential_decay,
    optimizer_adam,
    optimizer_sgd,
)


def test_callback_lambda_counts_from_one_and_updates_logs():
    seen, logs = [], {"loss": 1.0}
    callback = callback_lambda(on_epoch_end=lambda epoch, logs: seen.append(epoch),
                               on_train_begin=lambda logs: {"started": True},
                               on_test_begin=lambda logs: seen.append("test"))  # R's ...
    callback.on_epoch_end(0, logs)
    callback.on_train_begin(logs)
    callback.on_test_begin(logs)
    assert seen == [1, "test"] and logs == {"loss": 1.0, "started": True}


def test_in_fit():
    """Callbacks, a schedule and an optimizer in one fit; the scheduler sees Keras' 0-based epoch as in R."""
    scheduled = []
    model = keras_model_sequential(input_shape=(1,)) | layer_dense(1)
    model | compile(optimizer=optimizer_sgd(learning_rate=0.01), loss="mse", jit_compile=False)
    x = np.arange(1.0, 5.0).reshape(4, 1)
    history = model | fit(x, x, epochs=2, verbose=0, callbacks=[
        callback_learning_rate_scheduler(lambda epoch, lr: scheduled.append(epoch) or lr),
        callback_early_stopping(monitor="loss", patience=5.0)])
    assert scheduled == [0, 1] and len(history.history["loss"]) == 2


def test_errors_name_the_argument(tmp_path):
    with pytest.raises(TypeError, match=r"`patience` must be a whole number; received 'a' \(str\)"):
        callback_early_stopping(patience="a")
    with pytest.raises(ValueError, match=r"`patience` must be a whole number; received 2.5"):
        callback_early_stopping(patience=2.5)
    with pytest.raises(TypeError, match=r"`learning_rate` must be a number; received 'fast' \(str\)"):
        optimizer_adam(learning_rate="fast")
    with pytest.raises(TypeError, match=r"`on_epoch_end` must be a function; received 3"):
        callback_lambda(on_epoch_end=3)
    with pytest.raises(TypeError, match=r"`decay_steps` is missing, with no default"):
        learning_rate_schedule_exponential_decay(0.1, None, 0.5)
    with pytest.raises(ValueError, match=r"`save_freq` must be a whole number; received 1.5"):
        callback_model_checkpoint(str(tmp_path / "m.keras"), save_freq=1.5)
    assert callback_model_checkpoint(str(tmp_path / "m.keras"), save_freq=10.0).save_freq == 10
