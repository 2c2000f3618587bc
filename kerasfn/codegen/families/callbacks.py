"""``callback_*``: R keras3's callbacks, ``keras.callbacks`` objects."""

from __future__ import annotations

from kerasfn.codegen.families.keras_objects import constructor_family

_HOOKS = ("on_epoch_begin", "on_epoch_end", "on_train_batch_begin", "on_train_batch_end", "on_test_batch_begin",
          "on_test_batch_end", "on_predict_batch_begin", "on_predict_batch_end")
_LOGS_HOOKS = ("on_train_begin", "on_train_end", "on_test_begin", "on_test_end", "on_predict_begin",
               "on_predict_end")

FAMILY = constructor_family(
    name="callbacks",
    prefix="callback_",
    title="R keras3's ``callback_*`` functions: Keras callbacks, for ``fit(callbacks=)``.",
    rule="Returns the callback, for ``fit(callbacks=[...])``; it composes with nothing.",
    arguments={
        "callback_backup_and_restore": '"backup"',
        "callback_csv_logger": '"training.csv"',
        "callback_model_checkpoint": '"model.keras"',
        "callback_learning_rate_scheduler": "lambda epoch, lr: lr * 0.9",
    },
    examples={**{name: [f"from kerasfn import {name}", f"callback = {name}({arguments})", shown]
                 for name, arguments, shown in (
        ("callback_backup_and_restore", '"backup"', "callback.backup_dir, callback.save_freq"),
        ("callback_csv_logger", '"training.csv"', "callback.filename, callback.sep, callback.append"),
        ("callback_learning_rate_scheduler", "lambda epoch, lr: lr * 0.9",
         "round(callback.schedule(0, 0.1), 4)  # the rate it sets for the next epoch"),
        ("callback_model_checkpoint", '"model.keras"', "callback.filepath, callback.monitor, callback.save_freq"),
        ("callback_reduce_lr_on_plateau", "patience=2", "callback.monitor, callback.factor, callback.patience"),
        ("callback_remote_monitor", "", "callback.root + callback.path"),
        ("callback_swap_ema_weights", "", "callback.swap_on_epoch"),
        ("callback_tensorboard", '"logs"', "callback.log_dir, callback.histogram_freq, callback.update_freq"),
    )}, "callback_terminate_on_nan": [
        "from kerasfn import callback_terminate_on_nan, keras_model_sequential, layer_dense",
        "model = keras_model_sequential(input_shape=1) | layer_dense(1)",
        "callback = callback_terminate_on_nan()",
        "callback.set_model(model)",
        'callback.on_batch_end(0, {"loss": float("nan")})  # as fit() calls it after a batch',
        "model.stop_training",
    ], "callback_early_stopping": [
        "from kerasfn import callback_early_stopping",
        "callback_early_stopping(patience=3.0).patience  # R's double 3 is the integer 3",
    ], "callback_lambda": [
        "from kerasfn import callback_lambda",
        "seen = []",
        "callback = callback_lambda(on_epoch_end=lambda epoch, logs: seen.append(epoch))",
        "callback.on_epoch_end(0, {})  # Keras' first epoch is R's epoch 1",
        "seen",
    ]},
    converters={
        # R's as_integer would truncate a fraction (min_delta = 0.01 becomes 0): a number here.
        "callback_early_stopping": {"min_delta": "as_number"},
        # "epoch" or a whole number of batches.
        "callback_backup_and_restore": {"save_freq": "as_frequency"},
        "callback_model_checkpoint": {"save_freq": "as_frequency"},
        "callback_tensorboard": {"update_freq": "as_frequency"},
        # R keras3's kerastools wrappers: 1-based epoch and batch numbers; a returned dict updates the logs.
        "callback_lambda": {**{hook: "as_epoch_hook" for hook in _HOOKS},
                            **{hook: "as_logs_hook" for hook in _LOGS_HOOKS}},
    },
    classes={"callback_model_checkpoint": (
        "atomic.ModelCheckpoint",
        "kerasfn's subclass, which writes each checkpoint beside its path and renames it over the previous "
        "one once complete: a save that fails or is interrupted leaves the previous checkpoint as it was")},
    imports=("from kerasfn.core import atomic",
             "from kerasfn.rcall.training_converters import as_epoch_hook, as_frequency, as_logs_hook"),
    see_also=":func:`fit`.",
)
