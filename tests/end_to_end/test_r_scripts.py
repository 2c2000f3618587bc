"""R keras3 scripts of the kinds people port, ported with only R syntax changed.

Each test is the port of one R section below, run with the same seed; the
expected values are what R keras3 printed for the R original (R keras3
1.5.1.9000 at rstudio/keras3@4571bff, on this Keras 3.15.1 / TensorFlow
2.21, CPU).  Data comes from ``random_uniform()``/``random_normal()`` after
``set_random_seed()``, which draw the same numbers in R and Python (the same
Keras calls), so weights, predictions and losses must agree with R's.

R prints a matrix column by column: ``as_r_vector()`` reads Python's arrays
the same way.

The R script (``show <- function(label, x) cat(label, sprintf("%.6f",
as.numeric(x)), "\\n")``)::

    # 1. convnet
    set_random_seed(1)
    x <- random_uniform(c(8, 12, 12, 1)); y <- random_uniform(c(8, 3))
    model <- keras_model_sequential(input_shape = c(12, 12, 1)) |>
      layer_conv_2d(8, 3, activation = "relu") |>
      layer_max_pooling_2d(2) |>
      layer_conv_2d(4, c(3, 3), padding = "same", activation = "relu") |>
      layer_flatten() |>
      layer_dropout(0.25) |>
      layer_dense(3, activation = "softmax")
    cat("convnet params", count_params(model), "\\n")              # 675
    model |> compile(optimizer = optimizer_sgd(0.01), loss = "categorical_crossentropy", metrics = "accuracy")
    history <- model |> fit(x, y, epochs = 2, batch_size = 4, shuffle = FALSE, verbose = 0)
    show("convnet kernel0 sum", sum(as.array(model$layers[[1]]$kernel)))   # 1.942046
    show("convnet loss", history$metrics$loss)                     # 1.482836 1.424172

    # 2. functional, two inputs two outputs
    set_random_seed(2)
    a <- keras_input(c(4), name = "a"); b <- keras_input(c(6), name = "b")
    shared <- layer_concatenate(a, b) |> layer_dense(8, activation = "tanh")
    out1 <- shared |> layer_dense(1, name = "reg")
    out2 <- shared |> layer_dense(3, activation = "softmax", name = "cls")
    model <- keras_model(list(a, b), list(out1, out2))
    cat("functional params", count_params(model), "\\n")           # 124
    xa <- random_normal(c(10, 4)); xb <- random_normal(c(10, 6))
    ya <- random_normal(c(10, 1)); yb <- random_uniform(c(10, 3))
    model |> compile(optimizer = "adam", loss = list("mse", "categorical_crossentropy"))
    history <- model |> fit(list(xa, xb), list(ya, yb), epochs = 2, batch_size = 5, shuffle = FALSE, verbose = 0)
    show("functional loss", history$metrics$loss)                  # 4.011099 3.962001
    cat("functional metric names", names(history$metrics), "\\n")  # cls_loss loss reg_loss

    # 3. ResNet-style block
    set_random_seed(3)
    inputs <- keras_input(c(8, 8, 4))
    block_1_output <- inputs |> layer_conv_2d(4, 3, padding = "same", activation = "relu")
    block_2_output <- block_1_output |> layer_conv_2d(4, 3, padding = "same") |> layer_add(block_1_output)
    outputs <- block_2_output |> layer_global_average_pooling_2d() |> layer_dense(2)
    model <- keras_model(inputs, outputs)
    cat("resnet params", count_params(model), "\\n")               # 306
    xr <- random_uniform(c(2, 8, 8, 4))
    show("resnet pred", predict(model, xr, verbose = 0))           # 0.392623 0.251666 -0.046509 -0.046264

    # 4. masking and padding
    set_random_seed(4)
    seqs <- list(c(1, 2, 3), c(4, 5), c(6))
    padded <- pad_sequences(seqs, maxlen = 4, padding = "post")    # rows 1 2 3 0 / 4 5 0 0 / 6 0 0 0
    model <- keras_model_sequential() |> layer_embedding(10, 3, mask_zero = TRUE) |> layer_lstm(2)
    show("masked pred", predict(model, padded, verbose = 0))
    # -0.002090 0.001660 -0.003441 -0.002538 0.005247 -0.006430

    # 5. text classifier with input_length (R keras 2 style)
    set_random_seed(5)
    model <- keras_model_sequential() |>
      layer_embedding(input_dim = 50, output_dim = 4, input_length = 6) |>
      layer_global_average_pooling_1d() |>
      layer_dense(1, activation = "sigmoid")
    xt <- matrix(c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), nrow = 2, byrow = TRUE)
    show("text pred", predict(model, xt, verbose = 0))             # 0.502727 0.501390
"""

import keras
import numpy as np
import pytest

from kerasfn import *  # noqa: F403  (the porting user's import)

TOLERANCE = dict(atol=2e-6)  # R printed six decimals

pytestmark = pytest.mark.skipif(
    keras.backend.backend() != "tensorflow",
    reason="R keras3 printed these numbers on the TensorFlow backend; other backends draw other random numbers",
)


def as_r_vector(x):
    """R's ``as.numeric(matrix)``: column by column."""
    return np.asarray(as_array(x), dtype=float).ravel(order="F")


def test_convnet():
    set_random_seed(1)
    x = random_uniform((8, 12, 12, 1)); y = random_uniform((8, 3))
    model = (keras_model_sequential(input_shape=(12, 12, 1))
             | layer_conv_2d(8, 3, activation="relu")
             | layer_max_pooling_2d(2)
             | layer_conv_2d(4, (3, 3), padding="same", activation="relu")
             | layer_flatten()
             | layer_dropout(0.25)
             | layer_dense(3, activation="softmax"))
    assert count_params(model) == 675
    model | compile(optimizer=optimizer_sgd(0.01), loss="categorical_crossentropy", metrics="accuracy")
    history = model | fit(x, y, epochs=2, batch_size=4, shuffle=False, verbose=0)
    np.testing.assert_allclose(float(np.sum(as_array(model.layers[0].kernel))), 1.942046, **TOLERANCE)
    np.testing.assert_allclose(history.metrics["loss"], [1.482836, 1.424172], **TOLERANCE)


def test_functional_model_with_two_inputs_and_two_outputs():
    set_random_seed(2)
    a = keras_input((4,), name="a"); b = keras_input((6,), name="b")
    shared = layer_concatenate(a, b) | layer_dense(8, activation="tanh")
    out1 = shared | layer_dense(1, name="reg")
    out2 = shared | layer_dense(3, activation="softmax", name="cls")
    model = keras_model([a, b], [out1, out2])
    assert count_params(model) == 124
    xa = random_normal((10, 4)); xb = random_normal((10, 6))
    ya = random_normal((10, 1)); yb = random_uniform((10, 3))
    model | compile(optimizer="adam", loss=["mse", "categorical_crossentropy"])
    history = model | fit([xa, xb], [ya, yb], epochs=2, batch_size=5, shuffle=False, verbose=0)
    np.testing.assert_allclose(history.metrics["loss"], [4.011099, 3.962001], **TOLERANCE)
    assert sorted(history.metrics) == ["cls_loss", "loss", "reg_loss"]


def test_resnet_style_block_pipes_into_layer_add():
    set_random_seed(3)
    inputs = keras_input((8, 8, 4))
    block_1_output = inputs | layer_conv_2d(4, 3, padding="same", activation="relu")
    block_2_output = block_1_output | layer_conv_2d(4, 3, padding="same") | layer_add(block_1_output)
    outputs = block_2_output | layer_global_average_pooling_2d() | layer_dense(2)
    model = keras_model(inputs, outputs)
    assert count_params(model) == 306
    xr = random_uniform((2, 8, 8, 4))
    np.testing.assert_allclose(as_r_vector(predict(model, xr, verbose=0)),
                               [0.392623, 0.251666, -0.046509, -0.046264], **TOLERANCE)


def test_masking_and_padding():
    set_random_seed(4)
    seqs = [[1, 2, 3], [4, 5], [6]]
    padded = pad_sequences(seqs, maxlen=4, padding="post")
    np.testing.assert_array_equal(padded, [[1, 2, 3, 0], [4, 5, 0, 0], [6, 0, 0, 0]])
    model = keras_model_sequential() | layer_embedding(10, 3, mask_zero=True) | layer_lstm(2)
    np.testing.assert_allclose(as_r_vector(predict(model, padded, verbose=0)),
                               [-0.002090, 0.001660, -0.003441, -0.002538, 0.005247, -0.006430], **TOLERANCE)


def test_text_classifier_with_input_length():
    set_random_seed(5)
    with pytest.warns(UserWarning, match="input_length"):  # Keras 3 drops it with a warning, as in R
        model = (keras_model_sequential()
                 | layer_embedding(input_dim=50, output_dim=4, input_length=6)
                 | layer_global_average_pooling_1d()
                 | layer_dense(1, activation="sigmoid"))
    xt = np.array([[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12]])
    np.testing.assert_allclose(as_r_vector(predict(model, xt, verbose=0)), [0.502727, 0.501390], **TOLERANCE)
