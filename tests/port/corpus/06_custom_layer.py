# A custom layer class: initialize, build (weights), call
import numpy as np
from kerasfn import *


def linear_initialize(self, units=32, **kwargs):
    self.units = int(units)


def linear_build(self, input_shape):
    self.w = self.add_weight(shape=(input_shape[1], self.units), initializer="random_normal", trainable=True)
    self.b = self.add_weight(shape=(self.units,), initializer="zeros", trainable=True)


layer_linear = Layer(
    classname="Linear",
    initialize=linear_initialize,
    build=linear_build,
    call=lambda self, inputs: op_matmul(inputs, self.w) + self.b,
)

inputs = keras_input(shape=(5,))
outputs = inputs | layer_linear(units=3) | layer_activation("relu")
model = keras_model(inputs, outputs)
print(model.count_params())
print(len(model.layers[1].weights))
y = model | predict(np.ones((2, 5)), verbose=0)
print(y.shape)
class_name = type(model.layers[1]).__name__
print(class_name)
