"""The decorators that give each generated family R keras3's call semantics.

Each is :func:`kerasfn.rfunction.r_function` with the family's subject:
what its functions work on, and so what ``x | f(...)`` pipes in.  One small
function per family; the generated modules call them with each function's
converters.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import keras

from kerasfn.r_conventions import Converter
from kerasfn.rfunction import r_function
from kerasfn.tensors import is_tensor_like

__all__ = ["activation_function", "any_value_function", "constructor", "function_of_function", "tensor_function"]

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
