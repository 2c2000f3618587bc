"""Control and evaluation: ``stop()`` as ``raise``, ``switch()``, ``with()``, ``do.call()``, ``invisible()``,
``conditionMessage()``, ``Sys.time()``; and the R functions refused with a note."""

from __future__ import annotations

from kerasfn.port import rules
from kerasfn.port.core import Arg, Ctx, Py, Untranslatable, call
from kerasfn.port.rbase.registry import HELPERS, Helper, Matched, Translating, helper
from kerasfn.port.rbase.text import joined
from kerasfn.port.rules import PRIMARY

__all__ = ["raised"]


def raised(tr: Translating, args: list[Arg]) -> str:
    """``stop(...)`` as a Python ``raise`` statement."""
    values = [value for name, value in Matched(tr, args, None, ("...", "call.")).rest_py()]
    message = joined(values, '""').text
    return f"raise RuntimeError({message})"


@helper("invisible")
def invisible(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("x",))
    return m.py("x") if m.has("x") else Py("None")


@helper("conditionMessage")
def condition_message(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """The message of a caught error: ``str(error)``."""
    return call("str", Matched(tr, args, piped, ("c",)).py("c").text)


@helper("Sys.time")
def sys_time(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    tr.needs.add("time")
    return call("time.time")


@helper("switch")
def switch(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """``switch(x, a = 1, b = 2, 3)`` -> ``{"a": 1, "b": 2}.get(x, 3)`` (no fall-through)."""
    if not args or args[0].node is None:
        raise Untranslatable("`switch()` without a value")
    subject = piped if piped is not None and args[0].node is None else tr.expr(args[0].node)
    cases, default = [], None
    for arg in args[1:]:
        if arg.node is None:
            raise Untranslatable("`switch()` falling through empty alternatives")
        value = tr.expr(arg.node)
        if arg.name is None:
            if default is not None:
                raise Untranslatable("`switch()` on a number or with several defaults")
            default = value
        else:
            cases.append(f'"{arg.name}": {value.text}')
    table = "{" + ", ".join(cases) + "}"
    return call(f"{table}.get", subject.text, *([default.text] if default is not None else []))


@helper("with")
def with_(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """``with(df, expr)``: ``expr`` with the data's columns (or a named list's elements) read as
    ``df["name"]``, where the script built the data and so its names are known."""
    m = Matched(tr, args, piped, ("data", "expr", "..."))
    data = m.py("data")
    if data.elements is None or not data.text.isidentifier():
        raise Untranslatable("`with()` on data whose names the translator cannot see: name the columns by hand")
    columns = {name: Py(f'{data.text}["{name}"]', PRIMARY, kind=rules.STORED_KINDS.get(value.kind, value.kind))
               for name, value in data.elements}
    outer, tr._with = tr._with, {**tr._with, **columns}
    try:
        return m.py("expr", ctx)
    finally:
        tr._with = outer


@helper("do.call")
def do_call(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """``do.call(f, list(...))``: the call itself; ``do.call(f, args)`` unpacks a known list or dict."""
    m = Matched(tr, args, piped, ("what", "args", "quote", "envir"))
    what, arguments = m.node("what"), m.node("args")
    if isinstance(what, Py) or isinstance(arguments, Py) or what is None or arguments is None:
        raise Untranslatable("`do.call()` in a pipe")
    function = what.text.strip("\"'`")
    if arguments.type == "call" and tr.function_name(arguments) == "list":
        return tr.call_named(function, tr.arguments(arguments), ctx)
    unpacked = tr.expr(arguments)
    if unpacked.kind not in ("list", "dict"):
        raise Untranslatable("`do.call()` with arguments of a kind the translator cannot see (list or named list)")
    star = "**" if unpacked.kind == "dict" else "*"
    return call(tr.expr(what).at(PRIMARY), f"{star}{unpacked.text}")


def _unsupported(reason: str) -> Helper:
    def translate(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
        raise Untranslatable(reason.format(name=tr.calling))

    translate.unsupported = True  # type: ignore[attr-defined]  (kerasfn.base_r's version is used where it exists)
    return translate


for _name in ("data.frame", "read.csv", "write.csv", "readRDS", "saveRDS", "tryCatch",
              "Reduce", "Map", "mapply", "Filter", "environment", "on.exit", "Recall", "table", "factor",
              "setNames", "format", "formatC", "system.time", "exists", "get", "assign", "eval", "quote",
              "substitute", "match.arg", "missing", "new.env", "local", "within", "merge", "rbind",
              "cbind", "abind", "outer", "strsplit", "gsub", "sub", "grepl", "regmatches", "file.path",
              "readLines", "download.file", "unzip", "list.files", "source", "attr", "structure", "stop",
              "stopifnot", "return"):
    HELPERS[_name] = _unsupported("R's `{name}()` has no translation here: port it by hand")
