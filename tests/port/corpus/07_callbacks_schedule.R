# Training with callbacks: a learning-rate schedule, early stopping
library(keras3)

x <- matrix(rnorm(200 * 3), ncol = 3)
y <- x %*% c(1, -2, 0.5) + 0.1

model <- keras_model_sequential(input_shape = 3) |>
  layer_dense(8, activation = "relu") |>
  layer_dense(1)
model |> compile(optimizer = optimizer_adam(learning_rate = 0.01), loss = "mse", metrics = "mae")

schedule <- function(epoch, lr) {
  if (epoch < 2) {
    return(lr)
  }
  lr * 0.5
}
callbacks <- list(
  callback_learning_rate_scheduler(schedule),
  callback_early_stopping(monitor = "val_loss", patience = 5, restore_best_weights = TRUE)
)
history <- model |> fit(x, y, epochs = 3, batch_size = 32, validation_split = 0.2,
                        callbacks = callbacks, verbose = 0)
sort(names(history$metrics))
length(history$metrics$loss)
round(history$metrics$learning_rate, 4)
