"""kerasfn.api.models: keras_input() (and R keras 2's name for it, layer_input), keras_model_sequential() and
keras_model() take R keras3's arguments and make what R keras3 makes on this Keras.

R keras3 (/work/shared/rkeras/run.sh):

    x <- keras_input(c(10, NA), batch_size = 4, dtype = "int32", name = "seq")
    x$shape; x$dtype; x$name                       # 4 10 NULL; "int32"; "seq"
    keras_input(batch_shape = c(32, 5))$shape      # 32 5
    identical(layer_input, keras_input)            # TRUE
    m <- keras_model_sequential(input_shape = c(10, 8), name = "stack", input_batch_size = 4,
                                input_name = "inp") |> layer_lstm(3)
    m$name; m$input_shape; m$inputs[[1]]$name; length(m$layers)    # "stack"; 4 10 8; "inp"; 1
    m2 <- keras_model_sequential(); length(m2$layers); m2$built      # 0; FALSE
    m3 <- keras_model_sequential(input_shape = 3, trainable = FALSE,
                                 layers = list(layer_dense(units = 2), layer_dense(units = 1)))
    m3$trainable; length(m3$layers); m3$output_shape                # FALSE; 2; NULL 1
    inp <- keras_input(c(5, 2)); c(out, h, c2) %<-% (inp |> layer_lstm(3, return_state = TRUE))
    mm <- keras_model(inp, list(out, h, c2), name = "states"); mm$name; length(mm$outputs)   # "states"; 3
    keras_model(inp)   # ValueError: All `outputs` values must be KerasTensors. Received: outputs=None
"""

import keras
import numpy as np
import pytest

from kerasfn import (
    keras_input,
    keras_model,
    keras_model_sequential,
    layer_dense,
    layer_input,
    layer_lstm,
)


def test_keras_input_takes_r_shapes_and_arguments():
    x = keras_input([10.0, None], batch_size=4.0, dtype="int32", name="seq")
    assert (tuple(x.shape), x.dtype, x.name) == ((4, 10, None), "int32", "seq")
    assert tuple(keras_input(batch_shape=[32.0, 5.0]).shape) == (32, 5)
    assert tuple(keras_input(3).shape) == (None, 3)


def test_layer_input_is_keras_input():
    assert layer_input is keras_input


def test_sequential_input_arguments_make_its_input_layer():
    model = keras_model_sequential(input_shape=(10.0, 8.0), name="stack", input_batch_size=4.0, input_name="inp") \
        | layer_lstm(3)
    assert (model.name, model.input_shape, model.inputs[0].name, len(model.layers)) == ("stack", (4, 10, 8), "inp", 1)


def test_an_empty_sequential_is_unbuilt():
    model = keras_model_sequential()
    assert (len(model.layers), model.built) == (0, False)


def test_sequential_takes_its_layers_and_trainable():
    model = keras_model_sequential(input_shape=3, trainable=False, layers=[layer_dense(units=2), layer_dense(units=1)])
    assert (model.trainable, len(model.layers), model.output_shape) == (False, 2, (None, 1))


def test_keras_model_takes_a_named_return_state_result_as_its_list_of_parts():
    inputs = keras_input((5, 2))
    outputs = inputs | layer_lstm(3, return_state=True)
    assert isinstance(outputs, tuple)
    model = keras_model(inputs, outputs, name="states")
    plain = keras.Model(inputs, list(outputs))  # R's list(out, h, c2)
    assert (model.name, len(model.outputs), type(model.output)) == ("states", 3, type(plain.output))
    x = np.ones((1, 5, 2), dtype="float32")
    for ours, theirs in zip(model.predict(x, verbose=0), plain.predict(x, verbose=0), strict=True):
        np.testing.assert_array_equal(ours, theirs)


def test_keras_model_without_outputs_names_them():
    # R keras3 passes outputs = NULL on to Keras: "All `outputs` values must be KerasTensors"
    with pytest.raises(TypeError, match=r"^`outputs` is missing; `inputs` was <KerasTensor"):
        keras_model(keras_input((5, 2)))
