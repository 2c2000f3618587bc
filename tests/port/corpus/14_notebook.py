# the R chunks of 14_notebook.Rmd, ported by hand (the data frame and the formula are dropped)
import os

os.environ["KERAS_BACKEND"] = "tensorflow"
from kerasfn import *

x = random_normal((4, 3))
print((x | layer_dense(2)).shape)
inputs = keras_input(shape=3)
model = keras_model(inputs, inputs | layer_dense(1))
print(len(model.weights))
