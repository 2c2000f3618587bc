"""R keras3's model verbs: ``compile()``, ``fit()``, ``evaluate()``, ``predict()``, ...

Each verb is an ordinary function with its subject first, ``fit(model, x, y)``,
and is also pipe-able, ``model | fit(x, y)`` or bare, ``model | summary``.
Both come from :func:`kerasfn.rcall.binding.r_function`, the mechanism behind
every kerasfn function; :func:`~kerasfn.rcall.subjects.model_verb` and ``layer_verb`` state a
verb's subject, and each verb declares its own argument converters, as R
keras3's wrappers do.  Defaults are R keras3's (``R/model-training.R``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import keras
import numpy as np

from kerasfn.api.history import as_r_history
from kerasfn.api.printing import format_model
from kerasfn.api.saved_files import check_model_archive, reading
from kerasfn.api.training import as_loss, as_metrics, resolve_jit_compile
from kerasfn.core.atomic import refuse_to_overwrite, write_model
from kerasfn.core.saving import restore_core_classes
from kerasfn.rcall import internals
from kerasfn.rcall.binding import r_function
from kerasfn.rcall.converters import (
    as_bool,
    as_class_weight,
    as_custom_objects,
    as_integer,
    as_list,
    as_model_data,
    as_nonnegative_integer,
    as_positive_integer,
    as_probability,
    as_verbose,
    describe,
)
from kerasfn.rcall.subjects import layer_verb, model_verb

__all__ = [
    "compile",
    "evaluate",
    "fit",
    "freeze_weights",
    "get_weights",
    "load_model",
    "predict",
    "reset_state",
    "save_model",
    "set_weights",
    "summary",
    "unfreeze_weights",
]


def _keras_arguments(arguments: dict[str, Any]) -> tuple[keras.Model, dict[str, Any]]:
    """Split a verb's ``locals()`` (already converted) into the model and Keras' keyword arguments."""
    arguments = dict(arguments)
    model = arguments.pop("object")
    keywords = arguments.pop("kwargs", {})
    return model, {**arguments, **keywords}


def _as_data_tuple(name: str, value: Any) -> Any:
    """R's ``validation_data = list(x, y)``: Keras wants a tuple."""
    if isinstance(value, list):
        if not 2 <= len(value) <= 3:
            raise ValueError(f"`{name}` must hold (x, y) or (x, y, sample_weight); received {len(value)} items.")
        value = tuple(value)
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            as_model_data(f"{name}[{index}]", item)
    return value


def _is_in_memory(x: Any) -> bool:
    """Arrays or tensors (or a list or dict of them), not a dataset or generator
    that yields its own targets."""
    if isinstance(x, (list, tuple)):
        return all(_is_in_memory(item) for item in x)
    if isinstance(x, dict):
        return all(_is_in_memory(item) for item in x.values())
    return hasattr(x, "shape") and hasattr(x, "dtype")


def _keras_defines(model: keras.Model, *methods: str) -> bool:
    """Whether Keras, not the model's own class, defines these methods (a
    subclass with its own ``train_step`` may not need targets)."""
    return all(getattr(getattr(type(model), method), "__module__", "").startswith("keras.") for method in methods)


def _check_targets(model: keras.Model, x: Any, y: Any, step: str) -> None:
    """``y`` left out while the compiled loss compares predictions with targets:
    Keras fails with "None values not supported" inside its train step."""
    if y is None and x is not None and getattr(model, "loss", None) is not None and _is_in_memory(x) \
            and _keras_defines(model, step, "compute_loss"):
        loss = model.loss if isinstance(model.loss, str) else getattr(model.loss, "name", type(model.loss).__name__)
        raise ValueError(
            f"`y` is missing: the model's loss ({loss!r}) compares its predictions with targets; "
            "pass `y`, or x as a dataset of (inputs, targets)."
        )


def _as_validation_split(name: str, value: Any) -> float:
    """A fraction in [0, 1): Keras trains on nothing at 1 and ignores larger values."""
    fraction = as_probability(name, value)
    if fraction >= 1.0:
        raise ValueError(f"`{name}` must be at least 0 and below 1; received {describe(value)}.")
    return fraction


@model_verb({"steps_per_execution": as_positive_integer, "run_eagerly": as_bool, "auto_scale_loss": as_bool,
             "loss": as_loss, "metrics": as_metrics, "weighted_metrics": as_metrics})
def compile(  # noqa: A001  (R's name; see the README on shadowing)
    object: keras.Model,
    optimizer: Any = "rmsprop",
    loss: Any = None,
    metrics: Any = None,
    loss_weights: Any = None,
    weighted_metrics: Any = None,
    run_eagerly: bool = False,
    steps_per_execution: int = 1,
    jit_compile: Any = "auto",
    auto_scale_loss: bool = True,
    **kwargs: Any,
) -> keras.Model:
    """Configure a model for training

    Description:
        Sets the optimizer, loss and metrics.  Returns the model, so a pipe
        can go on: ``model | compile(loss="mse") | fit(x, y)``.  Note that
        ``from kerasfn import *`` shadows Python's built-in ``compile``.

        ``jit_compile="auto"`` (the default) is Keras' choice, except on the
        TensorFlow backend with no GPU visible, where Keras never uses XLA:
        there kerasfn uses XLA when every layer of the model supports it and
        none draws random numbers (dropout, noise, random augmentation: XLA
        draws other numbers than graph mode for the same seed), and graph
        mode otherwise, silently.  Measured on a CPU
        (``bench/TRAINING.md``), XLA trains a GRU text classifier about 2x
        and a Conv1D+LSTM forecaster about 1.7x faster per epoch, a stacked
        LSTM as fast or faster, after a few seconds of compilation in the
        first epoch; the losses are graph mode's.  Pass
        ``jit_compile=FALSE`` (``False``) to keep graph mode, ``TRUE`` to
        force XLA; ``model.jit_compile`` says what was chosen.  For training
        on a CPU the JAX backend is fastest (``bench/TRAINING.md``).

    Arguments:
        object: The model.  Left out, the call waits for a model piped in.
        optimizer: Optimizer name or instance.
        loss: Loss name, function or instance.
        metrics: Metrics: a name (R's ``"accuracy"``), a metric function or
            object, or a list of them.  A ``metric_*`` or ``loss_*``
            function stands for the Keras function it calls, as in R, so
            ``metrics=metric_binary_accuracy`` is named ``binary_accuracy``
            in the history.
        loss_weights: Optional weights of the losses of several outputs.
        weighted_metrics: Metrics weighted by ``sample_weight``.
        run_eagerly: Whether to run the model eagerly (debugging).
        steps_per_execution: Batches per compiled step (whole number).
        jit_compile: Whether to use XLA compilation: ``TRUE``, ``FALSE``
            or ``"auto"`` (see Description).
        auto_scale_loss: Whether to scale the loss under mixed precision.
        **kwargs: Passed to ``keras.Model.compile``.

    Value:
        The model, compiled in place.

    Examples:
        >>> from kerasfn import compile, keras_model_sequential, layer_dense
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(1)
        >>> (model | compile(optimizer="adam", loss="mse")) is model
        True
        >>> model.loss
        'mse'

    See also:
        :func:`fit`, :func:`evaluate`, :func:`predict`.
    """
    model, arguments = _keras_arguments(locals())
    arguments["jit_compile"] = resolve_jit_compile(model, arguments["jit_compile"], arguments["run_eagerly"])
    model.compile(**arguments)
    return model


@model_verb({
    "x": as_model_data, "y": as_model_data,
    "batch_size": as_positive_integer, "epochs": as_nonnegative_integer, "verbose": as_verbose,
    "validation_split": _as_validation_split, "validation_data": _as_data_tuple, "shuffle": as_bool,
    "class_weight": as_class_weight, "initial_epoch": as_nonnegative_integer,
    "steps_per_epoch": as_positive_integer, "validation_steps": as_positive_integer,
    "validation_batch_size": as_positive_integer, "validation_freq": as_positive_integer,
})
def fit(
    object: keras.Model,
    x: Any = None,
    y: Any = None,
    batch_size: int | None = None,
    epochs: int = 1,
    verbose: Any = "auto",
    callbacks: Sequence[Any] | None = None,
    validation_split: float = 0.0,
    validation_data: Any = None,
    shuffle: bool = True,
    class_weight: dict | None = None,
    sample_weight: Any = None,
    initial_epoch: int = 0,
    steps_per_epoch: int | None = None,
    validation_steps: int | None = None,
    validation_batch_size: int | None = None,
    validation_freq: int = 1,
) -> keras.callbacks.History:
    """Train a model for a fixed number of epochs

    Description:
        R keras3's ``fit()``: ``keras.Model.fit`` with R keras3's defaults
        (one epoch).  Whole-number doubles are accepted for counts, R's
        ``validation_data = list(x, y)`` (a Python list) is accepted, and
        R's named ``class_weight = c("0" = 1, "1" = 2)`` (string keys) is
        turned into class indices (Keras would silently ignore it).

        Data Keras cannot train on is reported before training starts, with
        the argument named: arrays of strings or of Python objects, data
        with no samples, and ``y`` left out while the loss needs targets.
        Datasets and generators are passed to Keras unread.

    Arguments:
        object: The model.  Left out, the call waits for a model piped in.
        x: Input data (array, tensor, list of them, or a ``tf.data`` dataset).
        y: Target data (``None`` when ``x`` is a dataset).
        batch_size: Samples per gradient update (default 32).
        epochs: Number of epochs to train (R keras3's default: 1).
        verbose: ``"auto"``, 0, 1 or 2.
        callbacks: List of Keras callbacks.
        validation_split: Fraction of the data held out for validation.
        validation_data: ``(x, y)`` to validate on at the end of each epoch.
        shuffle: Whether to shuffle the data before each epoch.
        class_weight: Optional dict of class index (or R's ``"0"``, ``"1"``
            names) to weight.
        sample_weight: Optional array of weights for the samples.
        initial_epoch: Epoch at which to start training (0-based, as Keras).
        steps_per_epoch: Batches per epoch (for datasets).
        validation_steps: Validation batches per epoch (for datasets).
        validation_batch_size: Samples per validation batch.
        validation_freq: Validate every this many epochs.

    Value:
        A ``keras.callbacks.History``: ``history.metrics`` (R's
        ``history$metrics``, also ``history.history``) maps each metric to
        its value at every epoch; ``print(history)`` prints, as R's does,
        ``Final epoch (plot to see history):`` and each metric's value at the
        last epoch; ``plot(history)`` draws the training curves.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import compile, fit, keras_model_sequential, layer_dense
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse")
        >>> history = model | fit(np.zeros((8, 3)), np.zeros((8, 1)), epochs=2, verbose=0)
        >>> history.metrics["loss"]
        [0.0, 0.0]
        >>> print(history)
        <BLANKLINE>
        Final epoch (plot to see history):
        loss: 0

    See also:
        :func:`compile`, :func:`evaluate`, :func:`plot`.
    """
    model, arguments = _keras_arguments(locals())
    _check_targets(model, x, y, "train_step")
    with internals.multi_worker_mirrored_fixes(model):
        return as_r_history(model.fit(**arguments))


@model_verb({"x": as_model_data, "y": as_model_data, "batch_size": as_positive_integer, "verbose": as_verbose,
             "steps": as_positive_integer})
def evaluate(
    object: keras.Model,
    x: Any = None,
    y: Any = None,
    batch_size: int | None = None,
    verbose: Any = "auto",
    sample_weight: Any = None,
    steps: int | None = None,
    callbacks: Sequence[Any] | None = None,
) -> dict[str, float]:
    """Evaluate a model

    Description:
        Computes the loss and metrics on the given data.  Like R's named
        vector, the result names each value.  Data Keras cannot evaluate
        (arrays of strings or objects, no samples, ``y`` left out while the
        loss needs targets) is reported with the argument named.

    Arguments:
        object: The model.  Left out, the call waits for a model piped in.
        x: Input data.
        y: Target data.
        batch_size: Samples per batch.
        verbose: ``"auto"``, 0, 1 or 2.
        sample_weight: Optional weights for the samples.
        steps: Number of batches (for datasets).
        callbacks: List of Keras callbacks.

    Value:
        A dict from ``"loss"`` and each metric name to its value.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import compile, evaluate, keras_model_sequential, layer_dense
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(1, kernel_initializer="zeros")
        >>> model = model | compile(loss="mse")
        >>> model | evaluate(np.zeros((4, 3)), np.ones((4, 1)), verbose=0)
        {'loss': 1.0}

    See also:
        :func:`fit`, :func:`predict`.
    """
    model, arguments = _keras_arguments(locals())
    _check_targets(model, x, y, "test_step")
    with internals.multi_worker_mirrored_fixes(model):
        return model.evaluate(**arguments, return_dict=True)


@model_verb({"x": as_model_data, "batch_size": as_positive_integer, "verbose": as_verbose,
             "steps": as_positive_integer})
def predict(
    object: keras.Model,
    x: Any,
    batch_size: int | None = None,
    verbose: Any = "auto",
    steps: int | None = None,
    callbacks: Sequence[Any] | None = None,
) -> Any:
    """Generate predictions from a model

    Description:
        Runs the model on ``x`` in batches and returns the outputs as arrays.
        Data Keras cannot run on (arrays of strings or objects, no samples)
        is reported with the argument named.

    Arguments:
        object: The model.  Left out, the call waits for a model piped in.
        x: Input data.
        batch_size: Samples per batch.
        verbose: ``"auto"``, 0, 1 or 2.
        steps: Number of batches (for datasets).
        callbacks: List of Keras callbacks.

    Value:
        A numpy array (or a list of them for several outputs).

    Examples:
        >>> import numpy as np
        >>> from kerasfn import keras_model_sequential, layer_dense, predict, shape
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(2)
        >>> shape(model | predict(np.zeros((4, 3)), verbose=0))
        shape(4, 2)

    See also:
        :func:`evaluate`, :func:`fit`.
    """
    model, arguments = _keras_arguments(locals())
    with internals.multi_worker_mirrored_fixes(model):
        return model.predict(**arguments)


@model_verb({"line_length": as_positive_integer, "expand_nested": as_bool, "compact": as_bool})
def summary(
    object: keras.Model,
    line_length: int | None = None,
    positions: Sequence[float] | None = None,
    expand_nested: bool = False,
    show_trainable: bool | None = None,
    layer_range: Sequence[Any] | None = None,
    compact: bool = True,
) -> None:
    """Print a summary of a model

    Description:
        Prints the layers, their output shapes and parameter counts, as R
        keras3 prints them: as wide as the terminal (at most 180 columns),
        without blank lines, and with the "Trainable" column whenever the
        model has non-trainable weights.  ``print(model)`` prints the same.

    Arguments:
        object: The model.  Left out, the call waits for a model piped in.
        line_length: Total length of printed lines (default: the terminal's
            width, at most 180, as R's ``min(getOption("width"), 180)``).
        positions: Relative or absolute column positions.
        expand_nested: Whether to expand nested models.
        show_trainable: Whether to show if a layer is trainable (default,
            R's ``NA``: when the built model has non-trainable weights).
        layer_range: Two layer names: the first and last layer to print.
        compact: Whether to drop the blank lines (R's default).

    Value:
        ``None``; the summary is printed.

    Examples:
        >>> from kerasfn import keras_model_sequential, layer_dense, summary
        >>> model = keras_model_sequential(input_shape=3, name="tiny") | layer_dense(2, name="dense")
        >>> model | summary(line_length=60)
        Model: "tiny"
        ┏━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━┓
        ┃ Layer (type)             ┃ Output Shape      ┃   Param # ┃
        ┡━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━┩
        │ dense (Dense)            │ (None, 2)         │         8 │
        └──────────────────────────┴───────────────────┴───────────┘
         Total params: 8 (32.00 B)
         Trainable params: 8 (32.00 B)
         Non-trainable params: 0 (0.00 B)

    See also:
        :func:`get_weights`.
    """
    print(format_model(object, line_length, positions, expand_nested, show_trainable, layer_range, compact))


@model_verb({"overwrite": as_bool})
def save_model(object: keras.Model, filepath: str | os.PathLike, overwrite: bool = False, **kwargs: Any) -> keras.Model:
    """Save a model to a ``.keras`` file

    Description:
        Saves the architecture, weights and compile state.  As in R, an
        existing file is kept unless ``overwrite=True``.  The file is
        written whole or not at all: it is written beside ``filepath`` and
        renamed over it once complete, so a save that fails or is
        interrupted leaves what was there unchanged.

    Arguments:
        object: The model.  Left out, the call waits for a model piped in.
        filepath: Path ending in ``.keras``.
        overwrite: Whether to replace an existing file.
        **kwargs: Passed to ``keras.Model.save``.

    Value:
        The model, so a pipe can go on.

    Examples:
        >>> import os, tempfile
        >>> from kerasfn import keras_model_sequential, layer_dense, load_model, save_model
        >>> path = os.path.join(tempfile.mkdtemp(), "tiny.keras")
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(2) | save_model(path)
        >>> [layer.name for layer in load_model(path).layers] == [layer.name for layer in model.layers]
        True

    See also:
        :func:`load_model`.
    """
    if not isinstance(filepath, (str, os.PathLike)):
        raise TypeError(f"`filepath` must be a path; received {describe(filepath)}.")
    refuse_to_overwrite(filepath, overwrite)
    write_model(object, filepath, **kwargs)
    return object


@r_function(None, "", {"custom_objects": as_custom_objects, "compile": as_bool, "safe_mode": as_bool})
def load_model(
    model: str | os.PathLike, custom_objects: Any = None, compile: bool = True, safe_mode: bool = True
) -> keras.Model:
    """Load a model saved with ``save_model()``

    Description:
        Reads a ``.keras`` file back into a model, compiled as it was saved.
        kerasfn's own layer classes are known without ``custom_objects``, and
        its recurrent and attention layers come back as kerasfn's core
        classes (compiled eager calls, tf.keras's legacy members), also from
        files plain Keras saved.
        A missing, empty, truncated or corrupt file, or one that is not a
        Keras archive, is a ``ValueError`` (``FileNotFoundError``) naming
        the file and what is wrong with it.

    Arguments:
        model: Path of the ``.keras`` file (R's ``model``).
        custom_objects: Custom classes or functions the model uses: a dict
            of name to object, or, as in R, a list whose names are taken
            from the objects (a ``Layer()`` function stands for its class).
        compile: Whether to compile the model after loading.
        safe_mode: Whether to refuse unsafe ``lambda`` deserialization.

    Value:
        A ``keras.Model``.

    Examples:
        >>> import os, tempfile
        >>> from kerasfn import keras_model_sequential, layer_lstm, load_model, save_model, shape
        >>> path = os.path.join(tempfile.mkdtemp(), "lstm.keras")
        >>> _ = keras_model_sequential(input_shape=(5, 3)) | layer_lstm(2) | save_model(path)
        >>> load_model(path).output_shape
        (None, 2)

    See also:
        :func:`save_model`.
    """
    path = check_model_archive("model", model)
    with reading("model", path):
        loaded = keras.saving.load_model(model, custom_objects=custom_objects, compile=compile, safe_mode=safe_mode)
    return restore_core_classes(loaded)


@layer_verb({"trainable": lambda name, value: None if value is None else as_bool(name, value)})
def get_weights(object: keras.layers.Layer, trainable: bool | None = None) -> list[np.ndarray]:
    """Get the weights of a model or layer

    Description:
        The current values of the weights, as numpy arrays, in layer order.

    Arguments:
        object: A model or layer.  Left out, the call waits for one piped in.
        trainable: ``None`` (R's ``NA``, the default) for all weights,
            ``True`` for the trainable ones only, ``False`` for the others.

    Value:
        A list of numpy arrays.

    Examples:
        >>> from kerasfn import get_weights, keras_model_sequential, layer_dense
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(2)
        >>> [w.shape for w in model | get_weights()]
        [(3, 2), (2,)]

    See also:
        :func:`set_weights`.
    """
    weights = {None: object.weights, True: object.trainable_weights, False: object.non_trainable_weights}[trainable]
    return [np.asarray(keras.ops.convert_to_numpy(weight)) for weight in weights]


@layer_verb()
def set_weights(object: keras.layers.Layer, weights: Sequence[Any]) -> keras.layers.Layer:
    """Set the weights of a model or layer

    Description:
        Replaces all weights with ``weights`` (as from ``get_weights()``).

    Arguments:
        object: A model or layer.  Left out, the call waits for one piped in.
        weights: List of arrays, one per weight, in ``get_weights()`` order.

    Value:
        ``object``, with its weights replaced.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import get_weights, keras_model_sequential, layer_dense, set_weights
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(2)
        >>> model = model | set_weights([np.ones((3, 2)), np.zeros(2)])
        >>> float(get_weights(model)[0].sum())
        6.0

    See also:
        :func:`get_weights`.
    """
    object.set_weights(list(weights))
    return object


def _layer_range(object: keras.Model, from_: Any, to: Any, which: Any) -> list[keras.layers.Layer]:
    """Layers selected by name or 0-based position: ``from_``..``to`` (inclusive) or ``which``."""
    layers = object.layers

    def position(name: str, value: Any) -> int:
        if isinstance(value, str):
            names = [layer.name for layer in layers]
            if value not in names:
                raise ValueError(f"`{name}` must name a layer of the model; received {describe(value)}.")
            return names.index(value)
        index = as_integer(name, value)
        if not -len(layers) <= index < len(layers):
            raise ValueError(f"`{name}` must be a layer position below {len(layers)}; received {describe(value)}.")
        return index % len(layers)

    if which is not None:
        return [layers[position("which", item)] for item in as_list("which", which)]
    start = 0 if from_ is None else position("from_", from_)
    stop = len(layers) - 1 if to is None else position("to", to)
    return layers[start:stop + 1]


def _set_trainable(object: keras.Model, trainable: bool, from_: Any, to: Any, which: Any) -> keras.Model:
    if from_ is None and to is None and which is None:
        object.trainable = trainable
        return object
    selected = _layer_range(object, from_, to, which)  # checked before anything changes
    object.trainable = True
    for layer in object.layers:  # as in R: the layers outside the range get the opposite
        layer.trainable = trainable if any(layer is chosen for chosen in selected) else not trainable
    return object


@model_verb()
def freeze_weights(object: keras.Model, from_: Any = None, to: Any = None, which: Any = None) -> keras.Model:
    """Freeze weights of a model or of some of its layers

    Description:
        With no range, the whole model becomes non-trainable.  Otherwise the
        layers ``from_`` .. ``to`` (inclusive; names or 0-based positions,
        R's ``from``/``to``), or those in ``which``, are frozen.  Recompile
        the model afterwards, as in R.  With a range, the layers outside it
        become trainable (as R keras3 does), so ``freeze_weights(to=...)`` is
        the usual "freeze the base, train the head".

    Arguments:
        object: The model.  Left out, the call waits for a model piped in.
        from_: First layer to freeze (name or 0-based position); R's ``from``.
        to: Last layer to freeze (inclusive).
        which: Names or positions of the layers to freeze, instead of a range.

    Value:
        The model, modified in place.

    Examples:
        >>> from kerasfn import freeze_weights, keras_model_sequential, layer_dense
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(2) | layer_dense(1)
        >>> [layer.trainable for layer in (model | freeze_weights(to=0)).layers]
        [False, True]

    See also:
        :func:`unfreeze_weights`.
    """
    return _set_trainable(object, False, from_, to, which)


@model_verb()
def unfreeze_weights(object: keras.Model, from_: Any = None, to: Any = None, which: Any = None) -> keras.Model:
    """Unfreeze weights of a model or of some of its layers

    Description:
        The inverse of ``freeze_weights()``, with the same range arguments:
        with a range, the layers outside it are frozen, so
        ``unfreeze_weights(from_="block5")`` fine-tunes only the top.

    Arguments:
        object: The model.  Left out, the call waits for a model piped in.
        from_: First layer to unfreeze (name or 0-based position).
        to: Last layer to unfreeze (inclusive).
        which: Names or positions of the layers to unfreeze.

    Value:
        The model, modified in place.

    Examples:
        >>> from kerasfn import freeze_weights, keras_model_sequential, layer_dense, unfreeze_weights
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(2) | layer_dense(1)
        >>> model = model | freeze_weights() | unfreeze_weights(from_=1)
        >>> [layer.trainable for layer in model.layers]
        [False, True]

    See also:
        :func:`freeze_weights`.
    """
    return _set_trainable(object, True, from_, to, which)


@layer_verb()
def reset_state(object: keras.layers.Layer) -> keras.layers.Layer:
    """Reset the states of a stateful model or layer

    Description:
        Sets the states of every stateful RNN layer in ``object`` back to
        zeros: call it between independent sequences.

    Arguments:
        object: A model or layer.  Left out, the call waits for one piped in.

    Value:
        ``object``.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import as_array, keras_model_sequential, layer_lstm, reset_state
        >>> model = keras_model_sequential(input_batch_shape=(1, 2, 3)) | layer_lstm(2, stateful=True)
        >>> _ = model.predict(np.ones((1, 2, 3)), verbose=0)
        >>> model = model | reset_state()
        >>> float(np.abs(as_array(model.layers[0].states[0])).sum())
        0.0

    See also:
        :func:`layer_lstm` (``stateful``).
    """
    for layer in internals.flatten_layers(object):
        if getattr(layer, "stateful", False) and hasattr(layer, "reset_state"):
            layer.reset_state()
    return object
