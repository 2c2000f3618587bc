"""Matrices and arrays, column-major as in R: building, binding, margins."""

from __future__ import annotations

import numbers
from collections.abc import Callable
from typing import Any

import numpy as np

from kerasfn.base_r._values import DimnamedMatrix, Factor, NamedVector, _tensor_numpy, as_vector, is_scalar
from kerasfn.base_r.frames import DataFrame

__all__ = ["apply", "array", "cbind", "colMeans", "colSums", "dim", "drop", "matrix", "ncol", "nrow", "outer",
           "rbind", "rowMeans", "rowSums", "scale", "sweep", "t"]


def _size(name: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, np.number)) or value < 0:
        raise ValueError(f"`{name}` must be a non-negative number, not {value!r}")
    return int(value)


def matrix(data: Any = np.nan, nrow: int | None = None, ncol: int | None = None, byrow: bool = False) -> np.ndarray:
    """Build a matrix, as R's matrix()

    Description:
        Fills an ``nrow`` x ``ncol`` matrix with ``data`` column by column
        (R's column-major order; by row with ``byrow``), recycling
        ``data``: ``matrix(1:6, 2)`` holds ``[[1, 3, 5], [2, 4, 6]]``.

    Arguments:
        data: The values.
        nrow: Rows (default: from ``ncol`` and the length of ``data``).
        ncol: Columns (default: from ``nrow``).
        byrow: Whether to fill row by row.

    Value:
        A 2-d NumPy array.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import matrix
        >>> matrix(np.arange(1, 7), 2)
        array([[1, 3, 5],
               [2, 4, 6]])
        >>> matrix(np.arange(1, 7), 2, byrow=True)
        array([[1, 2, 3],
               [4, 5, 6]])

    See also:
        :func:`kerasfn.base_r.array`, :func:`kerasfn.base_r.rbind`, :func:`kerasfn.base_r.t`
    """
    values = as_vector(data).reshape(-1, order="F") if not isinstance(data, np.ndarray) or data.ndim < 2 \
        else data.reshape(-1, order="F")
    rows, cols = _size("nrow", nrow), _size("ncol", ncol)
    if rows is None and cols is None:
        rows, cols = values.size, 1
    elif rows is None:
        rows = -(-values.size // cols) if cols else 0
    elif cols is None:
        cols = -(-values.size // rows) if rows else 0
    filled = np.resize(values, rows * cols) if values.size else np.full(rows * cols, np.nan)
    return filled.reshape(rows, cols) if byrow else filled.reshape(rows, cols, order="F")


def array(data: Any = np.nan, dim: Any = None) -> np.ndarray:
    """Build an array, as R's array()

    Description:
        Fills an array of dimensions ``dim`` with ``data`` in R's
        column-major order (the first index varies fastest), recycling
        ``data``: R's ``array(1:24, c(2, 3, 4))[1, 2, 3]`` (15) is
        ``array(np.arange(1, 25), (2, 3, 4))[0, 1, 2]``.

    Arguments:
        data: The values.
        dim: The dimensions (default: the length of ``data``).

    Value:
        A NumPy array.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import array
        >>> array(np.arange(1, 25), (2, 3, 4))[0, 1, 2]
        np.int64(15)

    See also:
        :func:`kerasfn.base_r.matrix`, :func:`kerasfn.base_r.dim`
    """
    values = as_vector(data).reshape(-1, order="F")
    shape = (values.size,) if dim is None else tuple(int(d) for d in as_vector(dim).tolist())
    total = int(np.prod(shape))
    filled = np.resize(values, total) if values.size else np.full(total, np.nan)
    return filled.reshape(shape, order="F")


def _stack_frames(frames: list) -> Any:

    columns = frames[0].columns
    if any(f.columns != columns for f in frames):
        raise ValueError(f"rbind: data frames must have the same columns, not {[f.columns for f in frames]}")
    out = {}
    for name in columns:
        parts = [f[name] for f in frames]
        if all(isinstance(p, Factor) for p in parts):
            levels = list(dict.fromkeys(level for p in parts for level in p.levels))
            codes = [levels.index(p.levels[c - 1]) + 1 for p in parts for c in p.codes]
            out[name] = Factor(codes, levels)
        else:
            out[name] = np.concatenate([p.labels() if isinstance(p, Factor) else p for p in parts])
    return DataFrame(out)


def _bind(args: tuple, axis: int, names: tuple[str, ...] = ()) -> np.ndarray:
    """``args`` bound along ``axis``; the last ``len(names)`` of them named (R's ``cbind(a = x)``):
    then a :class:`DimnamedMatrix` with those names, ``""`` for the other rows or columns."""
    if names and not any(isinstance(a, DataFrame) for a in args):
        named = dict(zip(range(len(args) - len(names), len(args)), names))
        labels = [label for index, a in enumerate(args) if a is not None
                  for label in ([""] * np.shape(a)[axis] if np.ndim(a) == 2 else [named.get(index, "")])]
        bound = _bind(args, axis)
        return DimnamedMatrix(bound, colnames=labels) if axis == 1 else DimnamedMatrix(bound, rownames=labels)
    pieces = [a for a in args if a is not None]
    if not pieces:
        return None
    if axis == 0 and all(isinstance(p, DataFrame) for p in pieces):
        return _stack_frames(pieces)
    arrays = [np.asarray(a.values if isinstance(a, NamedVector) else a if isinstance(a, np.ndarray)
                         else as_vector(a) if not hasattr(a, "shape") or isinstance(a, (list, tuple))
                         else _tensor_numpy(a)) for a in pieces]
    matrices = [a for a in arrays if a.ndim == 2]
    length = matrices[0].shape[1 - axis] if matrices else max(a.size for a in arrays)
    rows = []
    for a in arrays:
        if a.ndim == 2:
            if a.shape[1 - axis] != length:
                raise ValueError(f"{'rbind' if axis == 0 else 'cbind'}: a matrix argument has "
                                 f"{a.shape[1 - axis]} {'columns' if axis == 0 else 'rows'}, not {length}")
            rows.append(a)
        else:
            vector = np.resize(a.reshape(-1), length) if a.size else a.reshape(-1)
            rows.append(vector.reshape(1, -1) if axis == 0 else vector.reshape(-1, 1))
    return np.concatenate(rows, axis=axis)


def rbind(*args: Any, **named: Any) -> Any:
    """Combine by rows, as R's rbind()

    Description:
        Stacks vectors (each one row, recycled to the longest) and
        matrices (their rows) into a matrix; data frames with the same
        columns into one data frame (factor levels merged in order, as R).
        Named arguments name their rows, as R's row names: the matrix then
        prints them (other rows' names are empty).

    Arguments:
        *args: Vectors, matrices or tensors, or data frames; ``None`` is
            skipped.
        **named: More of them, named as R names rows (``rbind(a = x)``),
            placed after ``args``.

    Value:
        A 2-d NumPy array (a data frame for data frames), carrying the
        row names where some arguments are named.

    Examples:
        >>> from kerasfn.base_r import rbind
        >>> rbind([1, 2, 3], [4, 5, 6])
        array([[1, 2, 3],
               [4, 5, 6]])

    See also:
        :func:`kerasfn.base_r.cbind`, :func:`kerasfn.base_r.do_call`
    """
    return _bind((*args, *named.values()), 0, tuple(named))


def cbind(*args: Any, **named: Any) -> np.ndarray:
    """Combine by columns, as R's cbind()

    Description:
        Places vectors (each one column, recycled to the longest) and
        matrices (their columns) side by side.  Named arguments name their
        columns, as R's column names: the matrix then prints them
        (``cbind(loss = a, ratio = b)``; other columns' names are empty).

    Arguments:
        *args: Vectors, matrices or tensors; ``None`` is skipped.
        **named: More of them, named as R names columns (``cbind(a = x)``),
            placed after ``args``.

    Value:
        A 2-d NumPy array, carrying the column names where some arguments
        are named.

    Examples:
        >>> from kerasfn.base_r import cbind
        >>> cbind([1, 2, 3], 0)
        array([[1, 0],
               [2, 0],
               [3, 0]])

    See also:
        :func:`kerasfn.base_r.rbind`
    """
    return _bind((*args, *named.values()), 1, tuple(named))


_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "*": np.multiply, "+": np.add, "-": np.subtract, "/": np.true_divide, "^": np.power,
    "%%": np.mod, "%/%": np.floor_divide, "==": np.equal, ">": np.greater, "<": np.less,
    ">=": np.greater_equal, "<=": np.less_equal, "!=": np.not_equal,
}


def _function(name: str, fun: Any) -> Callable:
    if callable(fun):
        return fun
    if isinstance(fun, str) and fun in _OPERATORS:
        return _OPERATORS[fun]
    raise ValueError(f"`{name}` must be a function or one of {sorted(_OPERATORS)}, not {fun!r}")


def outer(X: Any, Y: Any, FUN: Any = "*") -> np.ndarray:  # noqa: N803 - R's argument names
    """Outer product, as R's outer()

    Description:
        The matrix of ``FUN(X[i], Y[j])``.  As in R, ``FUN`` is called once,
        with ``X`` repeated along ``Y`` and ``Y`` repeated along ``X`` (so it
        must be vectorised); an R operator may be given by name.

    Arguments:
        X: A vector.
        Y: A vector.
        FUN: A vectorised function of two arguments, or ``"*"``, ``"+"``,
            ``"-"``, ``"/"``, ``"^"``, ``"%%"``, ...

    Value:
        A ``len(X)`` x ``len(Y)`` matrix.

    Examples:
        >>> from kerasfn.base_r import outer
        >>> outer([1, 2], [1, 2, 3], "+")
        array([[2, 3, 4],
               [3, 4, 5]])

    See also:
        :func:`kerasfn.base_r.sweep`
    """
    x, y = as_vector(X).reshape(-1), as_vector(Y).reshape(-1)
    result = np.asarray(_function("FUN", FUN)(np.tile(x, y.size), np.repeat(y, x.size)))
    if result.size != x.size * y.size:
        raise ValueError(f"`FUN` must return one value per pair ({x.size * y.size}), not {result.size}")
    return result.reshape(x.size, y.size, order="F")


def drop(x: Any) -> Any:
    """Drop the dimensions of extent one, as R's drop()

    Description:
        A matrix or array without its dimensions of extent one: one row
        of a matrix is a vector, as R's ``m[-1, ]`` of a two-row matrix
        gives.  A vector, or anything that is not a NumPy array, is
        returned as it is.

    Arguments:
        x: A matrix or array.

    Value:
        The array with fewer dimensions (a vector of one element at least).

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import drop
        >>> drop(np.array([[2, 4, 6]]))
        array([2, 4, 6])

    See also:
        :func:`kerasfn.base_r.dim`
    """
    if not isinstance(x, np.ndarray) or x.ndim < 2:
        return x
    return x.reshape([extent for extent in x.shape if extent != 1] or [1])


def t(x: Any) -> np.ndarray:
    """Transpose, as R's t()

    Description:
        A matrix's transpose; a vector becomes a one-row matrix.

    Arguments:
        x: A matrix or vector.

    Value:
        A 2-d NumPy array.

    Examples:
        >>> from kerasfn.base_r import t
        >>> t([1, 2, 3])
        array([[1, 2, 3]])

    See also:
        :func:`kerasfn.base_r.matrix`
    """
    values = np.asanyarray(x) if isinstance(x, np.ndarray) else as_vector(x)
    return values.reshape(1, -1) if values.ndim == 1 else values.T  # a named matrix's names swap too


def _matrix_of(name: str, x: Any) -> np.ndarray:

    values = x.as_matrix() if isinstance(x, DataFrame) else np.asarray(x if isinstance(x, np.ndarray)
                                                                        else _tensor_numpy(x))
    if values.ndim < 2:
        raise ValueError(f"`{name}` must be a matrix or array of two or more dimensions, not of shape "
                         f"{values.shape}")
    return values


def rowSums(x: Any, na_rm: bool = False) -> np.ndarray:  # noqa: N802 - R's name
    """Row sums, as R's rowSums()

    Description:
        The sum of each row (over all dimensions after the first), as
        doubles.

    Arguments:
        x: A matrix, array, data frame or tensor.
        na_rm: Whether to drop missing values.

    Value:
        A double vector, one value per row.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import rowSums, matrix
        >>> rowSums(matrix(np.arange(1, 7), 2))
        array([ 9., 12.])

    See also:
        :func:`kerasfn.base_r.colSums`, :func:`kerasfn.base_r.rowMeans`
    """
    values = _matrix_of("x", x).astype(float)
    flat = values.reshape(values.shape[0], -1)
    return (np.nansum if na_rm else np.sum)(flat, axis=1)


def colSums(x: Any, na_rm: bool = False) -> np.ndarray:  # noqa: N802 - R's name
    """Column sums, as R's colSums()

    Description:
        The sum of each column (over the first dimension), as doubles.

    Arguments:
        x: A matrix, array, data frame or tensor.
        na_rm: Whether to drop missing values.

    Value:
        A double vector (an array for more than two dimensions).

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import colSums, matrix
        >>> colSums(matrix(np.arange(1, 7), 2))
        array([ 3.,  7., 11.])

    See also:
        :func:`kerasfn.base_r.rowSums`
    """
    return (np.nansum if na_rm else np.sum)(_matrix_of("x", x).astype(float), axis=0)


def rowMeans(x: Any, na_rm: bool = False) -> np.ndarray:  # noqa: N802 - R's name
    """Row means, as R's rowMeans()

    Description:
        The mean of each row (over all dimensions after the first).

    Arguments:
        x: A matrix, array, data frame or tensor.
        na_rm: Whether to drop missing values.

    Value:
        A double vector.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import rowMeans, matrix
        >>> rowMeans(matrix(np.arange(1, 7), 2))
        array([3., 4.])

    See also:
        :func:`kerasfn.base_r.colMeans`
    """
    values = _matrix_of("x", x).astype(float)
    flat = values.reshape(values.shape[0], -1)
    return (np.nanmean if na_rm else np.mean)(flat, axis=1)


def colMeans(x: Any, na_rm: bool = False) -> np.ndarray:  # noqa: N802 - R's name
    """Column means, as R's colMeans()

    Description:
        The mean of each column (over the first dimension).

    Arguments:
        x: A matrix, array, data frame or tensor.
        na_rm: Whether to drop missing values.

    Value:
        A double vector.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import colMeans, matrix
        >>> colMeans(matrix(np.arange(1, 7), 2))
        array([1.5, 3.5, 5.5])

    See also:
        :func:`kerasfn.base_r.rowMeans`
    """
    return (np.nanmean if na_rm else np.mean)(_matrix_of("x", x).astype(float), axis=0)


def dim(x: Any) -> Any:
    """Dimensions, as R's dim()

    Description:
        The dimensions of a matrix, array, data frame or tensor (a tensor's
        unknown sizes are ``None``, R's ``NA``); ``NULL`` for a plain vector
        (a 1-d NumPy array is R's vector, which has no dim), list or
        number.  ``cat(dim(x))`` shows ``2 3``.

    Arguments:
        x: The value.

    Value:
        An integer array (a list when a size is unknown), or ``None``.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import dim, matrix
        >>> dim(matrix(np.arange(1, 7), 2))
        array([2, 3])

    See also:
        :func:`kerasfn.base_r.nrow`, :func:`kerasfn.base_r.ncol`, :func:`kerasfn.base_r.length`
    """

    if isinstance(x, DataFrame):
        return np.array([x.nrow, len(x.columns)], dtype=np.int64)
    if x is None or is_scalar(x) or isinstance(x, (list, tuple, dict, NamedVector)):
        return None
    if isinstance(x, np.ndarray):
        return None if x.ndim < 2 else np.array(x.shape, dtype=np.int64)
    shape = getattr(x, "shape", None)
    if shape is None:
        return None
    sizes = list(shape.as_list()) if hasattr(shape, "as_list") else list(shape)
    sizes = [None if s is None else int(s) for s in sizes]
    return sizes if None in sizes else np.array(sizes, dtype=np.int64)


def nrow(x: Any) -> int | None:
    """Number of rows, as R's nrow()

    Description:
        The first dimension of a matrix, array, data frame or tensor;
        ``NULL`` for a plain vector.

    Arguments:
        x: The value.

    Value:
        An ``int`` or ``None``.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import nrow, matrix
        >>> nrow(matrix(np.arange(1, 7), 2))
        2

    See also:
        :func:`kerasfn.base_r.ncol`, :func:`kerasfn.base_r.dim`
    """
    sizes = dim(x)
    return None if sizes is None else (None if sizes[0] is None else int(sizes[0]))


def ncol(x: Any) -> int | None:
    """Number of columns, as R's ncol()

    Description:
        The second dimension of a matrix, array, data frame or tensor;
        ``NULL`` for a plain vector.

    Arguments:
        x: The value.

    Value:
        An ``int`` or ``None``.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import ncol, matrix
        >>> ncol(matrix(np.arange(1, 7), 2))
        3

    See also:
        :func:`kerasfn.base_r.nrow`
    """
    sizes = dim(x)
    return None if sizes is None or len(sizes) < 2 else (None if sizes[1] is None else int(sizes[1]))


def _margins(name: str, margin: Any, ndim: int) -> list[int]:
    axes = [int(m) for m in as_vector(margin).tolist()]
    if any(m < 1 or m > ndim for m in axes):
        raise ValueError(f"`{name}` holds R's 1-based dimension numbers (1 = rows, 2 = columns), "
                         f"between 1 and {ndim}, not {margin!r}")
    return [m - 1 for m in axes]


def apply(X: Any, MARGIN: Any, FUN: Callable, *args: Any, **kwargs: Any) -> Any:  # noqa: N803 - R's names
    """Apply a function over margins, as R's apply()

    Description:
        Calls ``FUN`` on each row (``MARGIN = 1``), each column
        (``MARGIN = 2``) or each cell (``MARGIN = c(1, 2)``); ``MARGIN``
        keeps R's 1-based dimension numbers.  Results of one value each
        make a vector; results of ``k`` values each make a ``k`` x ``n``
        matrix, one column per call, as in R.

    Arguments:
        X: A matrix, array or tensor.
        MARGIN: The dimension(s) to keep, R-numbered.
        FUN: The function.
        *args: More arguments for ``FUN``.
        **kwargs: Keyword arguments for it.

    Value:
        A vector, matrix or list, as R simplifies it.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import apply, matrix
        >>> apply(matrix(np.arange(1, 7), 2), 1, sum)
        array([ 9, 12])

    See also:
        :func:`kerasfn.base_r.sapply`, :func:`kerasfn.base_r.sweep`
    """
    values = _matrix_of("X", X)
    axes = _margins("MARGIN", MARGIN, values.ndim)
    rest = [a for a in range(values.ndim) if a not in axes]
    moved = np.moveaxis(values, axes + rest, list(range(values.ndim)))
    kept = moved.shape[:len(axes)]
    results = [np.asarray(FUN(moved[index], *args, **kwargs)) for index in np.ndindex(*kept)]
    # R walks the kept cells in column-major order
    order = np.arange(len(results)).reshape(kept).reshape(-1, order="F")
    results = [results[i] for i in order]
    sizes = {r.size for r in results}
    if sizes == {1}:
        return np.array([r.reshape(-1)[0] for r in results]).reshape(kept, order="F")
    if len(sizes) == 1:
        return np.stack([r.reshape(-1) for r in results], axis=1)
    return list(results)


def sweep(x: Any, MARGIN: int, STATS: Any, FUN: Any = "-") -> np.ndarray:  # noqa: N803 - R's names
    """Sweep out a summary statistic, as R's sweep()

    Description:
        ``FUN(x, STATS)`` with ``STATS`` laid along dimension ``MARGIN``
        (R-numbered: 1 = one value per row, 2 = one per column).

    Arguments:
        x: A matrix or array.
        MARGIN: The dimension ``STATS`` runs along, R-numbered.
        STATS: The values.
        FUN: A vectorised function of two arguments, or an operator name.

    Value:
        An array shaped as ``x``.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import sweep, matrix
        >>> sweep(matrix(np.arange(1, 7), 2), 2, [1, 2, 3])
        array([[0, 1, 2],
               [1, 2, 3]])

    See also:
        :func:`kerasfn.base_r.scale`, :func:`kerasfn.base_r.apply`
    """
    values = _matrix_of("x", x)
    (axis,) = _margins("MARGIN", MARGIN, values.ndim)
    stats = as_vector(STATS).reshape(-1)
    if stats.size != values.shape[axis]:
        raise ValueError(f"`STATS` has {stats.size} values for dimension {MARGIN} of size {values.shape[axis]}")
    shape = [1] * values.ndim
    shape[axis] = stats.size
    return np.asarray(_function("FUN", FUN)(values, stats.reshape(shape)))


def scale(x: Any, center: Any = True, scale: Any = True) -> np.ndarray:
    """Center and scale columns, as R's scale()

    Description:
        Subtracts each column's mean (or the given ``center``) and divides
        by each column's standard deviation (or the given ``scale``; with
        centering, R's root-mean-square is the standard deviation).  A
        vector is one column.  R attaches the centers and scales as
        attributes ``scaled:center``/``scaled:scale``; this returns the
        matrix only.

    Arguments:
        x: A matrix or vector.
        center: ``True``, ``False``, or one value per column.
        scale: ``True``, ``False``, or one value per column.

    Value:
        A double matrix.

    Examples:
        >>> from kerasfn.base_r import scale, matrix
        >>> scale(matrix([1, 2, 3, 4, 6, 8], 3))
        array([[-1., -1.],
               [ 0.,  0.],
               [ 1.,  1.]])

    See also:
        :func:`kerasfn.base_r.sweep`, :func:`kerasfn.base_r.sd`
    """
    values = np.asarray(x if isinstance(x, np.ndarray) else as_vector(x), dtype=float)
    if values.ndim == 1:
        values = values.reshape(-1, 1)
    if center is True:
        values = values - np.nanmean(values, axis=0)
    elif center is not False:
        values = values - as_vector(center).astype(float).reshape(1, -1)
    if scale is True:
        n = np.sum(~np.isnan(values), axis=0)
        values = values / np.sqrt(np.nansum(values ** 2, axis=0) / np.maximum(n - 1, 1))
    elif scale is not False:
        values = values / as_vector(scale).astype(float).reshape(1, -1)
    return values
