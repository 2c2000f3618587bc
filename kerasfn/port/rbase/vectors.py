"""Vectors and lists: ``c()``, ``list()``, ``tuple()``, ``length()``, ``names()``, ``seq()``, ``rep()``, ``head()`` and kin."""

from __future__ import annotations

from kerasfn.port.core import Arg, Ctx, Py, Untranslatable, call, plus_one
from kerasfn.port.rbase.registry import Matched, Translating, double_literal, helper, np_call
from kerasfn.port.rules import ADD, ATOM, PRIMARY

__all__: list[str] = []  # its helpers go into registry.HELPERS


_NUMERIC = ("number", "integer")


@helper("c")
def c(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """``c()``: a tuple in a shape, an array of numbers, a list otherwise; R flattens lists."""
    values = Matched(tr, args, piped, ("...",)).rest_py(Ctx(shape=ctx.shape, keras=ctx.keras))
    if any(name for name, _ in values):
        if all(name for name, _ in values):
            return Py("{" + ", ".join(f'"{name}": {value.text}' for name, value in values) + "}", ATOM, kind="dict")
        raise Untranslatable("`c()` with some elements named")
    items = [value for _, value in values]
    if not items:
        return Py("()" if ctx.shape else "[]", ATOM, kind="shape" if ctx.shape else "list")
    numeric = all(item.kind in _NUMERIC or item.text == "None" for item in items)
    texts = [("*" + item.text) if item.kind in ("list", "array", "range1", "shape") else item.text for item in items]
    doubles = numeric and any(item.kind == "number" for item in items) and not (ctx.shape or ctx.integer)
    if doubles and (ctx.data or not ctx.keras):  # R's doubles: a float64 vector, as R's (c(1L, 2L) stays integer)
        floats = f"[{', '.join(double_literal(item) for item in items)}]"
        if ctx.keras and ctx.vector == "list":  # reticulate passes an R vector as a list
            return Py(floats, ATOM, kind="list")
        if ctx.keras and ctx.vector == "floatx":
            tr.uses_kerasfn = True
            return np_call(tr, "array", floats, "dtype=config_floatx()")
        return np_call(tr, "array", floats)
    if numeric and ctx.keras and ctx.vector == "floatx" and not ctx.shape:  # as_py_array(): R's integers as int32
        return np_call(tr, "array", f"[{', '.join(texts)}]", "dtype=np.int32")
    if ctx.shape or (ctx.keras and numeric):
        if len(texts) == 1 and not texts[0].startswith("*"):
            return Py(f"({texts[0]},)", ATOM, kind="shape")
        return Py(f"({', '.join(texts)})", ATOM, kind="shape")
    if len(items) == 1:
        return items[0]
    if numeric or any(item.kind in ("array", "range1") for item in items):
        return np_call(tr, "array", f"[{', '.join(texts)}]")
    return Py(f"[{', '.join(texts)}]", ATOM, kind="list")


@helper("list")
def list_(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    values = Matched(tr, args, piped, ("...",)).rest_py(Ctx(keras=ctx.keras))
    if values and all(name for name, _ in values):
        return Py("{" + ", ".join(f'"{name}": {value.text}' for name, value in values) + "}", ATOM, kind="dict",
                  elements=tuple(values))
    if any(name for name, _ in values):
        raise Untranslatable("`list()` with some elements named")
    texts = [value.text for _, value in values]
    if ctx.shape:
        return Py(f"({', '.join(texts)}{',' if len(texts) == 1 else ''})", ATOM, kind="shape")
    return Py(f"[{', '.join(texts)}]", ATOM, kind="list")


@helper("keras3:::named_list")
def named_list(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """R keras3's internal ``named_list(x_train, y_train)``: a list named by its arguments' names."""
    if piped is not None or any(arg.node is None or arg.name is None and arg.node.type != "identifier"
                                for arg in args):
        raise Untranslatable("`keras3:::named_list()` of other than names: name the elements with `list()`")
    named = [Arg(arg.name or arg.node.text, arg.node) for arg in args]
    return list_(tr, named, ctx, None)


@helper("op_subset")
def op_subset(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """R keras3's ``op_subset(x, i, j)`` is ``x[i, j]`` (1-based, empty arguments take everything)."""
    if piped is not None:
        args = args[1:]
    elif not args or args[0].node is None:
        raise Untranslatable("`op_subset()` without a tensor")
    subject = piped if piped is not None else tr.expr(args[0].node)
    return tr.subset(subject, args if piped is not None else args[1:])


@helper("tuple")
def tuple_(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """R keras3's ``tuple(a, b)``: a Python tuple."""
    texts = [value.text for _, value in Matched(tr, args, piped, ("...",)).rest_py(Ctx(keras=ctx.keras))]
    return Py(f"({', '.join(texts)}{',' if len(texts) == 1 else ''})", ATOM, kind="shape")


@helper("length")
def length(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return call("len", Matched(tr, args, piped, ("x",)).py("x").text)


@helper("nrow", "NROW")
def nrow(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """``len(x)`` for an array; a value the translation cannot see (a data frame, whose ``len()`` is its
    number of columns as R's ``length()``) the runtime's ``nrow()``."""
    x = Matched(tr, args, piped, ("x",)).py("x")
    runtime = None if x.kind in ("array", "range1", "list") or tr.calling == "NROW" else \
        tr.runtime_function("nrow", fallback=True)
    return call(runtime or "len", x.text)


@helper("ncol")
def ncol(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return Py(f"{Matched(tr, args, piped, ('x',)).py('x').at(PRIMARY)}.shape[1]", PRIMARY)


@helper("dim")
def dim(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return Py(f"{Matched(tr, args, piped, ('x',)).py('x').at(PRIMARY)}.shape", PRIMARY, kind="shape")


@helper("names")
def names(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    x = Matched(tr, args, piped, ("x",)).py("x")
    runtime = tr.runtime_function("names", fallback=True)  # R's character vector, printed as R prints one
    if runtime is not None:
        return Py(call(runtime, x.text).text, PRIMARY, kind="array")
    if x.kind != "dict":
        raise Untranslatable("`names()` of something not known to be a named list")
    return Py(call("list", f"{x.at(PRIMARY)}.keys()").text, PRIMARY, kind="list")


def _count(tr: Translating, n: Py, ctx: Ctx) -> Py:
    """1..n, as R's ``seq_len(n)``."""
    if ctx.loop:
        return Py(f"range(1, {plus_one(n).text})", PRIMARY, kind="range1")
    dtype = ["dtype=np.int32"] if ctx.keras and not ctx.shape else []  # R's integers reach Python as int32
    result = np_call(tr, "arange", "1", plus_one(n).text, *dtype)
    return Py(result.text, PRIMARY, kind="range1")


@helper("seq_len")
def seq_len(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return _count(tr, Matched(tr, args, piped, ("length.out",)).py("length.out"), ctx)


@helper("seq_along")
def seq_along(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return _count(tr, call("len", Matched(tr, args, piped, ("along.with",)).py("along.with").text), ctx)


@helper("seq")
def seq(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("from", "to", "by", "length.out", "along.with"))
    if m.has("along.with"):
        return _count(tr, call("len", m.py("along.with").text), ctx)
    if not m.has("to") and not m.has("by") and not m.has("length.out"):
        return _count(tr, m.py("from"), ctx)
    start = m.py("from") if m.has("from") else Py("1", kind="number", number=1)
    if m.has("length.out"):
        return np_call(tr, "linspace", start.text, m.py("to").text, m.py("length.out").text)
    stop = m.py("to")
    step = m.py("by") if m.has("by") else Py("1", kind="number", number=1)
    whole = all(v.number is not None and float(v.number).is_integer() for v in (start, step))
    if step.number is not None and step.number < 0:
        end = Py(f"{stop.at(ADD)} - 1", ADD) if whole else Py(f"{stop.at(ADD)} + {step.at(ADD + 1)}", ADD)
    else:
        end = plus_one(stop) if whole else Py(f"{stop.at(ADD)} + {step.at(ADD + 1)} / 2", ADD)
    arguments = [start.text, end.text] + ([step.text] if step.number != 1 else [])
    if ctx.loop and whole:
        return Py(f"range({', '.join(arguments)})", PRIMARY, kind="range1" if start.number == 1 and step.number == 1 else None)
    return np_call(tr, "arange", *arguments)


@helper("rep")
def rep(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("x", "times", "each", "length.out"))
    x = m.py("x")
    if m.has("each"):
        x = np_call(tr, "repeat", x.text, m.py("each").text)
    if m.has("times"):
        x = np_call(tr, "tile", x.text, m.py("times").text)
    if m.has("length.out"):
        x = np_call(tr, "resize", x.text, m.py("length.out").text)
    return x


@helper("rev")
def rev(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    x = Matched(tr, args, piped, ("x",)).py("x")
    return Py(f"{x.at(PRIMARY)}[::-1]", PRIMARY, kind=x.kind)


@helper("head")
def head(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("x", "n"))
    n = m.py("n").text if m.has("n") else "6"
    return Py(f"{m.py('x').at(PRIMARY)}[:{n}]", PRIMARY)


@helper("tail")
def tail(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("x", "n"))
    n = m.py("n") if m.has("n") else Py("6", number=6)
    return Py(f"{m.py('x').at(PRIMARY)}[-{n.at(PRIMARY)}:]", PRIMARY)


@helper("unlist")
def unlist(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    x = Matched(tr, args, piped, ("x", "recursive", "use.names")).py("x")
    items = f"{x.at(PRIMARY)}.values()" if x.kind == "dict" else x.text  # a named list: its values
    return np_call(tr, "concatenate", f"[np.ravel(item) for item in {items}]")
