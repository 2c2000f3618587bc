"""The one composition mechanism behind every ``layer_*`` function.

R keras3 builds all of its layer functions from two small functions, and so
does kerasfn:

* :func:`create_layer` turns a wrapper's arguments into a Keras layer (R
  conventions applied, unknown keywords rejected) and hands it to
* :func:`compose_layer`, a multiple-dispatch function on the type of
  ``object`` that decides what the call returns:

  ==========================  =============================================
  ``object``                  result
  ==========================  =============================================
  missing / ``None``          the layer itself
  a Sequential model          the model, with the layer appended
  a ``KerasTensor``           the symbolic output (named if ``return_state``)
  eager data (tensor, array)  the output, computed now
  a list/tuple of tensors     the output of a merge layer
  anything else               ``TypeError`` naming ``object``
  ==========================  =============================================

A wrapper is one line: ``return create_layer(SomeLayer, locals())``.  The
pipe operator (:mod:`kerasfn.rcall.pipe`) calls :func:`compose_layer` too.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

import keras
import numpy as np
from multipledispatch import Dispatcher

from kerasfn.rcall import internals
from kerasfn.rcall.binding import Pending
from kerasfn.rcall.converters import (
    COMPOSITION_CONVERTERS,
    LAYER_KEYWORDS,
    as_shape,
    check_keywords,
    check_numeric_array,
    describe,
)
from kerasfn.rcall.destructure import name_outputs

__all__ = [
    "EAGER_TYPES",
    "backend_tensor_classes",
    "COMPOSITION_CONVERTERS",
    "compose_layer",
    "create_layer",
    "create_merge",
    "is_composable",
    "is_merge_input",
    "is_tensor",
]

Layer = keras.layers.Layer
KerasTensor = keras.KerasTensor


def backend_tensor_classes() -> tuple[type, ...]:
    """The active backend's own tensor classes, eager and traced: ``tf.Tensor``;
    JAX's concrete array class and its tracers (inside ``jax.jit``, a traced
    ``call()``, Keras' jitted train step; they pass ``isinstance(t, jax.Array)``
    but are not its subclasses, and dispatch follows the class hierarchy);
    ``torch.Tensor``."""
    backend = keras.backend.backend()
    if backend == "tensorflow":
        import tensorflow as tf

        return (tf.Tensor,)
    if backend == "jax":
        import jax

        return (internals.jax_array_class(), jax.core.Tracer)
    if backend == "torch":
        import torch

        return (torch.Tensor,)
    return ()


def _eager_types() -> tuple[type, ...]:
    """Concrete tensor types of the active backend, plus numpy and variables."""
    variables: tuple[type, ...] = (keras.Variable,)
    if keras.backend.backend() == "tensorflow":
        import tensorflow as tf

        variables += (tf.Variable,)
    return (np.ndarray, *variables, *backend_tensor_classes())


EAGER_TYPES = _eager_types()
_TENSOR_TYPES = (KerasTensor, *EAGER_TYPES)

compose_layer = Dispatcher("compose_layer", doc="Compose ``layer`` with ``object``: R keras3's compose_layer(); see the module docstring.")


@compose_layer.register(type(None), Layer)
def _layer_itself(object: None, layer: Layer) -> Layer:
    return layer


@compose_layer.register(keras.Sequential, Layer)
def _append_to_sequential(model: keras.Sequential, layer: Layer) -> keras.Sequential:
    """Append in place and return the model; on failure, put the model back as it was.

    Plain Keras keeps a layer that failed to build inside the model, leaving it
    unusable; R users expect ``model |> layer_x()`` to be all or nothing.
    """
    saved = internals.sequential_snapshot(model)
    try:
        batch_shape = internals.declared_batch_shape(layer)
        if batch_shape is not None and not internals.sequential_layers(model):
            model.add(keras.layers.InputLayer(batch_shape=batch_shape))
        if internals.sequential_graph(model) is None:
            held = internals.sequential_layers(model)
            if len(held) == 1 and isinstance(held[0], keras.layers.InputLayer):  # the add builds the layer
                _check_inputs(layer, held[0].output)
            model.add(layer)
        else:
            _extend_built_sequential(model, layer)
    except BaseException:  # a KeyboardInterrupt too: an interrupted pipe is undone, not half done
        internals.restore_sequential(model, saved)
        raise
    return model


def _extend_built_sequential(model: keras.Sequential, layer: Layer) -> None:
    """What ``model.add(layer)`` does to a built model, in one layer call.

    ``add()`` rebuilds the whole graph, calling every earlier layer again, so
    a pipe of n layers would cost n^2/2 layer calls; extending the built
    graph by the new layer's call gives the same model at the list
    constructor's cost.
    """
    graph = internals.sequential_graph(model)
    _check_inputs(layer, graph.outputs[0])
    outputs = layer(graph.outputs[0])
    model.add(layer, rebuild=False)
    internals.set_sequential_graph(model, keras.Model(inputs=graph.inputs, outputs=outputs))
    model.built = True


def _check_axis(layer: Layer, inputs: Any) -> None:
    """An ``axis`` outside the inputs' known rank is reported before Keras
    builds the layer (where it fails with an index error or a bare shape)."""
    axis = getattr(layer, "axis", None)
    shape = getattr(inputs[0] if isinstance(inputs, (list, tuple)) else inputs, "shape", None)
    if shape is None or axis is None or isinstance(axis, bool):
        return
    rank = len(shape)
    for value in axis if isinstance(axis, (list, tuple)) else (axis,):
        if isinstance(value, int) and not -rank <= value < rank:
            raise ValueError(
                f"`axis` of {type(layer).__name__} must be in [{-rank}, {rank - 1}] for inputs of rank {rank} "
                f"(shape {tuple(shape)}); received {describe(axis)}."
            )


_RECURRENT = (keras.layers.RNN, keras.layers.Bidirectional)
#: Weights per unit and input feature, and per unit squared (the recurrent kernel).
_WEIGHT_FACTORS = ((keras.layers.LSTM, 4), (keras.layers.GRU, 3), (keras.layers.SimpleRNN, 1))
#: Below this size, weights are not checked against the memory available.
_LARGE_WEIGHTS = 1 << 28


def _available_memory() -> int | None:
    """Bytes of memory available now (Linux's MemAvailable), or the machine's total."""
    try:
        with open("/proc/meminfo") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, AttributeError):
        return None


def _weight_count(layer: Layer, features: int) -> int:
    """How many weights ``layer`` creates for inputs of ``features`` features
    (0 for layers this check does not know)."""
    units = getattr(layer, "units", None)
    if not isinstance(units, int):
        return 0
    if isinstance(layer, keras.layers.Dense):
        return features * units + units
    for recurrent_class, gates in _WEIGHT_FACTORS:
        if isinstance(layer, recurrent_class):
            return gates * units * (features + units + 1)
    return 0


def _check_weight_size(layer: Layer, features: int) -> None:
    """Weights that cannot fit in memory are reported, naming ``units``, before
    Keras tries to allocate them (a ResourceExhaustedError, or the machine swapping)."""
    count = _weight_count(layer, features)
    if count == 0:  # a layer this check does not know (its variable dtype may be "string": StringLookup)
        return
    size = count * np.dtype(layer.variable_dtype).itemsize
    if size < _LARGE_WEIGHTS:
        return
    available = _available_memory()
    if available is not None and size > available:
        raise ValueError(
            f"`units` = {layer.units:,} gives {type(layer).__name__} {count:,} weights for inputs of {features} "
            f"features ({size / 2**30:,.1f} GiB of {layer.variable_dtype}), more than the {available / 2**30:,.1f} GiB "
            "of memory available; choose fewer units."
        )


def _check_inputs(layer: Layer, inputs: Any) -> None:
    """What Keras would report from deep inside a layer's build or call,
    said in terms of the data given (``object``), before the layer runs."""
    _check_axis(layer, inputs)
    if isinstance(inputs, np.ndarray):
        check_numeric_array("object", inputs, strings_allowed=True)
    shape = getattr(inputs, "shape", None)
    if shape is None or layer.built or len(shape) < 2:
        return
    features = shape[-1]
    if isinstance(layer, (keras.layers.Dense, *_RECURRENT)) and features is None:
        raise ValueError(
            f"`object`'s last dimension (its features) is unknown (shape {tuple(shape)}); {type(layer).__name__} "
            "sizes its weights from it: give the input a known last dimension, e.g. keras_input((10, 8))."
        )
    if features is not None:
        _check_weight_size(layer, int(features))
    if isinstance(layer, _RECURRENT) and len(shape) >= 3 and not getattr(layer, "time_major", False) and shape[1] == 0:
        raise ValueError(
            f"`object` has 0 timesteps (shape {tuple(shape)}); {type(layer).__name__} needs at least one."
        )


def _call_on_empty_batch(layer: Layer, tensor: Any) -> Any:
    """A recurrent layer on a batch of 0 samples returns its outputs for 0
    samples, as Dense does (Keras' recurrent layers fail in their loop):
    the layer runs on one sample of zeros, of which no row is kept."""
    if getattr(layer, "stateful", False):
        raise ValueError(f"`object` has no samples (shape {tuple(tensor.shape)}); a stateful layer needs its batch.")
    one = keras.ops.zeros((1, *tensor.shape[1:]), dtype=keras.backend.standardize_dtype(tensor.dtype))
    return keras.tree.map_structure(lambda output: output[:0], layer(one))


@compose_layer.register(_TENSOR_TYPES, Layer)
def _call_on_tensor(tensor: Any, layer: Layer) -> Any:
    _check_inputs(layer, tensor)
    if isinstance(layer, _RECURRENT) and not isinstance(tensor, KerasTensor) and not getattr(layer, "time_major", False) \
            and len(tensor.shape) >= 3 and tensor.shape[0] == 0:
        return name_outputs(layer, _call_on_empty_batch(layer, tensor))
    return name_outputs(layer, layer(tensor))


def _is_tensor_list(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and len(value) > 0 and all(
        isinstance(item, _TENSOR_TYPES) for item in value
    )


@compose_layer.register((list, tuple), Layer)
def _call_on_tensor_list(tensors: list | tuple, layer: Layer) -> Any:
    if not _is_tensor_list(tensors):
        _unsupported(tensors, layer)
    _check_axis(layer, tensors)
    return name_outputs(layer, layer(list(tensors)))


@compose_layer.register(object, Layer)
def _unsupported(object: Any, layer: Layer | None) -> Any:
    if isinstance(object, Pending) and object.waiting:  # layer_concatenate(a) | layer_dense(1)
        raise TypeError(f"`object` is a call still waiting for its inputs, not a tensor: {object.waiting}.")
    raise TypeError(
        "`object` must be None, a Sequential model, a symbolic tensor (keras_input()), "
        "eager data (a tensor or array) or a list of tensors; "
        f"received {describe(object)}."
    )


def is_composable(value: Any) -> bool:
    """Whether ``value`` is something a layer can be composed with."""
    if isinstance(value, (list, tuple)):
        return _is_tensor_list(value)
    return value is None or isinstance(value, (keras.Sequential, *_TENSOR_TYPES))


def is_tensor(value: Any) -> bool:
    """A symbolic or eager tensor (or array): a merge layer's input."""
    return isinstance(value, _TENSOR_TYPES)


def is_merge_input(value: Any) -> bool:
    """A tensor or a list of tensors: what a merge layer (``layer_add()``) takes."""
    return is_tensor(value) or _is_tensor_list(value)


@cache
def _accepted_keywords(layer_class: type) -> frozenset[str]:
    """Named ``__init__`` parameters anywhere in the class hierarchy, and the
    retired keywords a Keras ``__init__`` still takes out of ``**kwargs``
    (``Embedding(input_length=)``, which R keras 2 scripts pass: Keras warns
    and drops it)."""
    names = set(LAYER_KEYWORDS)
    for klass in layer_class.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None:
            continue
        for parameter in inspect.signature(init).parameters.values():
            if parameter.kind in (parameter.POSITIONAL_OR_KEYWORD, parameter.KEYWORD_ONLY):
                names.add(parameter.name)
        names.update(internals.popped_keywords(init))
    return frozenset(names - {"self"})


def _batch_shape(keywords: dict[str, Any]) -> tuple | None:
    """R scripts declare the model input on the first layer: ``input_shape``,
    ``batch_input_shape``, ``batch_size`` or ``input_dim``.  Pop them and
    return the full batch shape they describe, if any."""
    input_dim = keywords.pop("input_dim", None)
    input_shape = keywords.pop("input_shape", None)
    batch_input_shape = keywords.pop("batch_input_shape", None)
    batch_size = keywords.pop("batch_size", None)
    if batch_input_shape is not None:
        return tuple(as_shape("batch_input_shape", batch_input_shape))
    if input_shape is None and input_dim is not None:
        input_shape = (input_dim,)
    if input_shape is None:
        if batch_size is not None:
            raise ValueError(
                f"`batch_size` ({describe(batch_size)}) needs `input_shape` to go with it."
            )
        return None
    return (batch_size, *as_shape("input_shape", input_shape))


def create_layer(layer_class: Callable[..., Layer], arguments: Mapping[str, Any]) -> Any:
    """Build ``layer_class`` from a wrapper's ``locals()`` and compose it with ``object``.

    ``arguments`` holds ``object``, the wrapper's named arguments (already
    converted by its :func:`~kerasfn.rcall.subjects.layer_function` declaration) and ``kwargs``.
    """
    arguments = dict(arguments)
    object = arguments.pop("object", None)
    keywords = dict(arguments.pop("kwargs", {}))
    owner = getattr(layer_class, "__name__", str(layer_class))
    check_keywords(owner, keywords, _accepted_keywords(layer_class))
    batch_shape = _batch_shape(keywords)
    layer = layer_class(**arguments, **keywords)
    if batch_shape is not None:
        internals.declare_batch_shape(layer, batch_shape)
    return compose_layer(object, layer)


def create_merge(layer_class: Callable[..., Layer], inputs: tuple, arguments: Mapping[str, Any]) -> Any:
    """R's ``layer_add(inputs, ...)``: the inputs given (tensors, or lists of
    them, flattened one level as R's ``c()`` does) are merged now; none
    given, the layer is returned."""
    arguments = dict(arguments)
    arguments.pop("inputs", None)
    layer = create_layer(layer_class, arguments)
    tensors = [item for value in inputs for item in (value if isinstance(value, (list, tuple)) else [value])]
    return compose_layer(tensors, layer) if tensors else layer
