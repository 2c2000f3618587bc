"""kerasfn.port.rbase.vectors: ``c()`` (a tuple in a shape, an array of numbers, a list otherwise,
flattened as R flattens), ``seq()``, ``rep()``, ``dim()``/``nrow()``/``length()``, ``names()``.

Expected Python follows the README's porting rules; a value checked is what R with R keras3 printed for the R code,
quoted beside the assertion."""

from __future__ import annotations


def test_c_is_a_tuple_in_shapes_an_array_of_numbers_and_a_list_otherwise(body, run):
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


def test_c_flattens_lists_as_r_does(body):
    assert body("states <- list(h, cc)\nboth <- c(outputs, states)") == "states = [h, cc]\nboth = [outputs, *states]"


def test_seq_rep_and_summaries_match_r(run):
    ns = run("a <- seq(2, 10, by = 2)\nb <- rep(1:2, times = 3)\nd <- rep(c(1, 2), each = 2)\n"
             "e <- seq(0, 1, length.out = 5)\nf <- round(mean(c(1, 2, 4)), 2)\ng <- sd(c(1, 2, 3, 4))")
    assert ns["a"].tolist() == [2, 4, 6, 8, 10]  # R: 2 4 6 8 10
    assert ns["b"].tolist() == [1, 2, 1, 2, 1, 2]  # R: 1 2 1 2 1 2
    assert ns["d"].tolist() == [1, 1, 2, 2]  # R: 1 1 2 2
    assert ns["e"].tolist() == [0, 0.25, 0.5, 0.75, 1]  # R: 0.00 0.25 0.50 0.75 1.00
    assert ns["f"] == 2.33  # R: 2.33
    assert round(float(ns["g"]), 6) == 1.290994  # R: sd(c(1, 2, 3, 4)) is 1.290994


def test_dim_nrow_length(body, run):
    assert body("x <- matrix(1:6, 2)\ndim(x)\nnrow(x)\nncol(x)\nlength(x)").endswith(
        "print_(x.shape)\nprint_(len(x))\nprint_(x.shape[1])\nprint_(len(x))"
    )
    # a data frame's len() is its number of columns (R's length()): nrow() is the runtime's
    assert body("df <- data.frame(a = 1:3, b = 4:6)\nn <- nrow(df)\n").endswith("n = nrow(df)")
    assert run("df <- data.frame(a = 1:3, b = 4:6)\nn <- nrow(df)\n")["n"] == 3  # R: nrow(df) is 3


def test_names_is_r_s_character_vector(body, run, printed):
    source = "h <- list(loss = 1, mae = 2)\nn <- names(h)\ns <- sort(names(h))\n"
    assert body(source).endswith("n = names(h)\ns = np.sort(names(h))")
    assert run(source)["n"].tolist() == ["loss", "mae"]  # R: print(names(h)) is [1] "loss" "mae"
    assert printed("h <- list(loss = 1, mae = 2)\nnames(h)\n").strip() == '[1] "loss" "mae"'
