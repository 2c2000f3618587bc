# A small convnet on image-shaped data (MNIST-like, made up here)
library(keras3)

num_classes <- 10
x_train <- array(runif(32 * 28 * 28), dim = c(32, 28, 28, 1))
y_train <- to_categorical(sample(0:9, 32, replace = TRUE), num_classes)

model <- keras_model_sequential(input_shape = c(28, 28, 1)) |>
  layer_conv_2d(filters = 8, kernel_size = c(3, 3), activation = "relu") |>
  layer_max_pooling_2d(pool_size = c(2, 2)) |>
  layer_conv_2d(filters = 16, kernel_size = c(3, 3), activation = "relu") |>
  layer_max_pooling_2d(pool_size = c(2, 2)) |>
  layer_flatten() |>
  layer_dropout(rate = 0.5) |>
  layer_dense(units = num_classes, activation = "softmax")

model |> compile(loss = "categorical_crossentropy", optimizer = "adam", metrics = "accuracy")
model |> fit(x_train, y_train, batch_size = 16, epochs = 1, verbose = 0)
model$count_params()
for (layer in model$layers) {
  cat(layer$name, ":", paste(layer$output$shape[-1], collapse = " x "), "\n")
}
probs <- model |> predict(x_train[1:4, , , , drop = FALSE], verbose = 0)
classes <- apply(probs, 1, which.max) - 1
length(classes)
