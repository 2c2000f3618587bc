"""kerasfn.port.rules: the tables the translator consults. R's binary operators have their Python
spelling, each with the precedence Python's own grammar gives it; R's constants have their Python value;
and the name sets hold what R and R keras3 say they hold (functions that return invisibly, shape and
1-based position arguments, Python's keywords among the reserved names)."""

from __future__ import annotations

import ast
import itertools
import keyword

from kerasfn.port.rules import (
    AXIS_ARGUMENTS,
    BINARY,
    CONSTANTS,
    INVISIBLE,
    POSITION_ARGUMENTS,
    RESERVED,
    SHAPE_ARGUMENTS,
)


def test_r_operators_have_their_python_spelling() -> None:
    spelled = {r: python for r, (python, _) in BINARY.items()}
    assert spelled == {
        "+": "+", "-": "-", "*": "*", "/": "/", "^": "**", "%%": "%", "%/%": "//", "%*%": "@",
        "==": "==", "!=": "!=", "<": "<", ">": ">", "<=": "<=", ">=": ">=",
        "&&": "and", "||": "or", "&": "&", "|": "|", "%in%": "in",
    }


def _same_tree(python: str, parenthesized: str) -> bool:
    return ast.dump(ast.parse(python)) == ast.dump(ast.parse(parenthesized))


def test_a_higher_level_binds_tighter_in_python() -> None:
    pairs = [(low, high) for (low, low_level), (high, high_level) in itertools.permutations(BINARY.values(), 2)
             if low_level < high_level]
    wrong = [(low, high) for low, high in pairs
             if not (_same_tree(f"a {low} b {high} c", f"a {low} (b {high} c)")
                     and _same_tree(f"a {high} b {low} c", f"(a {high} b) {low} c"))]
    assert pairs and wrong == []


def test_one_level_is_one_python_precedence() -> None:
    # operators of one Python precedence group left to right (comparisons chain, and/or flatten: left out)
    pairs = [(one, two) for (one, one_level), (two, two_level) in itertools.permutations(BINARY.values(), 2)
             if one_level == two_level and isinstance(ast.parse(f"a {one} b", mode="eval").body, ast.BinOp)]
    wrong = [(one, two) for one, two in pairs if not _same_tree(f"a {one} b {two} c", f"(a {one} b) {two} c")]
    assert pairs and wrong == []


def test_r_constants_have_their_python_value() -> None:
    assert {name: CONSTANTS[name] for name in ("TRUE", "FALSE", "T", "F", "NULL", "Inf", "NaN", "pi")} == {
        "TRUE": "True", "FALSE": "False", "T": "True", "F": "False", "NULL": "None", "Inf": "np.inf",
        "NaN": "np.nan", "pi": "np.pi"}


def test_name_sets_hold_what_r_and_r_keras3_say() -> None:
    # R's library(), set.seed(), invisible() and cat() return invisibly; R keras3's compile() and fit()
    # on a model too (fit() prints its progress itself)
    assert {"library", "set.seed", "invisible", "cat", "compile", "fit"} <= INVISIBLE
    assert {"input_shape", "kernel_size", "pool_size", "target_shape"} <= SHAPE_ARGUMENTS
    assert AXIS_ARGUMENTS == {"axis", "axes"}
    # get_layer(index = ) and freeze_weights(from = , to = ) count layers from 1 in R keras3
    assert {("get_layer", "index"), ("freeze_weights", "from"), ("unfreeze_weights", "to")} <= POSITION_ARGUMENTS
    assert set(keyword.kwlist) <= RESERVED
