# seq2seq: the encoder's final states start the decoder
import numpy as np
from kerasfn import *

latent_dim = 16
num_encoder_tokens = 7
num_decoder_tokens = 9

encoder_inputs = keras_input(shape=(None, num_encoder_tokens))
encoder_outputs, state_h, state_c = encoder_inputs | layer_lstm(units=latent_dim, return_state=True)
encoder_states = [state_h, state_c]

decoder_inputs = keras_input(shape=(None, num_decoder_tokens))
decoder_lstm = layer_lstm(units=latent_dim, return_sequences=True, return_state=True)
decoder_outputs, *unused = decoder_lstm(decoder_inputs, initial_state=encoder_states)
decoder_outputs = decoder_outputs | layer_dense(num_decoder_tokens, activation="softmax")

model = keras_model([encoder_inputs, decoder_inputs], decoder_outputs)
model | compile(optimizer="rmsprop", loss="categorical_crossentropy")

enc = np.random.uniform(size=(8, 5, num_encoder_tokens))
dec = np.random.uniform(size=(8, 6, num_decoder_tokens))
model | fit([enc, dec], dec, batch_size=4, epochs=1, verbose=0)
out = model | predict([enc, dec], verbose=0)
print(out.shape)
print(len(unused))
print(model.count_params())
