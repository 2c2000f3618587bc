"""The apply family: ``lapply()``, ``sapply()``/``vapply()`` as list comprehensions, ``apply()`` as a NumPy
reduction over an axis."""

from __future__ import annotations

from kerasfn.port.core import Arg, Ctx, Py, Untranslatable, plus_one
from kerasfn.port.rbase.registry import HELPERS, Matched, Translating, helper, np_call
from kerasfn.port.rules import ATOM, PRIMARY

__all__: list[str] = []  # its helpers go into registry.HELPERS


def _mapped(tr: Translating, m: Matched, over: str) -> str:
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
def lapply(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    return Py(_mapped(tr, Matched(tr, args, piped, ("X", "FUN", "...")), "X"), ATOM, kind="list")


@helper("sapply", "vapply")
def sapply(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("X", "FUN", "FUN.VALUE", "...", "USE.NAMES", "simplify"))
    return np_call(tr, "array", _mapped(tr, m, "X"))


@helper("apply")
def apply(tr: Translating, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
    m = Matched(tr, args, piped, ("X", "MARGIN", "FUN", "..."))
    function = m.node("FUN")
    margin = m.py("MARGIN")
    reducers = {"sum": "sum", "mean": "mean", "max": "max", "min": "min", "which.max": "argmax",
                "which.min": "argmin", "sd": "std", "prod": "prod"}
    if function is None or isinstance(function, Py) or function.text not in reducers or margin.number not in (1, 2):
        raise Untranslatable("`apply()` with a function other than sum/mean/max/min/which.max/which.min")
    # R applies FUN to each row (MARGIN 1), reducing over the other axis
    axis = "1" if margin.number == 1 else "0"
    result = np_call(tr, reducers[function.text], m.py("X").text, f"axis={axis}")
    return plus_one(result) if function.text.startswith("which") else result
