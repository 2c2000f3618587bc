"""kerasfn.port.rbase.registry: R's argument matching (exact names, then unique prefixes, then positions;
``...`` takes the rest), what it refuses to guess, the helper table's registration, and the
``np.`` calls and double literals helpers write."""

from __future__ import annotations

import pytest

from kerasfn.port.core import Arg, Ctx, Py, Untranslatable
from kerasfn.port.rbase import registry
from kerasfn.port.rbase.registry import Matched, double_literal, helper, np_call
from kerasfn.port.rules import PRIMARY


class _Translator:
    """Translates a node (a string here) to the Python expression of the same text."""

    def __init__(self) -> None:
        self.needs: set[str] = set()

    def expr(self, node: str, ctx: Ctx | None = None) -> Py:
        return Py(node)


def _matched(formals: tuple[str, ...], *args: tuple[str | None, str | None], piped: Py | None = None) -> Matched:
    return Matched(_Translator(), [Arg(name, node) for name, node in args], piped, formals)


def test_names_match_exactly_then_by_unique_prefix_then_by_position() -> None:
    # sample(v, rep = TRUE, 3): x = v, size = 3, replace = TRUE
    matched = _matched(("x", "size", "replace", "prob"), (None, "v"), ("rep", "TRUE"), (None, "3"))
    assert matched.values == {"x": "v", "replace": "TRUE", "size": "3"}
    assert not matched.has("prob")
    assert matched.py("size") == Py("3")


def test_dots_take_the_positions_and_names_no_formal_has() -> None:
    # paste("a", "b", sep = "-", extra = 1)
    matched = _matched(("...", "sep"), (None, '"a"'), (None, '"b"'), ("sep", '"-"'), ("extra", "1"))
    assert matched.values == {"sep": '"-"'}
    assert matched.rest_py() == [("extra", Py("1")), (None, Py('"a"')), (None, Py('"b"'))]


def test_the_piped_value_stands_in_the_first_argument() -> None:
    piped = Py("x", kind="array")
    assert _matched(("x", "times"), (None, None), ("times", "2"), piped=piped).py("x") is piped


@pytest.mark.parametrize(("formals", "args", "reason"), [
    (("length.out", "lower"), [("l", "1")], "argument `l`"),  # a prefix of two formals: R's error too
    (("x",), [(None, "1"), (None, "2")], "more arguments"),
    (("x",), [("x", None)], "empty argument"),
])
def test_what_r_would_reject_is_untranslatable(formals: tuple[str, ...], args: list, reason: str) -> None:
    with pytest.raises(Untranslatable, match=reason):
        _matched(formals, *args)


def test_helper_registers_the_function_under_each_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "HELPERS", {})

    def translate_nothing(tr: object, args: list[Arg], ctx: Ctx, piped: Py | None) -> Py:
        return Py("None")

    assert helper("nrow", "NROW")(translate_nothing) is translate_nothing
    assert registry.HELPERS == {"nrow": translate_nothing, "NROW": translate_nothing}


def test_np_call_imports_numpy_and_double_literal_is_a_float() -> None:
    tr = _Translator()
    assert np_call(tr, "zeros", "3") == Py("np.zeros(3)", PRIMARY, kind="array")
    assert tr.needs == {"numpy"}
    assert double_literal(Py("2", kind="number", number=2)) == "2.0"
    assert double_literal(Py("n", kind="array")) == "n"
