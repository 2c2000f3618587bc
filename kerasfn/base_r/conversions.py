"""R's type conversions and tests: as.numeric(), as.integer(), as.character(), as.logical(), is.na(), ..."""

from __future__ import annotations

import math
import numbers
import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np

from kerasfn.base_r._format import as_character_values
from kerasfn.base_r._values import Factor, NamedVector, as_vector, is_scalar, na_mask, scalarize, text_vector

__all__ = ["as_character", "as_integer", "as_logical", "as_numeric", "as_py_array", "as_py_index", "is_na", "is_null",
           "is_numeric", "r_to_py"]


def is_null(x: Any) -> bool:
    """Is a value NULL, as R's is.null()

    Description:
        Whether ``x`` is R's ``NULL`` (Python's ``None``).  An empty list is
        not ``NULL``.

    Arguments:
        x: The value.

    Value:
        A ``bool``.

    Examples:
        >>> from kerasfn.base_r import is_null
        >>> is_null(None), is_null([])
        (True, False)

    See also:
        :func:`kerasfn.base_r.is_na`
    """
    return x is None



def is_na(x: Any) -> Any:
    """Which values are missing, as R's is.na()

    Description:
        ``TRUE`` for missing values: NaN in numbers (Python has one NaN for
        R's ``NA`` and ``NaN``, and R's ``is.na`` is ``TRUE`` for both),
        ``None`` in character vectors and lists.

    Arguments:
        x: A value or vector.

    Value:
        A ``bool`` for a single value, else a logical array.

    Examples:
        >>> from kerasfn.base_r import is_na
        >>> is_na([1, float("nan"), 3])
        array([False,  True, False])

    See also:
        :func:`kerasfn.base_r.is_null`, :func:`kerasfn.base_r.ifelse`
    """
    if isinstance(x, list) and not all(is_scalar(v) for v in x):
        return np.array([v is None or (is_scalar(v) and bool(is_na(v))) for v in x])
    values = as_vector(x)
    missing = na_mask(values) if values.dtype.kind != "c" else np.isnan(values)
    return scalarize(missing, x) if not isinstance(x, NamedVector) else NamedVector(missing, x.names)



def _coerced(values: list, convert: Any) -> np.ndarray:
    out, failed = [], False
    for v in values:
        try:
            out.append(convert(v))
        except (TypeError, ValueError):
            out.append(math.nan)
            failed = True
    if failed:
        warnings.warn("NAs introduced by coercion", stacklevel=3)
    return np.array(out, dtype=float)



def _parse_number(v: Any) -> float:
    if v is None:
        return math.nan
    if isinstance(v, str):
        text = v.strip()
        if text in ("NA", ""):
            return math.nan
        return float(text.replace("Inf", "inf"))
    return float(v)



def as_numeric(x: Any) -> Any:
    """Convert to doubles, as R's as.numeric()

    Description:
        Numbers as doubles; strings parsed (a string that is not a number
        becomes missing, with R's warning "NAs introduced by coercion");
        logicals as 0/1; a factor gives its integer codes as R does.
        Tensors are read through NumPy.

    Arguments:
        x: The value.

    Value:
        A ``float`` for a single value, else a ``float64`` array.

    Examples:
        >>> from kerasfn.base_r import as_numeric
        >>> as_numeric("3.14")
        3.14
        >>> as_numeric(["1", "2.5"])
        array([1. , 2.5])

    See also:
        :func:`kerasfn.base_r.as_integer`, :func:`kerasfn.base_r.as_character`
    """
    if isinstance(x, Factor):
        return x.codes.astype(float)
    values = as_vector(x)
    if values.dtype.kind == "O":
        out = _coerced(values.tolist(), _parse_number)
    else:
        out = values.astype(float)
    return scalarize(out, x)



def as_integer(x: Any) -> Any:
    """Convert to integers, as R's as.integer()

    Description:
        Doubles truncated toward zero, strings parsed then truncated,
        logicals as 0/1, a factor's integer codes.  A missing value cannot
        be an integer in NumPy: any missing value makes the result doubles
        with NaN.

    Arguments:
        x: The value.

    Value:
        An ``int`` for a single value, else an integer array.

    Examples:
        >>> from kerasfn.base_r import as_integer
        >>> as_integer(3.9), as_integer(-3.9), as_integer("12")
        (3, -3, 12)

    See also:
        :func:`kerasfn.base_r.as_numeric`
    """
    if isinstance(x, Factor):
        return x.codes.copy()
    numbers_ = np.asarray(as_numeric(x), dtype=float).reshape(-1)
    if np.isnan(numbers_).any():
        out = np.trunc(numbers_)
    else:
        out = np.trunc(numbers_).astype(np.int64)
    return scalarize(out, x)



def as_py_array(x: Any, floatx: str) -> Any:
    """R data as R keras3 hands it to Keras where its functions take arrays

    Description:
        R keras3's conversion of the data arguments it declares with
        ``as_py_array()`` or ``keras_array()`` (``y_true``, ``y_pred`` of
        losses and metrics): R's doubles (float arrays, floats) become a
        NumPy array of Keras' float type, R's integers an ``int32`` array,
        logicals a ``bool`` array; tensors, ``None`` and other Python
        objects pass unchanged, as R passes Python objects.  One number
        becomes an array of one, as reticulate's ``np_array()`` makes it.

    Arguments:
        x: The value.
        floatx: Keras' float type (``config_floatx()``).

    Value:
        A NumPy array, or ``x`` itself.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import as_py_array
        >>> as_py_array(np.array([0.5, 1.0]), "float32").dtype, as_py_array(np.array([1, 2]), "float32").dtype
        (dtype('float32'), dtype('int32'))

    See also:
        :func:`kerasfn.base_r.as_numeric`, :func:`kerasfn.base_r.as_integer`
    """
    if isinstance(x, (list, tuple)) and all(is_scalar(item) for item in x):
        x = np.asarray(x)
    if isinstance(x, (bool, np.bool_)) or isinstance(x, np.ndarray) and x.dtype == np.bool_:
        return np.asarray(x, dtype=bool).reshape(np.shape(x) or (1,))
    if isinstance(x, (numbers.Real, np.number)) or isinstance(x, np.ndarray) and x.dtype.kind in "iuf":
        kind = np.asarray(x).dtype.kind
        return np.asarray(x, dtype=floatx if kind == "f" else np.int32).reshape(np.shape(x) or (1,))
    return x


def as_py_index(x: Any) -> Any:
    """R's 1-based positions as R keras3 hands them to Keras

    Description:
        R keras3's conversion of the position arguments it declares with
        ``as_py_index()`` (``op_take(indices = )``, ``op_scatter(indices =
        )``, ``op_one_hot(x = )``): positive positions count from 0 after it
        (minus one), 0 and negative ones are kept; R's doubles become
        integers (``int32``, R's integer) and a list is converted element
        by element.  A tensor is shifted with ``ops.where()`` and keeps its
        type, as R keras3 does.

    Arguments:
        x: Positions: a number, a vector or array, a list of them, or a
            tensor.

    Value:
        The positions counted from 0: an ``int``, an integer array, a list,
        or a tensor.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import as_py_index
        >>> as_py_index(np.array([[1.0, 2.0], [2.0, 2.0]])).tolist(), as_py_index(3)
        ([[0, 1], [1, 1]], 2)

    See also:
        :func:`kerasfn.base_r.as_py_array`
    """
    if isinstance(x, (list, tuple)):
        return [as_py_index(item) for item in x]
    if isinstance(x, (numbers.Real, np.number, np.ndarray)) and not isinstance(x, (bool, np.bool_)):
        positions = np.asarray(x)
        if positions.dtype.kind == "f":
            positions = np.trunc(positions).astype(np.int32)  # R's storage.mode(x) <- "integer"
        shifted = np.where(positions > 0, positions - 1, positions)
        return shifted.item() if np.ndim(x) == 0 else shifted
    from keras import ops  # only a tensor gets here: base_r itself does not load Keras

    return ops.where(x > 0, x - 1, x)


def r_to_py(x: Any) -> Any:
    """An R vector as reticulate hands it to Python, as reticulate's r_to_py()

    Description:
        R passes a vector (a 1-d array here) to Python as a list of Python
        numbers, strings or booleans, and a vector of one element as that
        element: so Keras reads R's doubles as its float type and R's
        integers as ``int32``.  Matrices and arrays of more dimensions stay
        NumPy arrays, and anything else (tensors, lists, Python objects) is
        unchanged.

    Arguments:
        x: The value.

    Value:
        A list, a Python scalar, or ``x`` itself.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import r_to_py
        >>> r_to_py(np.array([1.5, 2.0])), r_to_py(np.array([3]))
        ([1.5, 2.0], 3)

    See also:
        :func:`kerasfn.base_r.as_py_array`
    """
    if isinstance(x, np.ndarray) and x.ndim == 1:
        values = x.tolist()
        return values[0] if len(values) == 1 else values
    return x


def as_character(x: Any) -> Any:
    """Convert to strings, as R's as.character()

    Description:
        Doubles with up to 15 significant digits as R writes them
        (``0.1 + 0.2`` gives ``"0.3"``, ``1e5`` gives ``"1e+05"``),
        integers as digits, logicals ``"TRUE"``/``"FALSE"``, a factor its
        labels; missing values stay missing (``None``).

    Arguments:
        x: The value.

    Value:
        A ``str`` for a single value, else a character vector.

    Examples:
        >>> from kerasfn.base_r import as_character
        >>> as_character(1 / 3)
        '0.333333333333333'
        >>> as_character([1.0, 2.5])
        array(['1', '2.5'], dtype=object)

    See also:
        :func:`kerasfn.base_r.paste`, :func:`kerasfn.base_r.format`
    """
    if isinstance(x, Factor):
        return x.labels()
    out = text_vector(as_character_values(as_vector(x).reshape(-1).tolist()))
    if isinstance(x, NamedVector):
        return NamedVector(out, x.names)
    return scalarize(out, x)



_TRUE = {"TRUE", "true", "T", "True"}



_FALSE = {"FALSE", "false", "F", "False"}



def as_logical(x: Any) -> Any:
    """Convert to logicals, as R's as.logical()

    Description:
        Numbers: 0 is ``FALSE``, others ``TRUE``; strings ``"TRUE"``,
        ``"true"``, ``"T"``, ``"True"`` (and the ``FALSE`` forms); anything
        else is missing.  NumPy's logical arrays cannot hold a missing
        value: with any, the result is an object array holding ``None``.

    Arguments:
        x: The value.

    Value:
        A ``bool`` (or ``None``) for a single value, else an array.

    Examples:
        >>> from kerasfn.base_r import as_logical
        >>> as_logical(["TRUE", "false", "T"])
        array([ True, False,  True])

    See also:
        :func:`kerasfn.base_r.as_numeric`
    """
    values = as_vector(x).reshape(-1)
    out: list[Any] = []
    for v in values.tolist():
        if isinstance(v, str):
            out.append(True if v in _TRUE else False if v in _FALSE else None)
        elif v is None or (isinstance(v, float) and math.isnan(v)):
            out.append(None)
        else:
            out.append(bool(v))
    array = np.array(out, dtype=bool) if None not in out else text_vector(out)
    return scalarize(array, x)



def is_numeric(x: Any) -> bool:
    """Is a value numeric, as R's is.numeric()

    Description:
        ``TRUE`` for integer and double values and vectors (and numeric
        tensors), ``FALSE`` for logicals, strings, factors and lists.

    Arguments:
        x: The value.

    Value:
        A ``bool``.

    Examples:
        >>> from kerasfn.base_r import is_numeric
        >>> is_numeric(1), is_numeric("1"), is_numeric(True)
        (True, False, False)

    See also:
        :func:`kerasfn.base_r.class_`
    """
    if isinstance(x, (bool, np.bool_, str, Factor, Mapping, list, tuple)) or x is None:
        return False
    if isinstance(x, (numbers.Real, np.number)):
        return True
    try:
        kind = as_vector(x).dtype.kind
    except (TypeError, ValueError):
        return False
    return kind in "iuf"
