"""kerasfn.port.assignments: assignments, zeallot and dotty destructuring, ``dim<-``, functions as
``def`` or ``lambda``, and class constructors (``Layer()``, ``Loss()``, ``Callback()``) with their methods,
active bindings and R's one-based epochs.

Expected Python follows the README's porting rules; a value checked is what R with R keras3 printed for the R code,
quoted beside the assertion."""

from __future__ import annotations

from kerasfn.port import translate


def test_the_three_assignments_and_a_chain(body):
    assert body("x <- 1\ny = 2\n3 -> z\na <- b <- 0\n") == "x = 1\ny = 2\nz = 3\na = b = 0"


def test_zeallot_destructuring_with_nesting_and_a_collector(body):
    assert body("c(a, b) %<-% op_unstack(x)") == "a, b = op_unstack(x)"
    assert body("c(a, c(b, d)) %<-% op_unstack(x)") == "a, (b, d) = op_unstack(x)"
    assert body("lstm <- layer_lstm(4, return_state = TRUE)\nc(out, ...states) %<-% lstm(x)") == (
        "lstm = layer_lstm(4, return_state=True)\nout, *states = lstm(x)"
    )


def test_destructuring_a_named_list_takes_its_values(run):
    assert run("r <- list(a = 1, b = 2)\nc(x, y) %<-% r\n")["y"] == 2


def test_zeallot_defaults_fill_what_the_value_lacks(run):
    # zeallot: c(x, y = NULL, sample_weight = NULL) %<-% list(1, 2) gives x 1, y 2, sample_weight NULL
    namespace = run("c(x, y = NULL, sample_weight = NULL) %<-% list(1, 2)\n")
    assert (namespace["x"], namespace["y"], namespace["sample_weight"]) == (1, 2, None)


def test_named_lists_are_unpacked_and_unlisted_by_position_and_vectors_index_lists(run):
    # R: unlist(list(loss = 1, acc = 2)) is c(loss = 1, acc = 2); words[c(3, 1)] is "c" "a"
    namespace = run("score <- list(loss = 1, acc = 2)\nu <- unlist(score)\nwords <- c('a', 'b', 'c')\n"
                    "w <- words[c(3, 1)]\nf <- function() list(x = list(a = 1, b = 2), y = list(a = 3, b = 4))\n"
                    "c(c(p, .), c(q, .)) %<-% f()\n")
    assert namespace["u"].tolist() == [1, 2]
    assert namespace["w"] == ["c", "a"]
    assert (namespace["p"], namespace["q"]) == (1, 3)


def test_dim_assignment_reshapes_column_major(run):
    ns = run("x <- 1:6\ndim(x) <- c(3, 2)")
    assert ns["x"].tolist() == [[1, 4], [2, 5], [3, 6]]  # R: dim(x) <- c(3, 2) fills columns first


def test_function_with_implicit_return_and_defaults(body):
    assert body("f <- function(x, n = 2) {\n  y <- x * n\n  y + 1\n}") == (
        "def f(x, n=2):\n    y = x * n\n    return y + 1"
    )


def test_lambdas_and_function_literals_as_arguments(body):
    assert body("g <- sapply(x, \\(v) v * 2)") == "g = np.array([v * 2 for v in x])"
    assert body("h <- lapply(x, function(v) {\n  w <- v + 1\n  w * 2\n})") == (
        "def fn(v):\n    w = v + 1\n    return w * 2\n\n\nh = [fn(item) for item in x]"
    )


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


def test_custom_layer_methods_get_self_and_super_initialize_goes(body):
    python = body(SCALE)
    assert "def scale_initialize(self, factor=2, *args, **kwargs):\n    self.factor = factor" in python
    assert "call=lambda self, inputs: inputs * self.factor" in python
    assert "super" not in python
    assert "out = random_uniform((2, 3)) | layer_scale(3)" in python


def test_custom_layer_translation_runs(run):
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


def test_new_layer_class_is_layer(body):
    assert body("layer_id <- new_layer_class('Id', call = function(x) x)") == (
        'layer_id = Layer("Id", call=lambda self, x: x)'
    )


def test_active_bindings_become_properties(body, printed):
    python = body("L <- Layer('L', initialize = function(n) { self$n <- n }, "
                  "size = mark_active(function() self$n * 2))\n")
    assert 'size=property(lambda self: self.n * 2)' in python
    # R prints [1] 6 for l$size
    assert printed("library(keras3)\nL <- Layer('L', initialize = function(n) { self$n <- n }, "
                   "size = mark_active(function() self$n * 2))\nl <- L(3)\nl$size\n") == "[1] 6\n"


def test_a_callbacks_logs_are_a_named_list(body):
    source = ("cb <- callback_lambda(on_epoch_end = function(epoch, logs) cat(logs$loss))\n"
              "Cb <- Callback('Cb', on_train_batch_end = function(batch, logs = NULL) cat(logs$loss))\n")
    python = body(source)
    assert python.count('logs["loss"]') == 2 and ".loss" not in python
