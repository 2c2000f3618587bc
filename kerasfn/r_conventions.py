"""R argument conventions, in one place.

R keras3 scripts pass doubles where Keras wants integers (``units = 4`` is
``4.0`` in R), vectors where Keras wants tuples (``c(10, 8)``) and ``NULL``
for "not given".  Every ``layer_*`` function sends its arguments through
:func:`convert_arguments`, which looks each argument up *by name* and checks
or converts it, so that a bad value is reported with the argument's name and
the value received before TensorFlow ever sees it.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Mapping
from typing import Any

import keras
import numpy as np

from kerasfn.shape import Shape, as_shape

__all__ = [
    "LAYER_KEYWORDS",
    "as_bool",
    "as_integer",
    "as_positive_integer",
    "as_probability",
    "check_keywords",
    "convert_arguments",
    "describe",
]

#: Keyword arguments that every Keras layer accepts through ``**kwargs``,
#: plus the R-era input declarations that composition handles itself.
LAYER_KEYWORDS = frozenset(
    {
        "name",
        "dtype",
        "trainable",
        "autocast",
        "input_dim",
        "input_shape",
        "batch_input_shape",
        "batch_size",
    }
)


def describe(value: Any) -> str:
    """Render a received value for an error message: its repr and type."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(value).__name__})"


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def as_integer(name: str, value: Any) -> int | None:
    """A whole number, given as an int or as an R-style double (``4.0``)."""
    if value is None:
        return None
    if not _is_number(value):
        raise TypeError(f"`{name}` must be a whole number; received {describe(value)}.")
    if not float(value).is_integer():
        raise ValueError(f"`{name}` must be a whole number; received {describe(value)}.")
    return int(value)


def as_positive_integer(name: str, value: Any) -> int:
    """A required whole number > 0 (``units``, ``filters``, ...)."""
    if value is None:
        raise TypeError(f"`{name}` is missing: it must be a positive whole number.")
    number = as_integer(name, value)
    if number <= 0:
        raise ValueError(f"`{name}` must be a positive whole number; received {describe(value)}.")
    return number


def as_probability(name: str, value: Any) -> float:
    """A fraction in [0, 1].  Keras silently clamps these; R users expect an error."""
    if not _is_number(value):
        raise TypeError(f"`{name}` must be a number between 0 and 1; received {describe(value)}.")
    if not 0.0 <= float(value) <= 1.0:
        raise ValueError(f"`{name}` must be between 0 and 1; received {describe(value)}.")
    return float(value)


def as_bool(name: str, value: Any) -> bool:
    """``TRUE``/``FALSE``: a Python or numpy bool, never a truthy stand-in."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"`{name}` must be True or False; received {describe(value)}.")
    return bool(value)


def _as_use_cudnn(name: str, value: Any) -> str | bool:
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if value == "auto":
        return value
    raise ValueError(f'`{name}` must be "auto", True or False; received {describe(value)}.')


def _as_merge_mode(name: str, value: Any) -> str | None:
    """``layer_bidirectional(merge_mode=)``: one of Keras' modes, or ``None``."""
    choices = ("sum", "mul", "ave", "concat")
    if value is not None and value not in choices:
        raise ValueError(f"`{name}` must be one of {', '.join(map(repr, choices))} or None; received {describe(value)}.")
    return value


def _keras_getter(getter: Callable[[Any], Any], what: str) -> Callable[[str, Any], Any]:
    """Check an identifier (``"tanh"``, ``"glorot_uniform"``) with Keras' own lookup.

    The identifier itself is returned unchanged so that layer configs stay as
    the user wrote them.
    """

    known_names: set[str] = set()  # names Keras resolved once; layer construction is on the pipe's hot path

    def convert(name: str, value: Any) -> Any:
        if not isinstance(value, (str, Mapping)) or (isinstance(value, str) and value in known_names):
            return value
        try:
            getter(value)
        except (ValueError, TypeError) as error:
            raise ValueError(
                f"`{name}` is not a known {what}; received {describe(value)}."
            ) from error
        if isinstance(value, str):
            known_names.add(value)
        return value

    return convert


def _as_seed(name: str, value: Any) -> Any:
    """An R double seed becomes an int; a ``keras.random.SeedGenerator`` passes."""
    return as_integer(name, value) if _is_number(value) or isinstance(value, str) else value


def _as_optional_shape(name: str, value: Any) -> Shape | None:
    return None if value is None else as_shape(name, value)


def _as_integer_or_tuple(name: str, value: Any) -> int | tuple[int, ...] | None:
    """``kernel_size = 3`` or ``kernel_size = c(3, 3)``."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return tuple(as_integer(name, item) for item in value)
    return as_integer(name, value)


_as_activation = _keras_getter(keras.activations.get, "activation")
_as_initializer = _keras_getter(keras.initializers.get, "initializer")
_as_regularizer = _keras_getter(keras.regularizers.get, "regularizer")
_as_constraint = _keras_getter(keras.constraints.get, "constraint")

#: Exact argument names and their converters.
_BY_NAME: dict[str, Callable[[str, Any], Any]] = {
    "units": as_positive_integer,
    "filters": as_positive_integer,
    "input_dim": as_integer,
    "output_dim": as_positive_integer,
    "num_heads": as_positive_integer,
    "key_dim": as_positive_integer,
    "n": as_positive_integer,
    "seed": _as_seed,
    "batch_size": as_integer,
    # model verbs: counts R passes as doubles, and TRUE/FALSE flags
    "epochs": as_integer,
    "initial_epoch": as_integer,
    "steps": as_integer,
    "steps_per_epoch": as_integer,
    "steps_per_execution": as_integer,
    "validation_steps": as_integer,
    "validation_batch_size": as_integer,
    "validation_freq": as_integer,
    "line_length": as_integer,
    "shuffle": as_bool,
    "run_eagerly": as_bool,
    "expand_nested": as_bool,
    "show_trainable": as_bool,
    "axis": _as_integer_or_tuple,
    "kernel_size": _as_integer_or_tuple,
    "pool_size": _as_integer_or_tuple,
    "strides": _as_integer_or_tuple,
    "dilation_rate": _as_integer_or_tuple,
    "size": _as_integer_or_tuple,
    "dropout": as_probability,
    "recurrent_dropout": as_probability,
    "rate": as_probability,
    "activation": _as_activation,
    "recurrent_activation": _as_activation,
    "use_cudnn": _as_use_cudnn,
    "merge_mode": _as_merge_mode,
    "input_shape": _as_optional_shape,
    "batch_input_shape": _as_optional_shape,
    "target_shape": _as_optional_shape,
    "use_bias": as_bool,
    "unit_forget_bias": as_bool,
    "return_sequences": as_bool,
    "return_state": as_bool,
    "go_backwards": as_bool,
    "stateful": as_bool,
    "unroll": as_bool,
    "time_major": as_bool,
}

#: Argument-name endings shared by whole families of arguments.
_BY_SUFFIX: tuple[tuple[str, Callable[[str, Any], Any]], ...] = (
    ("_initializer", _as_initializer),
    ("_regularizer", _as_regularizer),
    ("_constraint", _as_constraint),
)


def _converter_for(name: str) -> Callable[[str, Any], Any] | None:
    if name in _BY_NAME:
        return _BY_NAME[name]
    for suffix, converter in _BY_SUFFIX:
        if name.endswith(suffix):
            return converter
    return None


def convert_arguments(arguments: Mapping[str, Any]) -> dict[str, Any]:
    """Apply the R conventions to every argument that has one, by name."""
    converted = {}
    for name, value in arguments.items():
        converter = _converter_for(name)
        converted[name] = value if converter is None else converter(name, value)
    return converted


def check_keywords(owner: str, keywords: Mapping[str, Any], accepted: frozenset[str]) -> None:
    """Reject keyword arguments a layer would not know, the way Python does."""
    for name, value in keywords.items():
        if name not in accepted:
            raise TypeError(
                f"{owner}() got an unexpected keyword argument '{name}' "
                f"(received {name}={describe(value)})."
            )
