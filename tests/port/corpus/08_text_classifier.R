# A text classifier: integer sequences padded to one length, embedding, pooling
library(keras3)

n <- 100
max_len <- 12
vocab <- 50
sequences <- lapply(seq_len(n), function(i) sample(1:(vocab - 1), sample(3:max_len, 1), replace = TRUE))
labels <- sapply(sequences, function(s) as.integer(7 %in% s))
x <- pad_sequences(sequences, maxlen = max_len)
dim(x)
all(x[, 1:2] >= 0)

model <- keras_model_sequential(input_shape = c(max_len)) |>
  layer_embedding(input_dim = vocab, output_dim = 8, mask_zero = TRUE) |>
  layer_global_average_pooling_1d() |>
  layer_dense(units = 1, activation = "sigmoid")
model |> compile(optimizer = "adam", loss = "binary_crossentropy", metrics = c("accuracy"))
history <- model |> fit(x, labels, epochs = 2, batch_size = 25, verbose = 0)
names(history$metrics)
preds <- model |> predict(x[1:3, ], verbose = 0)
dim(preds)
