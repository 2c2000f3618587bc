"""How R values are held in Python.

R vectors are NumPy arrays (doubles ``float64``, integers an integer dtype,
logicals ``bool``, character vectors ``object`` arrays of ``str``, so that
assigning a longer string never truncates); a length-one value may be a
Python scalar.  Named atomic vectors are :class:`NamedVector`, named lists
``dict``, unnamed lists ``list``, ``NULL`` ``None``, factors :class:`Factor`.
Tensors (TensorFlow, JAX, PyTorch) and shapes are read through NumPy.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
from numpy.lib.mixins import NDArrayOperatorsMixin

from kerasfn.base_r._format import as_character_values
from kerasfn.base_r._layout import layout_named, layout_vector

__all__ = ["DimnamedMatrix", "Factor", "NamedVector", "Table", "as_vector", "is_scalar", "na_mask", "scalarize",
           "text_vector", "wrap_like"]


class DimnamedMatrix(np.ndarray):
    """A matrix with R's row or column names (``dimnames``): what ``cbind(a = x, b = y)`` and
    ``rbind(a = x, b = y)`` give, printed with its names.  A NumPy array otherwise: element-wise
    results of its own shape keep the names, as R keeps them; anything of another shape (a
    column, a sum) has none."""

    rownames: list[str] | None
    colnames: list[str] | None

    def __new__(cls, values: Any, rownames: list[str] | None = None,
                colnames: list[str] | None = None) -> DimnamedMatrix:
        matrix = np.asarray(values).view(cls)
        matrix.rownames, matrix.colnames = rownames, colnames
        return matrix

    def __array_finalize__(self, source: Any) -> None:
        same_shape = source is not None and getattr(source, "shape", None) == self.shape
        self.rownames = getattr(source, "rownames", None) if same_shape else None
        self.colnames = getattr(source, "colnames", None) if same_shape else None

    def __array_wrap__(self, array: np.ndarray, context: Any = None, return_scalar: bool = False) -> Any:
        result = super().__array_wrap__(array, context, return_scalar)
        return result[()] if isinstance(result, np.ndarray) and result.ndim == 0 else result  # a sum is a number

    def transpose(self, *axes: Any) -> np.ndarray:
        """The transpose, its row and column names swapped (R's ``t()``)."""
        flipped = np.asarray(self).transpose(*axes)
        if flipped.ndim == 2 and (not axes or tuple(np.ravel(axes)) == (1, 0)):
            return DimnamedMatrix(flipped, rownames=self.colnames, colnames=self.rownames)
        return flipped

    @property
    def T(self) -> np.ndarray:  # noqa: N802 - NumPy's name
        return self.transpose()


class NamedVector(NDArrayOperatorsMixin):
    """An R atomic vector with names, such as ``c(a = 1, b = 2)``

    Description:
        What R's named atomic vectors become: ``values`` (a NumPy array) and
        ``names`` (a list of ``str``).  Index it by name (``x["a"]``) or by
        0-based position; arithmetic and NumPy functions act on the values
        and keep the names; it prints as R prints a named vector.

    Arguments:
        values: The values (anything NumPy reads).
        names: One name per value.

    Value:
        A ``NamedVector``.

    Examples:
        >>> from kerasfn.base_r import NamedVector
        >>> v = NamedVector([1.0, 2.5], ["a", "b"])
        >>> v["b"]
        2.5
        >>> print(v * 2)
        a b 
        2 5 

    See also:
        :func:`kerasfn.base_r.setNames`, :func:`kerasfn.base_r.unlist`
    """

    def __init__(self, values: Any, names: Iterable[Any]) -> None:
        self.values = np.asarray(values)
        if self.values.ndim != 1:
            self.values = self.values.reshape(-1)
        self.names = ["" if name is None else str(name) for name in names]
        if len(self.names) != self.values.size:
            raise ValueError(f"`names` has {len(self.names)} names for {self.values.size} values")

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        return self.values if dtype is None else self.values.astype(dtype)

    def __array_ufunc__(self, ufunc: Any, method: str, *inputs: Any, **kwargs: Any) -> Any:
        plain = [item.values if isinstance(item, NamedVector) else item for item in inputs]
        result = getattr(ufunc, method)(*plain, **kwargs)
        if isinstance(result, np.ndarray) and result.shape == self.values.shape:
            return type(self)(result, self.names) if type(self) is NamedVector else NamedVector(result, self.names)
        return result

    def __len__(self) -> int:
        return self.values.size

    def __iter__(self):
        return iter(self.values.tolist())

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            if key not in self.names:
                raise KeyError(key)
            return self.values[self.names.index(key)].item()
        picked = self.values[key]
        if np.ndim(picked) == 0:
            return picked.item()
        return NamedVector(picked, np.asarray(self.names, dtype=object)[key])

    def keys(self) -> list[str]:
        """The names, as ``dict.keys()`` would give them."""
        return list(self.names)

    def items(self) -> list[tuple[str, Any]]:
        """(name, value) pairs."""
        return list(zip(self.names, self.values.tolist()))

    def __eq__(self, other: Any) -> Any:  # elementwise, as R's ==
        return NamedVector(self.values == np.asarray(other), self.names)

    __hash__ = None  # type: ignore[assignment]

    def render(self, quote: bool = True, digits: int = 7) -> str:
        """The text R's ``print()`` shows: the names above the values."""
        return layout_named(self.values, self.names, quote, digits)

    def __str__(self) -> str:
        return self.render()

    __repr__ = __str__


class Table(NamedVector):
    """The counts R's table() returns

    Description:
        What :func:`kerasfn.base_r.table` returns: a
        :class:`kerasfn.base_r.NamedVector` of counts named by level, which
        prints as R prints a one-way table (after a blank line) and whose
        :func:`kerasfn.base_r.class_` is ``"table"``.

    Arguments:
        values: The counts.
        names: The levels.

    Value:
        A ``Table``.

    Examples:
        >>> from kerasfn.base_r import Table
        >>> print(Table([3, 1], ["a", "b"]))
        <BLANKLINE>
        a b 
        3 1 

    See also:
        :func:`kerasfn.base_r.table`
    """

    def render(self, quote: bool = True, digits: int = 7) -> str:
        """The text R's ``print()`` shows: a one-way table, after a blank line."""
        return "\n" + super().render(quote, digits)


class Factor:
    """R's factor: integer codes into a vector of levels

    Description:
        What :func:`kerasfn.base_r.factor` returns: ``codes`` (1-based, as
        R's ``as.integer(f)``, 0 never occurs) and ``levels`` (a list of
        ``str``).  It prints as R prints a factor.

    Arguments:
        codes: One code per element, 1-based (R's integer codes).
        levels: The level labels.

    Value:
        A ``Factor``.

    Examples:
        >>> from kerasfn.base_r import Factor
        >>> print(Factor([2, 1, 2], ["a", "b"]))
        [1] b a b
        Levels: a b

    See also:
        :func:`kerasfn.base_r.factor`, :func:`kerasfn.base_r.nlevels`
    """

    def __init__(self, codes: Iterable[int], levels: Iterable[Any]) -> None:
        self.codes = np.asarray(list(codes), dtype=np.int64)
        self.levels = [str(level) for level in levels]

    def __len__(self) -> int:
        return self.codes.size

    def labels(self) -> np.ndarray:
        """Each element's level, a character vector."""
        return np.array([self.levels[code - 1] for code in self.codes], dtype=object)

    def __eq__(self, other: Any) -> Any:  # elementwise on the labels, as R's ==
        return self.labels() == (other.labels() if isinstance(other, Factor) else other)

    __hash__ = None  # type: ignore[assignment]

    def __getitem__(self, key: Any) -> Any:
        picked = self.codes[key]
        if np.ndim(picked) == 0:
            return self.levels[int(picked) - 1]
        return Factor(picked, self.levels)

    def render(self, quote: bool = True, digits: int = 7) -> str:
        """The text R's ``print()`` shows: the labels unquoted (whatever ``quote`` and ``digits``), then the
        levels."""
        body = layout_vector(self.labels(), quote=False) if len(self) else "factor(0)"
        return body + "\nLevels: " + " ".join(self.levels)

    def __str__(self) -> str:
        return self.render()

    __repr__ = __str__


def is_scalar(x: Any) -> bool:
    """A Python or NumPy scalar (a string counts as one R value)."""
    return isinstance(x, (str, bytes, numbers.Number, np.generic)) or x is None


def _tensor_numpy(x: Any) -> Any:
    if hasattr(x, "detach") and hasattr(x, "cpu"):  # torch
        return x.detach().cpu().numpy()
    if hasattr(x, "numpy") and callable(x.numpy):  # TensorFlow eager tensors and variables
        return x.numpy()
    if hasattr(x, "as_list") and callable(x.as_list):  # tf.TensorShape
        return [None if d is None else int(d) for d in x.as_list()]
    return np.asarray(x)


def as_vector(x: Any) -> np.ndarray:
    """``x`` as a 1-or-more-dimensional NumPy array (R's view of it as a vector)."""
    if isinstance(x, np.ndarray):
        return x if x.ndim else x.reshape(1)
    if isinstance(x, NamedVector):
        return x.values
    if isinstance(x, Factor):
        return x.labels()
    if x is None:
        return np.array([], dtype=float)
    if isinstance(x, str):
        return np.array([x], dtype=object)
    if isinstance(x, Mapping):
        return as_vector(list(x.values()))
    if isinstance(x, (list, tuple, range)):
        items = [item.item() if isinstance(item, np.generic) else item for item in x]
        if any(item is None for item in items):
            if all(item is None or isinstance(item, numbers.Real) for item in items):
                return np.array([np.nan if item is None else item for item in items], dtype=float)
            return np.array(items, dtype=object)
        if any(isinstance(item, str) for item in items) or not items:
            if items and not all(isinstance(item, str) for item in items):
                return np.array([as_character_values([item])[0] for item in items], dtype=object)
            return np.array(items, dtype=object) if items else np.array([], dtype=float)
        if all(is_scalar(item) for item in items):
            return np.asarray(items)
        return np.concatenate([as_vector(item).reshape(-1) for item in items]) if items else np.array([])
    if isinstance(x, (numbers.Number, np.generic)):
        return np.asarray([x])
    converted = np.asarray(_tensor_numpy(x))
    return converted if converted.ndim else converted.reshape(1)


def na_mask(values: np.ndarray) -> np.ndarray:
    """R's ``is.na()`` of a vector: NaN in doubles, None or NaN in an object array, nothing otherwise."""
    if values.dtype.kind == "f":
        return np.isnan(values)
    if values.dtype.kind == "O":
        return np.array([v is None or (isinstance(v, float) and math.isnan(v)) for v in values.tolist()], dtype=bool)
    return np.zeros(values.shape, dtype=bool)


def text_vector(values: Iterable[Any]) -> np.ndarray:
    """A character vector: an object array of ``str`` (``None`` for NA)."""
    values = list(values)
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def scalarize(result: np.ndarray, *inputs: Any) -> Any:
    """A length-one result as a Python scalar when every input was a scalar (a 0-d array or tensor is
    one: R receives it as a single value)."""
    if result.size == 1 and result.ndim <= 1 and all(is_scalar(item) or getattr(item, "shape", None) == ()
                                                     for item in inputs):
        value = result.reshape(-1)[0]
        return value.item() if isinstance(value, np.generic) else value
    return result


def wrap_like(x: Any, values: Any) -> Any:
    """``values`` with ``x``'s names (a NamedVector stays one), a scalar for a scalar ``x``."""
    values = np.asarray(values)
    if isinstance(x, NamedVector):
        return NamedVector(values, x.names)
    if is_scalar(x) and values.size == 1:
        return values.reshape(-1)[0].item()
    return values
