# A small convnet on image-shaped data (MNIST-like, made up here)
import numpy as np
from kerasfn import *

num_classes = 10
x_train = np.random.uniform(size=(32, 28, 28, 1))
y_train = to_categorical(np.random.randint(0, 10, size=32), num_classes)

model = (
    keras_model_sequential(input_shape=(28, 28, 1))
    | layer_conv_2d(filters=8, kernel_size=(3, 3), activation="relu")
    | layer_max_pooling_2d(pool_size=(2, 2))
    | layer_conv_2d(filters=16, kernel_size=(3, 3), activation="relu")
    | layer_max_pooling_2d(pool_size=(2, 2))
    | layer_flatten()
    | layer_dropout(rate=0.5)
    | layer_dense(units=num_classes, activation="softmax")
)

model | compile(loss="categorical_crossentropy", optimizer="adam", metrics="accuracy")
model | fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
print(model.count_params())
for layer in model.layers:
    print(layer.name, ":", " x ".join(map(str, layer.output.shape[1:])), "\n", end="")
probs = model | predict(x_train[:4], verbose=0)
classes = probs.argmax(axis=1)
print(len(classes))
