"""kerasfn.port.calls: calls to R keras3's functions, to kerasfn.base_r's (R's semantics and R's random
numbers) and to unknown functions; positions R keras3 takes and returns counting from 1; arguments bound
as R binds them.

Expected Python follows the README's porting rules; a value checked is what R with R keras3 printed for the R code,
quoted beside the assertion."""

from __future__ import annotations

import numpy as np

from kerasfn.port import translate


def test_a_function_neither_r_keras3_nor_the_scripts_is_kept_with_a_note():
    result = translate("fit_lm <- glm(y, x)\nz <- as.data.frame(m)\nw <- read.csv('f.csv')")
    assert "fit_lm = glm(y, x)" in result.python
    assert [(note.line, note.reason, note.kept) for note in result.notes] == [
        (1, "`glm()` is neither R keras3's nor defined in this script: kept as it is", False),
        (2, "`as.data.frame()` runs kerasfn.base_r's `as_data_frame()`, R's semantics (no exact Python spelling "
            "here)", False),
        (3, "R's `read.csv()` has no translation here: port it by hand", True),
    ]


def test_sample_runif_and_set_seed_run_the_runtime_and_draw_rs_numbers(body, run):
    assert body("set.seed(1)\ns <- sample(1:9, 3)").splitlines()[-1] == "s = sample(np.arange(1, 10), 3)"
    # R: set.seed(1); x <- runif(5, min = -1, max = 1); s <- sample(1:9, 3); p <- sample(10)
    namespace = run("set.seed(1)\nx <- runif(5, min = -1, max = 1)\ns <- sample(1:9, 3)\np <- sample(10)")
    assert namespace["x"].round(8).tolist() == [-0.46898267, -0.2557522, 0.14570673, 0.81641558, -0.59663614]
    assert namespace["s"].tolist() == [7, 3, 6]
    assert namespace["p"].tolist() == [2, 3, 1, 5, 7, 10, 6, 4, 9, 8]
    # R keras3's set_random_seed() calls set.seed() too (R: -1 1 -1 -1 1 -1, then 3 2 4 1 5)
    namespace = run("library(keras3)\nset_random_seed(1)\ny <- sample(c(-1,1), 6, replace = TRUE)\n"
                    "z <- sample.int(5)")
    assert namespace["y"].tolist() == [-1, 1, -1, -1, 1, -1]
    assert namespace["z"].tolist() == [3, 2, 4, 1, 5]


def test_base_r_without_a_python_spelling_runs_kerasfn_base_r(monkeypatch):
    from kerasfn.port import catalog

    monkeypatch.setattr(catalog, "base_r_names", lambda: frozenset({"rbind", "cat", "data_frame", "class_"}))
    result = translate("x <- rbind(a, b)\ncat(dim(x), '\\n')\nd <- data.frame(a = 1)\nk <- class(x)\n")
    assert result.python.splitlines()[0] == "from kerasfn.base_r import cat, class_, data_frame, rbind"
    assert "x = rbind(a, b)\n" in result.python and 'cat(x.shape, "\\n")' in result.python
    assert "d = data_frame(a=1)" in result.python and "k = class_(x)" in result.python
    assert [note.line for note in result.notes] == [1, 2, 3, 4]
    assert all("kerasfn.base_r" in note.reason for note in result.notes)
    # a statement kept as R imports nothing
    assert "base_r" not in translate("x <- rbind(a, b) ~ 1\n").python


def test_positions_r_keras3_returns_count_from_one(body, run):
    assert body("i <- op_argmax(c(1, 5, 2))") == "i = op_argmax(np.array([1.0, 5.0, 2.0])) + 1"
    assert body("i <- op_argmax(x, zero_indexed = TRUE)") == "i = op_argmax(x, zero_indexed=True)"
    assert body("i <- op_argsort(x) - 1") == "i = op_argsort(x)"
    namespace = run("library(keras3)\ni <- op_argmax(c(1, 5, 2))\nd <- op_digitize(c(0.5, 2.5), c(1, 2, 3))\n")
    assert int(namespace["i"]) == 2  # R: tf.Tensor(2, shape=(), dtype=int32)
    assert np.asarray(namespace["d"]).tolist() == [1, 3]  # R: tf.Tensor([1 3], shape=(2), dtype=int32)


def test_top_k_indices_count_from_one(body, run):
    source = "library(keras3)\nx <- op_array(c(5, 2, 7, 1, 9, 3), 'int32')\ntop <- op_top_k(x, k = 3)\n"
    namespace = run(source)
    # R keras3: $values tf.Tensor([9 7 5]), $indices tf.Tensor([5 3 1], dtype=int32)
    assert np.asarray(namespace["top"].values).tolist() == [9, 7, 5]
    assert np.asarray(namespace["top"].indices).tolist() == [5, 3, 1]
    assert body("top <- op_top_k(x, 3, zero_indexed = TRUE)") == "top = op_top_k(x, 3, zero_indexed=True)"


def test_a_positional_argument_after_a_named_one_binds_as_r_binds_it(body, run):
    source = "library(keras3)\np <- op_array(dtype = 'float32', rbind(c(0.1, 0.4), c(0.7, 0.2)))\n"
    assert body(source).endswith('p = op_array(dtype="float32", x=rbind(np.array([0.1, 0.4]), np.array([0.7, 0.2])))')
    assert run(source)["p"].dtype.name == "float32"  # R: shape=(2, 2), dtype=float32


def test_layer_positions_of_freeze_weights_shift(body):
    assert body("freeze_weights(m, from = 1, to = 'dense')") == 'freeze_weights(m, from_=0, to="dense")'


def test_freeze_weights_to_a_negative_position_counts_from_the_end(body, run):
    source = ("library(keras3)\nmodel <- keras_model_sequential(input_shape = 3) |> layer_dense(2) |> layer_dense(2) |>\n"
              "  layer_dense(1)\nmodel |> freeze_weights(from = 1, to = -2)\n")
    assert "freeze_weights(from_=0, to=-2)" in body(source)
    # R: sapply(model$layers, \(l) l$trainable) after freeze_weights(from = 1, to = -2) is FALSE FALSE TRUE
    assert [layer.trainable for layer in run(source)["model"].layers] == [False, False, True]
