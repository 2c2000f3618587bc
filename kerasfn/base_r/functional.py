"""Functions over vectors and lists (lapply, sapply, Map, Reduce, ...) and R's control helpers."""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from kerasfn.base_r._values import Factor, NamedVector, as_vector, is_scalar
from kerasfn.base_r.types import class_
from kerasfn.base_r.frames import DataFrame
from kerasfn.base_r.factors import factor

__all__ = ["Filter", "Map", "Reduce", "do_call", "ifelse", "invisible", "lapply", "sapply", "switch", "tapply",
           "vapply"]

#: kerasfn.base_r's exported functions by name, where :func:`do_call` finds the function a string names.
#: The package fills it as it is imported: it imports this module, so this module cannot import it.
EXPORTS_BY_NAME: dict[str, Callable] = {}


def _elements(x: Any) -> tuple[list, list[str] | None]:
    """The elements R's lapply() walks, and their names (R's USE.NAMES for character vectors too)."""
    if x is None:
        return [], None
    if isinstance(x, Mapping):
        return list(x.values()), [str(k) for k in x]
    if isinstance(x, NamedVector):
        return list(x), list(x.names)
    if isinstance(x, (list, tuple)):
        return list(x), None

    if isinstance(x, DataFrame):
        return [x[c] for c in x.columns], list(x.columns)
    values = as_vector(x).reshape(-1, order="F")
    return [v.item() if isinstance(v, np.generic) else v for v in values], None


def _char_names(x: Any, names: list[str] | None) -> list[str] | None:
    if names is None and isinstance(x, (str, np.ndarray, list, tuple)):
        values = as_vector(x) if not isinstance(x, (list, tuple)) or all(is_scalar(v) for v in x) else None
        if values is not None and values.dtype.kind == "O" and all(isinstance(v, str) for v in values.tolist()):
            return list(values.tolist())
    return names


def lapply(X: Any, FUN: Callable, *args: Any, **kwargs: Any) -> Any:  # noqa: N803 - R's names
    """Apply a function to each element, as R's lapply()

    Description:
        ``FUN(element, ...)`` for each element of a vector or list; the
        results in a list, a named list (dict) when ``X`` has names.

    Arguments:
        X: A vector, list or named list.
        FUN: The function.
        *args: More arguments for ``FUN``.
        **kwargs: Keyword arguments for it.

    Value:
        A ``list``, or a ``dict`` for named ``X``.

    Examples:
        >>> from kerasfn.base_r import lapply
        >>> lapply([1, 2], lambda i: i * 2)
        [2, 4]

    See also:
        :func:`kerasfn.base_r.sapply`, :func:`kerasfn.base_r.Map`
    """
    elements, names = _elements(X)
    results = [FUN(e, *args, **kwargs) for e in elements]
    return dict(zip(names, results)) if names is not None else results


def _simplify(results: list, names: list[str] | None) -> Any:
    if not results:
        return []
    if all(r is not None and (is_scalar(r) or (isinstance(r, np.ndarray) and r.size == 1 and r.ndim <= 1))
           for r in results):
        values = as_vector([r.reshape(-1)[0] if isinstance(r, np.ndarray) else r for r in results])
        return NamedVector(values, names) if names is not None else values
    arrays = [r for r in results if isinstance(r, (np.ndarray, NamedVector)) or
              (isinstance(r, (list, tuple)) and all(is_scalar(v) and v is not None for v in r))]
    if len(arrays) == len(results):
        vectors = [as_vector(r).reshape(-1) for r in results]
        if len({v.size for v in vectors}) == 1 and vectors[0].size > 1:
            return np.stack(vectors, axis=1)
    return dict(zip(names, results)) if names is not None else results


def sapply(X: Any, FUN: Callable, *args: Any, simplify: bool = True, USE_NAMES: bool = True,  # noqa: N803
           **kwargs: Any) -> Any:
    """Apply a function and simplify, as R's sapply()

    Description:
        :func:`kerasfn.base_r.lapply`, then R's simplification: results of
        one value each become a vector, results of ``k > 1`` values each a
        ``k`` x ``n`` matrix (one column per element); otherwise a list.
        Names come from a named ``X`` or, as R's ``USE.NAMES``, from a
        character ``X`` itself.

    Arguments:
        X: A vector, list or named list.
        FUN: The function.
        *args: More arguments for ``FUN``.
        **kwargs: Keyword arguments for it.
        simplify: Whether to simplify.
        USE_NAMES: Whether to name the result (R's ``USE.NAMES``).

    Value:
        A vector, :class:`kerasfn.base_r.NamedVector`, matrix, list or dict.

    Examples:
        >>> from kerasfn.base_r import sapply
        >>> sapply([1, 2, 3], lambda i: i ** 2)
        array([1, 4, 9])
        >>> print(sapply(["x", "y"], str.upper))
          x   y 
        "X" "Y" 

    See also:
        :func:`kerasfn.base_r.vapply`, :func:`kerasfn.base_r.lapply`
    """
    elements, names = _elements(X)
    names = _char_names(X, names) if USE_NAMES else None
    results = [FUN(e, *args, **kwargs) for e in elements]
    if not simplify:
        return dict(zip(names, results)) if names is not None else results
    return _simplify(results, names)


def vapply(X: Any, FUN: Callable, FUN_VALUE: Any, *args: Any, USE_NAMES: bool = True,  # noqa: N803
           **kwargs: Any) -> Any:
    """Apply a function with a checked result type, as R's vapply()

    Description:
        :func:`kerasfn.base_r.sapply` where every result must have the
        length and type of ``FUN_VALUE`` (``numeric(1)``, ``integer(1)``,
        ``character(1)``, ``logical(1)``); an empty ``X`` gives an empty
        vector of that type.

    Arguments:
        X: A vector, list or named list.
        FUN: The function.
        FUN_VALUE: A template of one result.
        *args: More arguments for ``FUN``.
        **kwargs: Keyword arguments for it.
        USE_NAMES: Whether to name the result.

    Value:
        A vector (or matrix) of ``FUN_VALUE``'s type.

    Examples:
        >>> from kerasfn.base_r import vapply, numeric
        >>> vapply([1, 2, 3], lambda i: i * 2.0, numeric(1))
        array([2., 4., 6.])

    See also:
        :func:`kerasfn.base_r.sapply`
    """
    template = as_vector(FUN_VALUE)
    elements, names = _elements(X)
    names = _char_names(X, names) if USE_NAMES else None
    results = []
    for e in elements:
        value = as_vector(FUN(e, *args, **kwargs)).reshape(-1)
        if value.size != template.size:
            raise ValueError(f"values must be length {template.size}, but FUN(X[[{len(results) + 1}]]) result "
                             f"is length {value.size}")
        if template.dtype.kind in "iuf" and value.dtype.kind not in "iufb":
            raise TypeError(f"values must be type {class_(FUN_VALUE)!r}, but FUN(X[[{len(results) + 1}]]) "
                            f"result is type {class_(value)!r}")
        if template.dtype.kind == "O" and value.dtype.kind != "O":
            raise TypeError(f"values must be type 'character', but FUN(X[[{len(results) + 1}]]) result is "
                            f"type {class_(value)!r}")
        results.append(value.astype(template.dtype) if template.dtype.kind != "O" else value)
    if not results:
        return template[:0]
    if template.size == 1:
        values = np.concatenate(results)
        return NamedVector(values, names) if names is not None else values
    return np.stack(results, axis=1)


def Map(f: Callable, *args: Any) -> Any:  # noqa: N802 - R's name
    """Apply a function to corresponding elements, as R's Map()

    Description:
        ``f(a[i], b[i], ...)`` for each position, shorter arguments
        recycled; a list, named (a dict) after the first argument's names
        or, for a character first argument, its values (as R).

    Arguments:
        f: The function.
        *args: Vectors or lists.

    Value:
        A ``list`` or ``dict``.

    Examples:
        >>> from kerasfn.base_r import Map
        >>> Map(lambda x, y: x + y, [1, 2], [3, 4])
        [4, 6]

    See also:
        :func:`kerasfn.base_r.lapply`, :func:`kerasfn.base_r.Reduce`
    """
    if not args:
        return []
    columns = [_elements(a)[0] for a in args]
    if any(len(c) == 0 for c in columns):
        return []
    n = max(len(c) for c in columns)
    results = [f(*(c[i % len(c)] for c in columns)) for i in range(n)]
    names = _char_names(args[0], _elements(args[0])[1])
    return dict(zip(names, results)) if names is not None and len(names) == n else results


class _Missing:
    """R's missing argument, for ``Reduce(init=)``, where ``None`` (R's ``NULL``) is a value."""

    def __repr__(self) -> str:
        return "<missing>"


_NO_INIT = _Missing()


def Reduce(f: Callable, x: Any, init: Any = _NO_INIT, right: bool = False,  # noqa: N802 - R's name
           accumulate: bool = False) -> Any:
    """Combine elements successively, as R's Reduce()

    Description:
        ``f(f(f(init, x1), x2), x3)`` (from the right with ``right``);
        without ``init`` the first element starts; ``accumulate`` keeps
        every intermediate result (a vector when each is one value, as R
        simplifies).  An empty ``x`` without ``init`` gives ``NULL``.

    Arguments:
        f: A function of two arguments.
        x: A vector or list.
        init: The starting value.
        right: Whether to combine from the right.
        accumulate: Whether to return all intermediate results.

    Value:
        The combined value (or all of them).

    Examples:
        >>> from kerasfn.base_r import Reduce
        >>> import operator
        >>> Reduce(operator.add, [1, 2, 3, 4])
        10
        >>> Reduce(operator.add, [1, 2, 3, 4], accumulate=True)
        array([ 1,  3,  6, 10])

    See also:
        :func:`kerasfn.base_r.Filter`, :func:`kerasfn.base_r.Map`, :func:`kerasfn.base_r.do_call`
    """
    elements = _elements(x)[0]
    if init is not _NO_INIT:
        elements = elements + [init] if right else [init] + elements
    if not elements:
        return [] if accumulate else None
    if right:
        value = elements[-1]
        steps = [value]
        for element in reversed(elements[:-1]):
            value = f(element, value)
            steps.append(value)
        steps.reverse()
    else:
        value = elements[0]
        steps = [value]
        for element in elements[1:]:
            value = f(value, element)
            steps.append(value)
    if not accumulate:
        return value
    return _simplify(steps, None) if all(is_scalar(s) for s in steps) else steps


def Filter(f: Callable, x: Any) -> Any:  # noqa: N802 - R's name
    """Keep the elements a predicate accepts, as R's Filter()

    Description:
        The elements for which ``f`` is ``TRUE``, of the same kind as ``x``
        (vector, list, named list, named vector).

    Arguments:
        f: A function returning ``TRUE``/``FALSE``.
        x: A vector or list.

    Value:
        The kept elements.

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import Filter
        >>> Filter(lambda v: v > 2, np.array([1, 5, 2, 7]))
        array([5, 7])
        >>> Filter(lambda v: v > 2, {"a": 1, "b": 5})
        {'b': 5}

    See also:
        :func:`kerasfn.base_r.Reduce`, :func:`kerasfn.base_r.which`
    """
    elements, names = _elements(x)
    keep = [bool(f(e)) for e in elements]
    if isinstance(x, Mapping):
        return {k: v for (k, v), kept in zip(x.items(), keep) if kept}
    if isinstance(x, (list, tuple)):
        return [e for e, kept in zip(elements, keep) if kept]
    if isinstance(x, NamedVector):
        return x[np.array(keep, dtype=bool)]
    return as_vector(x)[np.array(keep, dtype=bool)] if elements else as_vector(x)


def do_call(what: Any, args: Any = (), kwargs: Mapping[str, Any] | None = None, quote: bool = False) -> Any:
    """Call a function with a list of arguments, as R's do.call()

    Description:
        ``what(*args)`` for a list, ``what(**args)`` for a named list
        (dict); ``what`` may be a function or the name of a
        ``kerasfn.base_r`` function (``do_call("rbind", rows)``).  An R
        list mixing unnamed and named arguments has no single Python
        value: pass the named ones as ``kwargs``.

    Arguments:
        what: A function, or a function's name.
        args: A list (positional) or named list (keyword arguments).
        kwargs: More keyword arguments, for R lists that mix both.
        quote: Ignored (R's ``quote``).

    Value:
        What ``what`` returns.

    Examples:
        >>> from kerasfn.base_r import do_call
        >>> do_call("rbind", [[1, 2], [3, 4]])
        array([[1, 2],
               [3, 4]])

    See also:
        :func:`kerasfn.base_r.Reduce`
    """
    if isinstance(what, str):
        name = what.replace(".", "_")
        candidates = [name, name + "_"]
        function = next((EXPORTS_BY_NAME[c] for c in candidates if c in EXPORTS_BY_NAME), None)
        if function is None:
            raise ValueError(f"could not find function {what!r} among kerasfn.base_r's functions")
        what = function
    if not callable(what):
        raise TypeError(f"`what` must be a function or a function's name, not {what!r}")
    extra = dict(kwargs or {})
    if isinstance(args, Mapping):
        return what(**args, **extra)
    return what(*_elements(args)[0], **extra)


def tapply(X: Any, INDEX: Any, FUN: Callable, *args: Any, **kwargs: Any) -> Any:  # noqa: N803 - R's names
    """Apply a function over groups, as R's tapply()

    Description:
        ``FUN`` of the values of ``X`` in each group of ``INDEX`` (groups in
        factor level order: sorted distinct values), named by group.

    Arguments:
        X: A vector.
        INDEX: The group of each value (a vector or factor).
        FUN: The function, called on each group's values.
        *args: More arguments for ``FUN``.
        **kwargs: Keyword arguments for it.

    Value:
        A :class:`kerasfn.base_r.NamedVector` when each result is one value,
        else a named list (dict).

    Examples:
        >>> from kerasfn.base_r import tapply
        >>> print(tapply([1, 2, 3, 4], ["a", "b", "a", "b"], sum))
        a b 
        4 6 

    See also:
        :func:`kerasfn.base_r.table`, :func:`kerasfn.base_r.sapply`
    """

    groups = INDEX if isinstance(INDEX, Factor) else factor(INDEX)
    values = as_vector(X).reshape(-1)
    if values.size != len(groups):
        raise ValueError(f"arguments must have same length: `X` has {values.size}, `INDEX` {len(groups)}")
    results = [FUN(values[groups.codes == i + 1], *args, **kwargs) for i in range(len(groups.levels))]
    return _simplify(results, list(groups.levels)) if all(is_scalar(r) or np.size(r) == 1 for r in results) \
        else dict(zip(groups.levels, results))


def switch(EXPR: Any, *alternatives: Any, **named: Any) -> Any:  # noqa: N803 - R's name
    """Select one of several alternatives, as R's switch()

    Description:
        With a string ``EXPR``, the named alternative of that name, else
        the one unnamed alternative (the default), else ``NULL``; with a
        number, the alternative at that R position (1-based, as R).  The
        alternatives are evaluated before the call (R evaluates only the
        chosen one): pass functions and call the result when that matters.
        R's fall-through (``a = , b = 1``) has no Python form: repeat the
        value.

    Arguments:
        EXPR: A string or a number.
        *alternatives: The unnamed alternatives.
        **named: The named alternatives.

    Value:
        The chosen alternative, or ``None``.

    Examples:
        >>> from kerasfn.base_r import switch
        >>> switch("b", a="A", b="B"), switch("z", "other", a="A"), switch(2, "x", "y", "z")
        ('B', 'other', 'y')

    See also:
        :func:`kerasfn.base_r.ifelse`
    """
    if isinstance(EXPR, str):
        if EXPR in named:
            return named[EXPR]
        if len(alternatives) > 1:
            raise ValueError("duplicate 'switch' defaults: give at most one unnamed alternative")
        return alternatives[0] if alternatives else None
    if isinstance(EXPR, bool) or not isinstance(EXPR, (numbers.Real, np.number)):
        raise TypeError(f"`EXPR` must be a string or a number, not {EXPR!r}")
    choices = [*alternatives, *named.values()]
    position = int(EXPR)
    return choices[position - 1] if 1 <= position <= len(choices) else None


def ifelse(test: Any, yes: Any, no: Any) -> Any:
    """Choose element by element, as R's ifelse()

    Description:
        For each element of ``test``, the matching element of ``yes`` where
        ``TRUE`` and of ``no`` where ``FALSE`` (both recycled); missing
        where ``test`` is missing.  The result has ``test``'s shape and
        names.

    Arguments:
        test: A logical vector.
        yes: Values for ``TRUE``.
        no: Values for ``FALSE``.

    Value:
        A vector (a scalar for a single ``test``).

    Examples:
        >>> import numpy as np
        >>> from kerasfn.base_r import ifelse
        >>> ifelse(np.array([1, -1, 0]) > 0, "pos", "non")
        array(['pos', 'non', 'non'], dtype=object)

    See also:
        :func:`kerasfn.base_r.switch`, :func:`kerasfn.base_r.is_na`
    """
    conditions = as_vector(test)
    shape = conditions.shape
    flat = conditions.reshape(-1).tolist()
    yes_values, no_values = as_vector(yes).reshape(-1), as_vector(no).reshape(-1)
    picked = []
    for i, c in enumerate(flat):
        if c is None or (isinstance(c, float) and math.isnan(c)):
            picked.append(None)
        else:
            source = yes_values if c else no_values
            picked.append(source[i % source.size].item() if isinstance(source[i % source.size], np.generic)
                          else source[i % source.size])
    out = as_vector(picked).reshape(shape) if flat else np.array([])
    if isinstance(test, NamedVector):
        return NamedVector(out, test.names)
    return out.reshape(-1)[0] if is_scalar(test) else out


def invisible(x: Any = None) -> Any:
    """Return a value invisibly, as R's invisible()

    Description:
        Returns ``x`` unchanged.  Python never prints a value a script does
        not print, so this only marks where R would hide it.

    Arguments:
        x: The value.

    Value:
        ``x``.

    Examples:
        >>> from kerasfn.base_r import invisible
        >>> invisible(3)
        3

    See also:
        :func:`kerasfn.base_r.print_`
    """
    return x





















