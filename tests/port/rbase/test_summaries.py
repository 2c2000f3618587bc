"""kerasfn.port.rbase.summaries: positions R counts from 1 (``which.max()``, ``which()``,
``max.col()``), folded back where the script subtracts one; ``rnorm()`` as NumPy's.

Expected Python follows the README's porting rules; a value checked is what R with R keras3 printed for the R code,
quoted beside the assertion."""

from __future__ import annotations


def test_which_max_stays_one_based_and_minus_one_folds(body, run):
    assert body("i <- which.max(p)\nj <- which.max(p) - 1") == "i = np.argmax(p) + 1\nj = np.argmax(p)"
    assert body("k <- apply(p, 1, which.max) - 1") == "k = np.argmax(p, axis=1)"
    assert run("w <- which(c(5, 7, 9) > 6)")["w"].tolist() == [2, 3]  # R: which(c(5, 7, 9) > 6) is 2 3


def test_rnorm_is_numpys(body):
    assert body("y <- rnorm(3, sd = 2)") == "y = np.random.normal(0, 2, size=3)"


def test_max_col_is_each_rows_largest_column_from_one(body, run):
    assert body("k <- max.col(p) - 1L").endswith("k = np.argmax(p, axis=1)")
    # R: max.col(rbind(c(0.1, 0.7, 0.2), c(0.5, 0.2, 0.3))) is 2 1
    assert run("k <- max.col(rbind(c(0.1, 0.7, 0.2), c(0.5, 0.2, 0.3)))\n")["k"].tolist() == [2, 1]
