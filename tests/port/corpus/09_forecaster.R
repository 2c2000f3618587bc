# A forecaster: windows of a series from timeseries_dataset_from_array(), an LSTM
library(keras3)

series <- sin(seq(0, 10, length.out = 100)) + rnorm(100, sd = 0.1)
lookback <- 10
n_train <- 70

make_dataset <- function(values, start, end) {
  timeseries_dataset_from_array(
    data = matrix(values[start:(end - lookback)], ncol = 1),
    targets = values[(start + lookback):end],
    sequence_length = lookback,
    batch_size = 16
  )
}
train <- make_dataset(series, 1, n_train)
test <- make_dataset(series, n_train + 1, length(series))

model <- keras_model_sequential(input_shape = c(lookback, 1)) |>
  layer_lstm(units = 8) |>
  layer_dense(units = 1)
model |> compile(optimizer = "adam", loss = "mse", metrics = "mae")
history <- model |> fit(train, validation_data = test, epochs = 1, verbose = 0)
names(history$metrics)
forecast <- model |> predict(test, verbose = 0)
dim(forecast)
