"""R keras3's model verbs: ``compile()``, ``fit()``, ``evaluate()``, ``predict()``, ...

Each verb is an ordinary function with its subject first, ``fit(model, x, y)``,
and is also pipe-able, ``model | fit(x, y)``.  Both come from one decorator,
:func:`verb`: called without its subject, a verb returns a :class:`Pending`
call whose ``__ror__`` applies it to whatever is piped in.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from typing import Any

import keras
import numpy as np

from kerasfn import internals
from kerasfn.r_conventions import as_bool, as_integer, convert_arguments, describe

__all__ = [
    "Pending",
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
    "verb",
]


class Pending:
    """A verb waiting for its subject: ``model | compile(loss="mse")``."""

    def __init__(self, function: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        self.function, self.args, self.kwargs = function, args, kwargs

    def __ror__(self, subject: Any) -> Any:
        return self.function(subject, *self.args, **self.kwargs)

    def __call__(self, subject: Any) -> Any:
        return self.__ror__(subject)

    def __repr__(self) -> str:
        arguments = [repr(arg) for arg in self.args] + [f"{k}={v!r}" for k, v in self.kwargs.items()]
        return f"<pending {self.function.__name__}({', '.join(arguments)})>"


def verb(subject_type: type | tuple[type, ...]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Make ``function(subject, ...)`` also usable as ``subject | function(...)``.

    A call whose first positional argument is a ``subject_type`` runs at once;
    any other call (``compile(loss="mse")``, ``fit(x, y)``) is :class:`Pending`.
    """

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def call_or_wait(*args: Any, **kwargs: Any) -> Any:
            if (args and isinstance(args[0], subject_type)) or "object" in kwargs:
                return function(*args, **kwargs)
            return Pending(function, args, kwargs)

        return call_or_wait

    return decorate


_model_verb = verb(keras.layers.Layer)


def _as_list(value: Any) -> Any:
    """R's ``metrics = "accuracy"`` is a length-one vector: Keras wants a list."""
    return [value] if isinstance(value, str) else value


def _keras_arguments(arguments: dict[str, Any]) -> tuple[keras.Model, dict[str, Any]]:
    """Split a verb's ``locals()`` into the model and Keras' keyword
    arguments, with R conventions applied by name (as for layers)."""
    arguments = convert_arguments(arguments)
    model = arguments.pop("object")
    keywords = arguments.pop("kwargs", {})
    return model, {**arguments, **keywords}


def _as_data_tuple(name: str, value: Any) -> Any:
    """R's ``validation_data = list(x, y)``: Keras wants a tuple."""
    if isinstance(value, list):
        if not 2 <= len(value) <= 3:
            raise ValueError(f"`{name}` must hold (x, y) or (x, y, sample_weight); received {len(value)} items.")
        return tuple(value)
    return value


@_model_verb
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

    Arguments:
        object: The model.  Left out, the call waits for a model piped in.
        optimizer: Optimizer name or instance.
        loss: Loss name, function or instance.
        metrics: Metrics: a name (R's ``"accuracy"``) or a list of them.
        loss_weights: Optional weights of the losses of several outputs.
        weighted_metrics: Metrics weighted by ``sample_weight``.
        run_eagerly: Whether to run the model eagerly (debugging).
        steps_per_execution: Batches per compiled step (whole number).
        jit_compile: Whether to use XLA compilation (``"auto"``).
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
    model.compile(**{**arguments, "metrics": _as_list(metrics), "weighted_metrics": _as_list(weighted_metrics)})
    return model


@_model_verb
def fit(
    object: keras.Model,
    x: Any = None,
    y: Any = None,
    batch_size: int | None = None,
    epochs: int = 10,
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
        R keras3's ``fit()``: as ``keras.Model.fit`` with R's default of 10
        epochs.  Whole-number doubles are accepted for counts, and R's
        ``validation_data = list(x, y)`` (a Python list) is accepted.

    Arguments:
        object: The model.  Left out, the call waits for a model piped in.
        x: Input data (array, tensor, list of them, or a ``tf.data`` dataset).
        y: Target data (``None`` when ``x`` is a dataset).
        batch_size: Samples per gradient update (default 32).
        epochs: Number of epochs to train (R's default: 10).
        verbose: ``"auto"``, 0, 1 or 2.
        callbacks: List of Keras callbacks.
        validation_split: Fraction of the data held out for validation.
        validation_data: ``(x, y)`` to validate on at the end of each epoch.
        shuffle: Whether to shuffle the data before each epoch.
        class_weight: Optional dict of class index to weight.
        sample_weight: Optional array of weights for the samples.
        initial_epoch: Epoch at which to start training (0-based, as Keras).
        steps_per_epoch: Batches per epoch (for datasets).
        validation_steps: Validation batches per epoch (for datasets).
        validation_batch_size: Samples per validation batch.
        validation_freq: Validate every this many epochs.

    Value:
        A ``keras.callbacks.History``; ``plot(history)`` draws it.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import compile, fit, keras_model_sequential, layer_dense
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse")
        >>> history = model | fit(np.zeros((8, 3)), np.zeros((8, 1)), epochs=2, verbose=0)
        >>> len(history.history["loss"])
        2

    See also:
        :func:`compile`, :func:`evaluate`, :func:`plot`.
    """
    model, arguments = _keras_arguments(locals())
    return model.fit(**{
        **arguments, "validation_split": float(validation_split),
        "validation_data": _as_data_tuple("validation_data", validation_data),
    })


@_model_verb
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
        vector, the result names each value.

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
    return model.evaluate(**arguments, return_dict=True)


@_model_verb
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
    return model.predict(**arguments)


@_model_verb
def summary(
    object: keras.Model,
    line_length: int | None = None,
    positions: Sequence[float] | None = None,
    expand_nested: bool = False,
    show_trainable: bool = False,
    layer_range: Sequence[Any] | None = None,
) -> None:
    """Print a summary of a model

    Description:
        Prints the layers, their output shapes and parameter counts.

    Arguments:
        object: The model.  Left out, the call waits for a model piped in.
        line_length: Total length of printed lines.
        positions: Relative or absolute column positions.
        expand_nested: Whether to expand nested models.
        show_trainable: Whether to show if a layer is trainable.
        layer_range: Two layer names: the first and last layer to print.

    Value:
        ``None``; the summary is printed.

    Examples:
        >>> from kerasfn import keras_model_sequential, layer_dense, summary
        >>> model = keras_model_sequential(input_shape=3, name="tiny") | layer_dense(2)
        >>> model | summary()  # doctest: +ELLIPSIS
        Model: "tiny"
        ...
         Total params: 8 (32.00 B)
        ...

    See also:
        :func:`get_weights`.
    """
    model, arguments = _keras_arguments(locals())
    model.summary(**arguments)


@_model_verb
def save_model(object: keras.Model, filepath: str | os.PathLike, overwrite: bool = False, **kwargs: Any) -> keras.Model:
    """Save a model to a ``.keras`` file

    Description:
        Saves the architecture, weights and compile state.  As in R, an
        existing file is kept unless ``overwrite=True``.

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
    if os.path.exists(filepath) and not as_bool("overwrite", overwrite):
        raise FileExistsError(f"`filepath` {os.fspath(filepath)!r} exists; pass overwrite=True to replace it.")
    object.save(filepath, overwrite=True, **kwargs)
    return object


def load_model(
    filepath: str | os.PathLike, custom_objects: dict | None = None, compile: bool = True, safe_mode: bool = True
) -> keras.Model:
    """Load a model saved with ``save_model()``

    Description:
        Reads a ``.keras`` file back into a model, compiled as it was saved.
        kerasfn's own layer classes are known without ``custom_objects``.

    Arguments:
        filepath: Path of the ``.keras`` file.
        custom_objects: Dict of names to custom classes or functions.
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
    if not os.path.exists(filepath):
        raise FileNotFoundError(f"`filepath` {os.fspath(filepath)!r} does not exist.")
    return keras.saving.load_model(filepath, custom_objects=custom_objects,
                                   compile=as_bool("compile", compile), safe_mode=as_bool("safe_mode", safe_mode))


@_model_verb
def get_weights(object: keras.layers.Layer) -> list[np.ndarray]:
    """Get the weights of a model or layer

    Description:
        The current values of all weights, as numpy arrays, in layer order.

    Arguments:
        object: A model or layer.  Left out, the call waits for one piped in.

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
    return object.get_weights()


@_model_verb
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
        return [layers[position("which", item)] for item in _as_list(which)]
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


@_model_verb
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


@_model_verb
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


@_model_verb
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
        >>> from kerasfn import keras_model_sequential, layer_lstm, reset_state
        >>> model = keras_model_sequential(input_batch_shape=(1, 2, 3)) | layer_lstm(2, stateful=True)
        >>> _ = model.predict(np.ones((1, 2, 3)), verbose=0)
        >>> model = model | reset_state()
        >>> float(np.abs(model.layers[0].states[0].numpy()).sum())
        0.0

    See also:
        :func:`layer_lstm` (``stateful``).
    """
    for layer in internals.flatten_layers(object):
        if getattr(layer, "stateful", False) and hasattr(layer, "reset_state"):
            layer.reset_state()
    return object
