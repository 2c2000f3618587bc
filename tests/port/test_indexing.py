"""kerasfn.port.indexing: R's 1-based indexing as Python's: indices and ranges shifted, negative
indices dropping, logical masks kept, ``drop = FALSE``, what is not a position.

Expected Python follows the README's porting rules; a value checked is what R with R keras3 printed for the R code,
quoted beside the assertion."""

from __future__ import annotations

from kerasfn.port import translate


def test_one_based_indices_and_ranges_shift(body):
    assert body("a <- x[1, ]\nb <- x[, 2]\nd <- x[2:5, , 1]\ne <- x[[3]]") == (
        "a = x[0]\nb = x[:, 1]\nd = x[1:5, :, 0]\ne = x[2]"
    )
    assert body("k <- 2\nv[k + 1]\nv[(k + 1):10]") == "k = 2\nprint_(v[k])\nprint_(v[k:10])"


def test_negative_indices_drop(body, run):
    python = body("a <- x[-1]\nb <- m[-2, ]")
    assert python.startswith("a = x[1:]\n") and python.endswith("\nb = drop(np.delete(m, 1, axis=0))")
    assert body("k <- m[-2, , drop = FALSE]") == "k = np.delete(m, 1, axis=0)"
    # R: matrix(1:6, nrow = 2)[, -c(1, 3)] is 3 4 and matrix(1:6, nrow = 2)[-1, ] is 2 4 6: drop = TRUE
    # leaves vectors
    namespace = run("m <- matrix(1:6, nrow = 2)\nr <- m[, -c(1, 3)]\nrow <- m[-1, ]\nk <- m[-1, , drop = FALSE]")
    assert namespace["r"].tolist() == [3, 4] and namespace["row"].tolist() == [2, 4, 6]
    assert namespace["k"].shape == (1, 3)


def test_logical_masks_are_not_shifted(body):
    assert body("y <- v[v > 2 & v < 5]") == "y = v[(v > 2) & (v < 5)]"
    assert body("keep <- v > 2\ny <- v[keep]") == "keep = v > 2\ny = v[keep]"


def test_an_index_of_unknown_kind_is_shifted_with_a_note():
    result = translate("f <- function(x, idx) x[idx]")
    assert "return x[idx - 1]" in result.python
    assert result.notes[0].reason == "`idx` is taken as a 1-based position and shifted by one"


def test_drop_false_keeps_the_dimension(body):
    assert body("y <- x[1, , drop = FALSE]") == "y = x[0:1]"


def test_index_zero_is_kept_for_a_person():
    assert translate("y <- x[0]").notes[0].reason == "index 0 (R selects nothing)"


def test_an_element_of_a_shape_and_newaxis_are_not_positions(body):
    assert body("y <- array_reshape(x, c(dim(x)[1], 2, 2))\n") == "y = np.reshape(x, (x.shape[0], 2, 2))"
    assert body("y <- x[, newaxis]\n") == "y = x[:, newaxis]"
