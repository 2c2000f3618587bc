# Seed example: an LSTM on eager data, its states taken apart with %<-%
from kerasfn import *

set_random_seed(1)

x = random_uniform((32, 10, 8))
y = x | layer_lstm(4)
print(y.shape)

lstm = layer_lstm(units=4, return_sequences=True, return_state=True)
sequence, h, c = lstm(x)
print(sequence.shape)
print(h.shape)
print(c.shape)

inputs = keras_input(shape=(10, 8))
outputs = inputs | layer_lstm(16) | layer_dense(1)
model = keras_model(inputs, outputs)
print(model.count_params())
