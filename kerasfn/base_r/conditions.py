"""R's conditions: stop(), warning(), message(), stopifnot()."""

from __future__ import annotations

import sys
import warnings
from typing import Any

from kerasfn.base_r._values import as_vector
from kerasfn.base_r.strings import paste0

__all__ = ["message", "RError", "RWarning", "stop", "stopifnot", "warning"]


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
