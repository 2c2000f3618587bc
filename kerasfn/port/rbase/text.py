"""Strings: ``paste()``/``paste0()``, glue's ``glue()`` (its template read here), ``sprintf()``, ``nchar()``,
``toupper()``/``tolower()``."""

from __future__ import annotations

from kerasfn.base_r.strings import glue_pieces
from kerasfn.port.core import Arg, Ctx, Py, Untranslatable, call, python_string, r_string_value
from kerasfn.port.parser import parse_r
from kerasfn.port.rbase.registry import Matched, Translating, helper
from kerasfn.port.rules import ADD, ATOM, MUL, PRIMARY

__all__ = ["joined"]


def _as_str(value: Py) -> str:
    return value.text if value.kind == "str" else f"str({value.text})"


def joined(parts: list[Py], sep: str) -> Py:
    if not parts:
        return Py('""', ATOM, kind="str")
    texts = [_as_str(part) for part in parts]
    glue = f" + {sep} + " if sep not in ('""', "''") else " + "
    return Py(glue.join(texts), ADD if len(texts) > 1 else PRIMARY, kind="str")


@helper("paste", "paste0")
def paste(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    default_sep = '" "' if tr.calling == "paste" else '""'
    m = Matched(tr, args, piped, ("...", "sep", "collapse"))
    sep = m.py("sep").text if m.has("sep") else default_sep
    values = [value for name, value in m.rest_py()]
    if m.has("collapse"):
        if len(values) != 1:
            raise Untranslatable("`paste(..., collapse = )` over several vectors")
        return Py(f"{m.py('collapse').at(PRIMARY)}.join(map(str, {values[0].text}))", PRIMARY, kind="str")
    if any(value.kind in ("array", "list", "range1") for value in values):
        raise Untranslatable("`paste()` over a vector: R pastes element-wise")
    unseen = [value.text for value in values if value.kind not in _SCALAR]
    if unseen:
        tr.check(f"`{tr_short(unseen[0])}` is pasted as one value; R's `paste()` is element-wise over vectors")
    return joined(values, sep)


#: Kinds the translator knows to be single values.
_SCALAR = ("str", "number", "integer", "index1", "bool")


def tr_short(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


@helper("glue")
def glue(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """glue's ``glue()``.  A template written in the script is read here: its
    ``{expressions}`` are R code, translated as the rest of the script, and
    the pieces are pasted as R's ``paste0()`` pastes (element-wise).  A
    template known only when the code runs goes to kerasfn.base_r's
    ``glue()``, which fills in variable names only: no text runs as code."""
    m = Matched(tr, args, piped, ("...", ".envir"))
    if len(m.rest) != 1 or m.rest[0][0] is not None:
        raise Untranslatable("`glue()` of several strings or with named values: paste them by hand")
    node = m.rest[0][1]
    if isinstance(node, Py) or node.type != "string":
        template = node if isinstance(node, Py) else tr.expr(node, ctx)
        envir = [m.py(".envir").text] if m.has(".envir") else []
        return call(tr.runtime_function("glue", fallback=True), template.text, *envir)
    if m.has(".envir"):
        raise Untranslatable("`glue()` of a written template with `.envir`: its names are another function's")
    template = r_string_value(node.text)
    if "\n" in template:
        raise Untranslatable("a `glue()` template over several lines (glue trims its indentation)")
    pieces = [_glue_expression(tr, text, ctx) if is_code else python_string(text)
              for is_code, text in glue_pieces(template)]
    return call(tr.runtime_function("paste0", fallback=True), *pieces)


def _glue_expression(tr: Translating, code: str, ctx: Ctx) -> str:
    program = parse_r(code)
    if program.has_error or len(program.children) != 1:
        raise Untranslatable(f"`{{{tr_short(code)}}}` in a `glue()` template is not one R expression")
    return tr.expr(program.children[0], ctx).text


@helper("sprintf")
def sprintf(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("fmt", "..."))
    fmt = m.py("fmt")
    values = [value.text for name, value in m.rest_py()]
    if not values:
        return fmt
    return Py(f"{fmt.at(MUL)} % ({', '.join(values)}{',' if len(values) == 1 else ''})", MUL, kind="str")


@helper("nchar")
def nchar(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return call("len", Matched(tr, args, piped, ("x",)).py("x").text)


@helper("toupper", "tolower")
def case(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    method = "upper" if tr.calling == "toupper" else "lower"
    x = Matched(tr, args, piped, ("x",)).py("x")
    return Py(f"{x.at(PRIMARY)}.{method}()", PRIMARY, kind="str")
