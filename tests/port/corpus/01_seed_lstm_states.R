# Seed example: an LSTM on eager data, its states taken apart with %<-%
library(keras3)
set_random_seed(1)

x <- random_uniform(c(32, 10, 8))
y <- x |> layer_lstm(4)
dim(y)

lstm <- layer_lstm(units = 4, return_sequences = TRUE, return_state = TRUE)
c(sequence, h, c) %<-% lstm(x)
dim(sequence)
dim(h)
dim(c)

inputs <- keras_input(shape = c(10, 8))
outputs <- inputs |> layer_lstm(16) |> layer_dense(1)
model <- keras_model(inputs, outputs)
model$count_params()
