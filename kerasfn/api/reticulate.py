"""The reticulate helpers R keras3 re-exports, and ``zip_lists()``: arrays and iterators the R way.

R keras3 scripts use reticulate's ``np_array()``, ``array_reshape()``
(reshaping in row-major, "C", order as numpy does, where R's ``dim<-``
fills by columns), ``iterate()``, ``as_iterator()`` and ``iter_next()``;
in Python each is a line of numpy or of the iterator protocol, given here
under R's names so that ported scripts run unchanged.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import numpy as np

from kerasfn.rcall.binding import r_function
from kerasfn.rcall.converters import as_bool, as_integer, describe, required
from kerasfn.rcall.tensors import is_tensor_like

__all__ = ["array_reshape", "as_iterator", "iter_next", "iterate", "np_array", "zip_lists"]


def _is_iterable(value: Any) -> bool:
    return isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping))


def _as_order(name: str, value: Any) -> str:
    if value not in ("C", "F"):
        raise ValueError(f'`{name}` must be "C" (row-major) or "F" (column-major); received {describe(value)}.')
    return value


def _as_dim(name: str, value: Any) -> tuple[int, ...]:
    """R's ``dim``: sizes as whole numbers (doubles accepted), ``-1`` for one inferred size."""
    values = value if isinstance(value, (list, tuple)) else (value,)
    dims = tuple(as_integer(name, item) for item in values)
    if any(dim < -1 for dim in dims) or dims.count(-1) > 1:
        raise ValueError(f"`{name}` must hold sizes >= 0 and at most one -1; received {describe(value)}.")
    return dims


@r_function(lambda value: value is not None, "data", {"order": _as_order})
def np_array(data: Any, dtype: Any = None, order: str = "C") -> np.ndarray:
    """Create a numpy array

    Description:
        reticulate's ``np_array()``: ``numpy.array(data, dtype, order)``.

    Arguments:
        data: Numbers, nested lists, an array or a tensor.
        dtype: Optional data type (``"float32"``, ``"int64"``, ...).
        order: Memory layout, ``"C"`` (row-major) or ``"F"`` (column-major).

    Value:
        A numpy array.

    Examples:
        >>> from kerasfn import np_array
        >>> np_array([1, 2, 3], dtype="float32")
        array([1., 2., 3.], dtype=float32)

    See also:
        :func:`array_reshape`.
    """
    return np.array(data, dtype=dtype, order=order)


@r_function(is_tensor_like, "an array", {"dim": required(_as_dim), "order": _as_order})
def array_reshape(x: Any, dim: Any, order: str = "C") -> np.ndarray:
    """Reshape an array in row-major (C) order

    Description:
        reticulate's ``array_reshape()``: the values keep their row-major
        order, as numpy and Keras read them (R's ``dim(x) <- ...`` fills
        columns first instead).  ``order="F"`` reads and writes column-major.

    Arguments:
        x: An array (or anything ``numpy.asarray`` takes).
        dim: The new shape; one size may be ``-1``, inferred.
        order: ``"C"`` (row-major, the default) or ``"F"`` (column-major).

    Value:
        A numpy array of shape ``dim``.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import array_reshape
        >>> array_reshape(np.arange(1, 7), (2, 3))
        array([[1, 2, 3],
               [4, 5, 6]])
        >>> np.arange(1, 7) | array_reshape((2, -1), order="F")
        array([[1, 3, 5],
               [2, 4, 6]])

    See also:
        :func:`np_array`.
    """
    values = np.asarray(x)
    try:
        return np.reshape(values, dim, order=order)
    except ValueError:
        raise ValueError(f"`dim` {dim} does not fit the {values.size} values of `x`.") from None


@r_function(_is_iterable, "an iterable", {"simplify": as_bool})
def iterate(it: Iterable[Any], f: Callable[[Any], Any] | None = None, simplify: bool = True) -> Any:
    """Apply a function to each element of an iterator

    Description:
        reticulate's ``iterate()``: runs through ``it`` (a list, a
        generator, a ``tf.data`` dataset), applying ``f`` to each element.
        With ``simplify=True`` results that are all numbers become one
        numpy vector, as R simplifies them to a vector.

    Arguments:
        it: An iterable or iterator.
        f: Function applied to each element (default: the element itself).
        simplify: Whether to turn all-number results into a vector.

    Value:
        A list of the results, or a numpy vector.

    Examples:
        >>> from kerasfn import iterate
        >>> iterate(range(3), lambda i: i * 10)
        array([ 0, 10, 20])
        >>> iter([[1], [2]]) | iterate(simplify=False)
        [[1], [2]]

    See also:
        :func:`as_iterator`, :func:`iter_next`.
    """
    if f is not None and not callable(f):
        raise TypeError(f"`f` must be a function; received {describe(f)}.")
    results = [item if f is None else f(item) for item in it]
    if simplify and results and all(isinstance(r, numbers.Number) or (isinstance(r, np.generic)) for r in results):
        return np.asarray(results)
    return results


@r_function(_is_iterable, "an iterable")
def as_iterator(x: Iterable[Any]) -> Iterator[Any]:
    """Get an iterator over an iterable

    Description:
        reticulate's ``as_iterator()``: Python's ``iter(x)`` (a ``tf.data``
        dataset gives its batches one at a time).

    Arguments:
        x: An iterable (list, dataset, generator, ...).

    Value:
        An iterator, for :func:`iter_next`.

    Examples:
        >>> from kerasfn import as_iterator, iter_next
        >>> it = as_iterator([1, 2])
        >>> iter_next(it), iter_next(it), iter_next(it)
        (1, 2, None)

    See also:
        :func:`iter_next`, :func:`iterate`.
    """
    return iter(x)


@r_function(lambda value: isinstance(value, Iterator), "an iterator")
def iter_next(it: Iterator[Any], completed: Any = None) -> Any:
    """Get the next element of an iterator

    Description:
        reticulate's ``iter_next()``: Python's ``next(it, completed)``; at
        the end of the iterator ``completed`` (``None``, R's ``NULL``) is
        returned instead of raising ``StopIteration``.

    Arguments:
        it: An iterator (from :func:`as_iterator`).
        completed: What to return when the iterator is exhausted.

    Value:
        The next element, or ``completed``.

    Examples:
        >>> from kerasfn import as_iterator, iter_next
        >>> it = as_iterator(["a"])
        >>> it | iter_next(), it | iter_next(completed="done")
        ('a', 'done')

    See also:
        :func:`as_iterator`.
    """
    return next(it, completed)


@r_function(None, "")
def zip_lists(*lists: Any) -> Any:
    """Zip lists together, element by element

    Description:
        R keras3's ``zip_lists()``: the first elements of every list, then
        the second ones, ...  Named lists (dicts) are matched by name (all
        must have the same names) and the result is named by them.  One
        argument is taken as the list of lists to zip.

    Arguments:
        *lists: Lists (or dicts) of the same length.

    Value:
        A list of lists, or a dict of lists for named lists.

    Examples:
        >>> from kerasfn import zip_lists
        >>> zip_lists([1, 2], ["a", "b"])
        [[1, 'a'], [2, 'b']]
        >>> zip_lists({"x": 1, "y": 2}, {"y": 20, "x": 10})
        {'x': [1, 10], 'y': [2, 20]}

    See also:
        :func:`iterate`.
    """
    if len(lists) == 1:
        lists = tuple(lists[0])
    if not lists:
        return []
    if isinstance(lists[0], Mapping):
        names = list(lists[0])
        for item in lists[1:]:
            if not isinstance(item, Mapping) or set(item) != set(names):
                raise ValueError("All names of arguments provided to `zip_lists()` must match; received "
                                 f"{names} and {describe(item)}.")
        return {name: [item[name] for item in lists] for name in names}
    lengths = {len(item) for item in lists}
    if len(lengths) > 1:
        raise ValueError(f"zip_lists() needs lists of one length; received lengths {sorted(lengths)}.")
    return [list(items) for items in zip(*lists)]
