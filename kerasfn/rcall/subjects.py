"""Every subject decorator: the one place that says what each kind of kerasfn function works on.

Each is :func:`kerasfn.rcall.binding.r_function` with a subject: what the
function takes first, and so what ``x | f(...)`` pipes in.  One small
function per kind: layers (``layer_function``: what a layer composes with),
model verbs (``model_verb``), the generated families (``tensor_function``
for ``op_*``, ``dual_function`` for ``loss_*``/``metric_*``, ...).  The
generated modules and the hand-written API call them with each function's
converters.
"""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Callable, Mapping
from typing import Any

import keras

from kerasfn.rcall.binding import Pending, r_function
from kerasfn.rcall.converters import Converter, as_integer_vector, as_positive_integer
from kerasfn.rcall.dispatch import COMPOSITION_CONVERTERS, is_composable, is_merge_input
from kerasfn.rcall.dual import is_data
from kerasfn.rcall.tensors import is_tensor_data, is_tensor_like

__all__ = [
    "activation_function",
    "any_value_function",
    "as_labels",
    "as_split_size",
    "cell_constructor",
    "check_axis_in_rank",
    "constructor",
    "conversion_function",
    "dual_function",
    "function_of_function",
    "is_keras_object",
    "layer_function",
    "layer_verb",
    "merge_function",
    "model_verb",
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


# Layers: what a layer composes with (kerasfn.rcall.dispatch) is the subject.

_LAYER_SUBJECT = "a tensor, an array, a symbolic input (keras_input()) or a Sequential model"


def layer_function(converters: Mapping[str, Converter]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """R semantics for a ``layer_*(object, ...)`` function: ``object`` is
    what the layer composes with; left out, the function returns the layer."""
    return r_function(is_composable, _LAYER_SUBJECT, {**COMPOSITION_CONVERTERS, **converters})


def cell_constructor(converters: Mapping[str, Converter]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Converters only, for a function that composes with nothing (an RNN cell)."""
    return r_function(None, "", {**COMPOSITION_CONVERTERS, **converters})


def merge_function(converters: Mapping[str, Converter]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """R semantics for a merge layer function, ``layer_add(*inputs, ...)``."""
    return r_function(is_merge_input, "a tensor or a list of tensors", {**COMPOSITION_CONVERTERS, **converters})


# Model verbs: a model or layer is the subject.

def _is_model(value: Any) -> bool:
    return isinstance(value, keras.Model)


def _is_layer(value: Any) -> bool:
    return isinstance(value, keras.layers.Layer)


def is_keras_object(value: Any) -> bool:
    """Keras objects that are never a verb's data argument: given first to a
    verb that does not take them, they are a mistake, not a partial call."""
    return isinstance(value, (keras.layers.Layer, keras.callbacks.Callback))


def model_verb(converters: dict[str, Converter] | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """R semantics for a verb on a Keras model: ``fit(model, x, y)`` or ``model | fit(x, y)``."""
    return r_function(_is_model, "a Keras model", converters, misplaced=is_keras_object)


def layer_verb(converters: dict[str, Converter] | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """R semantics for a verb on a layer or model: ``get_weights(layer)``."""
    return r_function(_is_layer, "a Keras layer or model", converters, misplaced=is_keras_object)


# Losses and metrics: R keras3's dual form (kerasfn.rcall.dual).

_DUAL_SUBJECT = "a tensor or array (y_true)"


def dual_function(converters: Mapping[str, Converter]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """R semantics for a ``loss_*``/``metric_*`` function of ``(y_true, y_pred, ...)``.

    Both or neither given: the call runs (its body computes the value or
    builds the object).  Only ``y_pred`` given (by name, or as the one
    positional datum): a :class:`~kerasfn.rcall.binding.Pending` call waiting for
    ``y_true`` from a pipe, its arguments checked now.
    """

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(function)
        run = r_function(None, "", converters)(function)

        def dual(*args: Any, **kwargs: Any) -> Any:
            given = signature.bind_partial(*args, **kwargs).arguments
            has_true, has_pred = given.get("y_true") is not None, given.get("y_pred") is not None
            if has_true != has_pred and "y_true" not in kwargs:
                # R's `y_true |> f(y_pred)`: the datum given is y_pred; y_true comes from the pipe.
                bound = signature.bind_partial(None, *args, **kwargs).arguments
                for name, value in bound.items():
                    if name in converters and name != "y_true":
                        converters[name](name, value)
                return Pending(dual, args, kwargs)
            return run(*args, **kwargs)

        # The semantics of the data form: y_true is what a pipe brings.
        functools.update_wrapper(dual, r_function(is_data, _DUAL_SUBJECT, converters)(function))
        return dual

    return decorate
