# A stateful LSTM: fixed batch size, states carried across batches, then reset
import numpy as np
from kerasfn import *

batch_size = 4
model = (
    keras_model_sequential(input_batch_shape=(batch_size, 5, 3))
    | layer_lstm(units=6, stateful=True)
    | layer_dense(units=1)
)
model | compile(optimizer="adam", loss="mse")

x = np.random.normal(size=(batch_size, 5, 3))
y = np.random.normal(size=(batch_size, 1))

for epoch in range(1, 3):
    model | fit(x, y, batch_size=batch_size, epochs=1, shuffle=False, verbose=0)
    lstm = model.layers[0]
    reset_state(lstm)
    print("epoch", epoch, "done")
print((model | predict(x, batch_size=batch_size, verbose=0)).shape)
print(lstm.stateful)
