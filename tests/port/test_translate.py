"""kerasfn.port as a whole: :func:`kerasfn.port.translate` of R snippets, what it keeps as commented R
with its reason (constructs it cannot translate, syntax errors, nesting deeper than it follows), and the
names it makes up for helpers.

Expected Python follows the README's porting rules; a value checked is what R with R keras3 printed for the R code,
quoted beside the assertion."""

from __future__ import annotations

import ast

import pytest

from kerasfn.port import translate


@pytest.mark.parametrize("r, reason", [
    ("fit <- lm(y ~ x)", "R formula (`~`)"),
    ("x <- tryCatch(f(), warning = function(w) NULL)", "`tryCatch()` with handlers other than `error` and "
     "`finally` (R's warnings and conditions are not Python exceptions)"),
    ("y <- do.call(f, args)", "`do.call()` with arguments of a kind the translator cannot see (list or named list)"),
    ("y <- obj@slot", "S4 slot access (`@`)"),
    ("`add<-` <- `+`", "R name `add<-` has no Python spelling"),
    ("y <- x[v, drop = TRUE]", "`[` with named arguments (`drop = TRUE`, `exact = `)"),
    ("names(x) <- c('a')", "`names(x) <-` sets R attributes that Python objects do not have"),
    ("y <- tfdatasets::tensor_slices_dataset(x)", "`tfdatasets::` has no Python counterpart here"),
])
def test_untranslatable_statements_are_kept_as_commented_r_with_the_reason(r, reason):
    result = translate(r)
    assert [(note.line, note.reason, note.kept) for note in result.notes] == [(1, reason, True)]
    assert result.python == f"# port: {reason}\n# R: {r}\n"
    assert result.share == 0.0


def test_a_syntax_error_is_one_note_and_the_rest_translates():
    result = translate("x <- 1\ny <- (2 +\nz <- 3\n")
    assert result.notes[0].reason == "R syntax error: the parser could not read this statement"
    assert result.notes[0].kept


def test_a_long_sum_and_deep_nesting_translate_to_valid_python(run):
    assert run("x <- " + " + ".join(["1"] * 500) + "\n")["x"] == 500
    deep = "x <- " + "(" * 3000 + "1" + ")" * 3000 + "\n"
    assert run(deep)["x"] == 1
    nested = "x <- " + "list(" * 300 + "1" + ")" * 300 + "\ny <- 2\n"  # Python's parser takes 200 brackets at most
    result = translate(nested)
    ast.parse(result.python)
    assert [(note.line, note.kept) for note in result.notes] == [(1, True)]
    assert "y = 2" in result.python


def test_tuple_dotty_and_helper_names_that_shadow_nothing(body):
    assert body("t <- tuple(1, 2)\nu <- tuple(1)\n") == "t = (1, 2)\nu = (1,)"
    assert body(".[a, b] <- list(1, 2)\n") == "a, b = [1, 2]"
    python = body("r <- op_cond(p, \\() { z <- x + 1; z }, \\() x - 1)\n")
    assert "def op_cond(" not in python and "r = op_cond(p, op_cond_fn, lambda: x - 1)" in python
