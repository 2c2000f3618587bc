# magrittr pipes with the `.` placeholder, lambdas, control flow, helper functions
import numpy as np
from kerasfn import *
from kerasfn.base_r import cat


def dense_block(x, units, dropout=0):
    x = x | layer_dense(units, activation="relu")
    if dropout > 0:
        x = x | layer_dropout(rate=dropout)
    return x


inputs = keras_input(shape=8)
outputs = dense_block(dense_block(inputs, 32, dropout=0.1), 16) | layer_dense(units=2, activation="softmax")
model = keras_model(inputs=inputs, outputs=outputs)

n_params = model.count_params()
print(n_params)
summary(model)

sizes = np.array([4.0, 8.0, 16.0])  # R: c(4, 8, 16) holds doubles
squares = sizes**2
print(squares)
total = 0
i = 1
while i <= len(sizes):
    total = total + sizes[i - 1]
    i = i + 1
print(total)


def describe(n):
    return "big" if n > 10 else "small"


for s in sizes:
    cat(s, describe(s), "\n")  # R's cat() prints the double 4 as 4
first = sizes[:2]
print(first)
