"""kerasfn.port.rbase.control: ``switch()``, ``do.call()`` and ``%in%``; ``with()`` reading the
columns of data the script built.

Expected Python follows the README's porting rules; a value checked is what R with R keras3 printed for the R code,
quoted beside the assertion."""

from __future__ import annotations

from kerasfn.port import translate


def test_switch_do_call_and_in(body, run):
    assert body("act <- switch(kind, small = 'relu', large = 'gelu', 'linear')") == (
        'act = {"small": "relu", "large": "gelu"}.get(kind, "linear")'
    )
    assert body("y <- do.call(layer_dense, list(units = 4))") == "y = layer_dense(units=4)"
    assert body("a <- list(units = 4)\ny <- do.call(layer_dense, a)") == (
        'a = {"units": 4}\ny = layer_dense(**a)'
    )
    assert run("v <- c(1, 5, 7)\nhit <- v %in% c(5, 7)")["hit"].tolist() == [False, True, True]  # R: FALSE TRUE TRUE


def test_with_reads_the_columns_of_data_the_script_built(run):
    source = ("LR <- data.frame(start = c(0, 3, 6), rate = c(0.1, 0.05, 0.01))\nrate <- 99\n"
              "f <- function(epoch) with(LR, rate[max(which(epoch >= start))])\na <- f(4)\nb <- f(7)\n"
              "p <- with(list(u = 2, v = 5), u * v)\nq <- with(l, u * v)\n")
    result = translate(source)
    assert 'LR["rate"]' in result.python and 'LR["start"]' in result.python
    assert any(note.kept and "`with()`" in note.reason for note in result.notes)  # `l`'s names are unknown
    namespace = run(source.replace("q <- with(l, u * v)\n", ""))
    assert (namespace["a"], namespace["b"], namespace["rate"]) == (0.05, 0.01, 99)  # R: [1] 0.05, [1] 0.01
