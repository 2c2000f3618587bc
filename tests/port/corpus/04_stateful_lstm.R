# A stateful LSTM: fixed batch size, states carried across batches, then reset
library(keras3)

batch_size <- 4
model <- keras_model_sequential(input_batch_shape = c(batch_size, 5, 3)) |>
  layer_lstm(units = 6, stateful = TRUE) |>
  layer_dense(units = 1)
model |> compile(optimizer = "adam", loss = "mse")

x <- array(rnorm(batch_size * 5 * 3), dim = c(batch_size, 5, 3))
y <- matrix(rnorm(batch_size), ncol = 1)

for (epoch in 1:2) {
  model |> fit(x, y, batch_size = batch_size, epochs = 1, shuffle = FALSE, verbose = 0)
  lstm <- model$layers[[1]]
  reset_state(lstm)
  cat("epoch", epoch, "done\n")
}
dim(model |> predict(x, batch_size = batch_size, verbose = 0))
lstm$stateful
