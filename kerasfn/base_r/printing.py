"""R's ``print()`` and ``cat()`` of vectors, matrices, lists and factors."""

from __future__ import annotations

import inspect
import numbers
import re
import sys
from collections.abc import Mapping
from typing import Any

import numpy as np

from kerasfn.base_r._format import format_real
from kerasfn.base_r._layout import layout_array, layout_vector
from kerasfn.base_r._values import Factor, NamedVector, _tensor_numpy, as_vector, is_scalar
from kerasfn.base_r.frames import DataFrame
from kerasfn.base_r.files import _write_atomically

__all__ = ["cat", "print_", "render"]

_SYNTACTIC = re.compile(r"^((([A-Za-z]|[.][._A-Za-z])[._A-Za-z0-9]*)|[.])$")


def _list_name(name: Any) -> str:
    name = str(name)
    return name if _SYNTACTIC.match(name) else f"`{name}`"


def is_named_tuple(x: Any) -> bool:
    """A named tuple (Keras' ``op_top_k()`` values and indices, ``op_qr()``'s q and r): R keras3
    gives these as named lists."""
    return isinstance(x, tuple) and isinstance(getattr(x, "_fields", None), tuple)


def _render(x: Any, prefix: str, quote: bool, digits: int) -> str:
    if is_named_tuple(x):
        x = dict(zip(x._fields, x))
    if isinstance(x, Mapping):
        if not x:
            return "named list()"  # an empty dict is an empty named list wherever it is (Keras' empty logs)
        parts = []
        for name, value in x.items():
            label = f"{prefix}${_list_name(name)}"
            parts.append(f"{label}\n{_render(value, label, quote, digits)}\n")
        keras_class = _class_attribute(x)
        if keras_class is not None:
            parts.append(f'attr(,"__class__")\n{render_python_object(keras_class)}')
        return "\n".join(parts)
    x = tensor_shape_sizes(x)
    if isinstance(x, tuple) and type(x).__repr__ is not tuple.__repr__:
        return str(x)  # a tuple with its own printed form, such as kerasfn's shape(), which prints as R's
    if isinstance(x, tuple) and x and all(v is None or is_scalar(v) for v in x):
        return layout_vector(as_vector(list(x)), quote, digits)  # a shape or other tuple of sizes: R's vector
    if isinstance(x, (list, tuple)):
        if not x:
            return "list()"
        parts = []
        for i, value in enumerate(x):
            label = f"{prefix}[[{i + 1}]]"
            parts.append(f"{label}\n{_render(value, label, quote, digits)}\n")
        return "\n".join(parts)
    return _render_atomic(x, quote, digits)


def _render_atomic(x: Any, quote: bool, digits: int) -> str:
    if x is None:
        return "NULL"
    if isinstance(x, (NamedVector, Factor)):
        return x.render(quote, digits)  # a Table (a NamedVector) after a blank line
    if isinstance(x, DataFrame):
        return x.render(digits)
    if isinstance(x, str):
        return layout_vector(np.array([x], dtype=object), quote, digits)
    if isinstance(x, (numbers.Number, np.generic)):
        return layout_vector(np.asarray([x]), quote, digits)
    if isinstance(x, np.ndarray):
        return layout_array(x if x.ndim else x.reshape(1), quote, digits)
    return render_python_object(x)


def inherits_python(x: Any, module: str, name: str) -> bool:
    """Whether ``x``'s class is or derives from ``module.name`` (read from the class's MRO, so
    that printing needs neither TensorFlow nor Keras imported)."""
    return any(base.__name__ == name and base.__module__ == module for base in type(x).__mro__)


def tensor_shape_sizes(x: Any) -> Any:
    """A TensorFlow ``TensorShape`` of known rank as R shows it, ``dim()``'s sizes (a tuple, an
    unknown size ``None``, R's NA); any other value as it is."""
    if inherits_python(x, "tensorflow.python.framework.tensor_shape", "TensorShape") and x.rank is not None:
        return tuple(x.as_list())
    return x


def is_tensorflow_tensor(x: Any) -> bool:
    """R's class ``tensorflow.tensor``: TensorFlow tensors and Keras variables on TensorFlow."""
    return inherits_python(x, "tensorflow.python.types.core", "Tensor")


_ONE_DIMENSION_BEFORE_DTYPE = re.compile(r"shape=\((None|\d+),\), dtype=")


def _signature_text(signature: inspect.Signature) -> str:
    """reticulate's layout of a signature: one parameter a line when longer than 60 characters."""
    text = str(signature)
    if len(text) > 60:
        for parameter in signature.parameters.values():
            text = text.replace(str(parameter), "\n   " + str(parameter), 1)
        text = text.replace(", /,", ",\n   /,", 1).replace(", *,", ",\n   *,", 1)
        text = re.sub(r"\)($| ->)", r"\n)\1", text, count=1)
    return text


def _signature(x: Any, drop_first: bool = False) -> str | None:
    try:
        signature = inspect.signature(x)
    except (TypeError, ValueError):
        return None
    if drop_first:
        signature = signature.replace(parameters=list(signature.parameters.values())[1:])
    return _signature_text(signature)


def signature_line(x: Any) -> str:
    """The `` signature: (...)`` line R's print adds under a Python callable (reticulate's
    ``py_format_signature()``): the callable's signature, else its ``__init__``'s or
    ``__new__``'s without their first parameter, else ``(?)``."""
    text = _signature(x) or next(
        (found for method in ("__init__", "__new__")
         if getattr(x, method, None) is not None and (found := _signature(getattr(x, method), drop_first=True))),
        "(?)")
    return " signature: " + text


def render_python_object(x: Any) -> str:
    """What R prints for a Python object it holds (R's print methods of reticulate, tensorflow
    and keras3): a tensor or TensorFlow variable as Python's ``str()`` with a one-dimensional shape
    written ``shape=(4)``; a model as its summary and a training history as R's summary of it (the
    forms kerasfn gives them); any other object as its ``repr()``, followed by a `` signature:``
    line when it is callable (a layer, a class, a function)."""
    if is_tensorflow_tensor(x):
        return _ONE_DIMENSION_BEFORE_DTYPE.sub(r"shape=(\1), dtype=", str(x))
    if inherits_python(x, "keras.src.models.model", "Model") or \
            inherits_python(x, "keras.src.callbacks.history", "History"):
        return str(x)
    if callable(x):
        return python_repr(x) + "\n" + signature_line(x)
    return repr(x)


#: The module of the classes a script defines with kerasfn's ``Layer()``, ``Callback()``, ...
SCRIPT_CLASSES_MODULE = "kerasfn.api.custom_classes"


def python_repr(x: Any) -> str:
    """Python's ``repr()``, except a class the script defined (with ``Layer()``, ``Callback()``,
    ...), which R names after the environment it was defined in: ``<class '<r-globalenv>.Linear'>``."""
    if isinstance(x, type) and x.__module__ == SCRIPT_CLASSES_MODULE:
        return f"<class '<r-globalenv>.{x.__qualname__}'>"
    return repr(x)


def _class_attribute(x: Any) -> type | None:
    """The class a config remembers (kerasfn's ``get_config()``): R's ``__class__`` attribute of it."""
    keras_class = getattr(x, "keras_class", None)
    return keras_class if isinstance(x, Mapping) and isinstance(keras_class, type) else None


def render(x: Any, digits: int = 7, quote: bool = True) -> str:
    """The text R's ``print(x)`` shows, without the final newline."""
    return _render(x, "", quote, digits)


def print_(x: Any, digits: int | None = None, quote: bool = True, python_call: bool = False) -> Any:
    """Print a value as R prints it

    Description:
        R's ``print()`` for base R values: vectors with their ``[1]`` index
        prefixes and line wrapping at 80 characters, numbers with 7
        significant digits in a common layout (``[1] 0.12 2.00``), named
        vectors with their names above the values, matrices with
        ``[1,]``/``[,1]`` labels (column by column, wrapped), named and
        unnamed lists as ``$name``/``[[1]]`` blocks (a tuple of numbers,
        such as a shape, prints as a vector), factors, data frames,
        ``NULL``.  Python objects print as R keras3 prints them: a tensor
        (or a Keras variable on TensorFlow) as ``tf.Tensor([0. 2.],
        shape=(2), dtype=float32)``, a model as its summary, a training
        history as R's summary of its last epoch, a tensor's shape as R's
        ``dim()``, a layer or other callable as its repr followed by a
        `` signature: (...)`` line, any other object as its repr.  A NaN
        prints as ``NA``: Python has one NaN for R's ``NA`` and ``NaN``.
        A matrix prints its row and column names where it has them
        (``cbind(a = x, b = y)``).

    Arguments:
        x: The value.
        digits: Significant digits (R's default 7).
        quote: Whether strings are shown in quotes.
        python_call: Whether ``x`` is what a Python method returned, an R
            script's ``obj$method()`` at the top level: reticulate gives
            Python's ``None`` as an invisible ``NULL``, which R does not
            print (``m$update_state(x)`` prints nothing).

    Value:
        ``x``, unchanged (R returns it invisibly).

    Examples:
        >>> from kerasfn.base_r import print_, matrix
        >>> _ = print_([0.12, 2.0])
        [[1]]
        [1] 0.12
        <BLANKLINE>
        [[2]]
        [1] 2
        <BLANKLINE>
        >>> import numpy as np
        >>> _ = print_(np.array([0.12, 2.0]))
        [1] 0.12 2.00
        >>> _ = print_(matrix(np.arange(1, 7), 2))
             [,1] [,2] [,3]
        [1,]    1    3    5
        [2,]    2    4    6
        >>> _ = print_({"a": 1.0, "b": "x"})
        $a
        [1] 1
        <BLANKLINE>
        $b
        [1] "x"
        <BLANKLINE>

    See also:
        :func:`kerasfn.base_r.cat`, :func:`kerasfn.base_r.format`,
        :func:`kerasfn.base_r.str_`
    """
    if not (python_call and x is None):
        sys.stdout.write(render(x, 7 if digits is None else digits, quote) + "\n")
    return x


def _cat_items(x: Any) -> list[str]:
    if x is None:
        return []
    if isinstance(x, str):
        return [x]
    if isinstance(x, Factor):
        return [str(code) for code in x.codes]
    if isinstance(x, Mapping):
        x = list(x.values())
    if isinstance(x, (list, tuple)):
        return [item for element in x for item in (["NA"] if element is None else _cat_items(element))]
    if isinstance(x, bool):
        return ["TRUE" if x else "FALSE"]
    if isinstance(x, (numbers.Integral, np.integer)):
        return [str(int(x))]
    if isinstance(x, (numbers.Real, np.floating)):
        return format_real([float(x)], common=False)
    if isinstance(x, NamedVector):
        values = x.values
    else:
        values = np.asarray(x if isinstance(x, np.ndarray) else _tensor_numpy(x))
    flat = values.reshape(-1)
    if flat.dtype.kind == "f":
        return format_real(flat, common=False)
    if flat.dtype.kind == "O":
        return [item for element in flat.tolist() for item in (["NA"] if element is None else _cat_items(element))]
    return [item for element in flat.tolist() for item in _cat_items(element)]


def cat(*args: Any, sep: str = " ", file: str | None = None, append: bool = False, fill: bool = False) -> None:
    """Concatenate and print, as R's cat()

    Description:
        Writes its arguments one after another with ``sep`` between them
        and no newline at the end, formatting each number on its own with
        up to 7 significant digits (``cat(round(c(0.12345, 2), 2))`` shows
        ``0.12 2``): vectors, matrices and tensors element by element,
        shapes and tuples as their sizes (``cat(dim(x))`` shows ``2 3``,
        an unknown size ``NA``), ``NULL`` as nothing, logicals as
        ``TRUE``/``FALSE``, factors as their integer codes (as R does).

    Arguments:
        *args: The values.
        sep: The separator put between items.
        file: A file path to write to instead of standard output.
        append: With ``file``, whether to append rather than replace it.
        fill: With ``True``, end the output with a newline (R's
            ``fill = TRUE``; line filling by width is not done).

    Value:
        ``None`` (R's invisible ``NULL``).

    Examples:
        >>> from kerasfn.base_r import cat
        >>> import numpy as np
        >>> cat(np.round([0.12345, 2.0], 2), "\\n")
        0.12 2 
        >>> cat((2, 3), "\\n")
        2 3 
        >>> cat("loss:", 1 / 3, "\\n")
        loss: 0.3333333 
        >>> cat(1, 2, 3, sep=", ")
        1, 2, 3

    See also:
        :func:`kerasfn.base_r.print_`, :func:`kerasfn.base_r.paste`,
        :func:`kerasfn.base_r.sprintf`
    """
    if not isinstance(sep, str):
        raise TypeError(f"`sep` must be a string, not {sep!r}")
    items = [item for arg in args for item in _cat_items(arg)]
    text = sep.join(items) + ("\n" if fill and not (items and items[-1].endswith("\n")) else "")
    if file is None:
        sys.stdout.write(text)
        return None

    _write_atomically(file, text, append=append)
    return None
