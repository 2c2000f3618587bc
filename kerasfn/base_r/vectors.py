"""Vectors: construction, sequences, ordering, names, lengths and flattening."""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from typing import Any

import numpy as np

from kerasfn.base_r import rng
from kerasfn.base_r._values import Factor, NamedVector, _tensor_numpy, as_vector, is_scalar, na_mask, text_vector
from kerasfn.base_r.frames import DataFrame

__all__ = ["character", "head", "integer", "length", "logical", "names", "numeric", "order", "rep", "rev",
           "sample", "sample_int", "seq", "seq_along", "seq_len", "setNames", "sort", "tail", "unique", "unlist",
           "which", "which_max", "which_min"]


def _count(name: str, value: Any) -> int:
    if isinstance(value, np.ndarray) and value.size == 1:  # R's counts are one-element vectors
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, np.number)) or value != value or value < 0:
        raise ValueError(f"`{name}` must be a non-negative number, not {value!r}")
    return int(value)


def character(length: int = 0) -> np.ndarray:
    """Character vectors, as R's character()

    Description:
        A character vector of ``length`` empty strings, an object array so
        that storing a longer string later never truncates it.

    Arguments:
        length: How many elements.

    Value:
        A NumPy object array of ``""``.

    Examples:
        >>> from kerasfn.base_r import character
        >>> character(2)
        array(['', ''], dtype=object)

    See also:
        :func:`kerasfn.base_r.numeric`, :func:`kerasfn.base_r.integer`, :func:`kerasfn.base_r.logical`
    """
    return text_vector([""] * _count("length", length))


def numeric(length: int = 0) -> np.ndarray:
    """Double vectors, as R's numeric()

    Description:
        A double vector of ``length`` zeros.

    Arguments:
        length: How many elements.

    Value:
        A ``float64`` array.

    Examples:
        >>> from kerasfn.base_r import numeric
        >>> numeric(3)
        array([0., 0., 0.])

    See also:
        :func:`kerasfn.base_r.integer`, :func:`kerasfn.base_r.character`
    """
    return np.zeros(_count("length", length), dtype=np.float64)


def integer(length: int = 0) -> np.ndarray:
    """Integer vectors, as R's integer()

    Description:
        An integer vector of ``length`` zeros.

    Arguments:
        length: How many elements.

    Value:
        An ``int64`` array.

    Examples:
        >>> from kerasfn.base_r import integer
        >>> integer(2)
        array([0, 0])

    See also:
        :func:`kerasfn.base_r.numeric`
    """
    return np.zeros(_count("length", length), dtype=np.int64)


def logical(length: int = 0) -> np.ndarray:
    """Logical vectors, as R's logical()

    Description:
        A logical vector of ``length`` ``FALSE`` values.

    Arguments:
        length: How many elements.

    Value:
        A ``bool`` array.

    Examples:
        >>> from kerasfn.base_r import logical
        >>> logical(2)
        array([False, False])

    See also:
        :func:`kerasfn.base_r.numeric`
    """
    return np.zeros(_count("length", length), dtype=bool)


def seq_len(length_out: int) -> np.ndarray:
    """The integers 1 to n, as R's seq_len()

    Description:
        R's ``seq_len(n)``: the values ``1, 2, ..., n`` (R's values, not
        0-based positions; empty for ``n = 0``).

    Arguments:
        length_out: ``n``, a non-negative whole number.

    Value:
        An integer array.

    Examples:
        >>> from kerasfn.base_r import seq_len
        >>> seq_len(3)
        array([1, 2, 3])

    See also:
        :func:`kerasfn.base_r.seq_along`, :func:`kerasfn.base_r.seq`
    """
    return np.arange(1, _count("length_out", length_out) + 1, dtype=np.int64)


def seq_along(along_with: Any) -> np.ndarray:
    """The integers 1 to length(x), as R's seq_along()

    Description:
        R's ``seq_along(x)``: ``1, ..., length(x)`` (R's values, not 0-based
        positions).

    Arguments:
        along_with: Any value with a length.

    Value:
        An integer array.

    Examples:
        >>> from kerasfn.base_r import seq_along
        >>> seq_along(["a", "b", "c"])
        array([1, 2, 3])

    See also:
        :func:`kerasfn.base_r.seq_len`
    """
    return np.arange(1, length(along_with) + 1, dtype=np.int64)


def _whole(value: Any) -> bool:
    return isinstance(value, (numbers.Integral, np.integer)) and not isinstance(value, bool)


def seq(from_: Any = 1, to: Any = None, by: Any = None, length_out: Any = None, along_with: Any = None) -> np.ndarray:
    """Sequences, as R's seq()

    Description:
        R's ``seq(from, to, by, length.out)``: ``seq(5)`` is ``1:5``;
        ``seq(a, b)`` steps by 1 or -1; ``by`` sets the step; ``length_out``
        spaces the values evenly.  As in R, the result holds integers when
        R's would (``seq(2, 8)`` and ``seq(5)``: whole ``from`` stepping by
        1; or Python ``int`` ``from`` and ``by``, R's integers) and doubles
        otherwise (always with ``from``, ``to`` and ``length_out``).

    Arguments:
        from_: The first value (R's ``from``); a lone vector argument means
            ``seq_along`` of it.
        to: The last value (not exceeded).
        by: The step.
        length_out: The number of values (R's ``length.out``).
        along_with: Take the length from this value.

    Value:
        A NumPy array.

    Examples:
        >>> from kerasfn.base_r import seq
        >>> seq(1.0, 10.0, by=2.0)
        array([1., 3., 5., 7., 9.])
        >>> seq(0.0, 1.0, length_out=5)
        array([0.  , 0.25, 0.5 , 0.75, 1.  ])
        >>> seq(2.0, 8.0)
        array([2, 3, 4, 5, 6, 7, 8])

    See also:
        :func:`kerasfn.base_r.seq_len`, :func:`kerasfn.base_r.rep`
    """
    if along_with is not None:
        length_out = length(along_with)
    if to is None and by is None and length_out is None:
        if not is_scalar(from_) or isinstance(from_, str):
            return seq_along(from_)
        n = float(from_)
        if n >= 1:
            return np.arange(1, int(math.floor(n + 1e-10)) + 1, dtype=np.int64)
        return np.arange(1, int(math.ceil(n - 1e-10)) - 1, -1, dtype=np.int64)
    for name, value in (("from", from_), ("to", to), ("by", by), ("length_out", length_out)):
        if value is not None and (not is_scalar(value) or isinstance(value, (str, bool)) or value != value):
            raise ValueError(f"`{name}` must be a single number, not {value!r}")
    if length_out is not None:
        n = int(math.ceil(float(length_out)))
        if n < 0:
            raise ValueError(f"`length_out` must be non-negative, not {length_out!r}")
        if to is None:
            step = 1 if by is None else by
            start = from_
        elif by is None:
            if n == 1:
                return np.array([from_], dtype=float)
            return np.linspace(float(from_), float(to), n)
        else:
            start = to - (n - 1) * by
            step = by
        out = start + step * np.arange(n)
        return out.astype(np.int64) if _whole(start) and _whole(step) else out.astype(float)
    if to is None:
        to = from_ + 0
    if by is None:
        step = 1 if to >= from_ else -1
        count = int(math.floor(abs(to - from_) + 1e-10)) + 1
        out = from_ + step * np.arange(count)
        whole_from = _whole(from_) or float(from_).is_integer()
        return out.astype(np.int64) if whole_from else out.astype(float)
    if by == 0 or (to - from_) * by < 0:
        if to == from_:
            return np.array([from_])
        raise ValueError(f"wrong sign in `by`: from={from_!r}, to={to!r}, by={by!r}")
    count = int(math.floor((to - from_) / by + 1e-10)) + 1
    out = from_ + by * np.arange(count)
    return out.astype(np.int64) if _whole(from_) and _whole(by) else out.astype(float)


def _recycle_to(values: np.ndarray, n: int) -> np.ndarray:
    if values.size == 0:
        return values[:0]
    return np.resize(values, n)


def rep(x: Any, times: Any = 1, each: int = 1, length_out: int | None = None) -> Any:
    """Replicate elements, as R's rep()

    Description:
        R's ``rep(x, times, each, length.out)``: each element repeated
        ``each`` times, the whole ``times`` times (or element by element
        when ``times`` is a vector as long as ``x``), cut or recycled to
        ``length_out``.  Names are kept as R keeps them.

    Arguments:
        x: A vector, or a list (the result is then a list).
        times: Repeats of the whole, or one count per element.
        each: Repeats of each element.
        length_out: The length of the result (R's ``length.out``).

    Value:
        A vector of ``x``'s type (a list for a list).

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import rep
        >>> rep(np.array([1, 2]), times=3)
        array([1, 2, 1, 2, 1, 2])
        >>> rep(np.array([1, 2]), each=2)
        array([1, 1, 2, 2])
        >>> rep(["a", "b"], times=[2, 3])
        ['a', 'a', 'b', 'b', 'b']

    See also:
        :func:`kerasfn.base_r.seq`
    """
    if isinstance(x, (list, tuple)):
        positions = rep(np.arange(len(x)), times=times, each=each, length_out=length_out)
        return [x[i] for i in positions]
    names = x.names if isinstance(x, NamedVector) else None
    values = as_vector(x)
    index = np.repeat(np.arange(values.size), _count("each", each))
    times_vector = np.asarray(times).reshape(-1)
    if times_vector.size == 1:
        index = np.tile(index, _count("times", times_vector[0]))
    elif times_vector.size == index.size:
        index = np.repeat(index, times_vector.astype(int))
    else:
        raise ValueError(f"`times` must be one number or one per element, not {times!r}")
    if length_out is not None:
        index = _recycle_to(index, _count("length_out", length_out))
    out = values[index]
    return NamedVector(out, [names[i] for i in index]) if names is not None else out


def rev(x: Any) -> Any:
    """Reverse a vector or list, as R's rev()

    Description:
        The elements in reverse order; names, list and named-list structure
        kept.

    Arguments:
        x: A vector, list, named list (dict) or named vector.

    Value:
        The same kind of value, reversed.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import rev
        >>> rev(np.array([1, 2, 3]))
        array([3, 2, 1])
        >>> rev({"a": 1, "b": 2})
        {'b': 2, 'a': 1}

    See also:
        :func:`kerasfn.base_r.sort`
    """
    if x is None:
        return None
    if isinstance(x, Mapping):
        return dict(reversed(list(x.items())))
    if isinstance(x, (list, tuple)):
        return list(x)[::-1]
    if isinstance(x, NamedVector):
        return NamedVector(x.values[::-1], x.names[::-1])
    return as_vector(x)[::-1]


def unique(x: Any) -> Any:
    """Remove duplicates, as R's unique()

    Description:
        The distinct elements of a vector, in the order they first appear
        (names dropped; ``NA`` counted once); the distinct rows of a matrix,
        as a matrix; the distinct elements of a list, as a list.

    Arguments:
        x: A vector, matrix or list.

    Value:
        A vector, matrix or list.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import unique
        >>> unique(np.array([3, 1, 3, 2, 1]))
        array([3, 1, 2])
        >>> unique(np.array([[1, 2], [1, 2], [0, 2]]))
        array([[1, 2],
               [0, 2]])

    See also:
        :func:`kerasfn.base_r.table`
    """
    if x is None:
        return None
    if isinstance(x, (Mapping, list, tuple)):
        items = list(x.values()) if isinstance(x, Mapping) else list(x)
        kept: list = []
        for item in items:
            if not any(_same(item, seen) for seen in kept):
                kept.append(item)
        return kept
    values = np.asarray(_tensor_numpy(x))
    if values.ndim == 0:
        values = values.reshape(1)
    if values.ndim > 2:
        raise ValueError(f"`x` must be a vector or a matrix, not an array of {values.ndim} dimensions")
    _, first = np.unique(values, axis=0 if values.ndim == 2 else None, return_index=True)
    return values[np.sort(first)]


def _same(a: Any, b: Any) -> bool:
    try:
        return bool(np.array_equal(a, b, equal_nan=True))
    except TypeError:  # values NumPy cannot compare for NaN (strings, objects)
        return bool(np.array_equal(a, b))


def sample(x: Any, size: int | None = None, replace: bool = False, prob: Any = None) -> Any:
    """Random samples and permutations, as R's sample()

    Description:
        R's ``sample()``: a single number ``n >= 1`` samples from the values
        ``1:n`` (R's values, not 0-based positions); a vector samples its
        elements.  Draws come from R's own generator (Mersenne-Twister,
        "Rejection" sampling), so after the same :func:`kerasfn.base_r.set_seed`
        (or kerasfn's ``set_random_seed()``) they are R's draws.  With
        ``prob`` they come from NumPy's global generator: the same calls as
        R, not R's draws.

    Arguments:
        x: A vector, or one number ``n``.
        size: How many to draw (default: all, a permutation).
        replace: Whether to draw with replacement.
        prob: Weights of the elements.

    Value:
        A vector of draws.

    Examples:
        >>> from kerasfn.base_r import sample, set_seed
        >>> set_seed(1)
        >>> sorted(sample(5).tolist())
        [1, 2, 3, 4, 5]

    See also:
        :func:`kerasfn.base_r.set_seed`
    """
    if is_scalar(x) and not isinstance(x, str) and isinstance(x, (numbers.Real, np.number)) and x >= 1:
        population = np.arange(1, int(x) + 1, dtype=np.int64)
    else:
        population = as_vector(x)
    n = population.size if size is None else _count("size", size)
    if not replace and n > population.size:
        raise ValueError(f"cannot take a sample larger than the population ({n} > {population.size}) "
                         "when `replace` is False")
    if prob is None:
        return population[np.asarray(_r_sample_positions(population.size, n, bool(replace)), dtype=np.int64)]
    weights = np.asarray(prob, dtype=float)
    return population[np.random.choice(population.size, n, replace=bool(replace), p=weights / weights.sum())]


def _r_sample_positions(population: int, size: int, replace: bool) -> list[int]:
    """0-based positions drawn as R's C code draws them (``do_sample()``)."""
    generator = rng.generator()
    if replace or size < 2:
        return [generator.unif_index(population) for _ in range(size)]
    remaining = list(range(population))
    drawn = []
    for left in range(population, population - size, -1):
        j = generator.unif_index(left)
        drawn.append(remaining[j])
        remaining[j] = remaining[left - 1]  # R moves the last one into the gap
    return drawn


def runif(n: Any, min: float = 0.0, max: float = 1.0) -> np.ndarray:  # noqa: A002 - R's argument names
    """Uniform random numbers, as R's runif()

    Description:
        ``n`` numbers between ``min`` and ``max``, drawn from R's own
        generator: after the same :func:`kerasfn.base_r.set_seed` (or
        kerasfn's ``set_random_seed()``) they are R's numbers.

    Arguments:
        n: How many numbers (a vector: its length, as in R).
        min: Lower limit.
        max: Upper limit.

    Value:
        A double vector.

    Examples:
        >>> from kerasfn.base_r import runif, set_seed
        >>> set_seed(1)
        >>> runif(2).round(6).tolist()
        [0.265509, 0.372124]

    See also:
        :func:`kerasfn.base_r.sample`, :func:`kerasfn.base_r.set_seed`
    """
    count = _count("n", n) if is_scalar(n) else np.size(n)
    low, high = float(min), float(max)
    generator = rng.generator()
    return np.array([low + (high - low) * generator.unif_rand() for _ in range(count)], dtype=float)


def sample_int(n: Any, size: int | None = None, replace: bool = False, prob: Any = None) -> np.ndarray:
    """Random samples of 1:n, as R's sample.int()

    Description:
        ``size`` values drawn from ``1:n`` (R's values, not 0-based
        positions), a permutation of them by default.  Draws are R's, as
        :func:`kerasfn.base_r.sample`'s are.

    Arguments:
        n: How many values to draw from: ``1:n``.
        size: How many to draw (default: ``n``).
        replace: Whether to draw with replacement.
        prob: Weights of the values.

    Value:
        An integer vector.

    Examples:
        >>> from kerasfn.base_r import sample_int, set_seed
        >>> set_seed(1)
        >>> sorted(sample_int(4).tolist())
        [1, 2, 3, 4]

    See also:
        :func:`kerasfn.base_r.sample`
    """
    return sample(np.arange(1, _count("n", n) + 1, dtype=np.int64), size, replace, prob)


def _sort_key(values: np.ndarray) -> np.ndarray | list:
    if values.dtype.kind == "O" or values.dtype.kind == "U":
        # R sorts strings by the locale's collation: case-insensitively first, lower case first on ties
        return [(s.casefold(), s.swapcase()) for s in values.tolist()]
    return values


def _order_of(values: np.ndarray, decreasing: bool) -> np.ndarray:
    key = _sort_key(values)
    positions = list(range(len(values)))
    if isinstance(key, list):
        return np.array(sorted(positions, key=lambda i: key[i], reverse=decreasing), dtype=np.int64)
    if decreasing:
        return np.argsort(-key if key.dtype.kind in "fiu" else key, kind="stable").astype(np.int64)
    return np.argsort(key, kind="stable").astype(np.int64)


def sort(x: Any, decreasing: bool = False) -> Any:
    """Sort a vector, as R's sort()

    Description:
        The values in increasing (or decreasing) order, missing values
        dropped as R drops them; a named vector keeps each value's name.
        Strings sort case-insensitively with lower case first on ties, as R
        does in an English locale (R in the C locale puts upper case first).

    Arguments:
        x: A vector.
        decreasing: Whether to sort in decreasing order.

    Value:
        The sorted vector.

    Examples:
        >>> from kerasfn.base_r import sort
        >>> sort([3, 1, 2])
        array([1, 2, 3])
        >>> sort(["b", "A", "a", "B"])
        array(['a', 'A', 'b', 'B'], dtype=object)

    See also:
        :func:`kerasfn.base_r.order`, :func:`kerasfn.base_r.rev`
    """
    values = as_vector(x)
    keep = ~na_mask(values)
    positions = np.flatnonzero(keep)
    ordered = positions[_order_of(values[keep], decreasing)]
    if isinstance(x, NamedVector):
        return NamedVector(values[ordered], [x.names[i] for i in ordered])
    return values[ordered]


def order(*keys: Any, decreasing: bool = False) -> np.ndarray:
    """Ordering permutation, as R's order()

    Description:
        The positions that sort the vector(s): ties in the first key are
        broken by the next, stably; missing values last.  Returns 0-based
        positions, as Python indexing needs (R's are 1-based).

    Arguments:
        *keys: One or more vectors of the same length.
        decreasing: Whether to order decreasingly.

    Value:
        An integer array of 0-based positions.

    Examples:
        >>> from kerasfn.base_r import order
        >>> order([3, 1, 2])
        array([1, 2, 0])
        >>> order([2, 1, 2], [3, 2, 1])
        array([1, 2, 0])

    See also:
        :func:`kerasfn.base_r.sort`, :func:`kerasfn.base_r.which_max`
    """
    if not keys:
        return np.array([], dtype=np.int64)
    columns = [as_vector(k) for k in keys]
    n = columns[0].size
    if any(c.size != n for c in columns):
        raise ValueError("all arguments of `order` must have the same length")
    positions = np.arange(n)
    for column in reversed(columns):
        missing = na_mask(column)
        present = positions[~missing[positions]]
        absent = positions[missing[positions]]
        positions = np.concatenate([present[_order_of(column[present], decreasing)], absent])
    return positions.astype(np.int64)


def which(x: Any) -> Any:
    """Which values are TRUE, as R's which()

    Description:
        The positions of the ``TRUE`` values (missing values count as
        not TRUE), in column-major order for a matrix as in R.  Returns
        0-based positions, as Python indexing needs (R's are 1-based).  A
        named vector gives a named result.

    Arguments:
        x: A logical vector (or anything NumPy reads as one).

    Value:
        An integer array of 0-based positions (a ``NamedVector`` for named
        input).

    Examples:
        >>> from kerasfn.base_r import which
        >>> which([False, True, True])
        array([1, 2])

    See also:
        :func:`kerasfn.base_r.which_max`
    """
    values = as_vector(x)
    if values.ndim > 1:
        values = values.reshape(-1, order="F")
    if values.dtype.kind == "O":
        values = np.array([bool(v) if v is not None else False for v in values.tolist()])
    elif values.dtype.kind == "f":
        values = np.nan_to_num(values, nan=0.0)
    positions = np.flatnonzero(values.astype(bool)).astype(np.int64)
    if isinstance(x, NamedVector):
        return NamedVector(positions, [x.names[i] for i in positions])
    return positions


def _which_extreme(x: Any, name: str, pick: Any) -> int | None:
    values = as_vector(x).astype(float).reshape(-1)
    if values.size == 0 or np.all(np.isnan(values)):
        return None
    return int(pick(values))


def which_max(x: Any) -> int | None:
    """Position of the first maximum, as R's which.max()

    Description:
        Where the largest value first occurs, missing values ignored.
        Returns a 0-based position, as Python indexing needs (R's is
        1-based).

    Arguments:
        x: A numeric vector.

    Value:
        An ``int`` (``None`` for an empty or all-missing vector, R's
        ``integer(0)``).

    Examples:
        >>> from kerasfn.base_r import which_max
        >>> which_max([3, 7, 7, 1])
        1

    See also:
        :func:`kerasfn.base_r.which_min`, :func:`kerasfn.base_r.which`
    """
    return _which_extreme(x, "which_max", np.nanargmax)


def which_min(x: Any) -> int | None:
    """Position of the first minimum, as R's which.min()

    Description:
        Where the smallest value first occurs, missing values ignored.
        Returns a 0-based position, as Python indexing needs (R's is
        1-based).

    Arguments:
        x: A numeric vector.

    Value:
        An ``int`` (``None`` for an empty or all-missing vector).

    Examples:
        >>> from kerasfn.base_r import which_min
        >>> which_min([3, 1, 1, 9])
        1

    See also:
        :func:`kerasfn.base_r.which_max`
    """
    return _which_extreme(x, "which_min", np.nanargmin)


def names(x: Any) -> np.ndarray | None:
    """Names of a value, as R's names()

    Description:
        The names of a named list (dict), a named vector or a data frame's
        columns; ``NULL`` for a value without names.  A Python object (a
        model, an optimizer) is named by its public attributes, sorted, as
        reticulate names it.

    Arguments:
        x: The value.

    Value:
        A character vector, or ``None``.

    Examples:
        >>> from kerasfn.base_r import names
        >>> names({"a": 1, "b": 2})
        array(['a', 'b'], dtype=object)
        >>> names([1, 2]) is None
        True

    See also:
        :func:`kerasfn.base_r.setNames`
    """
    if isinstance(x, DataFrame):
        return text_vector(x.columns)
    if isinstance(x, Mapping):
        return text_vector([str(k) for k in x])
    if isinstance(x, NamedVector):
        return text_vector(x.names)
    if x is None or isinstance(x, (str, bytes, numbers.Number, np.ndarray, np.generic, list, tuple, Factor)):
        return None
    return text_vector(attribute for attribute in dir(x) if not attribute.startswith("_"))


def setNames(object: Any = None, nm: Any = None) -> Any:  # noqa: N802 - R's name
    """Set the names of a value, as R's setNames()

    Description:
        ``object`` with names ``nm``: a list becomes a named list (dict), a
        vector a named vector; ``nm = NULL`` removes the names.

    Arguments:
        object: A vector, list or named list.
        nm: The names (a character vector), or ``None``.

    Value:
        A ``dict`` for a list, a :class:`kerasfn.base_r.NamedVector` for a
        vector.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import setNames
        >>> setNames([1, "x"], ["a", "b"])
        {'a': 1, 'b': 'x'}
        >>> print(setNames(np.array([1, 2, 3]), ["a", "b", "c"]))
        a b c 
        1 2 3 

    See also:
        :func:`kerasfn.base_r.names`, :func:`kerasfn.base_r.unlist`
    """
    is_list = isinstance(object, (Mapping, list, tuple))
    if nm is None:
        if isinstance(object, Mapping):
            return list(object.values())
        return object.values if isinstance(object, NamedVector) else object
    labels = [str(n) for n in as_vector(nm).tolist()]
    if is_list:
        values = list(object.values()) if isinstance(object, Mapping) else list(object)
        if len(labels) != len(values) or len(set(labels)) != len(labels):
            raise ValueError(f"`nm` must hold {len(values)} distinct names for a named list, not {labels!r}")
        return dict(zip(labels, values))
    values = as_vector(object)
    if len(labels) != values.size:
        raise ValueError(f"`nm` has {len(labels)} names for {values.size} values")
    return NamedVector(values, labels)


def length(x: Any) -> int:
    """Length of a value, as R's length()

    Description:
        The number of elements: of a vector, list, named list, matrix (all
        cells), tensor (all elements); 1 for a single string or number, 0
        for ``NULL``; a data frame's number of columns.

    Arguments:
        x: The value.

    Value:
        An ``int``.

    Examples:
        >>> from kerasfn.base_r import length
        >>> length([1, 2, 3]), length("abc"), length(None)
        (3, 1, 0)

    See also:
        :func:`kerasfn.base_r.nchar`, :func:`kerasfn.base_r.dim`
    """
    if x is None:
        return 0
    if isinstance(x, DataFrame):
        return len(x.columns)
    if is_scalar(x):
        return 1
    if isinstance(x, (Mapping, list, tuple, NamedVector, Factor, range)):
        return len(x)
    return int(np.size(x if isinstance(x, np.ndarray) else _tensor_numpy(x)))


def _flatten(x: Any, prefix: str) -> list[tuple[str, Any]]:
    if isinstance(x, Mapping):
        items = list(x.items())
        out = []
        for name, value in items:
            label = f"{prefix}.{name}" if prefix and name != "" else (prefix or str(name))
            out += _flatten(value, label)
        return out
    if isinstance(x, (list, tuple)) and not all(is_scalar(v) for v in x):
        out = []
        for i, value in enumerate(x):
            label = f"{prefix}{i + 1}" if prefix and len(x) > 1 else prefix
            out += _flatten(value, label)
        return out
    if isinstance(x, NamedVector):
        return [(f"{prefix}.{n}" if prefix else n, v) for n, v in zip(x.names, x.values.tolist())]
    if isinstance(x, Factor):
        x = x.labels()
    values = as_vector(x).reshape(-1, order="F").tolist()
    if len(values) == 1:
        return [(prefix, values[0])]
    return [(f"{prefix}{i + 1}" if prefix else "", v) for i, v in enumerate(values)]


def unlist(x: Any, use_names: bool = True) -> Any:
    """Flatten a list to a vector, as R's unlist()

    Description:
        R's ``unlist()``: all values of a (nested) list in one vector of
        their common type (character if any is a string, as R coerces).  A
        named list (dict) gives a named vector whose names are R's
        (``a.b`` for nested names, ``a1``, ``a2`` for an unnamed vector
        under ``a``): index it by name, or take ``.values``.

    Arguments:
        x: A list or named list (dict); a vector is returned as is.
        use_names: Whether to keep the names (R's ``use.names``).

    Value:
        A NumPy array, or a :class:`kerasfn.base_r.NamedVector` when any
        name is present.

    Examples:
        >>> from kerasfn.base_r import unlist
        >>> print(unlist({"loss": 0.25, "mae": 0.5}))
        loss  mae 
        0.25 0.50 
        >>> unlist([1, 2, 3])
        array([1, 2, 3])

    See also:
        :func:`kerasfn.base_r.lapply`, :func:`kerasfn.base_r.setNames`
    """
    if x is None:
        return None
    if not isinstance(x, (Mapping, list, tuple)):
        return x
    pairs = _flatten(x, "")
    values = as_vector([v for _, v in pairs]) if pairs else np.array([], dtype=float)
    labels = [n for n, _ in pairs]
    if use_names and any(labels):
        return NamedVector(values, labels)
    return values


def head(x: Any, n: int = 6) -> Any:
    """First part of a value, as R's head()

    Description:
        The first ``n`` elements of a vector or list, the first ``n`` rows
        of a matrix, array or data frame; a negative ``n`` drops the last
        ``-n``.

    Arguments:
        x: The value.
        n: How many to keep (negative: how many to drop from the end).

    Value:
        The same kind of value, shortened.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import head
        >>> head(np.arange(1, 11), 3)
        array([1, 2, 3])
        >>> head(np.arange(1, 11), -3)
        array([1, 2, 3, 4, 5, 6, 7])

    See also:
        :func:`kerasfn.base_r.tail`
    """
    return _part(x, n, first=True)


def tail(x: Any, n: int = 6) -> Any:
    """Last part of a value, as R's tail()

    Description:
        The last ``n`` elements of a vector or list, the last ``n`` rows of
        a matrix, array or data frame; a negative ``n`` drops the first
        ``-n``.  A matrix's rows lose R's original row labels.

    Arguments:
        x: The value.
        n: How many to keep (negative: how many to drop from the start).

    Value:
        The same kind of value, shortened.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import tail
        >>> tail(np.arange(1, 11), 3)
        array([ 8,  9, 10])

    See also:
        :func:`kerasfn.base_r.head`
    """
    return _part(x, n, first=False)


def _part(x: Any, n: int, first: bool) -> Any:
    if isinstance(n, bool) or not isinstance(n, (numbers.Integral, np.integer, float)):
        raise TypeError(f"`n` must be a whole number, not {n!r}")
    n = int(n)
    size = x.nrow if isinstance(x, DataFrame) else length(x) if not isinstance(x, np.ndarray) or x.ndim < 2 \
        else x.shape[0]
    keep = min(n, size) if n >= 0 else max(size + n, 0)
    index = slice(0, keep) if first else slice(size - keep, size)
    if isinstance(x, DataFrame):
        return x.rows(index)
    if isinstance(x, Mapping):
        return dict(list(x.items())[index])
    if isinstance(x, (list, tuple, NamedVector, Factor)):
        return x[index]
    if isinstance(x, str):
        return x
    return as_vector(x)[index]
