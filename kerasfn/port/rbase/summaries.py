"""Numbers: ``rnorm()``, NumPy's twins of R's arithmetic and summaries, 1-based positions (``which()``,
``order()``), ``unique()``, ``ifelse()``, ``is.null()``, ``identical()``.  ``runif()``, ``sample()`` and
``set.seed()`` are not here: they run kerasfn.base_r's, which draw R's own numbers."""

from __future__ import annotations

from kerasfn.port.core import Arg, Ctx, Py, Untranslatable, call, plus_one
from kerasfn.port.rbase.registry import HELPERS, Helper, Matched, Translating, helper, np_call
from kerasfn.port.rules import CMP, PRIMARY

__all__: list[str] = []  # its helpers go into registry.HELPERS


@helper("rnorm")
def rnorm(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("n", "mean", "sd"))
    mean = m.py("mean").text if m.has("mean") else "0"
    sd = m.py("sd").text if m.has("sd") else "1"
    params = [] if (mean, sd) == ("0", "1") else [mean, sd]
    return np_call(tr, "random.normal", *params, f"size={m.py('n').text}")


_NUMPY_SAME = {
    "mean": "mean", "sum": "sum", "abs": "abs", "sqrt": "sqrt", "exp": "exp",
    "log10": "log10", "log2": "log2", "log1p": "log1p", "floor": "floor", "ceiling": "ceil",
    "cumsum": "cumsum", "cumprod": "cumprod", "diff": "diff", "median": "median", "sort": "sort",
    "tanh": "tanh", "sin": "sin", "cos": "cos", "is.na": "isnan", "any": "any", "all": "all",
    "trunc": "trunc", "sign": "sign",
}


def _numpy_same(numpy_name: str) -> Helper:
    def translate(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
        m = Matched(tr, args, piped, ("x", "...", "na.rm"))
        if m.rest or m.has("na.rm"):
            raise Untranslatable("more than one vector, or `na.rm`: combine them by hand")
        kind = "array" if numpy_name in ("abs", "sqrt", "exp", "cumsum", "cumprod", "diff", "sort", "isnan") else None
        return np_call(tr, numpy_name, m.py("x").text, kind=kind)

    return translate


for _r_name, _numpy_name in _NUMPY_SAME.items():
    HELPERS[_r_name] = _numpy_same(_numpy_name)


@helper("prod")
def prod(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """R's ``prod()`` is a double, of integers too (``op_arange(prod(dims))`` counts in floats); in a
    shape or an integer argument R keras3 makes it whole again."""
    m = Matched(tr, args, piped, ("...", "na.rm"))
    values = m.rest_py()
    if len(values) != 1 or m.has("na.rm"):
        raise Untranslatable("`prod()` of several vectors, or `na.rm`: multiply them by hand")
    product = np_call(tr, "prod", values[0][1].text, kind=None)
    return product if ctx.shape or ctx.integer else call("float", product.text)


@helper("max", "min")
def extreme(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    which, m = tr.calling, Matched(tr, args, piped, ("...", "na.rm"))
    values = m.rest_py()
    if len(values) == 1:
        return np_call(tr, which, values[0][1].text, kind=None)
    return call(which, *(value.text for _, value in values))


@helper("log")
def log(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("x", "base"))
    if m.has("base"):
        tr.needs.add("numpy")
        return Py(f"np.log({m.py('x').text}) / np.log({m.py('base').text})", 12)
    return np_call(tr, "log", m.py("x").text, kind=None)


@helper("round")
def round_(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("x", "digits"))
    return np_call(tr, "round", m.py("x").text, *([m.py("digits").text] if m.has("digits") else []), kind=None)


@helper("sd", "var")
def spread(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    function, m = "std" if tr.calling == "sd" else "var", Matched(tr, args, piped, ("x", "na.rm"))
    return np_call(tr, function, m.py("x").text, "ddof=1", kind=None)


@helper("which.max", "which.min")
def which_extreme(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """1-based, as in R: ``which.max(p) - 1`` folds back to ``np.argmax(p)``."""
    function = "argmax" if tr.calling == "which.max" else "argmin"
    x = Matched(tr, args, piped, ("x",)).py("x")
    return plus_one(np_call(tr, function, x.text, kind=None))


@helper("max.col")
def max_col(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """Each row's column of the largest value, 1-based as in R: ``max.col(p) - 1`` folds back to
    ``np.argmax(p, axis=1)``.  R breaks ties at random (``ties.method = "random"``), NumPy takes the first."""
    m = Matched(tr, args, piped, ("m", "ties.method"))
    ties = m.py("ties.method").text.strip("\"'") if m.has("ties.method") else "random"
    if ties == "last":
        raise Untranslatable("`max.col(ties.method = \"last\")`: take the last of equal values by hand")
    if ties == "random":
        tr.check("`max.col()`: R picks one of equal largest values at random, NumPy the first")
    return plus_one(np_call(tr, "argmax", m.py("m").text, "axis=1", kind=None))


@helper("which")
def which(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    x = Matched(tr, args, piped, ("x",)).py("x")
    return plus_one(np_call(tr, "flatnonzero", x.text))


@helper("order")
def order(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("...", "decreasing"))
    values = m.rest_py()
    if len(values) != 1 or m.has("decreasing"):
        raise Untranslatable("`order()` on several keys or decreasing")
    return plus_one(np_call(tr, "argsort", values[0][1].text, 'kind="stable"'))


@helper("unique")
def unique(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    """A list of strings or numbers: ``dict.fromkeys()`` keeps the first of each; a vector or matrix
    (R's distinct rows) the runtime's."""
    x = Matched(tr, args, piped, ("x",)).py("x")
    runtime = None if x.kind == "list" else tr.runtime_function("unique", fallback=True)
    if runtime is not None:
        return Py(call(runtime, x.text).text, PRIMARY, kind="array")
    return Py(call("list", f"dict.fromkeys({x.text})").text, PRIMARY, kind="list")


@helper("ifelse")
def ifelse(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("test", "yes", "no"))
    return np_call(tr, "where", m.py("test").text, m.py("yes").text, m.py("no").text)


@helper("is.null")
def is_null(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("x",))
    node = m.node("x")
    if not isinstance(node, Py) and node.type == "dollar":  # R's NULL for a missing name, not an error
        subject = tr.expr(node.children[0])
        if subject.kind == "dict":
            key = node.children[-1].text.strip("`\"'")
            return Py(f'{subject.at(PRIMARY)}.get("{key}") is None', CMP)
    return Py(f"{m.py('x').at(CMP + 1)} is None", CMP)


@helper("identical")
def identical(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("x", "y"))
    return np_call(tr, "array_equal", m.py("x").text, m.py("y").text, kind=None)
