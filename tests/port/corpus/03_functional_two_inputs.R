# A functional model with two inputs merged by layer_concatenate()
library(keras3)

numbers <- keras_input(shape = c(6), name = "numbers")
sequence <- keras_input(shape = c(12, 3), name = "sequence")

encoded <- sequence |> layer_lstm(units = 8)
dense <- numbers |> layer_dense(units = 8, activation = "relu")
merged <- layer_concatenate(list(encoded, dense))
outputs <- merged |>
  layer_dense(units = 4, activation = "relu") |>
  layer_dense(units = 1, activation = "sigmoid")

model <- keras_model(inputs = list(numbers, sequence), outputs = outputs)
model |> compile(optimizer = "rmsprop", loss = "binary_crossentropy", metrics = "accuracy")

x1 <- array(runif(20 * 6), dim = c(20, 6))
x2 <- array(runif(20 * 12 * 3), dim = c(20, 12, 3))
y <- array(sample(0:1, 20, replace = TRUE), dim = c(20, 1))
history <- model |> fit(list(x1, x2), y, epochs = 1, verbose = 0)
preds <- model |> predict(list(x1, x2), verbose = 0)
dim(preds)
model$count_params()
sapply(model$inputs, function(i) i$name)
