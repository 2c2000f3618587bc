"""kerasfn.port.rbase.text: glue's templates translated and run as in R (only the braces' R
expressions are code), ``paste()`` of a value of unknown length noted.

Expected Python follows the README's porting rules; a value checked is what R with R keras3 printed for the R code,
quoted beside the assertion."""

from __future__ import annotations

from kerasfn.port import translate


def test_glue_templates_are_translated_and_run_as_in_r(body, printed):
    source = (
        'x <- c(1, 2.5)\nn <- 3L\ncat(glue::glue("a {x} b {{lit}} {n + 1}"), "\\n")\n'
        'show <- function(msg) cat(glue::glue(msg, .envir = parent.frame()), "end\\n")\n'
        'f <- function(epoch) show("Start epoch {epoch} of training")\nf(2)\n'
    )
    assert 'cat(paste0("a ", x, " b {lit} ", n + 1), "\\n")' in body(source)
    assert "cat(glue(msg, parent_frame())" in body(source)
    assert body('library(glue)\nn <- 1\ny <- glue("n={n}")').splitlines()[-1] == 'y = paste0("n=", n)'
    # R prints: a 1 b {lit} 4 a 2.5 b {lit} 4 / Start epoch 2 of training end
    assert printed(source) == "a 1 b {lit} 4 a 2.5 b {lit} 4 \nStart epoch 2 of training end\n"


def test_glue_template_code_is_only_the_braces_r_expressions(body):
    assert body('y <- glue::glue("{x +}")').splitlines() == [
        "# port: `{x +}` in a `glue()` template is not one R expression", '# R: y <- glue::glue("{x +}")']
    assert body('y <- glue::glue("{{x}} and \\"{x}\\"")').splitlines()[-1] == "y = paste0('{x} and \"', x, '\"')"


def test_paste_of_a_value_of_unknown_length_is_noted():
    result = translate("for (i in 1:3) cat(paste0('layer_', i), '\\n')\nlabel <- paste('id', ids)")
    assert 'cat("layer_" + str(i), "\\n")' in result.python  # kerasfn.base_r's cat(): R's formatting
    assert [(note.line, note.reason) for note in result.notes] == [
        (1, "`cat()` runs kerasfn.base_r's `cat()`, R's semantics (no exact Python spelling here)"),
        (2, "`ids` is pasted as one value; R's `paste()` is element-wise over vectors")]
