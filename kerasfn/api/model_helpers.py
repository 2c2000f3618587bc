"""R keras3's model and layer helpers beyond training: layers, configs, weights files, batches, state.

``get_layer()``, ``pop_layer()``, ``clone_model()``, ``get_config()`` /
``from_config()``, ``count_params()``, ``save_model_weights()`` /
``load_model_weights()``, ``save_model_config()`` / ``load_model_config()``,
``train_on_batch()`` / ``test_on_batch()`` / ``predict_on_batch()``,
``export_savedmodel()``, ``get_state_tree()`` / ``set_state_tree()``,
``quantize_weights()``, ``adapt()``, ``get_vocabulary()`` /
``set_vocabulary()``.  Each is a verb on what it
works on (:func:`kerasfn.rcall.subjects.model_verb` / ``layer_verb``), so it pipes:
``model | get_layer("dense")``.  Defaults are R keras3's
(``R/model-creation.R``, ``R/model-persistence.R``, ``R/layer-methods.R``).
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator, Mapping
from typing import Any

import keras
import numpy as np

from kerasfn.api.saved_files import check_weights_file, read_config, reading
from kerasfn.core.atomic import refuse_to_overwrite, replacing, write_weights
from kerasfn.rcall.binding import r_function
from kerasfn.rcall.converters import (
    as_bool,
    as_class_weight,
    as_custom_objects,
    as_integer,
    as_list,
    as_positive_integer,
    as_string,
    describe,
    required,
)
from kerasfn.rcall.subjects import layer_verb, model_verb

__all__ = [
    "KerasConfig",
    "adapt",
    "clone_model",
    "count_params",
    "export_savedmodel",
    "from_config",
    "get_config",
    "get_layer",
    "get_state_tree",
    "get_vocabulary",
    "load_model_config",
    "load_model_weights",
    "pop_layer",
    "predict_on_batch",
    "quantize_weights",
    "save_model_config",
    "save_model_weights",
    "set_state_tree",
    "set_vocabulary",
    "test_on_batch",
    "train_on_batch",
]


def _as_path(name: str, value: Any) -> str:
    if not isinstance(value, (str, os.PathLike)):
        raise TypeError(f"`{name}` must be a file path; received {describe(value)}.")
    return os.fspath(value)


def _scalar_or_dict(result: dict[str, Any]) -> Any:
    """R's ``if (is_scalar(result)) result[[1]]``: one value alone, several by name."""
    values = {key: float(np.asarray(value)) for key, value in result.items()}
    return next(iter(values.values())) if len(values) == 1 else values


# -- layers of a model ---------------------------------------------------------


@model_verb({"name": as_string, "index": as_integer})
def get_layer(object: keras.Model, name: str | None = None, index: int | None = None) -> keras.layers.Layer:
    """Retrieve a layer of a model by name or position

    Description:
        Give either ``name`` or ``index``.  ``index`` counts from 0 (R's
        ``index = 1`` is ``index=0``), and negative positions count from
        the end, as in Python.

    Arguments:
        object: The model.  Left out, the call waits for a model piped in.
        name: The layer's name.
        index: The layer's 0-based position in ``object.layers``.

    Value:
        The layer.

    Examples:
        >>> from kerasfn import get_layer, keras_model_sequential, layer_dense
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(2, name="hidden") | layer_dense(1)
        >>> (model | get_layer("hidden")) is model.layers[0]
        True
        >>> get_layer(model, index=-1).units
        1

    See also:
        :func:`pop_layer`.
    """
    if (name is None) == (index is None):
        raise ValueError(f"get_layer() takes `name` or `index`, one of them; received name={name!r}, index={index!r}.")
    layers = object.layers
    if name is not None:
        names = [layer.name for layer in layers]
        if name not in names:
            raise ValueError(f"`name` must name a layer of the model ({', '.join(names)}); received {name!r}.")
        return layers[names.index(name)]
    if not -len(layers) <= index < len(layers):
        raise ValueError(f"`index` must be a 0-based layer position below {len(layers)}; received {index}.")
    return layers[index]


@model_verb({"rebuild": as_bool})
def pop_layer(object: keras.Sequential, rebuild: bool = True) -> keras.layers.Layer:
    """Remove the last layer of a Sequential model

    Description:
        The model loses its last layer, in place (``keras.Sequential.pop``).

    Arguments:
        object: A Sequential model.  Left out, the call waits for one piped in.
        rebuild: Whether to rebuild the model after removing the layer.

    Value:
        The layer removed.

    Examples:
        >>> from kerasfn import keras_model_sequential, layer_dense, pop_layer
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(2) | layer_dense(1)
        >>> (model | pop_layer()).units
        1
        >>> model.output_shape
        (None, 2)

    See also:
        :func:`get_layer`.
    """
    if not isinstance(object, keras.Sequential):
        raise TypeError(f"`object` must be a Sequential model; received {describe(object)}.")
    if not object.layers:
        raise ValueError("`object` has no layers to remove.")
    return object.pop(rebuild=rebuild)


@model_verb({"recursive": as_bool})
def clone_model(
    model: keras.Model,
    input_tensors: Any = None,
    clone_function: Any = None,
    call_function: Any = None,
    recursive: bool = False,
    **kwargs: Any,
) -> keras.Model:
    """Clone a model

    Description:
        A new model with the same architecture and new, freshly
        initialised weights (copy them with ``set_weights(clone,
        get_weights(model))``).  ``keras.models.clone_model``.

    Arguments:
        model: The model.  Left out, the call waits for a model piped in.
        input_tensors: Optional inputs to build the clone on.
        clone_function: Optional function applied to each layer to clone it.
        call_function: Optional function applied to each layer call.
        recursive: Whether to clone nested models too.
        **kwargs: Passed on to ``keras.models.clone_model``.

    Value:
        The new model.

    Examples:
        >>> from kerasfn import clone_model, keras_model_sequential, layer_dense
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(2)
        >>> clone = model | clone_model()
        >>> clone is model, clone.output_shape
        (False, (None, 2))

    See also:
        :func:`get_config`, :func:`from_config`.
    """
    return keras.models.clone_model(model, input_tensors=input_tensors, clone_function=clone_function,
                                    call_function=call_function, recursive=recursive, **kwargs)


class KerasConfig(dict):
    """A layer's or model's config, remembering the class it came from

    Description:
        R's ``get_config()`` keeps the class as an attribute of the config,
        so ``from_config(config)`` needs nothing else; here it is
        ``config.keras_class``.  Otherwise an ordinary dict.

    Arguments:
        config: The config dict.
        keras_class: The class the config describes.

    Value:
        A dict.

    See also:
        :func:`get_config`, :func:`from_config`.
    """

    def __init__(self, config: Mapping[str, Any], keras_class: type) -> None:
        super().__init__(config)
        self.keras_class = keras_class


@layer_verb()
def get_config(object: keras.layers.Layer) -> KerasConfig:
    """Get the configuration of a layer or model

    Description:
        The arguments that recreate ``object`` (without its weights).

    Arguments:
        object: A layer or model.  Left out, the call waits for one piped in.

    Value:
        A :class:`KerasConfig`: a dict that remembers the class.

    Examples:
        >>> from kerasfn import from_config, get_config, layer_dense
        >>> config = layer_dense(units=2, name="d") | get_config()
        >>> config["units"], from_config(config).name
        (2, 'd')

    See also:
        :func:`from_config`.
    """
    return KerasConfig(object.get_config(), type(object))


@r_function(lambda value: isinstance(value, Mapping), "a config (dict)", {"custom_objects": as_custom_objects})
def from_config(config: Mapping[str, Any], custom_objects: Any = None) -> Any:
    """Create a layer or model from its configuration

    Description:
        The inverse of ``get_config()``: the class is the one the config
        remembers.  A plain dict must be a serialized object (with
        ``"class_name"`` and ``"config"``, as ``serialize_keras_object()``
        gives).

    Arguments:
        config: A config from ``get_config()``, or a serialized object.
        custom_objects: Custom classes the config refers to: a dict, or a
            list whose names are taken from the objects.

    Value:
        A new layer or model (fresh weights).

    Examples:
        >>> from kerasfn import from_config, get_config, keras_model_sequential, layer_dense
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(2)
        >>> (model | get_config() | from_config()).output_shape
        (None, 2)

    See also:
        :func:`get_config`.
    """
    keras_class = getattr(config, "keras_class", None)
    if keras_class is not None:
        if custom_objects:
            with keras.saving.custom_object_scope(custom_objects):
                return keras_class.from_config(dict(config))
        return keras_class.from_config(dict(config))
    if "class_name" not in config:
        raise ValueError("`config` must come from get_config() or be a serialized object "
                         f"(with 'class_name' and 'config'); received keys {sorted(config)}.")
    return keras.saving.deserialize_keras_object(dict(config), custom_objects=custom_objects)


@layer_verb()
def count_params(object: keras.layers.Layer) -> int:
    """Count the parameters of a model or layer

    Description:
        The number of scalars in all its weights (trainable or not).

    Arguments:
        object: A built model or layer.  Left out, the call waits for one piped in.

    Value:
        An integer.

    Examples:
        >>> from kerasfn import count_params, keras_model_sequential, layer_dense
        >>> keras_model_sequential(input_shape=3) | layer_dense(2) | count_params()
        8

    See also:
        :func:`summary`.
    """
    return object.count_params()


# -- files ---------------------------------------------------------------------


@model_verb({"filepath": required(_as_path), "overwrite": as_bool, "max_shard_size": as_positive_integer})
def save_model_weights(model: keras.Model, filepath: str, overwrite: bool = False,
                       max_shard_size: int | None = None) -> keras.Model:
    """Save the weights of a model

    Description:
        Writes the weights to a ``.weights.h5`` file (or ``.weights.json``
        with shards of at most ``max_shard_size`` GB).  An existing file is
        kept unless ``overwrite=True``, as in R.  The files are written
        whole or not at all: written beside ``filepath`` and renamed over
        the old ones once complete, so a save that fails or is interrupted
        leaves what was there unchanged.

    Arguments:
        model: The model.  Left out, the call waits for a model piped in.
        filepath: Path ending in ``.weights.h5``.
        overwrite: Whether to replace an existing file.
        max_shard_size: Optional size limit of each shard, in GB.

    Value:
        The model, so a pipe can go on.

    Examples:
        >>> import os, tempfile
        >>> from kerasfn import keras_model_sequential, layer_dense, save_model_weights
        >>> path = os.path.join(tempfile.mkdtemp(), "tiny.weights.h5")
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(2) | save_model_weights(path)
        >>> os.path.exists(path)
        True

    See also:
        :func:`load_model_weights`, :func:`save_model`.
    """
    refuse_to_overwrite(filepath, overwrite)
    write_weights(model, filepath, max_shard_size=max_shard_size)
    return model


@model_verb({"filepath": required(_as_path), "skip_mismatch": as_bool})
def load_model_weights(model: keras.Model, filepath: str, skip_mismatch: bool = False, **kwargs: Any) -> keras.Model:
    """Load weights saved with save_model_weights()

    Description:
        Replaces the model's weights, in place, with those in the file, all
        or none: a load that fails or is interrupted partway (a weight of
        the wrong shape, Ctrl-C) leaves the model's weights as they were.  A
        missing, empty, truncated or corrupt file is a ``ValueError``
        (``FileNotFoundError``) naming the file and what is wrong with it.

    Arguments:
        model: The model.  Left out, the call waits for a model piped in.
        filepath: Path of a ``.weights.h5`` (or ``.keras``) file.
        skip_mismatch: Whether to skip weights whose shape does not match.
        **kwargs: Passed on to ``keras.Model.load_weights``.

    Value:
        The model.

    Examples:
        >>> import os, tempfile
        >>> import numpy as np
        >>> from kerasfn import *
        >>> path = os.path.join(tempfile.mkdtemp(), "tiny.weights.h5")
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(2, kernel_initializer="ones")
        >>> _ = model | save_model_weights(path)
        >>> other = keras_model_sequential(input_shape=3) | layer_dense(2) | load_model_weights(path)
        >>> float(get_weights(other)[0].sum())
        6.0

    See also:
        :func:`save_model_weights`.
    """
    check_weights_file("filepath", filepath)
    before = model.get_weights()
    try:
        with reading("filepath", filepath):
            model.load_weights(filepath, skip_mismatch=skip_mismatch, **kwargs)
    except BaseException:  # Keras loads layer by layer: undo the layers loaded before the failure
        model.set_weights(before)
        raise
    return model


@model_verb({"filepath": required(_as_path), "overwrite": as_bool})
def save_model_config(model: keras.Model, filepath: str | None = None, overwrite: bool = False) -> keras.Model:
    """Save the configuration of a model as JSON

    Description:
        Writes the architecture only (no weights) as JSON text, whole or
        not at all: a model whose configuration cannot be written, or a
        write that fails or is interrupted, leaves an existing file
        unchanged.

    Arguments:
        model: The model.  Left out, the call waits for a model piped in.
        filepath: Path of the JSON file.
        overwrite: Whether to replace an existing file.

    Value:
        The model, so a pipe can go on.

    Examples:
        >>> import os, tempfile
        >>> from kerasfn import keras_model_sequential, layer_dense, load_model_config, save_model_config
        >>> path = os.path.join(tempfile.mkdtemp(), "tiny.json")
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(2) | save_model_config(path)
        >>> load_model_config(path).output_shape
        (None, 2)

    See also:
        :func:`load_model_config`, :func:`get_config`.
    """
    refuse_to_overwrite(filepath, overwrite)
    text = model.to_json() + "\n"
    with replacing(filepath) as staged, open(staged, "w") as file:
        file.write(text)
    return model


@r_function(None, "", {"filepath": required(_as_path), "custom_objects": as_custom_objects})
def load_model_config(filepath: str, custom_objects: Any = None) -> keras.Model:
    """Load a model configuration saved with save_model_config()

    Description:
        Recreates the model from its JSON configuration, with fresh weights.
        A file that is empty, truncated or not a Keras configuration is a
        ``ValueError`` naming the file and what is wrong with it.  Nothing
        in the file runs as code: a ``lambda`` saved in it is refused
        (Keras' safe mode).

    Arguments:
        filepath: Path of the JSON file.
        custom_objects: Custom classes the model uses: a dict, or a list
            whose names are taken from the objects.

    Value:
        A new model.

    Examples:
        >>> import os, tempfile
        >>> from kerasfn import keras_model_sequential, layer_dense, load_model_config, save_model_config
        >>> path = os.path.join(tempfile.mkdtemp(), "tiny.json")
        >>> _ = keras_model_sequential(input_shape=3) | layer_dense(2) | save_model_config(path)
        >>> type(load_model_config(path)).__name__
        'Sequential'

    See also:
        :func:`save_model_config`.
    """
    return keras.models.model_from_json(read_config("filepath", filepath), custom_objects=custom_objects)


@model_verb({"export_dir_base": required(_as_path), "format": as_string,
             "verbose": lambda name, value: None if value is None else as_bool(name, value)})
def export_savedmodel(object: keras.Model, export_dir_base: str, format: str = "tf_saved_model",  # noqa: A002
                      verbose: bool | None = None, input_signature: Any = None, **kwargs: Any) -> keras.Model:
    """Export a model for inference (TensorFlow SavedModel, ONNX, ...)

    Description:
        ``keras.Model.export``: writes an inference-only artifact (a
        SavedModel for TensorFlow Serving by default), whole or not at all:
        it is written beside ``export_dir_base`` and moved there once
        complete (into an existing folder, each file it wrote replacing the
        file of that name; other files there stay), so an export that fails
        or is interrupted leaves what was there unchanged.

    Arguments:
        object: The model.  Left out, the call waits for a model piped in.
        export_dir_base: Directory (or file, for ONNX) to write.
        format: ``"tf_saved_model"``, ``"onnx"`` or ``"openvino"``.
        verbose: Whether to print a summary of the export.
        input_signature: Optional input specs.
        **kwargs: Passed on to ``keras.Model.export``.

    Value:
        The model.

    Examples:
        >>> import os, tempfile
        >>> from kerasfn import export_savedmodel, keras_model_sequential, layer_dense
        >>> path = os.path.join(tempfile.mkdtemp(), "served")
        >>> _ = keras_model_sequential(input_shape=3) | layer_dense(2) | export_savedmodel(path, verbose=False)
        >>> os.path.exists(os.path.join(path, "saved_model.pb"))
        True

    See also:
        :func:`save_model`.
    """
    with replacing(export_dir_base) as staged, _printed_as(staged, export_dir_base):
        object.export(staged, format=format, verbose=verbose, input_signature=input_signature, **kwargs)
    return object


@contextlib.contextmanager
def _printed_as(staged: str, path: str) -> Iterator[None]:
    """Keras' export report names the folder it wrote in: name the one its files are moved to."""
    captured = io.StringIO()
    try:
        with contextlib.redirect_stdout(captured):
            yield
    finally:
        print(captured.getvalue().replace(staged, path), end="")


# -- batches -------------------------------------------------------------------


@model_verb({"x": required(), "class_weight": as_class_weight})
def train_on_batch(object: keras.Model, x: Any, y: Any = None, sample_weight: Any = None,
                   class_weight: Any = None) -> Any:
    """Train a model on one batch

    Description:
        One gradient update on ``x``, ``y``.  As in R, a single result (the
        loss of a model without metrics) is returned alone, several by name.

    Arguments:
        object: A compiled model.  Left out, the call waits for one piped in.
        x: Input data of one batch.
        y: Target data.
        sample_weight: Optional weights for the samples.
        class_weight: Optional dict of class index (or R's ``"0"``, ``"1"``
            names) to weight.

    Value:
        The loss (a float), or a dict of the loss and metrics.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import compile, keras_model_sequential, layer_dense, train_on_batch
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(1, kernel_initializer="zeros")
        >>> model = model | compile(optimizer="sgd", loss="mse")
        >>> model | train_on_batch(np.zeros((4, 3)), np.ones((4, 1)))
        1.0

    See also:
        :func:`test_on_batch`, :func:`predict_on_batch`, :func:`fit`.
    """
    return _scalar_or_dict(object.train_on_batch(x, y, sample_weight=sample_weight, class_weight=class_weight,
                                                 return_dict=True))


@model_verb({"x": required()})
def test_on_batch(object: keras.Model, x: Any, y: Any = None, sample_weight: Any = None, **kwargs: Any) -> Any:
    """Evaluate a model on one batch

    Description:
        The loss (and metrics) on ``x``, ``y``, without training.  A single
        result is returned alone, several by name, as in R.

    Arguments:
        object: A compiled model.  Left out, the call waits for one piped in.
        x: Input data of one batch.
        y: Target data.
        sample_weight: Optional weights for the samples.
        **kwargs: Passed on to ``keras.Model.test_on_batch``.

    Value:
        The loss (a float), or a dict of the loss and metrics.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import compile, keras_model_sequential, layer_dense, test_on_batch
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(1, kernel_initializer="zeros")
        >>> model = model | compile(loss="mse", metrics="mae")
        >>> model | test_on_batch(np.zeros((4, 3)), np.ones((4, 1)))
        {'loss': 1.0, 'mae': 1.0}

    See also:
        :func:`train_on_batch`.
    """
    return _scalar_or_dict(object.test_on_batch(x, y, sample_weight=sample_weight, return_dict=True, **kwargs))


@model_verb({"x": required()})
def predict_on_batch(object: keras.Model, x: Any) -> Any:
    """Predict on one batch

    Description:
        The model's outputs for ``x``, in one call (no batching, no
        callbacks).

    Arguments:
        object: The model.  Left out, the call waits for one piped in.
        x: Input data of one batch.

    Value:
        A numpy array (or a list of them for several outputs).

    Examples:
        >>> import numpy as np
        >>> from kerasfn import keras_model_sequential, layer_dense, predict_on_batch
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(1, kernel_initializer="ones")
        >>> model | predict_on_batch(np.ones((2, 3)))
        array([[3.],
               [3.]], dtype=float32)

    See also:
        :func:`predict`.
    """
    return object.predict_on_batch(x)


# -- state -----------------------------------------------------------------------


def _as_value_format(name: str, value: Any) -> str:
    choices = ("backend_tensor", "numpy_array", "array")
    if value not in choices:
        raise ValueError(f"`{name}` must be one of {', '.join(map(repr, choices))}; received {describe(value)}.")
    return "numpy_array" if value == "array" else value


@model_verb({"value_format": _as_value_format})
def get_state_tree(object: keras.Model, value_format: str = "backend_tensor") -> dict[str, Any]:
    """Get all the variables of a model as a nested dict

    Description:
        The model's state (trainable, non-trainable, optimizer and metrics
        variables) by name: ``keras.Model.get_state_tree``.  R's
        ``"r_array"``/``"array"`` is ``"array"`` (numpy arrays).

    Arguments:
        object: A compiled model.  Left out, the call waits for one piped in.
        value_format: ``"backend_tensor"``, ``"numpy_array"`` or ``"array"``.

    Value:
        A nested dict of variable values.

    Examples:
        >>> from kerasfn import compile, get_state_tree, keras_model_sequential, layer_dense
        >>> model = keras_model_sequential(input_shape=3, name="m") | layer_dense(2, name="d") | compile(loss="mse")
        >>> tree = model | get_state_tree("numpy_array")
        >>> tree["trainable_variables"]["m"]["d"]["kernel"].shape
        (3, 2)

    See also:
        :func:`set_state_tree`.
    """
    return object.get_state_tree(value_format)


@model_verb({"state_tree": required()})
def set_state_tree(object: keras.Model, state_tree: Mapping[str, Any]) -> keras.Model:
    """Set the variables of a model from a nested dict

    Description:
        The inverse of ``get_state_tree()``: assigns each variable named in
        ``state_tree``.

    Arguments:
        object: A model.  Left out, the call waits for one piped in.
        state_tree: A nested dict as ``get_state_tree()`` returns.

    Value:
        The model.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import *
        >>> model = keras_model_sequential(input_shape=3, name="m") | layer_dense(2, name="d") | compile(loss="mse")
        >>> tree = model | get_state_tree("numpy_array")
        >>> tree["trainable_variables"]["m"]["d"]["kernel"] = np.ones((3, 2))
        >>> float(get_weights(model | set_state_tree(tree))[0].sum())
        6.0

    See also:
        :func:`get_state_tree`.
    """
    object.set_state_tree(state_tree)
    return object


@layer_verb({"mode": required(as_string)})
def quantize_weights(object: keras.layers.Layer, mode: str, **kwargs: Any) -> keras.layers.Layer:
    """Quantize the weights of a model or layer

    Description:
        ``keras.Model.quantize``: replaces supported layers' weights (Dense,
        EinsumDense, Embedding) by quantized ones, in place.  Returns the
        model, so a pipe can go on (R returns ``NULL``).

    Arguments:
        object: A built model or layer.  Left out, the call waits for one piped in.
        mode: ``"int8"``, ``"int4"``, ``"float8"``, ...
        **kwargs: Passed on to ``quantize()``.

    Value:
        ``object``, quantized in place.

    Examples:
        >>> from kerasfn import keras_model_sequential, layer_dense, quantize_weights
        >>> model = keras_model_sequential(input_shape=3) | layer_dense(2) | quantize_weights("int8")
        >>> model.layers[0].kernel.dtype
        'int8'

    See also:
        :func:`get_weights`.
    """
    object.quantize(mode, **kwargs)
    return object


# -- preprocessing layers ------------------------------------------------------------


@layer_verb({"data": required(), "batch_size": as_positive_integer, "steps": as_positive_integer})
def adapt(object: keras.layers.Layer, data: Any, batch_size: int | None = None, steps: int | None = None,
          **kwargs: Any) -> keras.layers.Layer:
    """Fit a preprocessing layer's state to data

    Description:
        Computes what a preprocessing layer learns from data before
        training (a ``layer_normalization()``'s mean and variance, a
        ``layer_string_lookup()``'s vocabulary).

    Arguments:
        object: A preprocessing layer.  Left out, the call waits for one piped in.
        data: Array, tensor or dataset to learn from.
        batch_size: Samples per batch (whole number).
        steps: Number of batches (for datasets).
        **kwargs: Passed on to the layer's ``adapt()``.

    Value:
        The layer, adapted in place.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import adapt, layer_normalization
        >>> layer = layer_normalization() | adapt(np.array([[0.0], [2.0]]))
        >>> float(layer.mean[0, 0]), float(layer.variance[0, 0])
        (1.0, 1.0)

    See also:
        :func:`get_vocabulary`.
    """
    keywords = {key: value for key, value in (("batch_size", batch_size), ("steps", steps)) if value is not None}
    object.adapt(data, **keywords, **kwargs)  # data positional: FeatureSpace calls it `dataset`
    return object


@layer_verb({"include_special_tokens": as_bool})
def get_vocabulary(object: keras.layers.Layer, include_special_tokens: bool = True) -> list[Any]:
    """Get the vocabulary of a lookup or text-vectorization layer

    Description:
        The layer's vocabulary, in index order.

    Arguments:
        object: A ``layer_string_lookup()``, ``layer_integer_lookup()`` or
            ``layer_text_vectorization()``.  Left out, the call waits for one.
        include_special_tokens: Whether to include the padding and OOV tokens.

    Value:
        A list.

    Examples:
        >>> from kerasfn import get_vocabulary, layer_string_lookup
        >>> layer_string_lookup(vocabulary=["a", "b"]) | get_vocabulary()
        ['[UNK]', 'a', 'b']

    See also:
        :func:`set_vocabulary`, :func:`adapt`.
    """
    vocabulary = object.get_vocabulary(include_special_tokens=include_special_tokens)
    return [item.item() if isinstance(item, np.generic) else item for item in vocabulary]  # R: plain strings


@layer_verb({"vocabulary": required(as_list)})
def set_vocabulary(object: keras.layers.Layer, vocabulary: Any, idf_weights: Any = None,
                   **kwargs: Any) -> keras.layers.Layer:
    """Set the vocabulary of a lookup or text-vectorization layer

    Description:
        Replaces the layer's vocabulary (and, for ``"tf_idf"`` output, its
        IDF weights).

    Arguments:
        object: A lookup or text-vectorization layer.  Left out, the call waits for one.
        vocabulary: The terms (a list, or a path to a file with one per line).
        idf_weights: IDF weights, one per term (``output_mode="tf_idf"`` only).
        **kwargs: Passed on to ``set_vocabulary()``.

    Value:
        The layer.

    Examples:
        >>> from kerasfn import get_vocabulary, layer_string_lookup, set_vocabulary
        >>> layer = layer_string_lookup() | set_vocabulary(["x", "y"])
        >>> get_vocabulary(layer, include_special_tokens=False)
        ['x', 'y']

    See also:
        :func:`get_vocabulary`.
    """
    if isinstance(vocabulary, list) and len(vocabulary) == 1 and isinstance(vocabulary[0], (str, os.PathLike)) \
            and os.path.isfile(vocabulary[0]):
        vocabulary = os.fspath(vocabulary[0])  # a vocabulary file
    keywords = {} if idf_weights is None else {"idf_weights": idf_weights}
    object.set_vocabulary(vocabulary, **keywords, **kwargs)
    return object
