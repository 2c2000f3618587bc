"""The decorators that give each generated family R keras3's call semantics.

Each is :func:`kerasfn.rcall.binding.r_function` with the family's subject:
what its functions work on, and so what ``x | f(...)`` pipes in.  One small
function per family; the generated modules call them with each function's
converters.
"""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Callable, Mapping
from typing import Any

import keras

from kerasfn.rcall.converters import Converter, as_integer_vector, as_positive_integer
from kerasfn.rcall.binding import r_function
from kerasfn.rcall.tensors import is_tensor_data, is_tensor_like

__all__ = [
    "activation_function",
    "any_value_function",
    "as_labels",
    "as_split_size",
    "check_axis_in_rank",
    "constructor",
    "conversion_function",
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
    call that ``x | op_sum(axis=0)`` completes.  An ``axis`` of ``x``
    outside its rank is reported before the backend sees it."""
    semantics = r_function(is_tensor_like, "a tensor or array", converters)

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        return semantics(_checking_axis(function))

    return decorate


#: Ops whose ``axis`` may name an axis ``x`` does not have yet (one of the result's).
_AXIS_OF_THE_RESULT = frozenset({"op_expand_dims", "op_one_hot", "op_stack"})


def _checking_axis(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` (an op of ``x`` with an ``axis`` of ``x``), checking that
    axis against the rank of ``x`` first: TensorFlow's "Invalid reduction
    dimension" and JAX's and torch's messages say nothing of R's 1-based axes."""
    parameters = list(inspect.signature(function).parameters)
    if parameters[:1] != ["x"] or "axis" not in parameters or function.__name__ in _AXIS_OF_THE_RESULT:
        return function
    position = parameters.index("axis")

    @functools.wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        axis = args[position] if len(args) > position else kwargs.get("axis")
        if axis is not None and args:
            check_axis_in_rank(axis, getattr(args[0], "shape", None))
        return function(*args, **kwargs)

    return checked


def check_axis_in_rank(axis: Any, shape: Any) -> None:
    """Raise a ``ValueError`` for an ``axis`` (or axes) outside ``[-rank, rank)``
    of a tensor of this ``shape`` (nothing is checked when the rank is unknown)."""
    try:
        rank = len(shape)
    except (TypeError, ValueError):  # no shape, or a tensor of unknown rank
        return
    for value in axis if isinstance(axis, (list, tuple)) else (axis,):
        if isinstance(value, int) and not -rank <= value < rank:
            r_axis = f" (R's axis = {value} is axis={value - 1})" if 1 <= value <= rank else ""
            raise ValueError(
                f"`axis` = {value} is out of range for a rank-{rank} tensor (shape {tuple(shape)}): axes count "
                f"from 0, from 0 to {rank - 1} (or -{rank} to -1){r_axis}."
            )


def conversion_function(converters: Mapping[str, Converter]) -> Decorator:
    """A conversion to a tensor (``op_convert_to_tensor(x)``, ``as_tensor(x)``):
    like :func:`tensor_function`, and text is data too (a string tensor), but
    for a lone string naming a dtype, the ``dtype`` of a partial call."""
    return r_function(is_tensor_data, "data: a number, string, array or tensor", converters)


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
