"""Arrays and conversions: ``array()`` and ``matrix()`` (column-major, as R fills them), ``as.integer()`` and
kin, vectors of a length (``numeric(n)``), reticulate's ``array_reshape()``."""

from __future__ import annotations

from kerasfn.port.core import Arg, Ctx, Py, Untranslatable, call
from kerasfn.port.rbase.registry import Matched, Translating, double_literal, helper, np_call
from kerasfn.port.rules import CMP, MUL, PRIMARY

__all__: list[str] = []  # its helpers go into registry.HELPERS


@helper("array")
def array(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """R fills arrays column-major: ``order="F"``."""
    m = Matched(tr, args, piped, ("data", "dim", "dimnames"))
    if m.has("dimnames"):
        raise Untranslatable("`array()` with dimnames")
    data = m.py("data") if m.has("data") else Py("np.nan", PRIMARY, number=float("nan"))
    if not m.has("dim"):
        return np_call(tr, "asarray", data.text)
    shape = m.py("dim", Ctx(shape=True))
    if data.number is not None:
        return np_call(tr, "full", shape.text, double_literal(data))
    return np_call(tr, "reshape", data.text, shape.text, 'order="F"')


@helper("matrix")
def matrix(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("data", "nrow", "ncol", "byrow", "dimnames"))
    if m.has("dimnames"):
        raise Untranslatable("`matrix()` with dimnames")
    data = m.py("data")
    rows = m.py("nrow").text if m.has("nrow") else "-1"
    cols = m.py("ncol").text if m.has("ncol") else "-1"
    if data.number is not None:
        if rows == "-1" or cols == "-1":
            raise Untranslatable("`matrix()` recycling one value without both nrow and ncol")
        return np_call(tr, "full", f"({rows}, {cols})", double_literal(data))
    byrow = m.has("byrow") and m.py("byrow").text == "True"
    if rows == "-1" and cols == "-1":
        cols = "1"
    return np_call(tr, "reshape", data.text, f"({rows}, {cols})", f'order="{"C" if byrow else "F"}"')


@helper("t")
def transpose(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return Py(f"{Matched(tr, args, piped, ('x',)).py('x').at(PRIMARY)}.T", PRIMARY, kind="array")


@helper("as.array", "as.matrix", "data.matrix")
def as_array(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return np_call(tr, "asarray", Matched(tr, args, piped, ("x", "...")).py("x").text)


@helper("as.vector", "c_flatten")
def as_vector(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return np_call(tr, "ravel", Matched(tr, args, piped, ("x", "mode")).py("x").text, 'order="F"')


@helper("as.integer")
def as_integer(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    x = Matched(tr, args, piped, ("x", "...")).py("x")
    if x.prec == CMP and " in " in x.text or x.kind in ("number", "integer", "index1") or \
            x.kind is None and x.prec >= PRIMARY and "[" not in x.text:
        return call("int", x.text)  # a scalar: `as.integer(units)`, `as.integer(7 %in% s)`
    return _converted(tr, x, "int")


@helper("as.numeric", "as.double")
def as_numeric(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return _converted(tr, Matched(tr, args, piped, ("x", "...")).py("x"), "float")


def _converted(tr: Translating, x: Py, dtype: str) -> Py:
    """``as.integer(x)``/``as.numeric(x)``: a vector the translation knows as NumPy's conversion; a value it
    cannot see (a tensor, a variable: R gets one number from a 0-d one) as the runtime's, R's semantics."""
    runtime = None if x.kind in ("array", "list", "range1", "bool") else \
        tr.runtime_function("as.integer" if dtype == "int" else "as.numeric", fallback=True)
    if runtime is None:
        return np_call(tr, "asarray", x.text, f"dtype={dtype}")
    return call(runtime, x.text)


@helper("as.character")
def as_character(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return call("str", Matched(tr, args, piped, ("x", "...")).py("x").text)


@helper("numeric", "double")
def numeric(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("length",))
    return np_call(tr, "zeros", m.py("length").text if m.has("length") else "0")


@helper("character")
def character(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """R's ``character(n)``: ``n`` empty strings."""
    m = Matched(tr, args, piped, ("length",))
    n = m.py("length") if m.has("length") else Py("0", number=0)
    return Py(f'[""] * {n.at(MUL + 1)}', MUL, kind="list")


@helper("integer")
def integer(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("length",))
    return np_call(tr, "zeros", m.py("length").text if m.has("length") else "0", "dtype=int")


@helper("vector")
def vector(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("mode", "length"))
    mode = m.py("mode").text.strip("\"'") if m.has("mode") else "logical"
    n = m.py("length").text if m.has("length") else "0"
    if mode == "list":
        return Py(f"[None] * {n}", MUL, kind="list")
    return np_call(tr, "zeros", n, "dtype=bool" if mode == "logical" else "dtype=float")


@helper("array_reshape")
def array_reshape(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """reticulate's ``array_reshape()`` fills row-major (``order = "C"``) unless told, as NumPy does."""
    m = Matched(tr, args, piped, ("x", "dim", "order"))
    order = [f"order={m.py('order').text}"] if m.has("order") else []
    return np_call(tr, "reshape", m.py("x").text, m.py("dim", Ctx(shape=True)).text, *order)
