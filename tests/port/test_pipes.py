"""kerasfn.port.pipes: ``|>`` and magrittr's ``%>%`` as kerasfn's ``|`` or a call: into layer
variables and other functions, magrittr's ``.`` and blocks, ``%<>%``, the piped value converted as R keras3
converts a first argument, and argument layers built before the upstream as R evaluates them.

Expected Python follows the README's porting rules; a value checked is what R with R keras3 printed for the R code,
quoted beside the assertion."""

from __future__ import annotations

import numpy as np
import pytest

from kerasfn.port import translate


def test_native_and_magrittr_pipes_into_kerasfn_functions_become_the_pipe_operator(body):
    assert body("y <- x |> layer_dense(4) |> layer_dropout(0.5)") == "y = x | layer_dense(4) | layer_dropout(0.5)"
    assert body("y <- x %>% layer_dense(units = 4)") == "y = x | layer_dense(units=4)"
    assert body("model |> compile(loss = 'mse')") == 'model | compile(loss="mse")'


def test_a_pipe_into_a_layer_variable_composes_it(body):
    assert body("lstm <- layer_lstm(4)\ny <- x |> lstm()\nz <- x |> lstm(initial_state = s)") == (
        "lstm = layer_lstm(4)\ny = x | lstm\nz = lstm(x, initial_state=s)"
    )


def test_pipes_into_other_functions_become_calls(body):
    assert body("f <- function(a, b) a + b\ny <- 1 |> f(2)") == "def f(a, b):\n    return a + b\n\n\ny = f(1, 2)"
    assert body("y <- x %>% sqrt") == "y = np.sqrt(x)"


def test_magrittr_dot_places_the_value(body):
    assert body("y <- x %>% head(., 2)") == "y = x[:2]"
    assert body("y <- 'b' %>% paste0('a', .)") == 'y = "a" + "b"'


def test_magrittr_dot_nested_is_kept_for_a_person():
    result = translate("y <- x %>% f(g(.))")
    assert result.notes[0].reason.startswith("magrittr's `.` inside a nested call")


def test_magrittr_assignment_pipe_brace_steps_and_empty_arguments(body, run):
    assert body("x %<>% op_add(1)\n") == "x = op_add(x, 1.0)"  # R passes its double 1 to Python as 1.0
    assert run("x <- 2\nz <- x %>% { . + 1 }\n")["z"] == 3
    assert body("s <- op_subset(x, , 2)\n") == "s = x[:, 1]"  # R: op_subset(x, , 2) is x[, 2]


def test_a_magrittr_block_of_statements_is_a_function_of_the_dot(run):
    source = "library(magrittr)\nx <- c(1, 2, 3)\nz <- x %>% {\n  a <- . * 2\n  a + 1\n}\n"
    assert "def piped_block(dot):\n    a = dot * 2\n    return a + 1\n\n\nz = piped_block(x)" in translate(source).python
    assert run(source)["z"].tolist() == [3, 5, 7]  # R: print(z) is [1] 3 5 7


def test_piped_values_and_r_vectors_reach_keras_as_r_keras3_passes_them(body, run):
    source = ("library(keras3)\ninput_shape <- c(2, 3, 2)\na <- op_arange(prod(input_shape))\n"
              "r <- seq_len(6) %>% op_reshape(c(2, 3))\nlabels <- c(1L, 3L)\no <- labels |> op_one_hot(3)\n"
              "x <- c(-10, -5, 0, 5, 10)\nrelu <- activation_relu(x)\n")
    python = body(source)
    assert "op_arange(float(np.prod(input_shape)))" in python  # R's prod() is a double
    assert "op_one_hot(as_py_index(labels), 3)" in python  # the piped x is shifted too
    assert "activation_relu(r_to_py(x))" in python  # an R vector reaches Python as a list
    namespace = run(source)
    # R keras3 printed: op_arange 1..12 float32; the reshape int32; one-hot rows 1 0 0 / 0 0 1; relu float32
    assert namespace["a"].dtype.name == "float32" and namespace["r"].dtype.name == "int32"
    assert np.asarray(namespace["o"]).tolist() == [[1, 0, 0], [0, 0, 1]]
    assert namespace["relu"].dtype.name == "float32"


def test_argument_layers_are_built_before_the_piped_upstream_as_r_evaluates_them(body):
    python = body("library(keras3)\ninputs <- keras_input(c(5))\n"
                  "x <- inputs |> layer_embedding(10, 4) |> layer_bidirectional(layer_lstm(units = 8))\n"
                  "y <- inputs |> layer_bidirectional(layer_lstm(units = 8))\n")
    assert python == ("inputs = keras_input((5,))\nlstm = layer_lstm(units=8)\n"
                      "x = inputs | layer_embedding(10, 4) | layer_bidirectional(lstm)\n"
                      "y = inputs | layer_bidirectional(layer_lstm(units=8))")


@pytest.mark.skipif(__import__("keras").backend.backend() != "tensorflow",
                    reason="the number is R keras3's on the TensorFlow backend")
def test_seeded_weights_match_r_when_argument_layers_are_built_first(printed):
    # R keras3 printed -0.072168 for this script (shared/rkeras/run.sh); left to right, Python draws -0.258523
    r_source = ("library(keras3)\nset_random_seed(1)\ninputs <- keras_input(c(5))\n"
                "outputs <- inputs |> layer_embedding(10, 4) |> layer_bidirectional(layer_lstm(units = 2))\n"
                "model <- keras_model(inputs, outputs)\nw <- get_weights(model)\n"
                "cat(sprintf('%.6f', sum(w[[1]])), '\\n')\n")
    assert printed(r_source) == "-0.072168 \n"
