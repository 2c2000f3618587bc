"""kerasfn.port.rbase.apply: an R function passed by name to ``sapply()``."""

from __future__ import annotations


def test_r_functions_passed_by_name(body):
    assert body("n <- sapply(texts, length)") == "n = np.array([len(item) for item in texts])"
