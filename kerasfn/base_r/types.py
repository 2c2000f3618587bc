"""R's view of values: class(), inherits(), identical(), all.equal()."""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from typing import Any

import numpy as np

from kerasfn.base_r._format import format_real
from kerasfn.base_r._values import Factor, NamedVector, Table, as_vector, is_scalar, text_vector
from kerasfn.base_r.frames import DataFrame

__all__ = ["all_equal", "class_", "identical", "inherits", "isFALSE", "isTRUE"]


def _python_class(x: Any) -> list[str]:
    out = []
    for klass in type(x).__mro__:
        module = "builtin" if klass.__module__ == "builtins" else klass.__module__
        out.append(f"python.{module}.{klass.__qualname__}" if module == "builtin"
                   else f"{module}.{klass.__qualname__}")
    return out



def class_(x: Any) -> Any:
    """The class of a value, as R's class()

    Description:
        R's class of a value held as kerasfn's base R values:
        ``"numeric"`` (doubles), ``"integer"``, ``"logical"``,
        ``"character"``, ``"NULL"``, ``"list"`` (lists and named lists),
        ``c("matrix", "array")`` (2-d arrays), ``"array"``, ``"factor"``,
        ``"data.frame"``, ``"table"``, ``"function"``.  Other Python objects
        (models, layers, tensors) give their class and its bases as
        ``module.Class`` names, as reticulate's class does (R's own keras3
        objects carry a few more R-side class names).

    Arguments:
        x: The value.

    Value:
        A ``str``, or a character vector for several classes.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import class_
        >>> class_(1.0), class_(1), class_("a"), class_(None)
        ('numeric', 'integer', 'character', 'NULL')
        >>> class_(np.zeros((2, 2)))
        array(['matrix', 'array'], dtype=object)

    See also:
        :func:`kerasfn.base_r.inherits`, :func:`kerasfn.base_r.is_numeric`
    """

    if x is None:
        return "NULL"
    if isinstance(x, (bool, np.bool_)):
        return "logical"
    if isinstance(x, (numbers.Integral, np.integer)):
        return "integer"
    if isinstance(x, (numbers.Real, np.floating)):
        return "numeric"
    if isinstance(x, numbers.Complex):
        return "complex"
    if isinstance(x, str):
        return "character"
    if isinstance(x, (list, tuple, Mapping)):
        return "list"
    if isinstance(x, Factor):
        return "factor"
    if isinstance(x, DataFrame):
        return "data.frame"
    if isinstance(x, Table):
        return "table"
    if isinstance(x, (np.ndarray, NamedVector)):
        values = np.asarray(x)
        if values.ndim == 2:
            return text_vector(["matrix", "array"])
        if values.ndim > 2:
            return "array"
        kind = values.dtype.kind
        if kind == "O" and values.size and all(isinstance(v, (bool, np.bool_)) for v in values.tolist()):
            return "logical"
        return {"b": "logical", "i": "integer", "u": "integer", "f": "numeric", "c": "complex"}.get(kind,
                                                                                                 "character")
    if callable(x) and (isinstance(x, type(len)) or hasattr(x, "__code__")):
        return "function"
    classes = _python_class(x)
    return text_vector(classes) if len(classes) > 1 else classes[0]



def inherits(x: Any, what: Any, which: bool = False) -> Any:
    """Does a value have a class, as R's inherits()

    Description:
        Whether any of ``what`` is among :func:`kerasfn.base_r.class_`
        of ``x`` (for Python objects, also any base class's plain name,
        such as ``"Model"`` or ``"Layer"``).

    Arguments:
        x: The value.
        what: A class name or character vector of names.
        which: With ``True``, the 1-based position of each name in the
            class vector (0 if absent), as R.

    Value:
        A ``bool`` (an integer vector with ``which``).

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import inherits
        >>> inherits(np.zeros((2, 2)), "matrix"), inherits(1.0, "integer")
        (True, False)

    See also:
        :func:`kerasfn.base_r.class_`
    """
    classes = as_vector(class_(x)).tolist()
    short = [c.rsplit(".", 1)[-1] for c in classes] if not isinstance(x, (np.ndarray, numbers.Number, str)) else []
    wanted = [str(w) for w in as_vector(what).tolist()]
    if which:
        return np.array([classes.index(w) + 1 if w in classes else 0 for w in wanted], dtype=np.int64)
    return any(w in classes or w in short for w in wanted)



def _single_logical(x: Any) -> bool | None:
    """The value of a logical vector of length one (NA is None), or None for anything else."""
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (np.ndarray, NamedVector)) and np.asarray(x).dtype == np.bool_ and np.size(x) == 1:
        return bool(np.asarray(x).reshape(()))
    return None


def isTRUE(x: Any) -> bool:  # noqa: N802 - R's name
    """Is a value a single TRUE, as R's isTRUE()

    Description:
        ``TRUE`` only for a logical vector of length one holding ``TRUE``:
        ``NA``, ``1``, ``"TRUE"``, ``c(TRUE, TRUE)`` and ``NULL`` are not.

    Arguments:
        x: A value.

    Value:
        A ``bool``.

    Examples:
        >>> from kerasfn.base_r import isTRUE
        >>> isTRUE(True), isTRUE(1), isTRUE([True, True])
        (True, False, False)

    See also:
        :func:`kerasfn.base_r.isFALSE`
    """
    return _single_logical(x) is True


def isFALSE(x: Any) -> bool:  # noqa: N802 - R's name
    """Is a value a single FALSE, as R's isFALSE()

    Description:
        ``TRUE`` only for a logical vector of length one holding ``FALSE``.

    Arguments:
        x: A value.

    Value:
        A ``bool``.

    Examples:
        >>> from kerasfn.base_r import isFALSE
        >>> isFALSE(False), isFALSE(0), isFALSE(None)
        (True, False, False)

    See also:
        :func:`kerasfn.base_r.isTRUE`
    """
    return _single_logical(x) is False


def _mode(x: Any) -> str:
    if x is None:
        return "NULL"
    if isinstance(x, Mapping) or (isinstance(x, (list, tuple)) and not all(is_scalar(v) for v in x)):
        return "list"
    kind = as_vector(x).dtype.kind
    if kind == "O" and all(isinstance(v, str) or v is None for v in as_vector(x).tolist()):
        return "character"
    return {"b": "logical", "i": "numeric", "u": "numeric", "f": "numeric"}.get(kind, "character")



def identical(x: Any, y: Any) -> bool:
    """Are two values exactly equal, as R's identical()

    Description:
        ``TRUE`` when both have the same type (an integer is not a double:
        ``identical(1L, 1)`` is ``FALSE``), shape, names and values
        (NaN equals NaN, as R).

    Arguments:
        x: A value.
        y: Another value.

    Value:
        A ``bool``.

    Examples:
        >>> from kerasfn.base_r import identical
        >>> identical([1.0, 2.0], [1.0, 2.0]), identical(1, 1.0)
        (True, False)

    See also:
        :func:`kerasfn.base_r.all_equal`
    """
    if x is None or y is None:
        return x is None and y is None
    if isinstance(x, Mapping) or isinstance(y, Mapping):
        return (isinstance(x, Mapping) and isinstance(y, Mapping) and list(x) == list(y)
                and all(identical(x[k], y[k]) for k in x))
    x_list = isinstance(x, (list, tuple)) and not all(is_scalar(v) for v in x)
    y_list = isinstance(y, (list, tuple)) and not all(is_scalar(v) for v in y)
    if x_list or y_list:
        return x_list and y_list and len(x) == len(y) and all(identical(a, b) for a, b in zip(x, y))
    if isinstance(x, NamedVector) != isinstance(y, NamedVector):
        return False
    if isinstance(x, NamedVector) and x.names != y.names:
        return False
    if as_vector(class_(x)).tolist() != as_vector(class_(y)).tolist():
        return False
    a, b = as_vector(x), as_vector(y)
    if a.shape != b.shape:
        return False
    if a.dtype.kind == "f" and b.dtype.kind == "f":
        return bool(np.array_equal(a, b, equal_nan=True))
    return bool(np.array_equal(a, b))



def _mismatches(count: int, what: str) -> str:
    return f"{count} {what} mismatch{'es' if count != 1 else ''}"



def _curly(name: str) -> str:
    return f"\u201c{name}\u201d"



def _all_equal(target: Any, current: Any, tolerance: float, check_names: bool) -> list[str]:
    if target is None or current is None:
        if target is None and current is None:
            return []
        return [f"target is {_describe(target)}, current is {_describe(current)}"]
    target_list = isinstance(target, (list, tuple, Mapping)) and not (
        isinstance(target, (list, tuple)) and all(is_scalar(v) for v in target))
    current_list = isinstance(current, (list, tuple, Mapping)) and not (
        isinstance(current, (list, tuple)) and all(is_scalar(v) for v in current))
    if target_list or current_list:
        if not (target_list and current_list):
            return [f"Modes: {_mode(target)}, {_mode(current)}",
                    f"target is {_describe(target)}, current is {_describe(current)}"]
        messages = []
        target_names = [str(k) for k in target] if isinstance(target, Mapping) else None
        current_names = [str(k) for k in current] if isinstance(current, Mapping) else None
        if check_names and target_names != current_names:
            if target_names is None or current_names is None:
                messages.append("names for target but not for current" if current_names is None
                                else "names for current but not for target")
            else:
                bad = sum(a != b for a, b in zip(target_names, current_names))
                if bad:
                    messages.append(f"Names: {_mismatches(bad, 'string')}")
        t_values = list(target.values()) if isinstance(target, Mapping) else list(target)
        c_values = list(current.values()) if isinstance(current, Mapping) else list(current)
        if len(t_values) != len(c_values):
            messages.append(f"Length mismatch: comparison on first {min(len(t_values), len(c_values))} components")
        for i, (a, b) in enumerate(zip(t_values, c_values)):
            label = _curly(target_names[i]) if target_names else str(i + 1)
            messages += [f"Component {label}: {m}" for m in _all_equal(a, b, tolerance, check_names)]
        return messages
    target_mode, current_mode = _mode(target), _mode(current)
    if target_mode != current_mode:
        return [f"Modes: {target_mode}, {current_mode}",
                f"target is {_describe(target)}, current is {_describe(current)}"]
    messages = []
    if check_names:
        t_names = target.names if isinstance(target, NamedVector) else None
        c_names = current.names if isinstance(current, NamedVector) else None
        if t_names is not None and c_names is not None:
            bad = sum(a != b for a, b in zip(t_names, c_names))
            if bad:
                messages.append(f"Names: {_mismatches(bad, 'string')}")
        elif (t_names is None) != (c_names is None):
            messages.append("names for target but not for current" if c_names is None
                            else "names for current but not for target")
    a, b = as_vector(target).reshape(-1, order="F"), as_vector(current).reshape(-1, order="F")
    if a.size != b.size:
        kind = {"numeric": "Numeric", "character": "Lengths", "logical": "Lengths"}[target_mode]
        if kind == "Numeric":
            return messages + [f"Numeric: lengths ({a.size}, {b.size}) differ"]
        return messages + [f"Lengths ({a.size}, {b.size}) differ (string compare on first {min(a.size, b.size)})"]
    if target_mode == "character":
        bad = sum(x != y for x, y in zip(a.tolist(), b.tolist()))
        return messages + ([_mismatches(bad, "string")] if bad else [])
    if target_mode == "logical":
        bad = int(np.sum(a != b))
        return messages + ([_mismatches(bad, "element")] if bad else [])
    a, b = a.astype(float), b.astype(float)
    a_na, b_na = np.isnan(a), np.isnan(b)
    if (a_na != b_na).any():
        return messages + [f"'is.NA' value mismatch: {int(b_na.sum())} in current {int(a_na.sum())} in target"]
    keep = ~a_na & (a != b)
    if not keep.any():
        return messages
    a, b = a[keep], b[keep]
    difference = float(np.mean(np.abs(a - b)))
    scale_ = float(np.mean(np.abs(a)))
    what = "absolute"
    if math.isfinite(scale_) and scale_ > tolerance:
        difference /= scale_
        what = "relative"
    if math.isnan(difference) or difference > tolerance:
        messages.append(f"Mean {what} difference: {format_real([difference])[0]}")
    return messages



def _describe(x: Any) -> str:
    if x is None:
        return "NULL"
    return _mode(x)



def all_equal(target: Any, current: Any, tolerance: float = 1.5e-8, check_names: bool = True) -> Any:
    """Are two values nearly equal, as R's all.equal()

    Description:
        ``TRUE`` when ``target`` and ``current`` agree up to ``tolerance``
        (mean relative difference over the differing elements, as R), else
        R's description of the differences: ``"Mean relative difference:
        0.1"``, ``"Numeric: lengths (2, 3) differ"``, ``"1 string
        mismatch"``, ``"Names: 1 string mismatch"``, ``"Component 2: ..."``
        for lists.  Integers and doubles compare by value, as in R.  Use
        ``all_equal(a, b) is True`` for R's ``isTRUE(all.equal(a, b))``.

    Arguments:
        target: The expected value.
        current: The value to compare.
        tolerance: The largest acceptable mean relative difference.
        check_names: Whether names are compared.

    Value:
        ``True``, or a ``str`` (a list of ``str`` when R gives several).

    Examples:
        >>> from kerasfn.base_r import all_equal
        >>> all_equal(1.0, 1.0 + 1e-10)
        True
        >>> all_equal(1.0, 1.1)
        'Mean relative difference: 0.1'

    See also:
        :func:`kerasfn.base_r.identical`
    """
    messages = _all_equal(target, current, float(tolerance), check_names)
    if not messages:
        return True
    return messages[0] if len(messages) == 1 else messages
