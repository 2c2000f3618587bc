"""What a script prints: ``print()`` and ``str()`` as R lays values out, ``cat()``, ``message()``."""

from __future__ import annotations

from kerasfn.port.core import Arg, Ctx, Py, Untranslatable, call
from kerasfn.port.rbase.registry import Matched, Translating, helper
from kerasfn.port.rbase.text import joined

__all__: list[str] = []  # its helpers go into registry.HELPERS


@helper("print")
def print_(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("x", "digits", "quote", "..."))
    x = m.py("x")
    if x.kind == "model":
        return call("summary", x.text)
    printer = tr.printer("print")  # R's layout: `[1] 0.5`, `$name` blocks, `shape=(4)` tensors
    if printer is None:
        return call("print", x.text)
    return call(printer, x.text, *(f"{name}={m.py(name).text}" for name in ("digits", "quote") if m.has(name)))


@helper("cat")
def cat(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """R's ``cat()``: space-separated, no newline added."""
    m = Matched(tr, args, piped, ("...", "sep", "file", "fill"))
    if m.has("file") or m.has("fill"):
        raise Untranslatable("`cat()` to a file or with fill")
    values = [value.text for name, value in m.rest_py()]
    sep = [f"sep={m.py('sep').text}"] if m.has("sep") and m.py("sep").text not in ('" "', "' '") else []
    return call("print", *values, *sep, 'end=""')


@helper("message")
def message(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    values = [value for name, value in Matched(tr, args, piped, ("...",)).rest_py()]
    tr.needs.add("sys")
    return call("print", joined(values, '""').text, "file=sys.stderr")


@helper("str")
def str_(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    value = Matched(tr, args, piped, ("object", "...")).py("object")
    printer = tr.printer("str")
    if printer is not None:
        return call(printer, value.text)
    tr.check("R's `str()` summary has no Python twin: the value's repr is printed")
    return call("print", call("repr", value.text).text)
