"""kerasfn.rcall.training_converters: the argument conversions of the optimizer_*, callback_* and metric_*
functions: supplied() keeps only what differs from Keras' default; learning rates, doubles, save frequencies and
class ids as Keras takes them; and epoch and logs hooks called as R keras3's callback_lambda() calls them.

R keras3 on this Keras (/work/shared/rkeras/run.sh) counts epochs from 1 in callback_lambda():

    cb <- callback_lambda(on_epoch_begin = function(epoch, logs) cat("epoch", epoch, "\\n"))
    m <- keras_model_sequential(input_shape = 1) |> layer_dense(1); m |> compile(loss = "mse")
    m |> fit(matrix(1:4), matrix(1:4), epochs = 2, verbose = 0, callbacks = list(cb))
    # epoch 1
    # epoch 2
"""

import inspect

import keras
import numpy as np
import pytest

from kerasfn.rcall.training_converters import (
    as_class_ids,
    as_double,
    as_epoch_hook,
    as_frequency,
    as_learning_rate,
    as_logs_hook,
    supplied,
)


def test_supplied_leaves_out_what_keras_would_do_anyway():
    adam = inspect.signature(keras.optimizers.Adam).parameters
    given = {"beta_1": float("0.9"), "epsilon": float("1e-7"), "use_ema": False, "clipnorm": None,
             "weight_decay": 0.1, "amsgrad": True}  # equal values, not the same objects, as R passes them
    assert supplied({name: (value, adam[name].default) for name, value in given.items()}) == \
        {"weight_decay": 0.1, "amsgrad": True}
    mse = inspect.signature(keras.losses.MeanSquaredError).parameters
    assert supplied({"reduction": ("SUM_OVER_BATCH_SIZE".lower(), mse["reduction"].default)}) == {}


def test_learning_rates_are_numbers_schedules_or_functions():
    schedule = keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5)
    assert as_learning_rate("learning_rate", schedule) is schedule
    assert as_learning_rate("learning_rate", float) is float
    assert as_learning_rate("learning_rate", 0.01) == 0.01
    with pytest.raises(TypeError, match=r"`learning_rate`"):
        as_learning_rate("learning_rate", "fast")


def test_doubles_are_floats_where_keras_refuses_an_int():
    with pytest.raises(ValueError):
        keras.metrics.FBetaScore(beta=1)
    beta = as_double("beta", 1)
    assert type(beta) is float and beta == 1.0
    assert keras.metrics.FBetaScore(beta=beta).beta == 1.0
    assert as_double("beta", None) is None


def test_frequencies_are_epoch_batch_or_a_whole_number_of_batches():
    assert as_frequency("save_freq", "epoch") == "epoch"
    assert as_frequency("save_freq", 10.0) == 10 and type(as_frequency("save_freq", 10.0)) is int
    with pytest.raises(ValueError, match=r"`save_freq` must be a whole number; received 1.5"):
        as_frequency("save_freq", 1.5)


def test_class_ids_are_a_list_of_whole_numbers_as_r_as_list_makes_them():
    assert as_class_ids("target_class_ids", 1.0) == [1]
    assert as_class_ids("target_class_ids", (0, 2.0)) == [0, 2]
    assert as_class_ids("target_class_ids", np.array([0.0, 1.0])) == [0, 1]
    assert as_class_ids("target_class_ids", range(2)) == [0, 1]
    assert as_class_ids("target_class_ids", None) is None
    with pytest.raises(ValueError, match=r"`target_class_ids` must be a whole number; received 2.5"):
        as_class_ids("target_class_ids", [2.5])


def test_epoch_hooks_count_from_one_in_fit_as_r_keras3_does():
    seen = []
    hook = as_epoch_hook("on_epoch_begin", lambda epoch, logs: seen.append(epoch))
    model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
    model.compile(loss="mse")
    x = np.arange(1, 5, dtype="float32").reshape(4, 1)
    model.fit(x, x, epochs=2, verbose=0, callbacks=[keras.callbacks.LambdaCallback(on_epoch_begin=hook)])
    assert seen == [1, 2]  # R printed: epoch 1, epoch 2


def test_a_returned_dict_updates_the_logs():
    logs = {"loss": 1.0}
    as_epoch_hook("on_epoch_end", lambda epoch, logs: {"epoch_seen": epoch})(0, logs)
    assert logs == {"loss": 1.0, "epoch_seen": 1}
    as_logs_hook("on_train_end", lambda logs: {"done": True})(logs)
    assert logs == {"loss": 1.0, "epoch_seen": 1, "done": True}
    as_logs_hook("on_train_end", lambda logs: "ignored")(logs)  # only a dict updates them
    assert len(logs) == 3


def test_hooks_must_be_functions():
    assert as_epoch_hook("on_epoch_end", None) is None and as_logs_hook("on_train_end", None) is None
    with pytest.raises(TypeError, match=r"`on_epoch_end` must be a function; received 3"):
        as_epoch_hook("on_epoch_end", 3)
    with pytest.raises(TypeError, match=r"`on_train_end` must be a function; received 'x'"):
        as_logs_hook("on_train_end", "x")
