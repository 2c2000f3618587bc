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
pipe operator (:mod:`kerasfn.pipe`) calls :func:`compose_layer` too.
"""

from __future__ import annotations

import inspect
import numbers
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

import keras
import numpy as np
from multipledispatch import Dispatcher

from kerasfn import internals
from kerasfn.destructure import name_outputs
from kerasfn.r_conventions import (
    LAYER_KEYWORDS,
    as_shape,
    check_keywords,
    convert_arguments,
    describe,
)

__all__ = ["EAGER_TYPES", "compose_layer", "create_layer", "is_composable"]

Layer = keras.layers.Layer
KerasTensor = keras.KerasTensor


def _eager_types() -> tuple[type, ...]:
    """Concrete tensor types of the active backend, plus numpy."""
    types: list[type] = [np.ndarray, keras.Variable]
    backend = keras.backend.backend()
    if backend == "tensorflow":
        import tensorflow as tf

        types += [tf.Tensor, tf.Variable]
    elif backend == "torch":
        import torch

        types.append(torch.Tensor)
    elif backend == "jax":
        import jax

        # Tracers (inside jax.jit, a traced call(), Keras' jitted train step) pass
        # isinstance(t, jax.Array) but are not its subclasses, and dispatch
        # follows the class hierarchy.
        types += [jax.Array, jax.core.Tracer]
    return tuple(types)


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
        batch_shape = getattr(layer, "_kerasfn_batch_shape", None)
        if batch_shape is not None and not internals.sequential_layers(model):
            model.add(keras.layers.InputLayer(batch_shape=batch_shape))
        if internals.sequential_graph(model) is None:
            model.add(layer)
        else:
            _extend_built_sequential(model, layer)
    except Exception:
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
    outputs = layer(graph.outputs[0])
    model.add(layer, rebuild=False)
    internals.set_sequential_graph(model, keras.Model(inputs=graph.inputs, outputs=outputs))
    model.built = True


@compose_layer.register(_TENSOR_TYPES, Layer)
def _call_on_tensor(tensor: Any, layer: Layer) -> Any:
    return name_outputs(layer, layer(tensor))


def _is_tensor_list(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and len(value) > 0 and all(
        isinstance(item, _TENSOR_TYPES) for item in value
    )


@compose_layer.register((list, tuple), Layer)
def _call_on_tensor_list(tensors: list | tuple, layer: Layer) -> Any:
    if not _is_tensor_list(tensors):
        _unsupported(tensors, layer)
    return name_outputs(layer, layer(list(tensors)))


@compose_layer.register(object, Layer)
def _unsupported(object: Any, layer: Layer | None) -> Any:
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


def _looks_like_first_argument(value: Any) -> bool:
    """Values a user means as the layer's first argument: ``layer_lstm(4)``,
    ``layer_activation("relu")``, ``layer_reshape(c(4, 2))``,
    ``layer_bidirectional(layer_lstm(4))``, ``layer_lambda(f)``."""
    if isinstance(value, (numbers.Number, str, Layer)) or callable(value):
        return True
    return isinstance(value, (list, tuple)) and not _is_tensor_list(value)


@cache
def _accepted_keywords(layer_class: type) -> frozenset[str]:
    """Named ``__init__`` parameters anywhere in the class hierarchy."""
    names = set(LAYER_KEYWORDS)
    for klass in layer_class.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None:
            continue
        for parameter in inspect.signature(init).parameters.values():
            if parameter.kind in (parameter.POSITIONAL_OR_KEYWORD, parameter.KEYWORD_ONLY):
                names.add(parameter.name)
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

    ``arguments`` holds ``object``, the wrapper's named arguments in order, and
    ``kwargs``.  When ``object`` is not something to compose with but looks
    like a value for the first named argument (``layer_lstm(4)``), and that
    argument was left unset, it is taken as that argument.
    """
    arguments = dict(arguments)
    object = arguments.pop("object")
    keywords = dict(arguments.pop("kwargs", {}))
    owner = getattr(layer_class, "__name__", str(layer_class))
    check_keywords(owner, keywords, _accepted_keywords(layer_class))

    first = next(iter(arguments), None)
    if (
        not is_composable(object)
        and _looks_like_first_argument(object)
        and first is not None
        and arguments[first] is None
    ):
        arguments[first], object = object, None
    if not is_composable(object):
        _unsupported(object, None)

    keywords = convert_arguments(keywords)
    batch_shape = _batch_shape(keywords)
    layer = layer_class(**convert_arguments(arguments), **keywords)
    if batch_shape is not None:
        layer._kerasfn_batch_shape = batch_shape
    return compose_layer(object, layer)
