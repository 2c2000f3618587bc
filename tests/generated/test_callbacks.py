"""Issue 9: the constructor families (``optimizer_*``, ``learning_rate_schedule_*``, ``callback_*``,
``initializer_*``, ``regularizer_*``, ``constraint_*``): Keras objects, made as R keras3 makes them.

R keras3's wrappers are ``do.call(keras$<module>$<Class>, capture_args(<converters>))``: only the
arguments the caller gave reach Keras.  What R keras3 printed (/work/shared/rkeras/run.sh, this Keras):

    callback_early_stopping(patience = 3)$patience            # 3, class "integer" (as_integer)
    callback_early_stopping(min_delta = 0.01)$min_delta       # 0   (R's as_integer truncates: kerasfn keeps 0.01)
    constraint_maxnorm()$axis; constraint_maxnorm(axis = 1)$axis    # 0 0  (as_axis: R's 1 is Python's 0)
    constraint_unitnorm()$axis                                # 0
    initializer_glorot_uniform(seed = 3)$seed                 # 3
    as.numeric(optimizer_sgd()$learning_rate)                 # 0.01
    regularizer_l1_l2(l1 = 0.01)$l2                           # 0
    cb <- callback_lambda(on_epoch_end = function(epoch, logs) cat("epoch arg:", epoch, "\\n"))
    cb$on_epoch_end(0L, list())                               # epoch arg: 1   (R counts epochs from 1)
    sched <- callback_learning_rate_scheduler(function(epoch, lr) { cat("sched epoch:", epoch, "\\n"); lr })
    fit(..., epochs = 2, callbacks = list(sched))             # sched epoch: 0, sched epoch: 1  (no R wrapper)
    lr <- learning_rate_schedule_exponential_decay(0.2, decay_steps = 40, decay_rate = 0.5, staircase = TRUE)
    sapply(c(0, 39, 40, 79, 80, 200), function(s) as.numeric(lr(s)))
    # 0.2 0.2 0.1 0.1 0.05 0.00625
"""

import keras
import numpy as np
import pytest

import kerasfn
from kerasfn import (
    callback_early_stopping,
    callback_lambda,
    callback_learning_rate_scheduler,
    callback_model_checkpoint,
    compile,
    constraint_maxnorm,
    constraint_unitnorm,
    fit,
    initializer_glorot_uniform,
    keras_model_sequential,
    layer_dense,
    learning_rate_schedule_exponential_decay,
    learning_rate_schedule_piecewise_constant_decay,
    optimizer_adam,
    optimizer_loss_scale,
    optimizer_muon,
    optimizer_sgd,
    regularizer_l1_l2,
)
from kerasfn.core import atomic
from kerasfn.codegen import rkeras3
from kerasfn.codegen.family import keras_object
from kerasfn.generated import (
    callbacks,
    constraints,
    initializers,
    learning_rate_schedules,
    optimizers,
    regularizers,
)

MODULES = {optimizers: 14, learning_rate_schedules: 6, callbacks: 11, initializers: 16, regularizers: 4,
           constraints: 4}
#: R's required arguments, for the functions that have some.
REQUIRED = {
    "learning_rate_schedule_cosine_decay": {"initial_learning_rate": 0.1, "decay_steps": 10},
    "learning_rate_schedule_cosine_decay_restarts": {"initial_learning_rate": 0.1, "first_decay_steps": 10},
    "learning_rate_schedule_exponential_decay": {"initial_learning_rate": 0.1, "decay_steps": 10,
                                                 "decay_rate": 0.5},
    "learning_rate_schedule_inverse_time_decay": {"initial_learning_rate": 0.1, "decay_steps": 10,
                                                  "decay_rate": 0.5},
    "learning_rate_schedule_piecewise_constant_decay": {"boundaries": [10], "values": [0.1, 0.01]},
    "learning_rate_schedule_polynomial_decay": {"initial_learning_rate": 0.1, "decay_steps": 10},
    "callback_backup_and_restore": {"backup_dir": "backup"},
    "callback_csv_logger": {"filename": "log.csv"},
    "callback_model_checkpoint": {"filepath": "m.keras"},
    "callback_learning_rate_scheduler": {"schedule": abs},
}
NAMES = [name for module in MODULES for name in module.__all__]


def test_counts():
    assert {module.__name__: len(module.__all__) for module in MODULES} == \
        {module.__name__: count for module, count in MODULES.items()}


@pytest.mark.parametrize("name", NAMES)
def test_constructs_the_keras_object_as_keras_would(name):
    """Each R function gives the Keras class R calls, configured as the class's own call would."""
    cls = keras_object(rkeras3.function(name).targets[0])
    required = REQUIRED.get(name, {})
    if name == "optimizer_loss_scale":
        got, expected = optimizer_loss_scale(optimizer_sgd()), cls(keras.optimizers.SGD())
    else:
        got, expected = getattr(kerasfn, name)(**required), cls(**required)
    # PyTorch's Keras builds torch subclasses; kerasfn's checkpoint writes whole files (kerasfn.core.atomic).
    subclass = {"callback_model_checkpoint": atomic.ModelCheckpoint}.get(name, type(expected))
    assert isinstance(got, cls) and type(got) is subclass
    if name == "optimizer_muon":
        return  # R's defaults differ from Keras' here: test_only_arguments_that_change_keras_reach_it
    if hasattr(got, "get_config") and not isinstance(got, keras.callbacks.Callback):
        config, want = got.get_config(), expected.get_config()
        for drop in ("name", "inner_optimizer"):  # unnamed optimizers are numbered; the inner one is an object
            config.pop(drop, None), want.pop(drop, None)
        assert config == want


def test_r_conversions():
    """R's declared converters (module docstring): doubles to integers, 1-based axes, seeds."""
    patience = callback_early_stopping(patience=3.0).patience
    assert patience == 3 and type(patience) is int
    assert constraint_maxnorm().axis == 0 and constraint_unitnorm().axis == 0  # R's axis = 1L
    seed = initializer_glorot_uniform(seed=3.0).seed
    assert seed == 3 and type(seed) is int
    assert float(optimizer_sgd().learning_rate) == pytest.approx(0.01)
    assert regularizer_l1_l2(l1=0.01).l2 == 0
    assert type(learning_rate_schedule_exponential_decay(0.1, 10.0, 0.5).decay_steps) is int  # as_integer


def test_fractions_r_would_truncate_stay_fractions():
    """R's as_integer makes min_delta = 0.01 a 0 and max_value = 2.5 a 2; Keras takes floats."""
    assert callback_early_stopping(min_delta=0.01).min_delta == pytest.approx(0.01)
    assert constraint_maxnorm(max_value=2.5).max_value == 2.5
    assert regularizer_l1_l2(l1=0.5).l1 == pytest.approx(0.5)  # R's default 0 is a double


def test_only_arguments_that_change_keras_reach_it():
    """Like R's capture_args(), arguments at Keras' own default are not passed: LossScaleOptimizer
    refuses use_ema even when False, and R (which passes nothing) constructs it."""
    assert isinstance(optimizer_loss_scale(optimizer_sgd()).inner_optimizer, keras.optimizers.SGD)
    # R's documented defaults where they differ from Keras' (R itself, passing nothing, runs Keras' 0.004 and 5)
    muon = optimizer_muon()
    assert (muon.weight_decay, muon.ns_steps, muon.adam_lr_ratio) == (0.1, 6, 0.1)
    assert optimizer_muon(ns_steps=5.0).ns_steps == 5


def test_schedule_values_per_step_match_r():
    schedule = learning_rate_schedule_exponential_decay(0.2, decay_steps=40, decay_rate=0.5, staircase=True)
    values = [float(schedule(step)) for step in (0, 39, 40, 79, 80, 200)]
    np.testing.assert_allclose(values, [0.2, 0.2, 0.1, 0.1, 0.05, 0.00625], rtol=1e-6)
    piecewise = learning_rate_schedule_piecewise_constant_decay(boundaries=[2], values=[1.0, 0.5])
    assert [float(piecewise(step)) for step in (0, 2, 3)] == [1.0, 1.0, 0.5]
    assert optimizer_adam(learning_rate=schedule).learning_rate is not None
    assert optimizer_adam(0.01).learning_rate.numpy() == pytest.approx(0.01)  # R: optimizer_adam(0.01)


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
