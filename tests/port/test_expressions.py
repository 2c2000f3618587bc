"""kerasfn.port.expressions: R expressions as Python expressions: literals, ``$`` as a key or an
attribute (models, histories, named lists the script built, datasets), operators as functions.

Expected Python follows the README's porting rules; a value checked is what R with R keras3 printed for the R code,
quoted beside the assertion."""

from __future__ import annotations

import numpy as np

from kerasfn.port import translate


def test_literals(body):
    assert body("x <- list(1L, 1e-3, 1e3, 2.5, TRUE, FALSE, NULL, NA, 'a', \"b\")") == (
        "x = [1, 1e-3, 1000, 2.5, True, False, None, None, \"a\", \"b\"]"
    )
    assert body("y <- -Inf") == "y = -np.inf"


def test_named_list_is_a_dict_and_dollar_a_key(body):
    assert body("cfg <- list(units = 4, act = 'relu')\ncfg$units") == (
        'cfg = {"units": 4, "act": "relu"}\nprint_(cfg["units"])'
    )


def test_dollar_on_models_and_history(body):
    r = "history <- model |> fit(x, y)\nhistory$metrics$loss\nmodel$layers[[1]]$name\nhistory$params$epochs\n"
    assert body(r) == (
        "history = model | fit(x, y)\nprint_(history.history[\"loss\"])\nprint_(model.layers[0].name)\n"
        "print_(history.params[\"epochs\"])"
    )


def test_evaluate_gives_a_dict(body):
    assert body("scores <- model |> evaluate(x, y)\nscores$accuracy") == (
        'scores = model | evaluate(x, y)\nprint_(scores["accuracy"])'
    )


def test_dataset_lists_nest(body):
    assert body("mnist <- dataset_mnist()\nx <- mnist$train$x") == 'mnist = dataset_mnist()\nx = mnist["train"]["x"]'


def test_dollar_reads_nested_named_lists_the_script_built(body, run):
    source = "m <- list(train = list(x = 1:3, y = 4))\ns <- sum(m$train$x)\nm$train$y <- 5\n"
    assert 'm["train"]["x"]' in body(source) and 'm["train"]["y"] = 5' in body(source)
    assert run(source)["s"] == 6  # R: print(sum(m$train$x)) -> [1] 6


def test_r_operators_as_functions_and_character_vectors(run):
    assert "operator.add" in translate("r <- Reduce(`+`, l)\n").python or not catalog_has("Reduce")
    assert run("x <- character(2)\n")["x"] == ["", ""]  # R: character(2) is c("", "")


def catalog_has(name: str) -> bool:
    from kerasfn.port import catalog

    return catalog.base_r_name(name, catalog.base_r_names()) is not None


def test_r_imaginary_literals_are_python_complex_numbers(body, run):
    source = "library(keras3)\nz <- c(1 + 3i, 2 - 5i)\na <- op_angle(op_convert_to_tensor(matrix(c(1 + 3i, 2 - 5i), 1)))\n"
    assert body(source).startswith("z = [1 + 3j, 2 - 5j]")
    # R keras3: op_angle of 1+3i and 2-5i is 1.2490457 -1.19029
    np.testing.assert_allclose(np.asarray(run(source)["a"]).ravel(), [1.2490457, -1.19029], rtol=1e-6)
