"""kerasfn.base_r._values: how R values are held in Python: named vectors that behave as R's and as
Python's, tensors and shapes read as R reads them."""

from __future__ import annotations

import contextlib
import io

import numpy as np

from kerasfn.base_r import (
    cat,
    class_,
    dim,
    inherits,
    length,
    paste,
    unlist,
)


def test_named_vectors_behave_like_r_and_python():
    scores = unlist({"loss": 0.25, "mae": 0.5})
    assert scores["mae"] == 0.5 and list(scores) == [0.25, 0.5] and scores.keys() == ["loss", "mae"]
    assert str(scores * 2) == "loss  mae \n 0.5  1.0 "  # R: unlist(list(loss = 0.25, mae = 0.5)) * 2
    assert float(np.mean(scores)) == 0.375


def test_tensors_and_shapes_are_read_as_r_reads_them():
    import keras

    x = keras.ops.ones((2, 3))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cat(dim(x), "\n")  # R keras3: cat(dim(op_ones(c(2, 3))), "\n") prints "2 3 "
        cat(keras.ops.convert_to_tensor(np.array([0.5, 0.25])), "\n")  # R: cat(as.array(...)) "0.5 0.25 "
    assert out.getvalue() == "2 3 \n0.5 0.25 \n"
    assert paste(keras.ops.convert_to_tensor(3.0)) == "3"  # R keras3: paste(op_convert_to_tensor(3)) "3"
    assert length(x) == 6  # R keras3: length(op_ones(c(2, 3))) 6
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    # R keras3: class(model)[2] "keras.src.models.model.Model"; inherits(model, "keras.src.models.model.Model")
    assert "keras.src.models.model.Model" in list(class_(model))
    assert inherits(model, "keras.src.models.model.Model") and inherits(model, "Model")
