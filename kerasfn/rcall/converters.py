"""R argument conventions: the converters a function declares for its arguments.

R keras3 scripts pass doubles where Keras wants integers (``units = 4`` is
``4.0`` in R), vectors where Keras wants tuples (``c(10, 8)``), ``NULL`` for
"not given" and ``0``/``1`` for ``FALSE``/``TRUE``.  R keras3 declares in
each wrapper which converter applies to which argument
(``capture_args(list(units = as_integer, kernel_size = as_integer_tuple))``);
kerasfn does the same through :func:`kerasfn.rcall.binding.r_function`, with the
converters below.  Their names follow R keras3's; where R converts an index
or axis from 1-based to 0-based, kerasfn keeps Python's 0-based values (the
porting rule) and only checks them.

Every converter is ``converter(name, value) -> value``: it returns the value
Keras should get, or raises a ``TypeError``/``ValueError`` naming the
argument and the value received.  Converters have no side effects: checking
an identifier never creates the object it names (creating an initializer
would draw from the global random state and change the weights that follow).
"""

from __future__ import annotations

import numbers
import random
from collections.abc import Callable, Mapping
from typing import Any

import keras
import numpy as np

from kerasfn.rcall.shape import Shape, as_shape

__all__ = [
    "COMPOSITION_CONVERTERS",
    "Converter",
    "LAYER_KEYWORDS",
    "as_activation",
    "as_axis",
    "as_bool",
    "as_class_weight",
    "as_constraint",
    "as_custom_objects",
    "as_index",
    "as_initializer",
    "as_integer",
    "as_integer_tuple",
    "as_integer_vector",
    "as_list",
    "as_merge_mode",
    "as_model_data",
    "as_nonnegative_integer",
    "as_number",
    "as_optional_shape",
    "as_positive_integer",
    "as_probability",
    "as_recurrent_layer",
    "as_regularizer",
    "as_scalar_or_tuple",
    "as_scale",
    "as_seed",
    "as_shape",
    "as_string",
    "as_string_or_function",
    "as_target_shape",
    "as_tuple",
    "as_use_cudnn",
    "as_verbose",
    "check_keywords",
    "check_numeric_array",
    "describe",
    "required",
]

Converter = Callable[[str, Any], Any]

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
    if "\n" in text:  # a repr meant for reading on its own (an array, a printed history)
        shape = getattr(value, "shape", None)
        if shape is not None:
            text = f"<shape={tuple(shape)}, dtype={getattr(value, 'dtype', '?')}>"
        elif isinstance(value, (list, tuple, dict)):
            text = " ".join(text.split())
        else:
            text = f"<{type(value).__name__}>"
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(value).__name__})"


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def _is_vector(value: Any) -> bool:
    """R's vector as Python writes it: a list, a tuple or a 1-d array (``c(3, 3)``)."""
    return isinstance(value, (list, tuple)) or isinstance(value, np.ndarray) and value.ndim == 1


def required(converter: Converter | None = None) -> Converter:
    """An argument R keras3 declares without a default: ``None`` (left out) is an error."""

    def convert(name: str, value: Any) -> Any:
        if value is None:
            raise TypeError(f"`{name}` is missing, with no default.")
        return value if converter is None else converter(name, value)

    convert.__name__ = f"required({getattr(converter, '__name__', '')})"
    return convert


def as_integer(name: str, value: Any) -> int | None:
    """A whole number, given as an int or as an R-style double (``4.0``), or as a 0-d array (one
    number: R's ``as.integer()`` of a tensor gives one)."""
    if value is None:
        return None
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if not _is_number(value):
        raise TypeError(f"`{name}` must be a whole number; received {describe(value)}.")
    if not float(value).is_integer():
        raise ValueError(f"`{name}` must be a whole number; received {describe(value)}.")
    return int(value)


def as_integer_vector(name: str, value: Any) -> Any:
    """R's vectorised ``as_integer``: numbers, one or many (a list, tuple or
    array), become whole numbers; anything else (strings, a file path, a
    tensor) is left to Keras, as R leaves it."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return [as_integer(name, item) if _is_number(item) else item for item in value]
    return as_integer(name, value) if _is_number(value) else value


def as_positive_integer(name: str, value: Any) -> int | None:
    """A whole number > 0 (``units``, ``filters``, ...)."""
    number = as_integer(name, value)
    if number is not None and number <= 0:
        raise ValueError(f"`{name}` must be a positive whole number; received {describe(value)}.")
    return number


def as_nonnegative_integer(name: str, value: Any) -> int | None:
    """A whole number >= 0 (``verbose``-like counts, ``initial_epoch``)."""
    number = as_integer(name, value)
    if number is not None and number < 0:
        raise ValueError(f"`{name}` must be a whole number >= 0; received {describe(value)}.")
    return number


def as_integer_tuple(name: str, value: Any) -> int | tuple[int, ...] | None:
    """``kernel_size = 3`` or ``kernel_size = c(3, 3)`` (a list, tuple or 1-d array)."""
    if _is_vector(value):
        return tuple(as_integer(name, item) for item in value)
    return as_integer(name, value)


def as_scale(name: str, value: Any) -> Any:
    """R's ``normalize_padding``/``normalize_cropping``: a number, one number
    per dimension, or a pair per dimension (``list(c(1, 2), c(0, 1))``)."""
    if isinstance(value, (list, tuple)):
        return tuple(as_integer_tuple(name, item) if isinstance(item, (list, tuple)) else as_integer(name, item)
                     for item in value)
    return as_integer(name, value)


def as_axis(name: str, value: Any) -> int | tuple[int, ...] | None:
    """An axis or axes (a list, tuple or 1-d array), 0-based as Python's (R keras3 converts its 1-based ones)."""
    if _is_vector(value):
        return tuple(as_integer(name, item) for item in value)
    return as_integer(name, value)


#: R's as_index (1-based to 0-based in R): Python indices are already 0-based.
as_index = as_axis


def as_number(name: str, value: Any) -> float | int | None:
    """A number (not a string or a bool)."""
    if value is None or _is_number(value):
        return value
    raise TypeError(f"`{name}` must be a number; received {describe(value)}.")


def as_scalar_or_tuple(name: str, value: Any) -> float | int | tuple | None:
    """R keras3's ``as_scalar_or_tuple()``: one number stays a number; a vector
    of them (``c(0.1, 0.2)``: a list, tuple or 1-d array) becomes a tuple, as
    Keras takes a range (``layer_solarization(addition_factor=)``)."""
    if _is_vector(value):
        items = [item.item() if isinstance(item, np.generic) else item for item in value]
        if all(_is_number(item) for item in items):
            return tuple(items)
    elif value is None or _is_number(value):
        return value
    raise TypeError(f"`{name}` must be a number or a vector of numbers; received {describe(value)}.")


def as_probability(name: str, value: Any) -> float:
    """A fraction in [0, 1].  Keras silently clamps some of these; R users expect an error."""
    if not _is_number(value):
        raise TypeError(f"`{name}` must be a number between 0 and 1; received {describe(value)}.")
    if not 0.0 <= float(value) <= 1.0:
        raise ValueError(f"`{name}` must be between 0 and 1; received {describe(value)}.")
    return float(value)


def as_bool(name: str, value: Any) -> bool:
    """``TRUE``/``FALSE``: a Python or numpy bool, or R's ``1``/``0``; never a truthy stand-in."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if _is_number(value) and value in (0, 1):
        return bool(value)
    raise TypeError(f"`{name}` must be True or False; received {describe(value)}.")


def as_string(name: str, value: Any) -> str | None:
    """A string option (``padding = "same"``); Keras checks which strings."""
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"`{name}` must be a string; received {describe(value)}.")


def as_string_or_function(name: str, value: Any) -> Any:
    """An option given by name or as a function (``layer_text_vectorization(standardize=)``:
    ``"lower"`` or ``function(x) ...``, as R keras3 and Keras take)."""
    if value is None or isinstance(value, str) or callable(value):
        return value
    raise TypeError(f"`{name}` must be a string or a function; received {describe(value)}.")


def as_tuple(name: str, value: Any) -> tuple | None:
    """R's vector or list where Keras wants a tuple."""
    return tuple(value) if isinstance(value, list) else value


def as_list(name: str, value: Any) -> list | None:
    """R's length-one vector (``metrics = "accuracy"``) where Keras wants a
    list; a named list (a dict) stays a dict."""
    if value is None or isinstance(value, (list, Mapping)):
        return value
    if isinstance(value, (tuple, set)):
        return list(value)
    return [value]


def as_seed(name: str, value: Any) -> Any:
    """An R double seed becomes an int; a ``keras.random.SeedGenerator`` passes."""
    if isinstance(value, keras.random.SeedGenerator):
        return value
    return as_integer(name, value)


def as_optional_shape(name: str, value: Any) -> Shape | None:
    """R's ``normalize_shape``: ``c(10, 8)``, ``10``, ``list(NULL, 8)``, ``NA`` for unknown."""
    return None if value is None else as_shape(name, value)


def as_target_shape(name: str, value: Any) -> tuple[int, ...]:
    """``layer_reshape(target_shape)``: a shape whose one unknown size (``-1``,
    ``NA`` or ``None``) is inferred, as R keras3 and Keras allow."""
    values = value if isinstance(value, (list, tuple, Shape)) else (value,)
    dims = []
    for item in values:
        if item is None or item == -1 or (isinstance(item, float) and np.isnan(item)):
            dims.append(-1)
            continue
        dim = as_integer(name, item)
        if dim < 0:
            raise ValueError(f"`{name}` sizes must be positive or -1 (one unknown size); received {describe(value)}.")
        dims.append(dim)
    if dims.count(-1) > 1:
        raise ValueError(f"`{name}` may have one unknown size (-1); received {describe(value)}.")
    return tuple(dims)


def as_verbose(name: str, value: Any) -> Any:
    """``verbose``: ``"auto"``, 0, 1 or 2 (R's doubles accepted)."""
    if value == "auto" and isinstance(value, str):
        return value
    number = as_integer(name, value) if _is_number(value) else None
    if number not in (0, 1, 2):
        raise ValueError(f'`{name}` must be "auto", 0, 1 or 2; received {describe(value)}.')
    return number


def as_class_weight(name: str, value: Any) -> dict[int, float] | None:
    """R's named vector ``c("0" = 1, "1" = 2)`` arrives with string keys, which
    Keras would silently ignore: keys become class indices."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError(f"`{name}` must map class indices to weights; received {describe(value)}.")
    weights = {}
    for key, weight in value.items():
        index = key
        if isinstance(key, str):
            try:
                index = float(key)
            except ValueError:
                raise ValueError(f"`{name}` keys must be class indices; received key {key!r}.") from None
        weights[as_integer(name, index)] = float(as_number(name, weight))
    return weights


def as_custom_objects(name: str, value: Any) -> dict[str, Any] | None:
    """R's ``custom_objects``: a named list, or an unnamed one whose names are
    taken from each object (a class's or function's name; a ``Layer()``
    function stands for its class)."""
    if value is None or isinstance(value, Mapping):
        return None if value is None else {key: _custom_object(item) for key, item in value.items()}
    items = value if isinstance(value, (list, tuple)) else [value]
    objects = {}
    for item in items:
        item = _custom_object(item)
        item_name = getattr(item, "__name__", None)
        if item_name is None:
            raise ValueError(f"`{name}`: cannot infer a name for {describe(item)}; pass a dict of name: object.")
        objects[item_name] = item
    return objects


def _custom_object(item: Any) -> Any:
    return getattr(item, "layer_class", item)


def as_recurrent_layer(name: str, value: Any) -> Any:
    """``layer_bidirectional(layer)``: a recurrent layer (an RNN, LSTM, GRU, ...);
    Keras would fail deep in its deserializer on anything else."""
    if value is None or isinstance(value, keras.layers.RNN):
        return value
    raise TypeError(
        f"`{name}` must be a recurrent layer (layer_lstm(), layer_gru(), layer_simple_rnn(), layer_rnn()); "
        f"received {describe(value)}."
    )


def _array_summary(value: Any) -> str:
    return f"shape {tuple(value.shape)}, dtype {value.dtype}"


def check_numeric_array(name: str, value: np.ndarray, strings_allowed: bool = False) -> None:
    """A numpy array a model or layer computes on: numbers, not Python objects
    (Keras fails on those deep inside TensorFlow's conversion), and, unless
    ``strings_allowed`` (a layer may take text), not strings.  Reads the
    dtype and at most one element: no copy of the data."""
    kind = value.dtype.kind
    if kind == "O":
        first = value.flat[0] if value.size else None
        if strings_allowed and isinstance(first, (str, bytes)):
            return
        raise TypeError(
            f"`{name}` is a numpy array of Python objects ({_array_summary(value)}); Keras computes on numbers: "
            f'convert it first, e.g. {name}.astype("float32").'
        )
    if kind in "USV" and not strings_allowed:
        raise TypeError(
            f"`{name}` is a numpy array of {'strings' if kind in 'US' else 'raw bytes'} ({_array_summary(value)}); "
            "Keras trains and predicts on numbers: encode text first (layer_text_vectorization()), "
            "or pass a tf.data dataset."
        )


def as_model_data(name: str, value: Any) -> Any:
    """``x``/``y`` of ``fit()``, ``evaluate()`` and ``predict()``: arrays of
    numbers with at least one sample, or a list or dict of them (a model
    with several inputs or outputs).  Only dtypes and shapes are read;
    datasets, generators and other iterables pass unchecked (Keras reads them)."""
    if isinstance(value, np.ndarray):
        check_numeric_array(name, value)
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            if isinstance(item, (np.ndarray, list, tuple, Mapping)) or hasattr(item, "shape"):
                as_model_data(f"{name}[{index}]", item)
        return value
    if isinstance(value, Mapping):
        for key, item in value.items():
            as_model_data(f"{name}[{key!r}]", item)
        return value
    shape = getattr(value, "shape", None)
    if shape is not None and not callable(shape) and len(shape) > 0 and shape[0] == 0:
        raise ValueError(f"`{name}` has no samples (shape {tuple(shape)}); there is nothing to compute on.")
    return value


def as_use_cudnn(name: str, value: Any) -> str | bool:
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if value == "auto":
        return value
    raise ValueError(f'`{name}` must be "auto", True or False; received {describe(value)}.')


def as_merge_mode(name: str, value: Any) -> str | None:
    """``layer_bidirectional(merge_mode=)``: one of Keras' modes, or ``None``."""
    choices = ("sum", "mul", "ave", "concat")
    if value is not None and value not in choices:
        raise ValueError(f"`{name}` must be one of {', '.join(map(repr, choices))} or None; received {describe(value)}.")
    return value


def _identifier(check: Callable[[str], bool], what: str, article: str = "a") -> Converter:
    """A Keras identifier (``"tanh"``, ``"glorot_uniform"``), checked by name
    without creating the object; objects, callables, configs and ``None`` pass."""

    def convert(name: str, value: Any) -> Any:
        # a kerasfn activation_* stands for Keras' own function (R keras3 resolves its wrappers so)
        value = getattr(value, "keras_function", value)
        if value is None or callable(value) or isinstance(value, Mapping) or not isinstance(value, str) and hasattr(value, "get_config"):
            return value
        if not isinstance(value, str):
            raise TypeError(f"`{name}` must be {article} {what} name or object; received {describe(value)}.")
        if not check(value):
            raise ValueError(f"`{name}` is not a known {what}; received {describe(value)}.")
        return value

    return convert


def _resolvable(getter: Callable[[str], Any]) -> Callable[[str], bool]:
    """Whether Keras' ``getter`` resolves a name, asked without side effects.

    Resolving creates the object, and creating an initializer with no seed
    draws one from Python's global random state (Keras'
    ``make_default_seed``): the draw is undone, so ``set_random_seed(1)``
    gives the weights it gives in plain Keras and R."""
    known: set[str] = set()  # names resolved once: layer construction is on the pipe's hot path

    def check(text: str) -> bool:
        if text in known:
            return True
        state = random.getstate()
        try:
            getter(text)
        except (ValueError, TypeError):
            return False
        finally:
            random.setstate(state)
        known.add(text)
        return True

    return check


as_activation = _identifier(_resolvable(keras.activations.get), "activation", "an")
as_initializer = _identifier(_resolvable(keras.initializers.get), "initializer", "an")
as_regularizer = _identifier(_resolvable(keras.regularizers.get), "regularizer")
as_constraint = _identifier(_resolvable(keras.constraints.get), "constraint")

#: What every R keras3 layer wrapper declares for the model-input keywords.
COMPOSITION_CONVERTERS: dict[str, Converter] = {
    "input_shape": as_optional_shape,
    "batch_input_shape": as_optional_shape,
    "batch_size": as_integer,
    "input_dim": as_integer,
}


def check_keywords(owner: str, keywords: Mapping[str, Any], accepted: frozenset[str]) -> None:
    """Reject keyword arguments a layer would not know, the way Python does."""
    for name, value in keywords.items():
        if name not in accepted:
            raise TypeError(
                f"{owner}() got an unexpected keyword argument '{name}' "
                f"(received {name}={describe(value)})."
            )
