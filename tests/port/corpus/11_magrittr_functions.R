# magrittr pipes with the `.` placeholder, lambdas, control flow, helper functions
library(keras3)
library(magrittr)

dense_block <- function(x, units, dropout = 0) {
  x <- x %>% layer_dense(units, activation = "relu")
  if (dropout > 0) {
    x <- x %>% layer_dropout(rate = dropout)
  }
  x
}

inputs <- keras_input(shape = 8)
outputs <- inputs %>%
  dense_block(32, dropout = 0.1) %>%
  dense_block(16) %>%
  layer_dense(units = 2, activation = "softmax")
model <- keras_model(inputs = inputs, outputs = outputs)

n_params <- model$count_params()
n_params
model %>% summary()

sizes <- c(4, 8, 16)
squares <- sapply(sizes, \(s) s^2)
squares
total <- 0
i <- 1
while (i <= length(sizes)) {
  total <- total + sizes[i]
  i <- i + 1
}
total
describe <- function(n) if (n > 10) "big" else "small"
for (s in sizes) cat(s, describe(s), "\n")
first <- sizes %>% head(., 2)
first
