"""R's call semantics, for every kerasfn function: one decorator, :func:`r_function`.

An R keras3 function takes what it works on first: ``layer_conv_2d(object,
filters, kernel_size)``, ``fit(object, x, y)``, ``op_sum(x, axis)``, and R's
``x |> f(a, b)`` is ``f(x, a, b)``.  Python evaluates ``f(a, b)`` before
``|`` sees ``x``, so each call decides, before Python binds the arguments,
whether its first positional argument is its *subject* (what the function
works on):

* it is, and every required argument is there: the call runs now;
* otherwise the call is a *partial application*: every positional argument
  belongs one place to the right, after the subject still to come.  A
  function whose subject defaults to ``None`` (the ``layer_*`` functions:
  R's missing ``object``) then runs with ``None`` there and returns the
  layer; any other returns a :class:`Pending` call, which ``lhs | pending``
  completes as ``f(lhs, a, b)``.

A function whose first parameter is ``*inputs`` (the merge layers, R's
``layer_add(inputs, ...)``) collects its leading subjects, tensors or lists of
them, as the inputs; further positional values fill its named parameters.
One bare tensor is a partial application: ``a | layer_add(b)`` is
``layer_add(a, b)``.

Each function also declares, like R keras3's ``capture_args(list(units =
as_integer))``, the converter of each of its arguments; they run on the bound
arguments (``**kwargs`` entries included, by name), so a bad value is
reported with its argument's name before Keras sees it, and a partial
application checks its arguments when it is written, not when it is piped.

An error raised through a kerasfn function or pipe shows the user's code
and Keras' frames, without kerasfn's own (this module's binding, the
converters, the composition and its dispatch), the way Keras filters its
own frames from its errors; ``config_disable_traceback_filtering()``
(Keras' switch) shows them all.
"""

from __future__ import annotations

import functools
import inspect
import os
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import keras
import multipledispatch

from kerasfn.rcall.converters import describe

__all__ = ["Pending", "RSemantics", "filtering_traceback", "is_r_function", "r_function", "without_own_frames"]

#: Where kerasfn's own frames come from: kerasfn (this package's parent folder) and the dispatch
#: library its composition runs on.
_OWN_CODE = (
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep,
    os.path.dirname(os.path.abspath(multipledispatch.__file__)) + os.sep,
)


def without_own_frames(error: BaseException) -> BaseException:
    """``error`` with kerasfn's frames removed from its traceback, as Keras
    removes its own, unless ``keras.config.disable_traceback_filtering()``."""
    if not keras.config.is_traceback_filtering_enabled():
        return error
    entries = []
    entry = error.__traceback__
    while entry is not None:
        entries.append(entry)
        entry = entry.tb_next
    kept = None
    for entry in reversed(entries):
        if not entry.tb_frame.f_code.co_filename.startswith(_OWN_CODE):
            kept = types.TracebackType(kept, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return error.with_traceback(kept)


def filtering_traceback(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function``, with kerasfn's frames removed from the errors it raises
    (for the pipe's operators, which users reach without a kerasfn function)."""

    @functools.wraps(function)
    def filtering(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except Exception as error:
            raise without_own_frames(error)  # noqa: B904  (the same error, re-raised)

    return filtering

Converter = Callable[[str, Any], Any]
_ATTRIBUTE = "__kerasfn__"


@dataclass(frozen=True)
class RSemantics:
    """What :func:`r_function` knows of a function, kept on it as ``__kerasfn__``."""

    subject: Callable[[Any], bool]
    subject_text: str
    converters: Mapping[str, Converter] = field(default_factory=dict)


class _Placeholder:
    """Stands for the subject still to come while a partial call is checked."""


_PLACEHOLDER = _Placeholder()


class Pending:
    """A call waiting for its subject: ``model | compile(loss="mse")``, ``x | op_sum(axis=0)``.

    ``waiting`` says, for a call that is easily mistaken for a complete one
    (a merge layer given one tensor), what it waits for; errors about a
    pending call used as a value show it."""

    __array_ufunc__ = None  # numpy: defer ``array | pending`` to __ror__ instead of broadcasting

    def __init__(self, function: Callable[..., Any], args: tuple, kwargs: dict, waiting: str = "") -> None:
        self.function, self.args, self.kwargs, self.waiting = function, args, kwargs, waiting

    @filtering_traceback
    def __ror__(self, subject: Any) -> Any:
        semantics = semantics_of(self.function)
        if not semantics.subject(subject):
            raise TypeError(
                f"{self.function.__name__}() takes {semantics.subject_text} piped in; "
                f"received {describe(subject)}."
            )
        return self.function(subject, *self.args, **self.kwargs)

    def __call__(self, subject: Any) -> Any:
        return self.__ror__(subject)

    def __repr__(self) -> str:
        arguments = [describe(arg) for arg in self.args] + [f"{k}={v!r}" for k, v in self.kwargs.items()]
        waiting = f": {self.waiting}" if self.waiting else ""
        return f"<pending {self.function.__name__}({', '.join(arguments)}){waiting}>"


def semantics_of(function: Any) -> RSemantics:
    return getattr(function, _ATTRIBUTE)


def is_r_function(value: Any) -> bool:
    """Whether ``value`` is a kerasfn function (so ``x | f`` is ``f(x)``)."""
    return callable(value) and hasattr(value, _ATTRIBUTE) and not isinstance(value, type)


def _convert(
    signature: inspect.Signature, converters: Mapping[str, Converter], bound: inspect.BoundArguments
) -> None:
    for name, value in bound.arguments.items():
        kind = signature.parameters[name].kind
        if kind is inspect.Parameter.VAR_KEYWORD:
            bound.arguments[name] = {
                key: converters[key](key, item) if key in converters else item for key, item in value.items()
            }
        elif name in converters and value is not _PLACEHOLDER:
            bound.arguments[name] = converters[name](name, value)


def r_function(
    subject: Callable[[Any], bool] | None,
    subject_text: str,
    converters: Mapping[str, Converter] | None = None,
    misplaced: Callable[[Any], bool] | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give ``function`` R's call semantics (see the module docstring).

    ``subject`` says whether a value is what the function works on (``None``
    for a constructor, which has none: only its converters apply), and
    ``subject_text`` names that in errors ("a Keras model").  ``converters``
    maps argument names to ``converter(name, value)`` functions.
    ``misplaced`` recognises values that are never a non-subject argument of
    this function (a History given to ``summary()``): such a first argument
    is an error, not a partial application.
    """
    converters = dict(converters or {})
    semantics = RSemantics(subject, subject_text, converters)

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(function)
        parameters = list(signature.parameters.values())
        if not parameters:  # config_floatx(): nothing to bind or convert
            setattr(function, _ATTRIBUTE, semantics)
            return function
        first = parameters[0] if parameters else None  # None: a function of no arguments (config_floatx())
        named = [p.name for p in parameters[1:] if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
        required = {p.name for p in parameters[1:] if p.default is p.empty and p.name in named}
        missing_means_itself = first is not None and first.default is None

        def bind(args: tuple, kwargs: dict, partial: bool = False) -> inspect.BoundArguments:
            bound = (signature.bind_partial if partial else signature.bind)(*args, **kwargs)
            if not partial:
                bound.apply_defaults()  # a required argument left out is checked too
            _convert(signature, converters, bound)
            return bound

        def run(args: tuple, kwargs: dict) -> Any:
            bound = bind(args, kwargs)
            return function(*bound.args, **bound.kwargs)

        def pending(args: tuple, kwargs: dict, waiting: str = "") -> Pending:
            bind((_PLACEHOLDER, *args), kwargs, partial=True)  # errors now, where the call is written
            return Pending(wrapper, args, kwargs, waiting)

        def misplaced_error(value: Any) -> TypeError:
            return TypeError(f"`{first.name}` of {function.__name__}() must be {subject_text}; received {describe(value)}.")

        if subject is None:

            def wrapper(*args: Any, **kwargs: Any) -> Any:
                return run(args, kwargs)

        elif first.kind is inspect.Parameter.VAR_POSITIONAL:

            def wrapper(*args: Any, **kwargs: Any) -> Any:
                if args and args[0] is None:  # R's inputs = NULL: no inputs
                    args = args[1:]
                count = 0
                while count < len(args) and subject(args[count]):
                    count += 1
                inputs, rest = args[:count], args[count:]
                if len(rest) > len(named):
                    raise TypeError(f"{function.__name__}() takes {len(named)} arguments after its inputs; received {len(rest)}.")
                kwargs = {**dict(zip(named, rest)), **kwargs}
                if len(inputs) == 1 and not isinstance(inputs[0], (list, tuple)):
                    name = function.__name__
                    return pending(inputs, kwargs, f"a merge layer needs at least two inputs, and {name}() was given "
                                   f"one tensor: write {name}(a, b), {name}([a, b]) or a | {name}(b)")
                return run(inputs, kwargs)

        else:

            def wrapper(*args: Any, **kwargs: Any) -> Any:
                if first.name in kwargs:
                    return run(args, kwargs)
                if args and subject(args[0]):
                    if required.issubset(signature.bind_partial(*args, **kwargs).arguments):
                        return run(args, kwargs)
                    return pending(args, kwargs)
                if args and misplaced is not None and misplaced(args[0]):
                    raise misplaced_error(args[0])
                if missing_means_itself:
                    return run((None, *args), kwargs)
                return pending(args, kwargs)

        wrapper = filtering_traceback(wrapper)
        functools.update_wrapper(wrapper, function)
        setattr(wrapper, _ATTRIBUTE, semantics)
        if function.__name__.startswith("test"):  # R's test_on_batch(): not a test for pytest
            wrapper.__test__ = False
        return wrapper

    return decorate
