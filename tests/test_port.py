"""Issue 13: ``kerasfn.port`` translates R keras3 scripts construct by construct.

Expected Python is written from the README's porting rules; where a value is
checked, it is the value R prints for the R code (run with R 4 and R keras3:
``shared/rkeras/run.sh``), quoted next to the assertion.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import io
import subprocess
import sys
from pathlib import Path

import black
import numpy as np
import pytest

from kerasfn.port import translate
from kerasfn.port.__main__ import main


def body(r_source: str) -> str:
    """The translation without its import lines."""
    lines = translate(r_source).python.splitlines()
    while lines and (lines[0].startswith(("import ", "from ", "os.environ")) or not lines[0].strip()):
        lines.pop(0)
    return "\n".join(lines)


def run(r_source: str) -> dict:
    """Execute the translation; its namespace."""
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(builtins.compile(translate(r_source).python, "<port>", "exec"), namespace)
    return namespace


def printed(r_source: str) -> str:
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(builtins.compile(translate(r_source).python, "<port>", "exec"), {})
    return output.getvalue()


# ---- library(), set-up ---------------------------------------------------------------------------------


def test_library_keras3_becomes_the_star_import_and_numpy_comes_when_used():
    assert translate("library(keras3)\nx <- c(1, 2)\n").python == (
        "import numpy as np\nfrom kerasfn import *\n\nx = np.array([1.0, 2.0])\n"
    )
    assert translate("library(keras)\n").python == "from kerasfn import *\n"


def test_use_backend_sets_the_environment_before_the_import_and_says_why():
    result = translate('library(keras3)\nuse_backend("jax")\n')
    assert result.python.startswith('import os\n\nos.environ["KERAS_BACKEND"] = "jax"\nfrom kerasfn import *\n')
    assert [(note.line, note.kept) for note in result.notes] == [(2, False)]


def test_reticulate_set_up_is_dropped_with_a_note():
    result = translate('library(keras3)\nreticulate::use_virtualenv("r-keras")\ninstall_keras()\n')
    assert [note.line for note in result.notes] == [2, 3]
    assert "use_virtualenv" not in result.python.replace("# port: `use_virtualenv()`", "")


def test_an_unknown_package_is_kept_as_r():
    result = translate("library(tfdatasets)\n")
    assert result.notes[0].reason == "R package `tfdatasets` has no Python counterpart here"
    assert "# R: library(tfdatasets)" in result.python


# ---- assignment, pipes, destructuring ----------------------------------------------------------------


def test_the_three_assignments_and_a_chain():
    assert body("x <- 1\ny = 2\n3 -> z\na <- b <- 0\n") == "x = 1\ny = 2\nz = 3\na = b = 0"


def test_native_and_magrittr_pipes_into_kerasfn_functions_become_the_pipe_operator():
    assert body("y <- x |> layer_dense(4) |> layer_dropout(0.5)") == "y = x | layer_dense(4) | layer_dropout(0.5)"
    assert body("y <- x %>% layer_dense(units = 4)") == "y = x | layer_dense(units=4)"
    assert body("model |> compile(loss = 'mse')") == 'model | compile(loss="mse")'


def test_a_pipe_into_a_layer_variable_composes_it():
    assert body("lstm <- layer_lstm(4)\ny <- x |> lstm()\nz <- x |> lstm(initial_state = s)") == (
        "lstm = layer_lstm(4)\ny = x | lstm\nz = lstm(x, initial_state=s)"
    )


def test_pipes_into_other_functions_become_calls():
    assert body("f <- function(a, b) a + b\ny <- 1 |> f(2)") == "def f(a, b):\n    return a + b\n\n\ny = f(1, 2)"
    assert body("y <- x %>% sqrt") == "y = np.sqrt(x)"


def test_magrittr_dot_places_the_value():
    assert body("y <- x %>% head(., 2)") == "y = x[:2]"
    assert body("y <- 'b' %>% paste0('a', .)") == 'y = "a" + "b"'


def test_magrittr_dot_nested_is_kept_for_a_person():
    result = translate("y <- x %>% f(g(.))")
    assert result.notes[0].reason.startswith("magrittr's `.` inside a nested call")


def test_zeallot_destructuring_with_nesting_and_a_collector():
    assert body("c(a, b) %<-% op_unstack(x)") == "a, b = op_unstack(x)"
    assert body("c(a, c(b, d)) %<-% op_unstack(x)") == "a, (b, d) = op_unstack(x)"
    assert body("lstm <- layer_lstm(4, return_state = TRUE)\nc(out, ...states) %<-% lstm(x)") == (
        "lstm = layer_lstm(4, return_state=True)\nout, *states = lstm(x)"
    )


def test_destructuring_a_named_list_takes_its_values():
    assert run("r <- list(a = 1, b = 2)\nc(x, y) %<-% r\n")["y"] == 2


# ---- functions and control flow -----------------------------------------------------------------------


def test_function_with_implicit_return_and_defaults():
    assert body("f <- function(x, n = 2) {\n  y <- x * n\n  y + 1\n}") == (
        "def f(x, n=2):\n    y = x * n\n    return y + 1"
    )


def test_return_and_if_else_branches():
    r = "f <- function(x) {\n  if (x > 0) {\n    return('pos')\n  } else if (x < 0) 'neg' else 'zero'\n}"
    assert body(r) == (
        "def f(x):\n    if x > 0:\n        return \"pos\"\n    elif x < 0:\n        return \"neg\"\n"
        "    else:\n        return \"zero\""
    )
    f = run(r)["f"]
    assert (f(3), f(-1), f(0)) == ("pos", "neg", "zero")


def test_lambdas_and_function_literals_as_arguments():
    assert body("g <- sapply(x, \\(v) v * 2)") == "g = np.array([v * 2 for v in x])"
    assert body("h <- lapply(x, function(v) {\n  w <- v + 1\n  w * 2\n})") == (
        "def fn(v):\n    w = v + 1\n    return w * 2\n\n\nh = [fn(item) for item in x]"
    )


def test_for_over_one_to_n_and_seq_len_iterate_r_values():
    assert body("for (i in 1:n) print(i)") == "for i in range(1, n + 1):\n    print_(i)"
    assert body("for (i in seq_len(n)) x[i] <- i") == "for i in range(1, n + 1):\n    x[i - 1] = i"
    assert body("for (i in seq_along(v)) NULL") == "for i in range(1, len(v) + 1):\n    None"


def test_while_repeat_break_next():
    r = "i <- 0\nrepeat {\n  i <- i + 1\n  if (i == 2) next\n  if (i > 3) break\n}\nwhile (i > 0) i <- i - 1\n"
    assert body(r) == (
        "i = 0\nwhile True:\n    i = i + 1\n    if i == 2:\n        continue\n    if i > 3:\n        break\n"
        "while i > 0:\n    i = i - 1"
    )
    assert run(r)["i"] == 0


# ---- literals, vectors, lists -------------------------------------------------------------------------


def test_literals():
    assert body("x <- list(1L, 1e-3, 1e3, 2.5, TRUE, FALSE, NULL, NA, 'a', \"b\")") == (
        "x = [1, 1e-3, 1000, 2.5, True, False, None, None, \"a\", \"b\"]"
    )
    assert body("y <- -Inf") == "y = -np.inf"


def test_c_is_a_tuple_in_shapes_an_array_of_numbers_and_a_list_otherwise():
    assert body("i <- keras_input(shape = c(10))") == "i = keras_input(shape=(10,))"
    assert body("i <- keras_input(c(NA, 8))") == "i = keras_input((None, 8))"
    # R: typeof(c(1, 2, 3)) is "double", typeof(c(1L, 2L)) "integer"; op_convert_to_tensor(c(1, 2, 3))$dtype
    # is tf.float64 in R keras3
    assert body("v <- c(1, 2, 3)") == "v = np.array([1.0, 2.0, 3.0])"
    assert body("v <- c(1L, 2L)") == "v = np.array([1, 2])"
    assert body("t <- op_convert_to_tensor(c(1, 2, 3))") == "t = op_convert_to_tensor(np.array([1.0, 2.0, 3.0]))"
    assert str(run("library(keras3)\nt <- op_convert_to_tensor(c(1, 2, 3))\n")["t"].dtype) in ("float64",
                                                                                                "<dtype: 'float64'>")
    assert body("s <- op_ones(c(2, 3))\nu <- layer_dense(units = 4)") == "s = op_ones((2, 3))\nu = layer_dense(units=4)"
    assert run("v <- c(10, 20, 30)\nidx <- c(1, 3)\nw <- v[idx]\n")["w"].tolist() == [10.0, 30.0]
    assert body("m <- c('accuracy', 'mae')") == 'm = ["accuracy", "mae"]'
    assert body("x <- layer_reshape(target_shape = c(4, 2))") == "x = layer_reshape(target_shape=(4, 2))"


def test_c_flattens_lists_as_r_does():
    assert body("states <- list(h, cc)\nboth <- c(outputs, states)") == "states = [h, cc]\nboth = [outputs, *states]"


def test_named_list_is_a_dict_and_dollar_a_key():
    assert body("cfg <- list(units = 4, act = 'relu')\ncfg$units") == (
        'cfg = {"units": 4, "act": "relu"}\nprint_(cfg["units"])'
    )


def test_dollar_on_models_and_history():
    r = "history <- model |> fit(x, y)\nhistory$metrics$loss\nmodel$layers[[1]]$name\nhistory$params$epochs\n"
    assert body(r) == (
        "history = model | fit(x, y)\nprint_(history.history[\"loss\"])\nprint_(model.layers[0].name)\n"
        "print_(history.params[\"epochs\"])"
    )


def test_evaluate_gives_a_dict():
    assert body("scores <- model |> evaluate(x, y)\nscores$accuracy") == (
        'scores = model | evaluate(x, y)\nprint_(scores["accuracy"])'
    )


# ---- indexing ---------------------------------------------------------------------------------------------


def test_one_based_indices_and_ranges_shift():
    assert body("a <- x[1, ]\nb <- x[, 2]\nd <- x[2:5, , 1]\ne <- x[[3]]") == (
        "a = x[0]\nb = x[:, 1]\nd = x[1:5, :, 0]\ne = x[2]"
    )
    assert body("k <- 2\nv[k + 1]\nv[(k + 1):10]") == "k = 2\nprint_(v[k])\nprint_(v[k:10])"


def test_negative_indices_drop():
    python = body("a <- x[-1]\nb <- m[-2, ]")
    assert python.startswith("a = x[1:]\n") and python.endswith("\nb = drop(np.delete(m, 1, axis=0))")
    assert body("k <- m[-2, , drop = FALSE]") == "k = np.delete(m, 1, axis=0)"
    # R: matrix(1:6, nrow = 2)[, -c(1, 3)] is 3 4 and matrix(1:6, nrow = 2)[-1, ] is 2 4 6: drop = TRUE
    # leaves vectors
    namespace = run("m <- matrix(1:6, nrow = 2)\nr <- m[, -c(1, 3)]\nrow <- m[-1, ]\nk <- m[-1, , drop = FALSE]")
    assert namespace["r"].tolist() == [3, 4] and namespace["row"].tolist() == [2, 4, 6]
    assert namespace["k"].shape == (1, 3)


def test_logical_masks_are_not_shifted():
    assert body("y <- v[v > 2 & v < 5]") == "y = v[(v > 2) & (v < 5)]"
    assert body("keep <- v > 2\ny <- v[keep]") == "keep = v > 2\ny = v[keep]"


def test_an_index_of_unknown_kind_is_shifted_with_a_note():
    result = translate("f <- function(x, idx) x[idx]")
    assert "return x[idx - 1]" in result.python
    assert result.notes[0].reason == "`idx` is taken as a 1-based position and shifted by one"


def test_drop_false_keeps_the_dimension():
    assert body("y <- x[1, , drop = FALSE]") == "y = x[0:1]"


def test_index_zero_is_kept_for_a_person():
    assert translate("y <- x[0]").notes[0].reason == "index 0 (R selects nothing)"


# ---- R helpers -----------------------------------------------------------------------------------------


def test_array_and_matrix_fill_column_major_as_r():
    ns = run("a <- array(1:24, dim = c(2, 3, 4))\nb <- a[2, 1, 3]\nm <- matrix(1:6, nrow = 2)\n"
             "r <- matrix(1:6, ncol = 3, byrow = TRUE)\nz <- array(0, dim = c(2, 2))")
    assert ns["b"] == 14  # R: array(1:24, dim = c(2, 3, 4))[2, 1, 3] is 14
    assert ns["m"].tolist() == [[1, 3, 5], [2, 4, 6]]  # R prints rows 1 3 5 / 2 4 6
    assert ns["r"].tolist() == [[1, 2, 3], [4, 5, 6]]
    assert ns["z"].dtype == np.float64  # R's 0 is a double


def test_array_reshape_fills_row_major_as_reticulate():
    # reticulate: array_reshape(1:6, c(2, 3)) is rows 1 2 3 / 4 5 6
    assert run("a <- array_reshape(1:6, c(2, 3))")["a"].tolist() == [[1, 2, 3], [4, 5, 6]]


def test_which_max_stays_one_based_and_minus_one_folds():
    assert body("i <- which.max(p)\nj <- which.max(p) - 1") == "i = np.argmax(p) + 1\nj = np.argmax(p)"
    assert body("k <- apply(p, 1, which.max) - 1") == "k = np.argmax(p, axis=1)"
    assert run("w <- which(c(5, 7, 9) > 6)")["w"].tolist() == [2, 3]  # R: which(c(5, 7, 9) > 6) is 2 3


def test_sample_runif_and_set_seed_run_the_runtime_and_draw_rs_numbers():
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


def test_glue_templates_are_translated_and_run_as_in_r():
    source = (
        'x <- c(1, 2.5)\nn <- 3L\ncat(glue::glue("a {x} b {{lit}} {n + 1}"), "\\n")\n'
        'show <- function(msg) cat(glue::glue(msg, .envir = parent.frame()), "end\\n")\n'
        'f <- function(epoch) show("Start epoch {epoch} of training")\nf(2)\n'
    )
    assert 'cat(paste0("a ", x, " b {lit} ", n + 1), "\\n")' in body(source)
    assert "cat(glue(msg, parent_frame())" in body(source)
    assert body('library(glue)\nn <- 1\ny <- glue("n={n}")').splitlines()[-1] == 'y = paste0("n=", n)'
    # R prints: a 1 b {lit} 4 a 2.5 b {lit} 4 / Start epoch 2 of training end
    assert printed(source) == "a 1 b {lit} 4 a 2.5 b {lit} 4 \nStart epoch 2 of training end\n"


def test_glue_template_code_is_only_the_braces_r_expressions():
    assert body('y <- glue::glue("{x +}")').splitlines() == [
        "# port: `{x +}` in a `glue()` template is not one R expression", '# R: y <- glue::glue("{x +}")']
    assert body('y <- glue::glue("{{x}} and \\"{x}\\"")').splitlines()[-1] == "y = paste0('{x} and \"', x, '\"')"


def test_rnorm_is_numpys():
    assert body("y <- rnorm(3, sd = 2)") == "y = np.random.normal(0, 2, size=3)"


def test_seq_rep_and_summaries_match_r():
    ns = run("a <- seq(2, 10, by = 2)\nb <- rep(1:2, times = 3)\nd <- rep(c(1, 2), each = 2)\n"
             "e <- seq(0, 1, length.out = 5)\nf <- round(mean(c(1, 2, 4)), 2)\ng <- sd(c(1, 2, 3, 4))")
    assert ns["a"].tolist() == [2, 4, 6, 8, 10]  # R: 2 4 6 8 10
    assert ns["b"].tolist() == [1, 2, 1, 2, 1, 2]  # R: 1 2 1 2 1 2
    assert ns["d"].tolist() == [1, 1, 2, 2]  # R: 1 1 2 2
    assert ns["e"].tolist() == [0, 0.25, 0.5, 0.75, 1]  # R: 0.00 0.25 0.50 0.75 1.00
    assert ns["f"] == 2.33  # R: 2.33
    assert round(float(ns["g"]), 6) == 1.290994  # R: sd(c(1, 2, 3, 4)) is 1.290994


def test_strings_and_printing_match_r():
    out = printed('cat("epoch", 3, "\\n")\ncat(sprintf("loss: %.3f\\n", 0.12345))\n'
                  'print(paste("a", "b", sep = "-"))\nprint(paste0("x", 1))\n'
                  'cat(paste(c("a", "b"), collapse = ", "), "\\n")')
    # R prints: "epoch 3 \n", "loss: 0.123\n", [1] "a-b", [1] "x1", "a, b \n"
    assert out == 'epoch 3 \nloss: 0.123\n[1] "a-b"\n[1] "x1"\na, b \n'


def test_paste_of_a_value_of_unknown_length_is_noted():
    result = translate("for (i in 1:3) cat(paste0('layer_', i), '\\n')\nlabel <- paste('id', ids)")
    assert 'cat("layer_" + str(i), "\\n")' in result.python  # kerasfn.base_r's cat(): R's formatting
    assert [(note.line, note.reason) for note in result.notes] == [
        (1, "`cat()` runs kerasfn.base_r's `cat()`, R's semantics (no exact Python spelling here)"),
        (2, "`ids` is pasted as one value; R's `paste()` is element-wise over vectors")]


def test_r_functions_passed_by_name():
    assert body("n <- sapply(texts, length)") == "n = np.array([len(item) for item in texts])"


def test_switch_do_call_and_in():
    assert body("act <- switch(kind, small = 'relu', large = 'gelu', 'linear')") == (
        'act = {"small": "relu", "large": "gelu"}.get(kind, "linear")'
    )
    assert body("y <- do.call(layer_dense, list(units = 4))") == "y = layer_dense(units=4)"
    assert body("a <- list(units = 4)\ny <- do.call(layer_dense, a)") == (
        'a = {"units": 4}\ny = layer_dense(**a)'
    )
    assert run("v <- c(1, 5, 7)\nhit <- v %in% c(5, 7)")["hit"].tolist() == [False, True, True]  # R: FALSE TRUE TRUE


def test_dim_nrow_length():
    assert body("x <- matrix(1:6, 2)\ndim(x)\nnrow(x)\nncol(x)\nlength(x)").endswith(
        "print_(x.shape)\nprint_(len(x))\nprint_(x.shape[1])\nprint_(len(x))"
    )
    # a data frame's len() is its number of columns (R's length()): nrow() is the runtime's
    assert body("df <- data.frame(a = 1:3, b = 4:6)\nn <- nrow(df)\n").endswith("n = nrow(df)")
    assert run("df <- data.frame(a = 1:3, b = 4:6)\nn <- nrow(df)\n")["n"] == 3  # R: nrow(df) is 3


def test_dim_assignment_reshapes_column_major():
    ns = run("x <- 1:6\ndim(x) <- c(3, 2)")
    assert ns["x"].tolist() == [[1, 4], [2, 5], [3, 6]]  # R: dim(x) <- c(3, 2) fills columns first


# ---- auto-printing ----------------------------------------------------------------------------------


def test_top_level_values_print_and_invisible_calls_do_not():
    assert body("x <- 1\nx\nx + 1\nprint(x)\nmodel |> fit(a, b)\nplot(h)\ninvisible(x)") == (
        "x = 1\nprint_(x)\nprint_(x + 1)\nprint_(x)\nmodel | fit(a, b)\nplot(h)\nx"
    )


def test_a_model_value_prints_its_summary():
    assert body("model <- keras_model_sequential()\nmodel\nprint(model)") == (
        "model = keras_model_sequential()\nsummary(model)\nsummary(model)"
    )


# ---- custom layers ------------------------------------------------------------------------------------


SCALE = """
library(keras3)
layer_scale <- Layer(
  "Scale",
  initialize = function(factor = 2, ...) {
    super$initialize(...)
    self$factor <- factor
  },
  call = function(inputs) inputs * self$factor
)
out <- random_uniform(c(2, 3)) |> layer_scale(3)
"""


def test_custom_layer_methods_get_self_and_super_initialize_goes():
    python = body(SCALE)
    assert "def scale_initialize(self, factor=2, *args, **kwargs):\n    self.factor = factor" in python
    assert "call=lambda self, inputs: inputs * self.factor" in python
    assert "super" not in python
    assert "out = random_uniform((2, 3)) | layer_scale(3)" in python


def test_custom_layer_translation_runs():
    ns = run(SCALE)
    assert tuple(ns["out"].shape) == (2, 3)
    assert type(ns["layer_scale"]()).__name__ == "Scale"


def test_other_class_constructors_keep_super_initialize():
    result = translate("loss_mse <- Loss('MSE', initialize = function(name = 'mse') {\n"
                       "  super$initialize(name = name)\n  self$k <- 2\n}, call = function(y_true, y_pred) y_true)")
    assert "def mse_initialize(self, name=\"mse\"):\n    super(type(self), self).__init__(name=name)" in result.python
    assert "call=lambda self, y_true, y_pred: y_true" in result.python


def test_callback_methods_get_r_s_one_based_epoch_with_a_note():
    # R keras3 (Callback.R) wraps on_epoch_*/on_*batch_* methods: fit(epochs = 2) prints "begin 1", "begin 2"
    result = translate("cb <- Callback('Printer', on_epoch_end = function(epoch, logs = NULL) cat(epoch))")
    assert "def printer_on_epoch_end(self, epoch, logs=None):\n    epoch = epoch + 1\n" in result.python
    assert [note.reason for note in result.notes if "epoch" in note.reason] == [
        "`epoch` counts from 1 as R keras3 gives it (Keras gives 0-based numbers): one is added on entry"]

def test_positive_axes_shift_and_negative_ones_stay():
    assert body("y <- layer_concatenate(list(a, b), axis = 2)") == "y = layer_concatenate([a, b], axis=1)"
    assert body("y <- layer_concatenate(list(a, b), axis = -1)") == "y = layer_concatenate([a, b], axis=-1)"


def test_layer_positions_of_freeze_weights_shift():
    assert body("freeze_weights(m, from = 1, to = 'dense')") == 'freeze_weights(m, from_=0, to="dense")'


def test_names_python_cannot_use():
    assert body("my.data <- 1\nlambda <- 2\nlist <- 3") == "my_data = 1\nlambda_ = 2\nlist_ = 3"
    # keyword arguments only avoid Python's keywords: `max = ` stays a valid keyword argument
    assert body("y <- layer_dense(x, 4, max = 2, lambda = 1, return.x = TRUE)") == (
        "y = layer_dense(x, 4, max=2, lambda_=1, return_x=True)"
    )


def test_a_function_neither_r_keras3_nor_the_scripts_is_kept_with_a_note():
    result = translate("fit_lm <- glm(y, x)\nz <- as.data.frame(m)\nw <- read.csv('f.csv')")
    assert "fit_lm = glm(y, x)" in result.python
    assert [(note.line, note.reason, note.kept) for note in result.notes] == [
        (1, "`glm()` is neither R keras3's nor defined in this script: kept as it is", False),
        (2, "`as.data.frame()` runs kerasfn.base_r's `as_data_frame()`, R's semantics (no exact Python spelling "
            "here)", False),
        (3, "R's `read.csv()` has no translation here: port it by hand", True),
    ]


def test_dataset_lists_nest():
    assert body("mnist <- dataset_mnist()\nx <- mnist$train$x") == 'mnist = dataset_mnist()\nx = mnist["train"]["x"]'


def test_new_layer_class_is_layer():
    assert body("layer_id <- new_layer_class('Id', call = function(x) x)") == (
        'layer_id = Layer("Id", call=lambda self, x: x)'
    )


# ---- what is left for a person ---------------------------------------------------------------------------


@pytest.mark.parametrize("r, reason", [
    ("fit <- lm(y ~ x)", "R formula (`~`)"),
    ("x <- tryCatch(f(), warning = function(w) NULL)", "`tryCatch()` with handlers other than `error` and "
     "`finally` (R's warnings and conditions are not Python exceptions)"),
    ("y <- do.call(f, args)", "`do.call()` with arguments of a kind the translator cannot see (list or named list)"),
    ("y <- obj@slot", "S4 slot access (`@`)"),
    ("`add<-` <- `+`", "R name `add<-` has no Python spelling"),
    ("y <- x[v, drop = TRUE]", "`[` with named arguments (`drop = TRUE`, `exact = `)"),
    ("names(x) <- c('a')", "`names(x) <-` sets R attributes that Python objects do not have"),
    ("y <- tfdatasets::tensor_slices_dataset(x)", "`tfdatasets::` has no Python counterpart here"),
])
def test_untranslatable_statements_are_kept_as_commented_r_with_the_reason(r, reason):
    result = translate(r)
    assert [(note.line, note.reason, note.kept) for note in result.notes] == [(1, reason, True)]
    assert result.python == f"# port: {reason}\n# R: {r}\n"
    assert result.share == 0.0


def test_a_syntax_error_is_one_note_and_the_rest_translates():
    result = translate("x <- 1\ny <- (2 +\nz <- 3\n")
    assert result.notes[0].reason == "R syntax error: the parser could not read this statement"
    assert result.notes[0].kept


def test_an_untranslatable_statement_in_a_body_keeps_the_body_valid():
    result = translate("f <- function(x) {\n  y <- x ~ 1\n  z$a <<- 2\n}\n")
    assert "    # port: R formula (`~`)\n    # R: y <- x ~ 1\n    pass\n" in result.python
    reason = "`<<-` to other than a name: assign in the enclosing function by hand"
    assert f"    # port: {reason}\n    # R: z$a <<- 2\n    pass\n" in result.python
    assert [(note.line, note.kept) for note in result.notes] == [(2, True), (3, True)]
    builtins.compile(result.python, "<port>", "exec")


def test_the_output_is_black_formatted_python_that_compiles():
    python = translate("model <- keras_model_sequential(input_shape = c(28, 28, 1)) |> "
                       "layer_conv_2d(filters = 32, kernel_size = c(3, 3), activation = 'relu') |> "
                       "layer_max_pooling_2d(pool_size = c(2, 2)) |> layer_flatten()").python
    assert black.format_str(python, mode=black.Mode()) == python
    builtins.compile(python, "<port>", "exec")


def test_comments_and_blank_lines_are_kept():
    assert body("# data\nx <- 1  # one\n\ny <- 2\n") == "# data\nx = 1  # one\n\ny = 2"


# ---- R Markdown, the report, the command ------------------------------------------------------------------


RMD = "---\ntitle: t\n---\n\nText.\n\n```{r}\nx <- 1\nx ~ y\n```\n\n```{r, eval = FALSE}\nz <- 3\n```\n"


def test_rmd_chunks_keep_their_line_numbers():
    result = translate(RMD, rmd=True)
    assert [note.line for note in result.notes] == [9]
    assert "z = 3" not in result.python
    assert result.code_lines == (8, 9)


def test_report_lists_each_note_with_its_line():
    assert translate(RMD, rmd=True).report() == (
        "1 of 2 R code lines translated without a note (50%); 1 left for a person:\n"
        "  line 9: kept as R: R formula (`~`)"
    )
    assert translate("x <- 1").report() == (
        "1 of 1 R code lines translated without a note (100%); nothing left for a person."
    )


def test_command_writes_the_script_beside_the_r_file(tmp_path, capsys):
    script = tmp_path / "train.R"
    script.write_text("library(keras3)\nm <- keras_model_sequential(input_shape = 3)\nm ~ 1\n")
    assert main([str(script)]) == 0
    first, _, rest = (tmp_path / "train.py").read_text().partition("\n")
    assert rest == translate(script.read_text()).python
    assert first.startswith("# Translated from train.R by python -m kerasfn.port (sha256 ")
    out = capsys.readouterr().out
    assert "2 of 3 R code lines translated without a note (67%); 1 left for a person:" in out
    assert "line 3: kept as R: R formula (`~`)" in out


def test_command_writes_to_stdout_with_dash_and_reads_rmd(tmp_path, capsys):
    notebook = tmp_path / "n.Rmd"
    notebook.write_text(RMD)
    assert main([str(notebook), "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out == translate(RMD, rmd=True).python
    assert "line 9: kept as R" in captured.err


def test_command_rejects_a_missing_file(tmp_path, capsys):
    with pytest.raises(SystemExit) as error:
        main([str(tmp_path / "missing.R")])
    assert error.value.code == 2
    assert "no such file" in capsys.readouterr().err


# ---- safety and robustness: nothing in an R file becomes code; hostile or odd files fail cleanly -------


def _code_of(python: str) -> list[str]:
    """The names Python would run: every call's function name in the translation."""
    tree = ast.parse(python)
    return sorted({node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call)
                   and isinstance(node.func, ast.Name)})


# Python's line ends that R does not read as line ends (str.splitlines() splits on each), and a NUL
_LINE_ENDS = ["\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("end", _LINE_ENDS, ids=[f"U+{ord(end):04X}" for end in _LINE_ENDS])
def test_a_line_end_python_reads_but_r_does_not_stays_inside_comments_and_strings(end):
    injected = "print('INJECTED')"
    for r_source in (f"# note{end}{injected}\n", f"x <- 1  # note{end}{injected}\n", f'x <- "a{end}{injected}"\n',
                     f"f <- function() {{\n  # note{end}{injected}\n  1\n}}\n", f"y ~ x  # {end}{injected}\n"):
        python = translate(r_source).python
        assert _code_of(python) == [], (r_source, python)
        namespace: dict = {}
        exec(builtins.compile(python, "<port>", "exec"), namespace)  # runs, and prints nothing injected
    assert run(f'x <- "a{end}b"\n')["x"] == f"a{end}b"  # R's string keeps the character


def test_r_raw_strings_are_strings_of_their_value():
    # R 4.5: r"(a\b)" is the 3-character string a\b; dashes and other brackets delimit too
    assert run('x <- r"(a\\b)"\n')["x"] == "a\\b"
    assert run("x <- R'[say \"hi\")]'\n")["x"] == 'say "hi")'
    namespace = run('x <- r"--{a)"}--"\ny <- 2\n')
    assert (namespace["x"], namespace["y"]) == ('a)"', 2)
    python = translate('rx <- r"(a\\b)"; print(rx)\n# r"(not a string)"\n').python
    assert "rx = r\n" not in python
    assert _code_of(python) == ["print_"]


def test_r_string_escapes_are_decoded_and_written_as_python_escapes():
    # R: nchar("\x41\u00e9\t\101") is 4; "\d" is an error ("'\d' is an unrecognized escape")
    assert run('x <- "\\x41\\u00e9\\u{e9}\\t\\101"\n')["x"] == "A\u00e9\u00e9\tA"
    result = translate('x <- "\\d"\n')
    assert [note.kept for note in result.notes] == [True]


def test_distinct_non_ascii_names_stay_distinct():
    namespace = run("caf\u00e9 <- 1\ncaf\u00e8 <- 2\ns <- caf\u00e9 + caf\u00e8\n")
    assert namespace["s"] == 3 and namespace["caf\u00e9"] == 1 and namespace["caf\u00e8"] == 2
    # Python reads identifiers NFKC-normalised: U+FB01 (the "fi" ligature) would merge with "fi"
    namespace = run("\ufb01x <- 1\nfix <- 2\n")
    assert namespace["fix"] == 2 and namespace["_ufb01x"] == 1


def test_a_long_sum_and_deep_nesting_translate_to_valid_python():
    assert run("x <- " + " + ".join(["1"] * 500) + "\n")["x"] == 500
    deep = "x <- " + "(" * 3000 + "1" + ")" * 3000 + "\n"
    assert run(deep)["x"] == 1
    nested = "x <- " + "list(" * 300 + "1" + ")" * 300 + "\ny <- 2\n"  # Python's parser takes 200 brackets at most
    result = translate(nested)
    ast.parse(result.python)
    assert [(note.line, note.kept) for note in result.notes] == [(1, True)]
    assert "y = 2" in result.python


def test_unclosed_r_markdown_fences_are_not_code():
    rmd = "```{r}\nx <- 1\n```\n" + "```{r}\ny <- 2\n" * 3
    assert translate(rmd, rmd=True).python == "x = 1\n"


def test_the_translator_imports_neither_tensorflow_nor_keras(tmp_path):
    # kerasfn/__init__ loads Keras; the translator's own modules must not: loaded under an empty parent package
    script = tmp_path / "s.R"
    script.write_text("library(keras3)\nmodel <- keras_model_sequential(input_shape = 3) |> layer_dense(1)\n")
    package = Path(kerasfn_port_dir()).parent
    code = (
        "import sys, types\n"
        f"parent = types.ModuleType('kerasfn'); parent.__path__ = [{str(package)!r}]\n"
        "sys.modules['kerasfn'] = parent\n"
        "from kerasfn.port.__main__ import main\n"
        f"assert main([{str(script)!r}]) == 0\n"
        "loaded = sorted(name for name in sys.modules if name.split('.')[0] in ('tensorflow', 'keras', 'jax', 'torch'))\n"
        "print('LOADED', loaded)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "LOADED []" in done.stdout


def kerasfn_port_dir() -> str:
    import kerasfn.port

    return str(Path(kerasfn.port.__file__).parent)


def test_command_reads_a_latin1_file_only_when_told(tmp_path, capsys):
    script = tmp_path / "latin.R"
    script.write_bytes('x <- "caf\u00e9"\n'.encode("latin-1"))
    with pytest.raises(SystemExit) as error:
        main([str(script)])
    assert error.value.code == 2
    message = capsys.readouterr().err.strip().splitlines()[-1]
    assert "is not utf-8 text (byte 0xe9 at offset 9): give its encoding, e.g. --encoding latin-1" in message
    assert not (tmp_path / "latin.py").exists()
    assert main([str(script), "--encoding", "latin-1"]) == 0
    assert 'x = "caf\u00e9"' in (tmp_path / "latin.py").read_text(encoding="utf-8")


def test_command_never_overwrites_its_input_nor_an_edited_port(tmp_path, capsys):
    script = tmp_path / "model.py"
    script.write_text("x <- 1\n")
    with pytest.raises(SystemExit):
        main([str(script)])
    assert script.read_text() == "x <- 1\n"
    r_script = tmp_path / "train.R"
    r_script.write_text("x <- 1\n")
    assert main([str(r_script)]) == 0
    port = tmp_path / "train.py"
    assert main([str(r_script)]) == 0  # its own unedited output: replaced
    port.write_text(port.read_text() + "y = 2  # a person's edit\n")
    edited = port.read_text()
    r_script.write_text("x <- 3\n")
    with pytest.raises(SystemExit) as error:
        main([str(r_script)])
    assert error.value.code == 2
    assert "--force" in capsys.readouterr().err
    assert port.read_text() == edited
    assert main([str(r_script), "--force"]) == 0
    assert port.read_text().endswith("x = 3\n")
    hand_written = tmp_path / "other.py"
    hand_written.write_text("print('mine')\n")
    with pytest.raises(SystemExit):
        main([str(r_script), "-o", str(hand_written)])
    assert hand_written.read_text() == "print('mine')\n"


def test_command_writes_nothing_when_the_translation_does_not_parse(tmp_path, capsys, monkeypatch):
    import kerasfn.port.__main__ as command
    from kerasfn.port import Translation

    script = tmp_path / "s.R"
    script.write_text("x <- 1\n")
    monkeypatch.setattr(command, "translate", lambda source, rmd: Translation("x = (\n", (), (1,)))
    assert command.main([str(script)]) == 1
    assert "does not parse as Python" in capsys.readouterr().err
    assert not (tmp_path / "s.py").exists()


def test_the_translators_list_of_kerasfn_names_is_kerasfns():
    import kerasfn
    from kerasfn.port.names import KERASFN_EXPORTS

    assert KERASFN_EXPORTS == set(kerasfn.__all__)


# ---- R keras3's own conversions (the catalog's converters), and only there ----------------------------


def test_r_axes_shift_only_in_r_keras3_functions_never_in_tf_calls():
    # R: dim(tf$concat(list(a, b), axis = 1L)) is 2 4 (TensorFlow's own axis 1); dim(op_concatenate(..., axis = 1L)) 4 2
    python = body("y <- tf$concat(list(a, b), axis = 1L)\nz <- op_concatenate(list(a, b), axis = 1L)\n"
                  "k <- op_argmax(x, 2)\nm <- keras$ops$argmax(x, axis = 2L)\n")
    assert python == ("y = tf.concat([a, b], axis=1)\nz = op_concatenate([a, b], axis=0)\nk = op_argmax(x, 1) + 1\n"
                      "m = keras.ops.argmax(x, axis=2)")


def test_r_positions_shift_as_r_keras3_s_as_py_index():
    # R: op_take(c(10, 20, 30, 40), c(1, 3)) is [10, 30]; op_one_hot(c(1L, 3L), 3L) rows 1 0 0 / 0 0 1
    assert body("t <- op_take(x, c(1, 3))\n") == "t = op_take(x, [0, 2])"
    assert body("t <- op_take(x, c(1, 3), zero_indexed = TRUE)\n") == "t = op_take(x, (1, 3), zero_indexed=True)"
    assert body("o <- op_one_hot(y, 10)\n").endswith("o = op_one_hot(as_py_index(y), 10)")
    assert body("o <- op_one_hot(c(1L, 3L), 3L)\n") == "o = op_one_hot([0, 2], 3)"
    assert body("o <- op_take(x, -1)\n") == "o = op_take(x, -1)"  # 0 and negatives kept, as R keeps them
    values = run("library(keras3)\nx <- op_convert_to_tensor(c(10, 20, 30, 40))\nt <- op_take(x, c(1, 3))\n"
                 "h <- op_one_hot(c(1L, 3L), 3L)\n")
    assert np.asarray(values["t"]).tolist() == [10.0, 30.0]
    assert np.asarray(values["h"]).tolist() == [[1, 0, 0], [0, 0, 1]]


def test_callback_lambda_gets_r_s_one_based_batch_and_epoch():
    # R printed, for fit(4 rows, batch_size = 2, epochs = 2): batch 1, batch 2, epoch 1, batch 1, batch 2, epoch 2
    r_source = ("library(keras3)\nmodel <- keras_model_sequential(input_shape = 1) |> layer_dense(1)\n"
                "model |> compile(loss = 'mse', optimizer = 'sgd')\n"
                "cb <- callback_lambda(on_epoch_end = function(epoch, logs) cat('epoch', epoch, '\\n'),\n"
                "  on_train_batch_end = \\(batch, logs) cat('batch', batch, '\\n'))\n"
                "h <- model |> fit(matrix(1:4), matrix(1:4), epochs = 2, batch_size = 2, verbose = 0, "
                "callbacks = list(cb))\n")
    # kerasfn's callback_lambda() adds one, as R keras3's does: nothing to note about the counters
    assert [note for note in translate(r_source).notes if "count" in note.reason] == []
    assert printed(r_source) == "batch 1 \nbatch 2 \nepoch 1 \nbatch 1 \nbatch 2 \nepoch 2 \n"
    # R: Callback("C", on_epoch_begin = ...) in fit(epochs = 2) printed "begin 1", "begin 2"
    r_source = ("library(keras3)\nmodel <- keras_model_sequential(input_shape = 1) |> layer_dense(1)\n"
                "model |> compile(loss = 'mse', optimizer = 'sgd')\n"
                "C <- Callback('C', on_epoch_begin = function(epoch, logs = NULL) cat('begin', epoch, '\\n'))\n"
                "h <- model |> fit(matrix(1:4), matrix(1:4), epochs = 2, batch_size = 4, verbose = 0, "
                "callbacks = list(C()))\n")
    assert printed(r_source) == "begin 1 \nbegin 2 \n"


# ---- syntax the grammar reads differently from R; R's values; visibility; evaluation order ------------


def test_else_on_its_own_line_inside_braces_belongs_to_the_if():
    # R: inside { }, `if (c)` / `return(1)` / `else` / `return(2)` is one if-else (at top level R refuses it)
    namespace = run("f <- function(c) {\n  if (c)\n    return(1)\n  else if (!c)\n    return(2)\n  else\n    3\n}\n"
                    "a <- f(TRUE)\nb <- f(FALSE)\n")
    assert (namespace["a"], namespace["b"]) == (1, 2)
    result = translate("if (x)\n  y <- 1\nelse\n  y <- 2\n")
    assert [(note.line, note.kept) for note in result.notes] == [(3, True)]


def test_tuple_dotty_and_helper_names_that_shadow_nothing():
    assert body("t <- tuple(1, 2)\nu <- tuple(1)\n") == "t = (1, 2)\nu = (1,)"
    assert body(".[a, b] <- list(1, 2)\n") == "a, b = [1, 2]"
    python = body("r <- op_cond(p, \\() { z <- x + 1; z }, \\() x - 1)\n")
    assert "def op_cond(" not in python and "r = op_cond(p, op_cond_fn, lambda: x - 1)" in python


def test_an_element_of_a_shape_and_newaxis_are_not_positions():
    assert body("y <- array_reshape(x, c(dim(x)[1], 2, 2))\n") == "y = np.reshape(x, (x.shape[0], 2, 2))"
    assert body("y <- x[, newaxis]\n") == "y = x[:, newaxis]"


def test_named_lists_are_unpacked_and_unlisted_by_position_and_vectors_index_lists():
    # R: unlist(list(loss = 1, acc = 2)) is c(loss = 1, acc = 2); words[c(3, 1)] is "c" "a"
    namespace = run("score <- list(loss = 1, acc = 2)\nu <- unlist(score)\nwords <- c('a', 'b', 'c')\n"
                    "w <- words[c(3, 1)]\nf <- function() list(x = list(a = 1, b = 2), y = list(a = 3, b = 4))\n"
                    "c(c(p, .), c(q, .)) %<-% f()\n")
    assert namespace["u"].tolist() == [1, 2]
    assert namespace["w"] == ["c", "a"]
    assert (namespace["p"], namespace["q"]) == (1, 3)


def test_r_s_invisible_values_do_not_print():
    # R prints nothing for `layer |> adapt(d)` (adapt() returns invisible(object)) nor for a layer added
    # to a Sequential model (layer_*() returns invisible(model) then)
    python = body("library(keras3)\nmodel <- keras_model_sequential(input_shape = 3)\nmodel |> layer_dense(1)\n"
                  "norm <- layer_normalization()\nnorm |> adapt(d)\n")
    assert "print(" not in python and "summary(" not in python


def test_argument_layers_are_built_before_the_piped_upstream_as_r_evaluates_them():
    python = body("library(keras3)\ninputs <- keras_input(c(5))\n"
                  "x <- inputs |> layer_embedding(10, 4) |> layer_bidirectional(layer_lstm(units = 8))\n"
                  "y <- inputs |> layer_bidirectional(layer_lstm(units = 8))\n")
    assert python == ("inputs = keras_input((5,))\nlstm = layer_lstm(units=8)\n"
                      "x = inputs | layer_embedding(10, 4) | layer_bidirectional(lstm)\n"
                      "y = inputs | layer_bidirectional(layer_lstm(units=8))")


def test_r_operators_as_functions_and_character_vectors():
    assert "operator.add" in translate("r <- Reduce(`+`, l)\n").python or not catalog_has("Reduce")
    assert run("x <- character(2)\n")["x"] == ["", ""]  # R: character(2) is c("", "")


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


def test_the_runtime_s_names_are_read_from_its_source(tmp_path, monkeypatch):
    from kerasfn.port import catalog

    module = tmp_path / "base_r.py"
    module.write_text('import tensorflow\n__all__ = ["rbind", "cat"]\n')
    monkeypatch.setattr(catalog, "BASE_R", module)
    catalog.base_r_names.cache_clear()
    try:
        assert catalog.base_r_names() == {"rbind", "cat"}
        module.unlink()
        catalog.base_r_names.cache_clear()
        assert catalog.base_r_names() == frozenset()
    finally:
        catalog.base_r_names.cache_clear()


def catalog_has(name: str) -> bool:
    from kerasfn.port import catalog

    return catalog.base_r_name(name, catalog.base_r_names()) is not None


@pytest.mark.skipif(__import__("keras").backend.backend() != "tensorflow",
                    reason="the number is R keras3's on the TensorFlow backend")
def test_seeded_weights_match_r_when_argument_layers_are_built_first():
    # R keras3 printed -0.072168 for this script (shared/rkeras/run.sh); left to right, Python draws -0.258523
    r_source = ("library(keras3)\nset_random_seed(1)\ninputs <- keras_input(c(5))\n"
                "outputs <- inputs |> layer_embedding(10, 4) |> layer_bidirectional(layer_lstm(units = 2))\n"
                "model <- keras_model(inputs, outputs)\nw <- get_weights(model)\n"
                "cat(sprintf('%.6f', sum(w[[1]])), '\\n')\n")
    assert printed(r_source) == "-0.072168 \n"


# ---- base R and R keras3 constructs real scripts use --------------------------------------------------


def test_trycatch_and_try_become_python_try():
    # R: x is 2; the handler prints "boom" then "done"; r is a "try-error" (None here, with a note)
    r_source = ("x <- tryCatch({\n  y <- 1\n  y + 1\n}, error = function(e) NA)\n"
                "tryCatch(stop('boom'), error = function(e) cat(conditionMessage(e), '\\n'), finally = cat('done\\n'))\n"
                "r <- try(stop('no'), silent = TRUE)\n")
    assert printed(r_source) == "boom \ndone\n"
    namespace = run(r_source)
    assert (namespace["x"], namespace["r"]) == (2, None)
    assert [(note.line, note.kept) for note in translate(r_source).notes if "try" in note.reason] == [(6, False)]
    assert translate("tryCatch(f(), warning = function(w) 1)\n").notes[0].kept


def test_magrittr_assignment_pipe_brace_steps_and_empty_arguments():
    assert body("x %<>% op_add(1)\n") == "x = op_add(x, 1.0)"  # R passes its double 1 to Python as 1.0
    assert run("x <- 2\nz <- x %>% { . + 1 }\n")["z"] == 3
    assert body("s <- op_subset(x, , 2)\n") == "s = x[:, 1]"  # R: op_subset(x, , 2) is x[, 2]


def test_gradient_tape_with_as_and_tensorflow_namespace():
    python = body("g <- function(data) {\n  with(tf$GradientTape() %as% tape, {\n    y <- op_square(data)\n  })\n"
                  "  tape$gradient(y, data)\n}\nv <- tensorflow::tf$constant(1)\n")
    assert python == ("def g(data):\n    with tf.GradientTape() as tape:\n        y = op_square(data)\n"
                      "    return tape.gradient(y, data)\n\n\nv = tf.constant(1)")


def test_zeallot_defaults_fill_what_the_value_lacks():
    # zeallot: c(x, y = NULL, sample_weight = NULL) %<-% list(1, 2) gives x 1, y 2, sample_weight NULL
    namespace = run("c(x, y = NULL, sample_weight = NULL) %<-% list(1, 2)\n")
    assert (namespace["x"], namespace["y"], namespace["sample_weight"]) == (1, 2, None)


def test_active_bindings_become_properties():
    python = body("L <- Layer('L', initialize = function(n) { self$n <- n }, "
                  "size = mark_active(function() self$n * 2))\n")
    assert 'size=property(lambda self: self.n * 2)' in python
    # R prints [1] 6 for l$size
    assert printed("library(keras3)\nL <- Layer('L', initialize = function(n) { self$n <- n }, "
                   "size = mark_active(function() self$n * 2))\nl <- L(3)\nl$size\n") == "[1] 6\n"


def test_cat_prints_as_r_prints():
    # R 4.5: cat(dim(x)) prints "2 3"; cat(round(c(0.12345, 2), 2)) prints "0.12 2"
    assert printed("x <- matrix(1:6, 2)\ncat(dim(x), '\\n')\ncat(round(c(0.12345, 2), 2), '\\n')\n") == \
        "2 3 \n0.12 2 \n"


def test_a_loop_over_names_indexes_by_name_and_an_invisible_function_value_does_not_print():
    # R printed "lr 0.1 " and "epochs 2 " and nothing for f()'s invisible NULL; g(1) prints [1] 2
    r_source = ("f <- function(config) {\n  for (name in names(config)) cat(name, config[[name]], '\\n')\n}\n"
                "f(list(lr = 0.1, epochs = 2L))\ng <- function(x) x + 1\ng(1)\n")
    assert printed(r_source) == "lr 0.1 \nepochs 2 \n[1] 2\n"


def test_a_parenthesized_assignment_prints_and_tensorflow_s_tf_function():
    # R: (x <- 2) assigns and prints [1] 2
    assert printed("(x <- 2)\n") == "[1] 2\n"
    assert body("fn <- tensorflow::tf_function(function(x) x + 1)\n") == "fn = tf.function(lambda x: x + 1)"


def test_a_double_given_as_data_stays_a_double():
    # R keras3: op_arange(4) prints tf.Tensor([1. 2. 3. 4.], shape=(4), dtype=float32)
    assert body("x <- op_arange(4)\n") == "x = op_arange(4.0)"
    assert body("x <- op_arange(4L)\n") == "x = op_arange(4)"
    values = run("library(keras3)\nx <- op_arange(4)\n")["x"]
    assert np.asarray(values).tolist() == [1.0, 2.0, 3.0, 4.0] and "float" in str(values.dtype)


def test_super_assignment_declares_the_enclosing_name():
    source = ("count <- 0\nbump <- function() count <<- count + 1\nbump()\nbump()\n"
              "make <- function() {\n  n <- 0\n  inc <- function() {\n    n <<- n + 2\n    n\n  }\n  inc()\n"
              "  inc()\n}\ntwice <- make()\n")
    python = translate(source).python
    assert "    global count\n    count = count + 1\n" in python and "        nonlocal n\n" in python
    namespace = run(source)
    assert namespace["count"] == 2  # R: print(count) -> [1] 2
    assert namespace["twice"] == 4  # R: print(make()) -> [1] 4


def test_rm_removes_the_names():
    assert body("x <- 1\nrm(x)\n") == "x = 1\ndel x"
    assert "x" not in run("x <- 1\nrm(x)\n")  # R: exists("x") -> [1] FALSE
    assert translate("rm(list = ls())\n").notes[0].kept


def test_dollar_reads_nested_named_lists_the_script_built():
    source = "m <- list(train = list(x = 1:3, y = 4))\ns <- sum(m$train$x)\nm$train$y <- 5\n"
    assert 'm["train"]["x"]' in body(source) and 'm["train"]["y"] = 5' in body(source)
    assert run(source)["s"] == 6  # R: print(sum(m$train$x)) -> [1] 6


def test_a_callbacks_logs_are_a_named_list():
    source = ("cb <- callback_lambda(on_epoch_end = function(epoch, logs) cat(logs$loss))\n"
              "Cb <- Callback('Cb', on_train_batch_end = function(batch, logs = NULL) cat(logs$loss))\n")
    python = body(source)
    assert python.count('logs["loss"]') == 2 and ".loss" not in python


def test_graphics_calls_draw_nothing_and_the_script_goes_on():
    source = "par(mfrow = c(1, 2))\nfor (i in 1:2) {\n  image(matrix(1:4, 2))\n}\nz <- 3\n"
    result = translate(source)
    code = [line for line in result.python.splitlines() if not line.lstrip().startswith("#")]
    assert not any("par(" in line or "image(" in line for line in code)
    assert run(source)["z"] == 3


def test_r_vectors_reach_keras_as_r_keras3_passes_them():
    source = ("library(keras3)\na <- op_add(c(1, 2), c(3, 4))\nb <- op_convert_to_tensor(c(1, 2))\n"
              "l <- loss_mean_squared_error(c(0, 1), c(0.5, 0.5))\nn <- op_array(1:5)\n")
    python = body(source)
    assert "op_add([1.0, 2.0], [3.0, 4.0])" in python  # no conversion: reticulate's list of doubles
    assert "np.array([0.0, 1.0], dtype=config_floatx())" in python  # as_py_array(): Keras' float type
    assert "np.arange(1, 6, dtype=np.int32)" in python  # R's integers are int32 in Python
    namespace = run(source)
    # R keras3 printed: dtype=float32, float64 (op_convert_to_tensor makes an array first), float32, int32
    assert [str(namespace[name].dtype.name) for name in "abln"] == ["float32", "float64", "float32", "int32"]


def test_positions_r_keras3_returns_count_from_one():
    assert body("i <- op_argmax(c(1, 5, 2))") == "i = op_argmax(np.array([1.0, 5.0, 2.0])) + 1"
    assert body("i <- op_argmax(x, zero_indexed = TRUE)") == "i = op_argmax(x, zero_indexed=True)"
    assert body("i <- op_argsort(x) - 1") == "i = op_argsort(x)"
    namespace = run("library(keras3)\ni <- op_argmax(c(1, 5, 2))\nd <- op_digitize(c(0.5, 2.5), c(1, 2, 3))\n")
    assert int(namespace["i"]) == 2  # R: tf.Tensor(2, shape=(), dtype=int32)
    assert np.asarray(namespace["d"]).tolist() == [1, 3]  # R: tf.Tensor([1 3], shape=(2), dtype=int32)


def test_as_integer_of_a_value_the_translation_cannot_see_is_r_s():
    assert body("n <- as.integer(op_max(x) + 3)").endswith("\nn = as_integer(op_max(x) + 3)")
    assert body("v <- as.numeric(c(1, 2))").startswith("v = np.asarray(")
    assert run("library(keras3)\nn <- as.integer(op_max(c(1, 4)) + 3)\n")["n"] == 7  # R: [1] 7, one integer


def test_r_doubles_stay_doubles_where_r_keras3_passes_them_on():
    source = ("library(keras3)\ns <- op_scatter(indices = rbind(1), values = 1, shape = c(5))\n"
              "t <- tensorflow::as_tensor(-1)\n"
              "f <- op_fori_loop(0, 3, function(i, v) v + i, op_convert_to_tensor(0, 'float32'))\n")
    python = body(source)
    assert "values=np.array([1.0])" in python and "as_tensor(-1.0)" in python and "op_fori_loop(0.0, 3.0," in python
    namespace = run(source)
    # R keras3 printed tf.Tensor([1. 0. 0. 0. 0.], shape=(5), dtype=float64) (as_array(1): a 1-d array),
    # tf.Tensor(-1.0, shape=(), dtype=float64), and 3 (0 + 1 + 2) for the loop over doubles
    assert np.asarray(namespace["s"]).tolist() == [1.0, 0, 0, 0, 0] and namespace["s"].dtype.name == "float64"
    assert namespace["t"].dtype.name == "float64" and float(namespace["f"]) == 3.0


def test_with_reads_the_columns_of_data_the_script_built():
    source = ("LR <- data.frame(start = c(0, 3, 6), rate = c(0.1, 0.05, 0.01))\nrate <- 99\n"
              "f <- function(epoch) with(LR, rate[max(which(epoch >= start))])\na <- f(4)\nb <- f(7)\n"
              "p <- with(list(u = 2, v = 5), u * v)\nq <- with(l, u * v)\n")
    result = translate(source)
    assert 'LR["rate"]' in result.python and 'LR["start"]' in result.python
    assert any(note.kept and "`with()`" in note.reason for note in result.notes)  # `l`'s names are unknown
    namespace = run(source.replace("q <- with(l, u * v)\n", ""))
    assert (namespace["a"], namespace["b"], namespace["rate"]) == (0.05, 0.01, 99)  # R: [1] 0.05, [1] 0.01


def test_data_r_keras3_converts_with_as_py_array_is_keras_float_type():
    source = ("library(keras3)\ny_true <- rbind(c(0, 1), c(0, 0))\ny_pred <- rbind(c(0.6, 0.4), c(0.4, 0.6))\n"
              "loss <- loss_binary_crossentropy(y_true, y_pred)\n"
              "s <- loss_sparse_categorical_crossentropy(c(1L, 2L), rbind(c(0.1, 0.8, 0.1), c(0.1, 0.1, 0.8)))\n")
    python = body(source)
    assert "loss_binary_crossentropy(\n    as_py_array(y_true, config_floatx()), as_py_array(y_pred, config_floatx())\n)" in python
    namespace = run(source)
    # R keras3: tf.Tensor([0.91629076 0.7135582 ], shape=(2), dtype=float32) and
    # tf.Tensor([0.22314355 0.22314355], shape=(2), dtype=float32)
    assert namespace["loss"].dtype.name == "float32"
    np.testing.assert_allclose(np.asarray(namespace["loss"]), [0.91629076, 0.7135582], rtol=1e-6)
    np.testing.assert_allclose(np.asarray(namespace["s"]), [0.22314355, 0.22314355], rtol=1e-6)


def test_piped_values_and_r_vectors_reach_keras_as_r_keras3_passes_them():
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


def test_conversions_r_keras3_makes_in_a_function_body():
    source = ("library(keras3)\nx <- op_arange(12)\nhalves <- op_split(x, 2)\nparts <- op_split(x, array(c(3, 8)))\n"
              "add_fn <- function(x, y) x + y + 100\nsub_fn <- function(x, y) x - y - 100\n"
              "first <- op_switch(1, list(add_fn, sub_fn), op_array(2), op_array(0.5))\n"
              "second <- op_switch(2, list(add_fn, sub_fn), op_array(2), op_array(0.5))\n"
              "t <- op_convert_to_tensor(c(1, NaN, -Inf, Inf))\n")
    namespace = run(source)
    # R keras3: op_split(x, 2) halves of 6; op_split(x, array(c(3, 8))) is [1 2], [3 .. 7], [8 .. 12];
    # op_switch(1, ...) is 102.5 and op_switch(2, ...) -98.5 (as_py_index(index)); the tensor is float64
    assert [len(np.asarray(part)) for part in namespace["halves"]] == [6, 6]
    assert [np.asarray(part).tolist()[0] for part in namespace["parts"]] == [1.0, 3.0, 8.0]
    assert (float(namespace["first"]), float(namespace["second"])) == (102.5, -98.5)
    assert namespace["t"].dtype.name == "float64"


def test_max_col_is_each_rows_largest_column_from_one():
    assert body("k <- max.col(p) - 1L").endswith("k = np.argmax(p, axis=1)")
    # R: max.col(rbind(c(0.1, 0.7, 0.2), c(0.5, 0.2, 0.3))) is 2 1
    assert run("k <- max.col(rbind(c(0.1, 0.7, 0.2), c(0.5, 0.2, 0.3)))\n")["k"].tolist() == [2, 1]


def test_positions_in_a_variable_are_r_keras3_s_as_py_index():
    source = ("library(keras3)\nindices <- rbind(c(1, 2), c(2, 2))\n"
              "s <- op_scatter(indices, op_array(c(1, 1)), shape = c(2, 2))\n"
              "labels <- op_array(c(1L, 3L))\no <- op_one_hot(labels, 3)\n")
    assert "op_scatter(as_py_index(indices)," in body(source)
    namespace = run(source)
    # R keras3: tf.Tensor([[0. 1.] [0. 1.]], dtype=float32) (the double positions became integers), and
    # op_one_hot of a tensor of 1 and 3: rows 1 0 0 / 0 0 1
    assert np.asarray(namespace["s"]).tolist() == [[0.0, 1.0], [0.0, 1.0]]
    assert np.asarray(namespace["o"]).tolist() == [[1, 0, 0], [0, 0, 1]]


def test_a_positional_argument_after_a_named_one_binds_as_r_binds_it():
    source = "library(keras3)\np <- op_array(dtype = 'float32', rbind(c(0.1, 0.4), c(0.7, 0.2)))\n"
    assert body(source).endswith('p = op_array(dtype="float32", x=rbind(np.array([0.1, 0.4]), np.array([0.7, 0.2])))')
    assert run(source)["p"].dtype.name == "float32"  # R: shape=(2, 2), dtype=float32


def test_top_k_indices_count_from_one():
    source = "library(keras3)\nx <- op_array(c(5, 2, 7, 1, 9, 3), 'int32')\ntop <- op_top_k(x, k = 3)\n"
    namespace = run(source)
    # R keras3: $values tf.Tensor([9 7 5]), $indices tf.Tensor([5 3 1], dtype=int32)
    assert np.asarray(namespace["top"].values).tolist() == [9, 7, 5]
    assert np.asarray(namespace["top"].indices).tolist() == [5, 3, 1]
    assert body("top <- op_top_k(x, 3, zero_indexed = TRUE)") == "top = op_top_k(x, 3, zero_indexed=True)"


def test_names_is_r_s_character_vector():
    source = "h <- list(loss = 1, mae = 2)\nn <- names(h)\ns <- sort(names(h))\n"
    assert body(source).endswith("n = names(h)\ns = np.sort(names(h))")
    assert run(source)["n"].tolist() == ["loss", "mae"]  # R: print(names(h)) is [1] "loss" "mae"
    assert printed("h <- list(loss = 1, mae = 2)\nnames(h)\n").strip() == '[1] "loss" "mae"'


def test_a_magrittr_block_of_statements_is_a_function_of_the_dot():
    source = "library(magrittr)\nx <- c(1, 2, 3)\nz <- x %>% {\n  a <- . * 2\n  a + 1\n}\n"
    assert "def piped_block(dot):\n    a = dot * 2\n    return a + 1\n\n\nz = piped_block(x)" in translate(source).python
    assert run(source)["z"].tolist() == [3, 5, 7]  # R: print(z) is [1] 3 5 7


def test_freeze_weights_to_a_negative_position_counts_from_the_end():
    source = ("library(keras3)\nmodel <- keras_model_sequential(input_shape = 3) |> layer_dense(2) |> layer_dense(2) |>\n"
              "  layer_dense(1)\nmodel |> freeze_weights(from = 1, to = -2)\n")
    assert "freeze_weights(from_=0, to=-2)" in body(source)
    # R: sapply(model$layers, \(l) l$trainable) after freeze_weights(from = 1, to = -2) is FALSE FALSE TRUE
    assert [layer.trainable for layer in run(source)["model"].layers] == [False, False, True]


def test_r_imaginary_literals_are_python_complex_numbers():
    source = "library(keras3)\nz <- c(1 + 3i, 2 - 5i)\na <- op_angle(op_convert_to_tensor(matrix(c(1 + 3i, 2 - 5i), 1)))\n"
    assert body(source).startswith("z = [1 + 3j, 2 - 5j]")
    # R keras3: op_angle of 1+3i and 2-5i is 1.2490457 -1.19029
    np.testing.assert_allclose(np.asarray(run(source)["a"]).ravel(), [1.2490457, -1.19029], rtol=1e-6)
