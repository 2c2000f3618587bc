"""The table of R base helpers, what a helper asks of the translator, and R's argument matching.

A helper takes the translator (a :class:`Translating`), the call's arguments (``Arg``: name and parse
node; the piped value, if any, stands in the first one), the context and the piped value, and returns a
:class:`~kerasfn.port.core.Py`.  The modules beside this one register theirs with :func:`helper`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from kerasfn.port.core import Arg, Ctx, Py, Scope, Untranslatable, call
from kerasfn.port.parser import RNode
from kerasfn.port.rules import PRIMARY

__all__ = ["HELPERS", "Helper", "Matched", "Translating", "double_literal", "helper", "np_call"]


class Translating(Protocol):
    """What the R base helpers use of :class:`~kerasfn.port.translate.Translator`."""

    calling: str
    needs: set[str]
    uses_kerasfn: bool
    scope: Scope
    _with: dict[str, Py]

    def expr(self, node: RNode, ctx: Ctx = ...) -> Py: ...

    def check(self, reason: str, node: RNode | None = None) -> None: ...

    def printer(self, r_name: str) -> str | None: ...

    def runtime_function(self, name: str, fallback: bool = False) -> str | None: ...

    def subset(self, subject: Py, args: list[Arg]) -> Py: ...

    def function_name(self, node: RNode) -> str: ...

    def function_literal(self, node: RNode, ctx: Ctx) -> Py: ...

    def call_named(self, name: str, args: list[Arg], ctx: Ctx) -> Py: ...

    def arguments(self, node: RNode) -> list[Arg]: ...


Helper = Callable[[Translating, list[Arg], Ctx, "Py | None"], Py]
HELPERS: dict[str, Helper] = {}


def helper(*names: str) -> Callable[[Helper], Helper]:
    def register(function: Helper) -> Helper:
        for name in names:
            HELPERS[name] = function
        return function

    return register


class Matched:
    """R's argument matching: formals by exact or unique-prefix name, then by position."""

    def __init__(self, tr: Translating, args: list[Arg], piped: Py | None, formals: tuple[str, ...]) -> None:
        self.tr, self.values, self.rest = tr, {}, []
        positional = []
        for index, arg in enumerate(args):
            value: Any = piped if index == 0 and piped is not None and arg.node is None else arg.node
            if value is None:
                raise Untranslatable("an empty argument")
            if arg.name is None:
                positional.append(value)
                continue
            prefixed = [formal for formal in formals if formal.startswith(arg.name) and formal != "..."]
            name = arg.name if arg.name in formals else (prefixed[0] if len(prefixed) == 1 else None)
            if name is None:
                if "..." not in formals:
                    raise Untranslatable(f"argument `{arg.name}` of an R function the translator knows without it")
                self.rest.append((arg.name, value))
            else:
                self.values[name] = value
        for formal in formals:
            if formal == "...":
                self.rest += [(None, value) for value in positional]
                positional = []
                break
            if formal not in self.values and positional:
                self.values[formal] = positional.pop(0)
        if positional:
            raise Untranslatable("more arguments than the R function takes")

    def has(self, name: str) -> bool:
        return name in self.values

    def py(self, name: str, ctx: Ctx = Ctx()) -> Py:
        value = self.values[name]
        return value if isinstance(value, Py) else self.tr.expr(value, ctx)

    def node(self, name: str) -> Any:
        return self.values.get(name)

    def rest_py(self, ctx: Ctx = Ctx()) -> list[tuple[str | None, Py]]:
        return [(name, value if isinstance(value, Py) else self.tr.expr(value, ctx)) for name, value in self.rest]


def np_call(tr: Translating, function: str, *arguments: str, kind: str | None = "array") -> Py:
    """``np.function(arguments)``, with NumPy imported by the translation."""
    tr.needs.add("numpy")
    result = call(f"np.{function}", *arguments)
    return Py(result.text, PRIMARY, kind=kind)


def double_literal(value: Py) -> str:
    """An R double literal as a float, so that NumPy fills a float array as R does."""
    return f"{float(value.number)!r}" if value.kind == "number" and value.number is not None else value.text
