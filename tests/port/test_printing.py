"""kerasfn.port.printing: what a translated script prints is what R prints, for R's top-level values
(auto-printing, which R skips for invisible values and a model prints as its summary), ``print()`` and
``str()``.

Each expected output is what R 4.2.2 with R keras3 printed running the R code of the test (TensorFlow
backend)."""

from __future__ import annotations

import builtins
import contextlib
import io

import keras
import pytest

from kerasfn.port import translate


def printed_with_keras3(r_source: str) -> str:
    """What the translation of ``library(keras3)`` and ``r_source`` prints when run."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(builtins.compile(translate("library(keras3)\n" + r_source).python, "<port>", "exec"), {})
    return output.getvalue()


def test_top_level_values_and_print_use_r_s_print_from_the_runtime():
    python = translate("library(keras3)\nx <- c(1, 2)\nx\nprint(x, digits = 3)\nstr(x)\n").python
    assert "from kerasfn.base_r import print_, str_\n" in python
    assert python.endswith("print_(x)\nprint_(x, digits=3)\nstr_(x)\n")


def test_a_numeric_vector_and_a_named_list_print_as_in_r():
    assert printed_with_keras3("x <- c(-5, -2.5, 0, 5, 10)\nx\n") == "[1] -5.0 -2.5  0.0  5.0 10.0\n"
    assert printed_with_keras3("scores <- list(accuracy = 0.1, loss = 2.303996)\nscores\n") == (
        "$accuracy\n[1] 0.1\n\n$loss\n[1] 2.303996\n\n")
    assert printed_with_keras3("print(pi, digits = 3)\n") == "[1] 3.14\n"


@pytest.mark.skipif(keras.backend.backend() != "tensorflow", reason="R printed TensorFlow tensors")
def test_keras_values_print_as_in_r():
    assert printed_with_keras3("config_floatx()\n") == '[1] "float32"\n'
    assert printed_with_keras3("op_zeros(2) |> print()\n") == "tf.Tensor([0. 0.], shape=(2), dtype=float32)\n"
    assert printed_with_keras3("op_ones(c(2, 2))\n") == "tf.Tensor(\n[[1. 1.]\n [1. 1.]], shape=(2, 2), dtype=float32)\n"
    assert printed_with_keras3("dim(op_zeros(c(2, 3)))\n") == "[1] 2 3\n"
    assert printed_with_keras3('layers <- list(layer_dense(units = 2, name = "dense"))\nlayers\n') == (
        "[[1]]\n<Dense name=dense, built=False>\n signature: (*args, **kwargs)\n\n")


def test_str_prints_r_s_structure():
    assert printed_with_keras3('str(list(units = 64L, name = "dense"))\n') == (
        'List of 2\n $ units: int 64\n $ name : chr "dense"\n')
    assert printed_with_keras3('str(list(x = (1:10)/7, n = 64L, name = "dense"))\n') == (
        'List of 3\n $ x   : num [1:10] 0.143 0.286 0.429 0.571 0.714 ...\n $ n   : int 64\n $ name: chr "dense"\n')


def test_a_python_method_returning_none_prints_nothing_and_r_s_null_prints_null():
    # reticulate returns Python's None as an invisible NULL; an attribute that is None is a visible NULL
    r_source = ("m <- metric_mean()\nm$update_state(c(1, 3))\nl <- layer_dense(units = 2)\n"
                "l$activity_regularizer\ncat(\"end\\n\")\n")
    assert printed_with_keras3(r_source) == "NULL\nend\n"
    assert "print_(m.update_state(" in translate(r_source).python


def test_keras3_s_named_list_names_its_elements_and_negative_integers_stay_integers():
    r_source = ("x_train <- matrix(sin(seq_len(20 * 50) / 7), 20, 50)\n"
                "y_train <- matrix(rep(c(-1L, 1L), 10), 20, 1)\n"
                "str(keras3:::named_list(x_train, y_train))\nstr(c(-1L, 1L))\n")
    assert printed_with_keras3(r_source) == (
        "List of 2\n $ x_train: num [1:20, 1:50] 0.142 0.282 0.416 0.541 0.655 ...\n"
        " $ y_train: int [1:20, 1] -1 1 -1 1 -1 1 -1 1 -1 1 ...\n int [1:2] -1 1\n")


def test_top_level_values_print_and_invisible_calls_do_not(body):
    assert body("x <- 1\nx\nx + 1\nprint(x)\nmodel |> fit(a, b)\nplot(h)\ninvisible(x)") == (
        "x = 1\nprint_(x)\nprint_(x + 1)\nprint_(x)\nmodel | fit(a, b)\nplot(h)\nx"
    )


def test_a_model_value_prints_its_summary(body):
    assert body("model <- keras_model_sequential()\nmodel\nprint(model)") == (
        "model = keras_model_sequential()\nsummary(model)\nsummary(model)"
    )


def test_r_s_invisible_values_do_not_print(body):
    # R prints nothing for `layer |> adapt(d)` (adapt() returns invisible(object)) nor for a layer added
    # to a Sequential model (layer_*() returns invisible(model) then)
    python = body("library(keras3)\nmodel <- keras_model_sequential(input_shape = 3)\nmodel |> layer_dense(1)\n"
                  "norm <- layer_normalization()\nnorm |> adapt(d)\n")
    assert "print(" not in python and "summary(" not in python


def test_a_loop_over_names_indexes_by_name_and_an_invisible_function_value_does_not_print(printed):
    # R printed "lr 0.1 " and "epochs 2 " and nothing for f()'s invisible NULL; g(1) prints [1] 2
    r_source = ("f <- function(config) {\n  for (name in names(config)) cat(name, config[[name]], '\\n')\n}\n"
                "f(list(lr = 0.1, epochs = 2L))\ng <- function(x) x + 1\ng(1)\n")
    assert printed(r_source) == "lr 0.1 \nepochs 2 \n[1] 2\n"


def test_a_parenthesized_assignment_prints_and_tensorflow_s_tf_function(body, printed):
    # R: (x <- 2) assigns and prints [1] 2
    assert printed("(x <- 2)\n") == "[1] 2\n"
    assert body("fn <- tensorflow::tf_function(function(x) x + 1)\n") == "fn = tf.function(lambda x: x + 1)"
