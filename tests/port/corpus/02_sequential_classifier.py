# A Sequential classifier: dense layers, one-hot labels, fit and evaluate
import numpy as np
from kerasfn import *

n = 64
x = np.random.uniform(size=(n, 4))
labels = np.random.choice(np.arange(0, 3), n)
y = to_categorical(labels, num_classes=3)

model = (
    keras_model_sequential(input_shape=(4,))
    | layer_dense(units=16, activation="relu")
    | layer_dropout(rate=0.2)
    | layer_dense(units=3, activation="softmax")
)

model | compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

history = model | fit(x, y, epochs=2, batch_size=16, validation_split=0.25, verbose=0)
print(list(history.history.keys()))
print(len(history.history["loss"]))

scores = model | evaluate(x, y, verbose=0)
print(list(scores.keys()))
p = model | predict(x[:5], verbose=0)
print(p.shape)
print(len(model.layers))
