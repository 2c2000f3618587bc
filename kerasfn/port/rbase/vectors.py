"""R's base helpers that keras scripts use, as NumPy and Python.

Each helper takes the translator, the call's arguments (``Arg``: name and
parse node; the piped value, if any, stands in the first one) and returns a
:class:`~kerasfn.port.translate.Py`.  Arguments are matched to R's formals
by name, then by position, as R matches them.  Where Python's meaning
differs (1-based results, column-major arrays), the translation says so in
code: ``+ 1``, ``order="F"``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kerasfn.port import rules
from kerasfn.port.rules import ADD, ATOM, CMP, MUL, PRIMARY
from kerasfn.base_r.strings import glue_pieces
from kerasfn.port.core import Arg, Ctx, Py, Untranslatable, call, plus_one, python_string, r_string_value
from kerasfn.port.parser import parse_r

if TYPE_CHECKING:
    from kerasfn.port.translate import Translator

__all__ = ["HELPERS"]

Helper = Callable[["Translator", list[Arg], Ctx, "Py | None"], Py]
HELPERS: dict[str, Helper] = {}


def helper(*names: str) -> Callable[[Helper], Helper]:
    def register(function: Helper) -> Helper:
        for name in names:
            HELPERS[name] = function
        return function

    return register


class Matched:
    """R's argument matching: formals by exact or unique-prefix name, then by position."""

    def __init__(self, tr: Translator, args: list[Arg], piped: Py | None, formals: tuple[str, ...]) -> None:
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


def _np(tr: Translator, function: str, *arguments: str, kind: str | None = "array") -> Py:
    tr.needs.add("numpy")
    result = call(f"np.{function}", *arguments)
    return Py(result.text, PRIMARY, kind=kind)


# ---- vectors and lists --------------------------------------------------------------------

_NUMERIC = ("number", "integer")


def _double(value: Py) -> str:
    """An R double literal as a float, so that NumPy fills a float array as R does."""
    return f"{float(value.number)!r}" if value.kind == "number" and value.number is not None else value.text


@helper("c")
def c(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
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
        floats = f"[{', '.join(_double(item) for item in items)}]"
        if ctx.keras and ctx.vector == "list":  # reticulate passes an R vector as a list
            return Py(floats, ATOM, kind="list")
        if ctx.keras and ctx.vector == "floatx":
            tr.uses_kerasfn = True
            return _np(tr, "array", floats, "dtype=config_floatx()")
        return _np(tr, "array", floats)
    if numeric and ctx.keras and ctx.vector == "floatx" and not ctx.shape:  # as_py_array(): R's integers as int32
        return _np(tr, "array", f"[{', '.join(texts)}]", "dtype=np.int32")
    if ctx.shape or (ctx.keras and numeric):
        if len(texts) == 1 and not texts[0].startswith("*"):
            return Py(f"({texts[0]},)", ATOM, kind="shape")
        return Py(f"({', '.join(texts)})", ATOM, kind="shape")
    if len(items) == 1:
        return items[0]
    if numeric or any(item.kind in ("array", "range1") for item in items):
        return _np(tr, "array", f"[{', '.join(texts)}]")
    return Py(f"[{', '.join(texts)}]", ATOM, kind="list")


@helper("list")
def list_(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
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
def named_list(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """R keras3's internal ``named_list(x_train, y_train)``: a list named by its arguments' names."""
    if piped is not None or any(arg.node is None or arg.name is None and arg.node.type != "identifier"
                                for arg in args):
        raise Untranslatable("`keras3:::named_list()` of other than names: name the elements with `list()`")
    named = [Arg(arg.name or arg.node.text, arg.node) for arg in args]
    return list_(tr, named, ctx, None)


@helper("conditionMessage")
def condition_message(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """The message of a caught error: ``str(error)``."""
    return call("str", Matched(tr, args, piped, ("c",)).py("c").text)


@helper("op_subset")
def op_subset(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """R keras3's ``op_subset(x, i, j)`` is ``x[i, j]`` (1-based, empty arguments take everything)."""
    if piped is not None:
        args = args[1:]
    elif not args or args[0].node is None:
        raise Untranslatable("`op_subset()` without a tensor")
    subject = piped if piped is not None else tr.expr(args[0].node)
    return tr.subset(subject, args if piped is not None else args[1:])


@helper("tuple")
def tuple_(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """R keras3's ``tuple(a, b)``: a Python tuple."""
    texts = [value.text for _, value in Matched(tr, args, piped, ("...",)).rest_py(Ctx(keras=ctx.keras))]
    return Py(f"({', '.join(texts)}{',' if len(texts) == 1 else ''})", ATOM, kind="shape")


@helper("length")
def length(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return call("len", Matched(tr, args, piped, ("x",)).py("x").text)


@helper("nrow", "NROW")
def nrow(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """``len(x)`` for an array; a value the translation cannot see (a data frame, whose ``len()`` is its
    number of columns as R's ``length()``) the runtime's ``nrow()``."""
    x = Matched(tr, args, piped, ("x",)).py("x")
    runtime = None if x.kind in ("array", "range1", "list") or tr.calling == "NROW" else \
        tr.runtime_function("nrow", fallback=True)
    return call(runtime or "len", x.text)


@helper("ncol")
def ncol(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return Py(f"{Matched(tr, args, piped, ('x',)).py('x').at(PRIMARY)}.shape[1]", PRIMARY)


@helper("dim")
def dim(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return Py(f"{Matched(tr, args, piped, ('x',)).py('x').at(PRIMARY)}.shape", PRIMARY, kind="shape")


@helper("names")
def names(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    x = Matched(tr, args, piped, ("x",)).py("x")
    runtime = tr.runtime_function("names", fallback=True)  # R's character vector, printed as R prints one
    if runtime is not None:
        return Py(call(runtime, x.text).text, PRIMARY, kind="array")
    if x.kind != "dict":
        raise Untranslatable("`names()` of something not known to be a named list")
    return Py(call("list", f"{x.at(PRIMARY)}.keys()").text, PRIMARY, kind="list")


def _count(tr: Translator, n: Py, ctx: Ctx) -> Py:
    """1..n, as R's ``seq_len(n)``."""
    if ctx.loop:
        return Py(f"range(1, {plus_one(n).text})", PRIMARY, kind="range1")
    dtype = ["dtype=np.int32"] if ctx.keras and not ctx.shape else []  # R's integers reach Python as int32
    result = _np(tr, "arange", "1", plus_one(n).text, *dtype)
    return Py(result.text, PRIMARY, kind="range1")


@helper("seq_len")
def seq_len(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return _count(tr, Matched(tr, args, piped, ("length.out",)).py("length.out"), ctx)


@helper("seq_along")
def seq_along(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return _count(tr, call("len", Matched(tr, args, piped, ("along.with",)).py("along.with").text), ctx)


@helper("seq")
def seq(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("from", "to", "by", "length.out", "along.with"))
    if m.has("along.with"):
        return _count(tr, call("len", m.py("along.with").text), ctx)
    if not m.has("to") and not m.has("by") and not m.has("length.out"):
        return _count(tr, m.py("from"), ctx)
    start = m.py("from") if m.has("from") else Py("1", kind="number", number=1)
    if m.has("length.out"):
        return _np(tr, "linspace", start.text, m.py("to").text, m.py("length.out").text)
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
    return _np(tr, "arange", *arguments)


@helper("rep")
def rep(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("x", "times", "each", "length.out"))
    x = m.py("x")
    if m.has("each"):
        x = _np(tr, "repeat", x.text, m.py("each").text)
    if m.has("times"):
        x = _np(tr, "tile", x.text, m.py("times").text)
    if m.has("length.out"):
        x = _np(tr, "resize", x.text, m.py("length.out").text)
    return x


@helper("rev")
def rev(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    x = Matched(tr, args, piped, ("x",)).py("x")
    return Py(f"{x.at(PRIMARY)}[::-1]", PRIMARY, kind=x.kind)


@helper("head")
def head(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("x", "n"))
    n = m.py("n").text if m.has("n") else "6"
    return Py(f"{m.py('x').at(PRIMARY)}[:{n}]", PRIMARY)


@helper("tail")
def tail(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("x", "n"))
    n = m.py("n") if m.has("n") else Py("6", number=6)
    return Py(f"{m.py('x').at(PRIMARY)}[-{n.at(PRIMARY)}:]", PRIMARY)


@helper("unlist")
def unlist(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    x = Matched(tr, args, piped, ("x", "recursive", "use.names")).py("x")
    items = f"{x.at(PRIMARY)}.values()" if x.kind == "dict" else x.text  # a named list: its values
    return _np(tr, "concatenate", f"[np.ravel(item) for item in {items}]")


# ---- arrays -------------------------------------------------------------------------------


@helper("array")
def array(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """R fills arrays column-major: ``order="F"``."""
    m = Matched(tr, args, piped, ("data", "dim", "dimnames"))
    if m.has("dimnames"):
        raise Untranslatable("`array()` with dimnames")
    data = m.py("data") if m.has("data") else Py("np.nan", PRIMARY, number=float("nan"))
    if not m.has("dim"):
        return _np(tr, "asarray", data.text)
    shape = m.py("dim", Ctx(shape=True))
    if data.number is not None:
        return _np(tr, "full", shape.text, _double(data))
    return _np(tr, "reshape", data.text, shape.text, 'order="F"')


@helper("matrix")
def matrix(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("data", "nrow", "ncol", "byrow", "dimnames"))
    if m.has("dimnames"):
        raise Untranslatable("`matrix()` with dimnames")
    data = m.py("data")
    rows = m.py("nrow").text if m.has("nrow") else "-1"
    cols = m.py("ncol").text if m.has("ncol") else "-1"
    if data.number is not None:
        if rows == "-1" or cols == "-1":
            raise Untranslatable("`matrix()` recycling one value without both nrow and ncol")
        return _np(tr, "full", f"({rows}, {cols})", _double(data))
    byrow = m.has("byrow") and m.py("byrow").text == "True"
    if rows == "-1" and cols == "-1":
        cols = "1"
    return _np(tr, "reshape", data.text, f"({rows}, {cols})", f'order="{"C" if byrow else "F"}"')


@helper("t")
def transpose(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return Py(f"{Matched(tr, args, piped, ('x',)).py('x').at(PRIMARY)}.T", PRIMARY, kind="array")


@helper("as.array", "as.matrix", "data.matrix")
def as_array(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return _np(tr, "asarray", Matched(tr, args, piped, ("x", "...")).py("x").text)


@helper("as.vector", "c_flatten")
def as_vector(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return _np(tr, "ravel", Matched(tr, args, piped, ("x", "mode")).py("x").text, 'order="F"')


@helper("as.integer")
def as_integer(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    x = Matched(tr, args, piped, ("x", "...")).py("x")
    if x.prec == CMP and " in " in x.text or x.kind in ("number", "integer", "index1") or \
            x.kind is None and x.prec >= PRIMARY and "[" not in x.text:
        return call("int", x.text)  # a scalar: `as.integer(units)`, `as.integer(7 %in% s)`
    return _converted(tr, x, "int")


@helper("as.numeric", "as.double")
def as_numeric(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return _converted(tr, Matched(tr, args, piped, ("x", "...")).py("x"), "float")


def _converted(tr: Translator, x: Py, dtype: str) -> Py:
    """``as.integer(x)``/``as.numeric(x)``: a vector the translation knows as NumPy's conversion; a value it
    cannot see (a tensor, a variable: R gets one number from a 0-d one) as the runtime's, R's semantics."""
    runtime = None if x.kind in ("array", "list", "range1", "bool") else \
        tr.runtime_function("as.integer" if dtype == "int" else "as.numeric", fallback=True)
    if runtime is None:
        return _np(tr, "asarray", x.text, f"dtype={dtype}")
    return call(runtime, x.text)


@helper("as.character")
def as_character(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return call("str", Matched(tr, args, piped, ("x", "...")).py("x").text)


@helper("numeric", "double")
def numeric(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("length",))
    return _np(tr, "zeros", m.py("length").text if m.has("length") else "0")


@helper("character")
def character(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """R's ``character(n)``: ``n`` empty strings."""
    m = Matched(tr, args, piped, ("length",))
    n = m.py("length") if m.has("length") else Py("0", number=0)
    return Py(f'[""] * {n.at(MUL + 1)}', MUL, kind="list")


@helper("integer")
def integer(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("length",))
    return _np(tr, "zeros", m.py("length").text if m.has("length") else "0", "dtype=int")


@helper("vector")
def vector(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("mode", "length"))
    mode = m.py("mode").text.strip("\"'") if m.has("mode") else "logical"
    n = m.py("length").text if m.has("length") else "0"
    if mode == "list":
        return Py(f"[None] * {n}", MUL, kind="list")
    return _np(tr, "zeros", n, "dtype=bool" if mode == "logical" else "dtype=float")


# ---- random numbers -----------------------------------------------------------------------
# runif(), sample() and set.seed() run kerasfn.base_r's, which draw R's own numbers.


@helper("rnorm")
def rnorm(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("n", "mean", "sd"))
    mean = m.py("mean").text if m.has("mean") else "0"
    sd = m.py("sd").text if m.has("sd") else "1"
    params = [] if (mean, sd) == ("0", "1") else [mean, sd]
    return _np(tr, "random.normal", *params, f"size={m.py('n').text}")


# ---- arithmetic and summaries ---------------------------------------------------------------

_NUMPY_SAME = {
    "mean": "mean", "sum": "sum", "abs": "abs", "sqrt": "sqrt", "exp": "exp",
    "log10": "log10", "log2": "log2", "log1p": "log1p", "floor": "floor", "ceiling": "ceil",
    "cumsum": "cumsum", "cumprod": "cumprod", "diff": "diff", "median": "median", "sort": "sort",
    "tanh": "tanh", "sin": "sin", "cos": "cos", "is.na": "isnan", "any": "any", "all": "all",
    "trunc": "trunc", "sign": "sign",
}


def _numpy_same(numpy_name: str) -> Helper:
    def translate(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
        m = Matched(tr, args, piped, ("x", "...", "na.rm"))
        if m.rest or m.has("na.rm"):
            raise Untranslatable("more than one vector, or `na.rm`: combine them by hand")
        kind = "array" if numpy_name in ("abs", "sqrt", "exp", "cumsum", "cumprod", "diff", "sort", "isnan") else None
        return _np(tr, numpy_name, m.py("x").text, kind=kind)

    return translate


for _r_name, _numpy_name in _NUMPY_SAME.items():
    HELPERS[_r_name] = _numpy_same(_numpy_name)


@helper("prod")
def prod(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """R's ``prod()`` is a double, of integers too (``op_arange(prod(dims))`` counts in floats); in a
    shape or an integer argument R keras3 makes it whole again."""
    m = Matched(tr, args, piped, ("...", "na.rm"))
    values = m.rest_py()
    if len(values) != 1 or m.has("na.rm"):
        raise Untranslatable("`prod()` of several vectors, or `na.rm`: multiply them by hand")
    product = _np(tr, "prod", values[0][1].text, kind=None)
    return product if ctx.shape or ctx.integer else call("float", product.text)


@helper("max", "min")
def extreme(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    which, m = tr.calling, Matched(tr, args, piped, ("...", "na.rm"))
    values = m.rest_py()
    if len(values) == 1:
        return _np(tr, which, values[0][1].text, kind=None)
    return call(which, *(value.text for _, value in values))


@helper("log")
def log(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("x", "base"))
    if m.has("base"):
        tr.needs.add("numpy")
        return Py(f"np.log({m.py('x').text}) / np.log({m.py('base').text})", 12)
    return _np(tr, "log", m.py("x").text, kind=None)


@helper("round")
def round_(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("x", "digits"))
    return _np(tr, "round", m.py("x").text, *([m.py("digits").text] if m.has("digits") else []), kind=None)


@helper("sd", "var")
def spread(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    function, m = "std" if tr.calling == "sd" else "var", Matched(tr, args, piped, ("x", "na.rm"))
    return _np(tr, function, m.py("x").text, "ddof=1", kind=None)


@helper("which.max", "which.min")
def which_extreme(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """1-based, as in R: ``which.max(p) - 1`` folds back to ``np.argmax(p)``."""
    function = "argmax" if tr.calling == "which.max" else "argmin"
    x = Matched(tr, args, piped, ("x",)).py("x")
    return plus_one(_np(tr, function, x.text, kind=None))


@helper("max.col")
def max_col(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """Each row's column of the largest value, 1-based as in R: ``max.col(p) - 1`` folds back to
    ``np.argmax(p, axis=1)``.  R breaks ties at random (``ties.method = "random"``), NumPy takes the first."""
    m = Matched(tr, args, piped, ("m", "ties.method"))
    ties = m.py("ties.method").text.strip("\"'") if m.has("ties.method") else "random"
    if ties == "last":
        raise Untranslatable("`max.col(ties.method = \"last\")`: take the last of equal values by hand")
    if ties == "random":
        tr.check("`max.col()`: R picks one of equal largest values at random, NumPy the first")
    return plus_one(_np(tr, "argmax", m.py("m").text, "axis=1", kind=None))


@helper("which")
def which(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    x = Matched(tr, args, piped, ("x",)).py("x")
    return plus_one(_np(tr, "flatnonzero", x.text))


@helper("order")
def order(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("...", "decreasing"))
    values = m.rest_py()
    if len(values) != 1 or m.has("decreasing"):
        raise Untranslatable("`order()` on several keys or decreasing")
    return plus_one(_np(tr, "argsort", values[0][1].text, 'kind="stable"'))


@helper("unique")
def unique(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """A list of strings or numbers: ``dict.fromkeys()`` keeps the first of each; a vector or matrix
    (R's distinct rows) the runtime's."""
    x = Matched(tr, args, piped, ("x",)).py("x")
    runtime = None if x.kind == "list" else tr.runtime_function("unique", fallback=True)
    if runtime is not None:
        return Py(call(runtime, x.text).text, PRIMARY, kind="array")
    return Py(call("list", f"dict.fromkeys({x.text})").text, PRIMARY, kind="list")


@helper("ifelse")
def ifelse(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("test", "yes", "no"))
    return _np(tr, "where", m.py("test").text, m.py("yes").text, m.py("no").text)


@helper("is.null")
def is_null(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("x",))
    node = m.node("x")
    if not isinstance(node, Py) and node.type == "dollar":  # R's NULL for a missing name, not an error
        subject = tr.expr(node.children[0])
        if subject.kind == "dict":
            key = node.children[-1].text.strip("`\"'")
            return Py(f'{subject.at(PRIMARY)}.get("{key}") is None', CMP)
    return Py(f"{m.py('x').at(CMP + 1)} is None", CMP)


@helper("identical")
def identical(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("x", "y"))
    return _np(tr, "array_equal", m.py("x").text, m.py("y").text, kind=None)


@helper("nchar")
def nchar(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return call("len", Matched(tr, args, piped, ("x",)).py("x").text)


@helper("toupper", "tolower")
def case(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    method = "upper" if tr.calling == "toupper" else "lower"
    x = Matched(tr, args, piped, ("x",)).py("x")
    return Py(f"{x.at(PRIMARY)}.{method}()", PRIMARY, kind="str")


@helper("invisible")
def invisible(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("x",))
    return m.py("x") if m.has("x") else Py("None")


# ---- apply family ---------------------------------------------------------------------------


def _mapped(tr: Translator, m: Matched, over: str) -> str:
    """``[f(x) for x in X]``, with a one-expression function inlined."""
    items = m.py(over, Ctx(loop=True))
    function = m.node("FUN")
    if function is not None and not isinstance(function, Py) and function.type in ("function_definition",
                                                                                    "lambda_function"):
        value = tr.function_literal(function, Ctx(hint="fn"))
        if value.text.startswith("lambda ") and ":" in value.text:
            params, body = value.text[len("lambda "):].split(":", 1)
            if "," not in params and not m.rest:
                return f"[{body.strip()} for {params.strip()} in {items.text}]"
        applied = value.at(PRIMARY)
    elif function is not None and not isinstance(function, Py) and function.type == "identifier" \
            and function.text in HELPERS and not tr.scope.defines(function.text):
        # an R function passed by name: `sapply(x, length)` -> `[len(item) for item in x]`
        tr.calling = function.text
        item = HELPERS[function.text](tr, [Arg(None, None)], Ctx(), Py("item"))
        extra = m.rest_py()
        if extra:
            raise Untranslatable(f"`{function.text}` applied with extra arguments")
        return f"[{item.text} for item in {items.text}]"
    else:
        applied = m.py("FUN").at(PRIMARY)
    extra = "".join(f", {name + '=' if name else ''}{value.text}" for name, value in m.rest_py())
    return f"[{applied}(item{extra}) for item in {items.text}]"


@helper("lapply")
def lapply(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return Py(_mapped(tr, Matched(tr, args, piped, ("X", "FUN", "...")), "X"), ATOM, kind="list")


@helper("sapply", "vapply")
def sapply(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("X", "FUN", "FUN.VALUE", "...", "USE.NAMES", "simplify"))
    return _np(tr, "array", _mapped(tr, m, "X"))


@helper("apply")
def apply(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("X", "MARGIN", "FUN", "..."))
    function = m.node("FUN")
    margin = m.py("MARGIN")
    reducers = {"sum": "sum", "mean": "mean", "max": "max", "min": "min", "which.max": "argmax",
                "which.min": "argmin", "sd": "std", "prod": "prod"}
    if function is None or isinstance(function, Py) or function.text not in reducers or margin.number not in (1, 2):
        raise Untranslatable("`apply()` with a function other than sum/mean/max/min/which.max/which.min")
    # R applies FUN to each row (MARGIN 1), reducing over the other axis
    axis = "1" if margin.number == 1 else "0"
    result = _np(tr, reducers[function.text], m.py("X").text, f"axis={axis}")
    return plus_one(result) if function.text.startswith("which") else result


# ---- strings and printing -------------------------------------------------------------------


def _as_str(value: Py) -> str:
    return value.text if value.kind == "str" else f"str({value.text})"


def _joined(parts: list[Py], sep: str) -> Py:
    if not parts:
        return Py('""', ATOM, kind="str")
    texts = [_as_str(part) for part in parts]
    glue = f" + {sep} + " if sep not in ('""', "''") else " + "
    return Py(glue.join(texts), ADD if len(texts) > 1 else PRIMARY, kind="str")


@helper("paste", "paste0")
def paste(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
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
    return _joined(values, sep)


#: Kinds the translator knows to be single values.
_SCALAR = ("str", "number", "integer", "index1", "bool")


def tr_short(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


@helper("glue")
def glue(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
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


def _glue_expression(tr: Translator, code: str, ctx: Ctx) -> str:
    program = parse_r(code)
    if program.has_error or len(program.children) != 1:
        raise Untranslatable(f"`{{{tr_short(code)}}}` in a `glue()` template is not one R expression")
    return tr.expr(program.children[0], ctx).text


@helper("sprintf")
def sprintf(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("fmt", "..."))
    fmt = m.py("fmt")
    values = [value.text for name, value in m.rest_py()]
    if not values:
        return fmt
    return Py(f"{fmt.at(MUL)} % ({', '.join(values)}{',' if len(values) == 1 else ''})", MUL, kind="str")


@helper("print")
def print_(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("x", "digits", "quote", "..."))
    x = m.py("x")
    if x.kind == "model":
        return call("summary", x.text)
    printer = tr.printer("print")  # R's layout: `[1] 0.5`, `$name` blocks, `shape=(4)` tensors
    if printer is None:
        return call("print", x.text)
    return call(printer, x.text, *(f"{name}={m.py(name).text}" for name in ("digits", "quote") if m.has(name)))


@helper("cat")
def cat(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """R's ``cat()``: space-separated, no newline added."""
    m = Matched(tr, args, piped, ("...", "sep", "file", "fill"))
    if m.has("file") or m.has("fill"):
        raise Untranslatable("`cat()` to a file or with fill")
    values = [value.text for name, value in m.rest_py()]
    sep = [f"sep={m.py('sep').text}"] if m.has("sep") and m.py("sep").text not in ('" "', "' '") else []
    return call("print", *values, *sep, 'end=""')


@helper("message")
def message(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    values = [value for name, value in Matched(tr, args, piped, ("...",)).rest_py()]
    tr.needs.add("sys")
    return call("print", _joined(values, '""').text, "file=sys.stderr")


@helper("str")
def str_(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    value = Matched(tr, args, piped, ("object", "...")).py("object")
    printer = tr.printer("str")
    if printer is not None:
        return call(printer, value.text)
    tr.check("R's `str()` summary has no Python twin: the value's repr is printed")
    return call("print", call("repr", value.text).text)


def raised(tr: Translator, args: list[Arg]) -> str:
    """``stop(...)`` as a Python ``raise`` statement."""
    values = [value for name, value in Matched(tr, args, None, ("...", "call.")).rest_py()]
    message = _joined(values, '""').text
    return f"raise RuntimeError({message})"


@helper("Sys.time")
def sys_time(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    tr.needs.add("time")
    return call("time.time")


@helper("switch")
def switch(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
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
def with_(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
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
def do_call(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
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
    def translate(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
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

@helper("array_reshape")
def array_reshape(tr: Translator, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """reticulate's ``array_reshape()`` fills row-major (``order = "C"``) unless told, as NumPy does."""
    m = Matched(tr, args, piped, ("x", "dim", "order"))
    order = [f"order={m.py('order').text}"] if m.has("order") else []
    return _np(tr, "reshape", m.py("x").text, m.py("dim", Ctx(shape=True)).text, *order)
