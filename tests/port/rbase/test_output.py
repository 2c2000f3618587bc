"""kerasfn.port.rbase.output: ``cat()``, ``sprintf()``, ``print()`` and ``paste()`` print what R
prints.

Expected Python follows the README's porting rules; a value checked is what R with R keras3 printed for the R code,
quoted beside the assertion."""

from __future__ import annotations


def test_strings_and_printing_match_r(printed):
    out = printed('cat("epoch", 3, "\\n")\ncat(sprintf("loss: %.3f\\n", 0.12345))\n'
                  'print(paste("a", "b", sep = "-"))\nprint(paste0("x", 1))\n'
                  'cat(paste(c("a", "b"), collapse = ", "), "\\n")')
    # R prints: "epoch 3 \n", "loss: 0.123\n", [1] "a-b", [1] "x1", "a, b \n"
    assert out == 'epoch 3 \nloss: 0.123\n[1] "a-b"\n[1] "x1"\na, b \n'


def test_cat_prints_as_r_prints(printed):
    # R 4.5: cat(dim(x)) prints "2 3"; cat(round(c(0.12345, 2), 2)) prints "0.12 2"
    assert printed("x <- matrix(1:6, 2)\ncat(dim(x), '\\n')\ncat(round(c(0.12345, 2), 2), '\\n')\n") == \
        "2 3 \n0.12 2 \n"
