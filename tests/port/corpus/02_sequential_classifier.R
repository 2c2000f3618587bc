# A Sequential classifier: dense layers, one-hot labels, fit and evaluate
library(keras3)

n <- 64
x <- matrix(runif(n * 4), nrow = n, ncol = 4)
labels <- sample(0:2, n, replace = TRUE)
y <- to_categorical(labels, num_classes = 3)

model <- keras_model_sequential(input_shape = c(4)) |>
  layer_dense(units = 16, activation = "relu") |>
  layer_dropout(rate = 0.2) |>
  layer_dense(units = 3, activation = "softmax")

model |> compile(
  optimizer = "adam",
  loss = "categorical_crossentropy",
  metrics = c("accuracy")
)

history <- model |> fit(x, y, epochs = 2, batch_size = 16, validation_split = 0.25, verbose = 0)
names(history$metrics)
length(history$metrics$loss)

scores <- model |> evaluate(x, y, verbose = 0)
names(scores)
p <- model |> predict(x[1:5, ], verbose = 0)
dim(p)
length(model$layers)
