# A functional model with two inputs merged by layer_concatenate()
import numpy as np
from kerasfn import *

numbers = keras_input(shape=(6,), name="numbers")
sequence = keras_input(shape=(12, 3), name="sequence")

encoded = sequence | layer_lstm(units=8)
dense = numbers | layer_dense(units=8, activation="relu")
merged = layer_concatenate([encoded, dense])
outputs = merged | layer_dense(units=4, activation="relu") | layer_dense(units=1, activation="sigmoid")

model = keras_model(inputs=[numbers, sequence], outputs=outputs)
model | compile(optimizer="rmsprop", loss="binary_crossentropy", metrics="accuracy")

x1 = np.random.uniform(size=(20, 6))
x2 = np.random.uniform(size=(20, 12, 3))
y = np.random.randint(0, 2, size=(20, 1))
history = model | fit([x1, x2], y, epochs=1, verbose=0)
preds = model | predict([x1, x2], verbose=0)
print(preds.shape)
print(model.count_params())
print(np.array([i.name for i in model.inputs]))
