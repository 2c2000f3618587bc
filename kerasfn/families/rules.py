"""The decorators that give each generated family R keras3's call semantics.

Each is :func:`kerasfn.rfunction.r_function` with the family's subject:
what its functions work on, and so what ``x | f(...)`` pipes in.  One small
function per family; the generated modules call them with each function's
converters.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable, Mapping
from typing import Any

import keras

from kerasfn.r_conventions import Converter, as_integer_vector, as_positive_integer
from kerasfn.rfunction import r_function
from kerasfn.tensors import is_tensor_like

__all__ = [
    "activation_function",
    "any_value_function",
    "as_labels",
    "as_split_size",
    "constructor",
    "function_of_function",
    "tensor_function",
    "utility_function",
]

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def constructor(converters: Mapping[str, Converter]) -> Decorator:
    """A function that builds a Keras object from its arguments and composes
    with nothing (``optimizer_adam()``, ``feature_float()``): its converters only."""
    return r_function(None, "", converters)


def tensor_function(converters: Mapping[str, Converter]) -> Decorator:
    """An ``op_*``/``random_*`` function: it computes on tensor data given
    first (numbers, arrays, tensors, lists of them); without it, a partial
    call that ``x | op_sum(axis=0)`` completes."""
    return r_function(is_tensor_like, "a tensor or array", converters)


def function_of_function(converters: Mapping[str, Converter]) -> Decorator:
    """An op whose first argument is a Python function (``op_scan(f, init)``,
    ``op_custom_gradient(f)``): it runs when given one."""
    return r_function(callable, "a function", converters)


def any_value_function(converters: Mapping[str, Converter]) -> Decorator:
    """An op that asks a question of any value (``op_is_tensor(x)``)."""
    return r_function(lambda value: True, "a value", converters)


def activation_function(converters: Mapping[str, Converter]) -> Decorator:
    """An ``activation_*`` function: computes on ``x`` like :func:`tensor_function`,
    and stands for Keras' own activation (``keras.activations.relu`` for
    ``activation_relu``) where a layer takes ``activation=``, as R keras3
    resolves its wrappers to the Python function they call."""
    tensor = tensor_function(converters)

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        wrapper = tensor(function)
        wrapper.keras_function = getattr(keras.activations, function.__name__.removeprefix("activation_"))
        return wrapper

    return decorate


def _is_path(value: Any) -> bool:
    return isinstance(value, (str, os.PathLike))


def _is_image(value: Any) -> bool:
    return hasattr(value, "getbands")  # a PIL image, without importing PIL here


#: A utility's subject, recognised by the name of its first argument.
_UTILITY_SUBJECTS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "path": (_is_path, "a file path"),
    "directory": (_is_path, "a directory path"),
    "x": (is_tensor_like, "an array"),
    "img": (_is_image, "a PIL image"),
    "dataset": (lambda value: value is not None, "a dataset or arrays"),
    "tensor": (lambda value: isinstance(value, keras.KerasTensor), "a symbolic tensor"),
    "obj": (lambda value: value is not None, "an object"),
    "config": (lambda value: isinstance(value, (Mapping, str)), "a config"),
    "name": (lambda value: isinstance(value, str), "a name"),
}


def utility_function(converters: Mapping[str, Converter]) -> Decorator:
    """A ``keras.utils``/``keras.saving`` helper (``image_load(path)``,
    ``split_dataset(dataset)``): it runs on its first argument, whose kind its
    name says, or, without it, waits for it to be piped in
    (``"cat.png" | image_load()``); one with no argument is a plain function."""

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        parameters = inspect.signature(function).parameters
        first = next(iter(parameters), None)
        if first not in _UTILITY_SUBJECTS:
            return r_function(None, "", converters)(function)
        subject, text = _UTILITY_SUBJECTS[first]
        return r_function(subject, text, converters)(function)

    return decorate


def as_split_size(name: str, value: Any) -> Any:
    """``split_dataset(left_size=)``: R's ``ifelse(x < 1, x, as_integer(x))``:
    a fraction below 1, else a whole number of samples."""
    if value is None or (isinstance(value, float) and 0 < value < 1):
        return value
    return as_positive_integer(name, value)


def as_labels(name: str, value: Any) -> Any:
    """``labels``: ``"inferred"``, ``None``, or one integer label per file."""
    if value is None or isinstance(value, str):
        return value
    return as_integer_vector(name, value)
