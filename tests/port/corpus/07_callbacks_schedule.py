# Training with callbacks: a learning-rate schedule, early stopping
import numpy as np
from kerasfn import *

x = np.random.normal(size=(200, 3))
y = x @ np.array([1, -2, 0.5]) + 0.1

model = keras_model_sequential(input_shape=3) | layer_dense(8, activation="relu") | layer_dense(1)
model | compile(optimizer=optimizer_adam(learning_rate=0.01), loss="mse", metrics="mae")


def schedule(epoch, lr):
    if epoch < 2:
        return lr
    return lr * 0.5


callbacks = [
    callback_learning_rate_scheduler(schedule),
    callback_early_stopping(monitor="val_loss", patience=5, restore_best_weights=True),
]
history = model | fit(x, y, epochs=3, batch_size=32, validation_split=0.2, callbacks=callbacks, verbose=0)
print(np.sort(list(history.history.keys())))
print(len(history.history["loss"]))
print(np.round(history.history["learning_rate"], 4))
