# Transfer-learning moves: freeze layers, copy weights, count what trains
import numpy as np
from kerasfn import *

base = (
    keras_model_sequential(input_shape=(6,))
    | layer_dense(units=12, activation="relu", name="hidden_1")
    | layer_dense(units=12, activation="relu", name="hidden_2")
    | layer_dense(units=1, name="output")
)

freeze_weights(base, from_=0, to=1)
print(np.array([layer.trainable for layer in base.layers]))
print(len(base.trainable_weights))

unfreeze_weights(base)
print(len(base.trainable_weights))

weights = get_weights(base)
print(len(weights))
print(weights[0].shape)
weights[1] = weights[1] + 1
base | set_weights(weights)
print(np.all(get_weights(base)[1] == 1))

copy = (
    keras_model_sequential(input_shape=(6,))
    | layer_dense(units=12, activation="relu")
    | layer_dense(units=12, activation="relu")
    | layer_dense(units=1)
)
copy | set_weights(get_weights(base))
x = np.random.normal(size=(5, 6))
same = np.max(np.abs(predict(base, x, verbose=0) - predict(copy, x, verbose=0)))
print(same < 1e-6)
print(base.layers[2].name)
