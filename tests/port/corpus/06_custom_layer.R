# A custom layer class: initialize, build (weights), call
library(keras3)

layer_linear <- Layer(
  classname = "Linear",
  initialize = function(units = 32, ...) {
    super$initialize(...)
    self$units <- as.integer(units)
  },
  build = function(input_shape) {
    self$w <- self$add_weight(
      shape = c(input_shape[[2]], self$units),
      initializer = "random_normal",
      trainable = TRUE
    )
    self$b <- self$add_weight(shape = list(self$units), initializer = "zeros", trainable = TRUE)
  },
  call = function(inputs) {
    op_matmul(inputs, self$w) + self$b
  }
)

inputs <- keras_input(shape = c(5))
outputs <- inputs |> layer_linear(units = 3) |> layer_activation("relu")
model <- keras_model(inputs, outputs)
model$count_params()
length(model$layers[[2]]$weights)
y <- model |> predict(matrix(1, nrow = 2, ncol = 5), verbose = 0)
dim(y)
class_name <- model$layers[[2]]$`__class__`$`__name__`
class_name
