# seq2seq: the encoder's final states start the decoder
library(keras3)

latent_dim <- 16
num_encoder_tokens <- 7
num_decoder_tokens <- 9

encoder_inputs <- keras_input(shape = c(NA, num_encoder_tokens))
c(encoder_outputs, state_h, state_c) %<-% (encoder_inputs |>
  layer_lstm(units = latent_dim, return_state = TRUE))
encoder_states <- list(state_h, state_c)

decoder_inputs <- keras_input(shape = c(NA, num_decoder_tokens))
decoder_lstm <- layer_lstm(units = latent_dim, return_sequences = TRUE, return_state = TRUE)
c(decoder_outputs, ...unused) %<-% decoder_lstm(decoder_inputs, initial_state = encoder_states)
decoder_outputs <- decoder_outputs |> layer_dense(num_decoder_tokens, activation = "softmax")

model <- keras_model(list(encoder_inputs, decoder_inputs), decoder_outputs)
model |> compile(optimizer = "rmsprop", loss = "categorical_crossentropy")

enc <- array(runif(8 * 5 * num_encoder_tokens), dim = c(8, 5, num_encoder_tokens))
dec <- array(runif(8 * 6 * num_decoder_tokens), dim = c(8, 6, num_decoder_tokens))
model |> fit(list(enc, dec), dec, batch_size = 4, epochs = 1, verbose = 0)
out <- model |> predict(list(enc, dec), verbose = 0)
dim(out)
length(unused)
model$count_params()
