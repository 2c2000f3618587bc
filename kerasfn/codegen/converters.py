"""Which converter each argument of a generated function declares.

Two sources, in this order:

1. R keras3's own declaration: the converter its wrapper names for the
   argument in ``capture_args(list(...))`` (read from the extracted
   :mod:`kerasfn.codegen.rkeras3` catalog), translated to kerasfn's
   converter of the same meaning (:data:`R_CONVERTERS`).  R's converters
   pass values they do not apply to through unchanged (R's ``as_integer``
   leaves a string alone), so where R declares ``as_integer`` for an option
   Keras documents as a string (``output_mode``), the string check wins.
2. kerasfn's checks, from the Keras signature, for what R leaves to Keras
   but Keras would silently misread or report deep inside: booleans must be
   booleans, activations/initializers/regularizers/constraints known names,
   string options strings, rates probabilities.

An argument R declares without a default is wrapped in ``required()``.  The
result is written into each generated function, so every function states
its own converters, as R keras3's wrappers do.
"""

from __future__ import annotations

import inspect
from typing import Any

from kerasfn.codegen import rkeras3

__all__ = ["R_CONVERTERS", "converters_for", "r_converter"]

#: R keras3 converter -> kerasfn converter (``None``: R's converter only
#: reshapes R data into Python data, which Python users already have).
R_CONVERTERS: dict[str, str | None] = {
    "as_integer": "as_integer",
    "as_nullable_integer": "as_integer",
    "as_integer_tuple": "as_integer_tuple",
    "as_axis": "as_axis",
    "as_index": "as_index",
    "as_py_index": "as_index",
    "normalize_shape": "as_optional_shape",
    "as_tuple": "as_tuple",
    "as_scalar_or_tuple": "as_scalar_or_tuple",
    "as_list": "as_list",
    "as.list": "as_list",
    "as_py_array": None,
    "as_array": None,
    "as.array": None,
    "keras_array": None,
    "normalize_input_data": None,
    "as_integer_array": None,
}

#: R declarations written inline as R functions, recognised by what they call.
_INLINE: tuple[tuple[str, str], ...] = (
    ("normalize_padding", "as_scale"),
    ("normalize_cropping", "as_scale"),
    ("normalize_shape(shp)", "as_target_shape"),
    ("as_integer_tuple(x) else as_integer", "as_integer_tuple"),
    ("lapply(x, as_integer)", "as_integer_tuple"),
)

#: Whole numbers that must be positive.
_POSITIVE = frozenset({"units", "filters", "output_dim", "num_heads", "key_dim", "n", "input_dim", "groups"})
_PROBABILITIES = frozenset({"dropout", "recurrent_dropout", "rate"})
_BY_NAME = {
    "activation": "as_activation",
    "recurrent_activation": "as_activation",
    "seed": "as_seed",
    "use_cudnn": "as_use_cudnn",
    "merge_mode": "as_merge_mode",
}
_BY_SUFFIX = (
    ("_initializer", "as_initializer"),
    ("_regularizer", "as_regularizer"),
    ("_constraint", "as_constraint"),
)
#: Arguments that R's (vectorised) ``as_integer`` converts element by element.
_VECTORS = frozenset({"vocabulary"})
#: Sizes given as one number or one per dimension (``pool_size = c(2, 2)``).
_INTEGER_OR_TUPLE = frozenset({"pool_size", "strides", "size", "kernel_size", "dilation_rate", "output_padding",
                               "attention_axes"})
#: Model-input keywords every layer function converts (``layer_function`` adds them).
_COMPOSITION = frozenset({"input_shape", "batch_input_shape", "batch_size", "input_dim"})
#: String options that also take a function (``layer_text_vectorization(standardize = function(x) ...)``).
_STRING_OR_FUNCTION = frozenset({"standardize", "split"})
#: Arguments that hold a layer, cell or function, whatever R declares.
_OBJECTS = frozenset({"cell", "layer", "backward_layer", "module", "function", "f"})


def r_converter(declaration: str) -> str | None:
    """kerasfn's converter for an R keras3 converter declaration."""
    if declaration in R_CONVERTERS:
        return R_CONVERTERS[declaration]
    for fragment, converter in _INLINE:
        if fragment in declaration:
            return converter
    return None


def _kerasfn_check(name: str, default: Any) -> str | None:
    if name in _POSITIVE:
        return "as_positive_integer"
    if name in _PROBABILITIES:
        return "as_probability"
    if name in _BY_NAME:
        return _BY_NAME[name]
    if name in _STRING_OR_FUNCTION and isinstance(default, str):
        return "as_string_or_function"
    for suffix, converter in _BY_SUFFIX:
        if name.endswith(suffix):
            return converter
    if isinstance(default, bool):
        return "as_bool"
    if isinstance(default, str):
        return "as_string"
    if isinstance(default, float):
        return "as_number"
    if isinstance(default, int):
        return "as_integer"
    return None


def _converter(name: str, declaration: str | None, default: Any) -> str | None:
    converter = r_converter(declaration) if declaration and name not in _BY_NAME else None
    if converter == "as_integer" and isinstance(default, (str, bool)):
        converter = None  # R's as_integer leaves strings and flags alone
    if converter == "as_integer" and name in _VECTORS:
        converter = "as_integer_vector"  # R's as_integer is vectorised
    if converter == "as_integer" and (isinstance(default, tuple) or name in _INTEGER_OR_TUPLE):
        converter = "as_integer_tuple"  # ... and these take one number per dimension
    converter = converter or _kerasfn_check(name, default)
    if converter == "as_integer" and name in _POSITIVE:
        converter = "as_positive_integer"
    return converter


def converters_for(r_name: str, parameters: list[inspect.Parameter], defaults: dict[str, Any]) -> dict[str, str]:
    """Converter expressions (source text) for the arguments of ``r_name``,
    whose Keras parameters are ``parameters`` with defaults ``defaults``."""
    r_function = rkeras3.function(r_name)
    declared = dict(r_function.converters) if r_function else {}
    required = (set(r_function.required) if r_function
                else {parameter.name for parameter in parameters if parameter.default is parameter.empty})
    names = [parameter.name for parameter in parameters]
    result: dict[str, str] = {}
    extra = [name for name in declared if name not in names and name not in _COMPOSITION]
    for name in [*names, *extra]:
        converter = None if name in _OBJECTS else _converter(name, declared.get(name), defaults.get(name))
        if name in required and name in names:
            result[name] = f"required({converter or ''})"
        elif converter is not None:
            result[name] = converter
    return result
