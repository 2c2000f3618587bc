# Transfer-learning moves: freeze layers, copy weights, count what trains
library(keras3)

base <- keras_model_sequential(input_shape = c(6)) |>
  layer_dense(units = 12, activation = "relu", name = "hidden_1") |>
  layer_dense(units = 12, activation = "relu", name = "hidden_2") |>
  layer_dense(units = 1, name = "output")

freeze_weights(base, from = 1, to = 2)
sapply(base$layers, function(l) l$trainable)
length(base$trainable_weights)

unfreeze_weights(base)
length(base$trainable_weights)

weights <- get_weights(base)
length(weights)
dim(weights[[1]])
weights[[2]] <- weights[[2]] + 1
base |> set_weights(weights)
all(get_weights(base)[[2]] == 1)

copy <- keras_model_sequential(input_shape = c(6)) |>
  layer_dense(units = 12, activation = "relu") |>
  layer_dense(units = 12, activation = "relu") |>
  layer_dense(units = 1)
copy |> set_weights(get_weights(base))
x <- matrix(rnorm(5 * 6), nrow = 5)
same <- max(abs(predict(base, x, verbose = 0) - predict(copy, x, verbose = 0)))
same < 1e-6
base$layers[[3]]$name
