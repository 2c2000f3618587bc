"""R's ``str()``: a compact display of a value's structure."""

from __future__ import annotations

import numbers
import re
import sys
from collections.abc import Mapping
from typing import Any

import numpy as np

from kerasfn.base_r._format import as_character_values, format_real
from kerasfn.base_r._values import Factor, NamedVector
from kerasfn.base_r.frames import DataFrame
from kerasfn.base_r.printing import (
    inherits_python,
    is_named_tuple,
    is_tensorflow_tensor,
    python_repr,
    tensor_shape_sizes,
)

__all__ = ["str_"]

WIDTH = 80
#: R's ``strOptions()``: how many first values a vector shows (scaled by its type), digits of numbers,
#: how many elements of a list.
VEC_LEN, DIGITS, LIST_LEN = 4, 3, 99
_ONE_DIMENSION = re.compile(r"shape=\((None|\d+),\)")


def _drop0trailing(text: str) -> str:
    """R's ``format(drop0trailing = TRUE)``: trailing zeros of the decimals (and a bare point) go."""
    mantissa, e, exponent = text.partition("e")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return mantissa + e + exponent


def _format_numbers(values: np.ndarray) -> list[str]:
    """``format(x, digits = 3, trim = TRUE, drop0trailing = TRUE)``: R's ``str()`` number format."""
    return [_drop0trailing(text) for text in format_real(values, digits=DIGITS)]


def _nice(values: np.ndarray) -> bool:
    """Whether doubles show exactly with 3 significant digits (``str()`` then shows 10 of them, not 5)."""
    finite = np.abs(values[~np.isnan(values)])
    if np.any((finite <= 1e-10) & (finite != 0)) or np.any((finite >= 1e10) & (finite != 0)):
        return False
    rounded = np.array([float(f"{v:.{DIGITS}g}") for v in values[~np.isnan(values)]])
    return bool(np.all(np.abs(values[~np.isnan(values)] - rounded) <= 9e-16 * finite))


def _mode(values: np.ndarray) -> str:
    kind = values.dtype.kind
    if kind == "b":
        return "logi"
    if kind in "iu":
        return "int"
    if kind == "f":
        return "num"
    if kind == "c":
        return "cplx"
    items = [v for v in values.reshape(-1).tolist() if v is not None]
    if items and all(isinstance(v, (bool, np.bool_)) for v in items):
        return "logi"
    if items and all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in items):
        return "int"  # sizes with an unknown one (None, R's NA)
    return "chr"


def _dims(shape: tuple[int, ...]) -> str:
    """R's ``[1:200, 1:500]``: ``1:n`` for each extent, a bare ``1`` (or ``0 ``) for the others."""
    return "[" + ", ".join(f"1:{n}" if n > 1 else f"{n}" if n == 1 else "0 " for n in shape) + "]"


def _vector_line(values: np.ndarray, array_shape: tuple[int, ...] | None, nest: int, names: list[str] | None = None,
                 indent: str = " ", give_length: bool = True) -> str:
    """One atomic vector (``values`` in R's order) as ``str()`` shows it, without the newline."""
    mode = _mode(values)
    if names is not None:
        mode = "Named " + mode
    length = values.size
    if array_shape is not None:
        head = f" {mode}{' ' if length else ''}{_dims(array_shape)}"
    elif length == 1:
        head = f" {mode}"
    elif not give_length:  # a data frame's column: R leaves the length out, and its place blank
        head = f" {mode} "
    else:
        head = f" {mode}" + (f" [1:{length}]" if length else "(0)")
    cells, shown = _first_values(values, mode.split()[-1], WIDTH - (4 + 5 * nest + len(head)))
    line = head + " " + " ".join(cells) + (" ..." if length > shown else "")
    if names is not None:
        name_values = np.empty(len(names), dtype=object)
        name_values[:] = names
        line += f"\n{indent}- attr(*, \"names\")=" + _vector_line(name_values, None, nest + 1)
    return line


def _first_values(values: np.ndarray, kind: str, room: int) -> tuple[list[str], int]:
    """The first values ``str()`` shows of a vector of R type ``kind``, and how many it shows: 10
    integers, 6 logicals, 10 doubles when 3 digits show them exactly (else 5), as many strings as
    fit in ``room`` characters."""
    if kind == "chr":
        texts = ['"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"' if t is not None else "NA"
                 for t in as_character_values(values.tolist()[:max(100, WIDTH // 3 + 1)])]
        shown = max(1, sum(1 for total in np.cumsum([1 + len(t) for t in texts]) if total < room)) if texts else 1
        return texts[:shown], shown
    if kind == "logi":
        shown = round(1.5 * VEC_LEN)
        return ["NA" if v is None else "TRUE" if v else "FALSE" for v in values.tolist()[:shown]], shown
    if kind == "int":
        shown = round(2.5 * VEC_LEN)
        return ["NA" if v is None else str(int(v)) for v in values[:shown]], shown
    if kind == "num":
        doubles = values.astype(float)
        shown = round(2.5 * VEC_LEN) if _nice(doubles[:round(2.5 * VEC_LEN)]) else round(1.25 * VEC_LEN)
        return _format_numbers(doubles[:shown]), shown
    shown = round(0.75 * VEC_LEN)
    return [str(v) for v in values[:shown]], shown


def _is_sizes(x: Any) -> bool:
    """A tuple of numbers (a shape, ``dim(x)``): R's integer vector, not a list."""
    return isinstance(x, tuple) and bool(x) and all(
        v is None or isinstance(v, (numbers.Number, np.generic)) for v in x)


def _structure(x: Any, nest: int, indent: str) -> str:
    """``str(x)``'s text without the final newline; its first line follows what the caller wrote."""
    if x is None:
        return " NULL"
    if isinstance(x, Factor):
        return _factor(x)
    if isinstance(x, DataFrame):
        return _data_frame(x, nest, indent)
    if isinstance(x, NamedVector):
        return _vector_line(x.values, None, nest, [str(n) for n in x.names], indent)
    r_list = _r_classed_list(x)
    if r_list is not None:
        items, r_class = r_list
        return _list(items, nest, indent) + f'\n{indent}- attr(*, "class")= chr "{r_class}"'
    x = tensor_shape_sizes(x)
    if _is_sizes(x):
        sizes = np.empty(len(x), dtype=object)
        sizes[:] = list(x)
        return _vector_line(sizes, None, nest, None)
    if is_named_tuple(x):
        x = dict(zip(x._fields, x))
    if isinstance(x, (Mapping, list, tuple)):
        keras_class = getattr(x, "keras_class", None) if isinstance(x, Mapping) else None
        attribute = f'\n{indent}- attr(*, "__class__")={python_repr(keras_class)}' if isinstance(keras_class, type) else ""
        return _list(x, nest, indent) + attribute
    if isinstance(x, (str, bool, numbers.Number, np.generic)):
        return _vector_line(np.array([x], dtype=object if isinstance(x, str) else None), None, nest, None)
    if isinstance(x, np.ndarray):
        if x.ndim <= 1:
            return _vector_line(x.reshape(-1), None, nest, None)
        line = _vector_line(np.asarray(x).reshape(-1, order="F"), x.shape, nest, None)
        return line + _dimnames(x, nest, indent)
    return _python_object(x)


def _dimnames(x: np.ndarray, nest: int, indent: str) -> str:
    """A named matrix's ``- attr(*, "dimnames")=List of 2`` lines (nothing for other arrays)."""
    names = [getattr(x, "rownames", None), getattr(x, "colnames", None)]
    if x.ndim != 2 or names == [None, None]:
        return ""
    inner = [None if n is None else np.array(n, dtype=object) for n in names]
    return f'\n{indent}- attr(*, "dimnames")=' + _list(inner, nest + 1, indent + " ..")


def _factor(x: Factor) -> str:
    """R's ``Factor w/ 2 levels "a","b": 1 2 1``: the levels up to the first past 13 characters in all."""
    levels = [f'"{level}"' for level in x.levels]
    widths = np.cumsum([len(level) + 1 for level in levels])
    shown = len(levels) if len(levels) <= 1 or widths[-1] <= 13 else int(np.argmax(widths > 13)) + 1
    names = ",".join(levels[:shown]) + (",.." if shown < len(levels) else "")
    codes = " ".join(str(int(code)) for code in list(x.codes)[:round(2.5 * VEC_LEN)])
    more = " ..." if len(x) > round(2.5 * VEC_LEN) else ""
    plural = "s" if len(levels) != 1 else ""
    return f" Factor w/ {len(levels)} level{plural}{' ' if levels else ''}{names}: {codes}{more}"


def _data_frame(x: DataFrame, nest: int, indent: str) -> str:
    """R's ``'data.frame':  3 obs. of  2 variables:`` and a line a column (without their lengths
    at the top level, as R shows them)."""
    columns = x.columns
    width = max((len(name) for name in columns), default=0)
    plural = "s" if len(columns) != 1 else ""
    lines = [f"'data.frame':\t{x.nrow} obs. of  {len(columns)} variable{plural}:"]
    for name in columns:
        column = x[name]
        text = _structure(column, nest + 1, indent + " ..") if isinstance(column, Factor) or nest else \
            _vector_line(np.asarray(column), None, nest + 1, give_length=False)
        lines.append(f"{indent}$ {name.ljust(width)}:" + text)
    return "\n".join(lines)


def _r_classed_list(x: Any) -> tuple[Mapping | list, str] | None:
    """The R list with a class attribute R keras3 gives for ``x``, if it gives one: a training
    history (``params`` and ``metrics``, each metric a numeric vector) and a ``shape()``."""
    if inherits_python(x, "keras.src.callbacks.history", "History"):
        metrics = {name: np.asarray(values, dtype=float) for name, values in x.history.items()}
        return {"params": dict(x.params), "metrics": metrics}, "keras_training_history"
    if inherits_python(x, "kerasfn.rcall.shape", "Shape"):
        return list(x), "keras_shape"
    return None


def _list(x: Mapping | list | tuple, nest: int, indent: str) -> str:
    items = [(str(name), value) for name, value in x.items()] if isinstance(x, Mapping) else \
        [("", value) for value in x]
    if not items:
        return " Named list()" if isinstance(x, Mapping) else " list()"
    width = max(len(name) for name, _ in items)
    lines = [f"List of {len(items)}"]
    for name, value in items[:LIST_LEN]:
        lines.append(f"{indent}$ {name.ljust(width)}:" + _structure(value, nest + 1, indent + " .."))
    if len(items) > LIST_LEN:
        lines.append(f"{indent} [list output truncated]")
    return "\n".join(lines)


def _python_object(x: Any) -> str:
    """A Python object R holds: a tensor as its repr's first line (``…>`` marking the rest cut) with
    a one-dimensional shape written ``shape=(4)`` (tensorflow's ``str()`` method), anything else as
    its ``str()`` (reticulate's)."""
    if is_tensorflow_tensor(x):
        lines = repr(x).split("\n")
        text = lines[0] + "…>" if len(lines) > 1 else lines[0]
        return _ONE_DIMENSION.sub(r"shape=(\1)", text, count=1)
    return python_repr(x) if isinstance(x, type) else str(x)


def str_(object: Any) -> None:  # noqa: A002 - R's argument name
    """Display the structure of a value, as R's str()

    Description:
        Writes a compact summary of ``object``: its type, its extent and
        its first few values on one line for a vector or array (``num
        [1:200, 1:500] 0.142 0.282 0.416 0.541 0.655 ...``, values in R's
        column-major order, numbers with 3 significant digits), ``List of
        n`` and one ``$ name:`` line a component for a list (nested lists
        indented with ``..``), and a Python object (a layer, a tensor) as R
        shows it: a tensor as ``<tf.Tensor: shape=(3), dtype=float32,
        numpy=…>``.  R's types: ``num`` for doubles, ``int`` for integers,
        ``logi``, ``chr``; a Python ``int`` is R's integer and a ``float``
        R's double.  A one-dimensional array is a vector, a tuple of numbers
        (a shape) an integer vector, a ``dict`` a named list, a ``list`` or
        other ``tuple`` an unnamed one.  Factors, data frames, training
        histories and ``shape()`` values show as R shows them (a history and
        a shape as the lists R keras3 makes of them, with their class).

    Arguments:
        object: The value.

    Value:
        ``None`` (R's invisible ``NULL``).

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import str_
        >>> str_({"x": np.arange(1, 11) / 7, "n": 64, "name": "dense"})
        List of 3
         $ x   : num [1:10] 0.143 0.286 0.429 0.571 0.714 ...
         $ n   : int 64
         $ name: chr "dense"
        >>> str_(np.zeros((2, 3), dtype=int))
         int [1:2, 1:3] 0 0 0 0 0 0

    See also:
        :func:`kerasfn.base_r.print_`
    """
    sys.stdout.write(_structure(object, 0, " ") + "\n")
    return None

