"""Functions over lists, R's control helpers, conditions, and R's view of types."""

from __future__ import annotations

import math
import numbers
import sys
import warnings
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from kerasfn.base_r._values import Factor, NamedVector, as_vector, format_real, is_scalar, text_vector

__all__ = ["Filter", "Map", "RError", "RWarning", "Reduce", "all_equal", "class_", "do_call", "identical",
           "ifelse", "inherits", "invisible", "lapply", "message", "sapply", "stop", "stopifnot", "switch",
           "tapply", "vapply", "warning"]


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
    from kerasfn.base_r.frames import DataFrame

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
        import kerasfn.base_r as base_r

        name = what.replace(".", "_")
        candidates = [name, name + "_"]
        function = next((getattr(base_r, c) for c in candidates if c in base_r.__all__), None)
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
    from kerasfn.base_r.vectors import factor

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


class RError(RuntimeError):
    """The error R's stop() signals

    Description:
        What :func:`kerasfn.base_r.stop` and
        :func:`kerasfn.base_r.stopifnot` raise: a ``RuntimeError`` whose
        ``str()`` is R's ``conditionMessage()``.  R's
        ``tryCatch(expr, error = function(e) ...)`` is
        ``try: ... except Exception as e: ...``.

    Arguments:
        *args: The message, as for any exception.

    Value:
        An exception.

    Examples:
        >>> from kerasfn.base_r import RError
        >>> str(RError("x must be positive"))
        'x must be positive'

    See also:
        :func:`kerasfn.base_r.stop`, :func:`kerasfn.base_r.RWarning`
    """


class RWarning(UserWarning):
    """The warning R's warning() signals

    Description:
        The category of the warnings :func:`kerasfn.base_r.warning`
        issues, so Python's ``warnings`` filters can select them (R's
        ``suppressWarnings()`` is ``warnings.catch_warnings()`` with
        ``warnings.simplefilter("ignore", RWarning)``).

    Arguments:
        *args: The message, as for any warning.

    Value:
        A warning category.

    Examples:
        >>> from kerasfn.base_r import RWarning
        >>> issubclass(RWarning, UserWarning)
        True

    See also:
        :func:`kerasfn.base_r.warning`, :func:`kerasfn.base_r.RError`
    """


def stop(*args: Any, call_: bool = True) -> None:
    """Signal an error, as R's stop()

    Description:
        Raises :class:`kerasfn.base_r.RError` (a ``RuntimeError``) whose
        message is the arguments pasted together without separator, as R's
        ``conditionMessage()`` gives it; R's ``tryCatch(..., error = )``
        is Python's ``try``/``except``.

    Arguments:
        *args: Message parts.
        call_: Ignored (R's ``call.``).

    Value:
        Never returns.

    Examples:
        >>> from kerasfn.base_r import stop
        >>> try:
        ...     stop("x must be positive, not ", -1)
        ... except RuntimeError as e:
        ...     print(e)
        x must be positive, not -1

    See also:
        :func:`kerasfn.base_r.warning`, :func:`kerasfn.base_r.stopifnot`
    """
    from kerasfn.base_r.strings import paste0

    raise RError(paste0(*args, collapse="") if args else "")


def warning(*args: Any, call_: bool = True) -> str:
    """Signal a warning, as R's warning()

    Description:
        Issues a Python warning of class :class:`kerasfn.base_r.RWarning`
        whose message is the arguments pasted together; Python's
        ``warnings`` module shows and filters it (in its own format, not
        R's "Warning message:" block).

    Arguments:
        *args: Message parts.
        call_: Ignored (R's ``call.``).

    Value:
        The message, as R returns it (invisibly).

    Examples:
        >>> from kerasfn.base_r import warning
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     _ = warning("careful")
        >>> str(caught[0].message)
        'careful'

    See also:
        :func:`kerasfn.base_r.stop`, :func:`kerasfn.base_r.message`
    """
    from kerasfn.base_r.strings import paste0

    text = paste0(*args, collapse="") if args else ""
    warnings.warn(text, RWarning, stacklevel=2)
    return text


def message(*args: Any, appendLF: bool = True) -> None:  # noqa: N803 - R's name
    """Write a message to standard error, as R's message()

    Description:
        The arguments pasted together without separator, written to
        standard error with a final newline, as R writes messages.

    Arguments:
        *args: Message parts.
        appendLF: Whether to end with a newline.

    Value:
        ``None``.

    Examples:
        >>> from kerasfn.base_r import message
        >>> message("done: ", 3)

    See also:
        :func:`kerasfn.base_r.cat`, :func:`kerasfn.base_r.warning`
    """
    from kerasfn.base_r.strings import paste0

    sys.stderr.write((paste0(*args, collapse="") if args else "") + ("\n" if appendLF else ""))
    sys.stderr.flush()


def stopifnot(*conditions: Any, **named: Any) -> None:
    """Check that conditions hold, as R's stopifnot()

    Description:
        Raises :class:`kerasfn.base_r.RError` at the first condition that
        is not all ``TRUE``.  A named condition's name is the message (R
        4's ``stopifnot("x must be positive" = x > 0)``); for an unnamed one
        R quotes the expression, which Python cannot see, so the message
        names the argument: ``argument 2 is not TRUE`` (``are not all
        TRUE`` for a vector).

    Arguments:
        *conditions: Conditions.
        **named: Conditions whose names are their error messages.

    Value:
        ``None`` when all hold.

    Examples:
        >>> from kerasfn.base_r import stopifnot
        >>> stopifnot(1 < 2, **{"x must be positive": 3 > 0})

    See also:
        :func:`kerasfn.base_r.stop`
    """
    for i, condition in enumerate([*conditions, *named.values()]):
        values = as_vector(condition).reshape(-1)
        holds = values.dtype.kind == "b" and bool(values.all())
        if not holds:
            names = list(named)
            if i >= len(conditions):
                raise RError(names[i - len(conditions)])
            raise RError(f"argument {i + 1} {'is not' if values.size == 1 else 'are not all'} TRUE")


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
    from kerasfn.base_r._values import Table
    from kerasfn.base_r.frames import DataFrame

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

