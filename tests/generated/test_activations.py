"""kerasfn.generated.activations: activation_* compute keras.activations' values, pipe, and stand for
Keras' own functions where a layer takes an activation (so a model using one saves and loads)."""

import keras
import numpy as np

from kerasfn import (
    activation_relu,
    activation_softmax,
    as_array,
    keras_input,
    keras_model,
    layer_dense,
    load_model,
    save_model,
)


def test_activations_compute_pipe_and_stand_for_keras_functions():
    v = np.array([-2.0, 0.5, 3.0], dtype="float32")
    np.testing.assert_allclose(as_array(activation_relu(v, max_value=1.0)),
                               as_array(keras.activations.relu(v, max_value=1.0)))
    np.testing.assert_allclose(as_array(keras.ops.convert_to_tensor(v) | activation_relu()),
                               as_array(keras.activations.relu(v)))
    np.testing.assert_allclose(as_array(v | activation_softmax(axis=0)), as_array(keras.activations.softmax(v, axis=0)))
    layer = layer_dense(units=2, activation=activation_relu)
    assert layer.activation is keras.activations.relu
    assert layer.get_config()["activation"] == keras.layers.Dense(2, activation="relu").get_config()["activation"]


def test_a_layer_with_an_activation_function_saves_and_loads(tmp_path, r_matrix):
    inputs = keras_input(shape=(3,))
    model = keras_model(inputs, inputs | layer_dense(units=2, activation=activation_softmax))
    save_model(model, tmp_path / "m.keras")
    reloaded = load_model(tmp_path / "m.keras")  # no custom_objects: it is Keras' own softmax
    assert reloaded.layers[-1].activation is keras.activations.softmax
    np.testing.assert_allclose(as_array(reloaded(r_matrix)), as_array(model(r_matrix)), rtol=1e-6)
