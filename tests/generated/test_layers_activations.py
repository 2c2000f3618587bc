"""kerasfn.generated.layers_activations: the activation layer functions give Keras' layers, configured as
Keras' own call would (R's doubles as axes), and ``x | layer_activation_*(...)`` gives the Keras layer's
output on the same data."""

import keras
import numpy as np
import pytest

from kerasfn import (
    as_array,
    layer_activation,
    layer_activation_leaky_relu,
    layer_activation_relu,
    layer_activation_softmax,
)


def test_piped_outputs_equal_keras_layers(r_matrix):
    np.testing.assert_allclose(as_array(r_matrix | layer_activation_leaky_relu(negative_slope=0.1)),
                               as_array(keras.layers.LeakyReLU(negative_slope=0.1)(r_matrix)), rtol=1e-6)
    np.testing.assert_allclose(as_array(r_matrix | layer_activation_relu(max_value=4.0)),
                               as_array(keras.layers.ReLU(max_value=4.0)(r_matrix)), rtol=1e-6)
    np.testing.assert_allclose(as_array(r_matrix | layer_activation("tanh")),
                               as_array(keras.layers.Activation("tanh")(r_matrix)), rtol=1e-6)


def test_softmax_takes_a_0_based_axis_as_an_r_double(r_matrix, layer_config):
    layer = layer_activation_softmax(axis=0.0)
    assert layer_config(layer) == layer_config(keras.layers.Softmax(axis=0))
    np.testing.assert_allclose(as_array(r_matrix | layer_activation_softmax(axis=0.0)),
                               as_array(keras.layers.Softmax(axis=0)(r_matrix)), rtol=1e-6)
    with pytest.raises(ValueError, match="`axis` must be a whole number"):
        layer_activation_softmax(axis=0.5)
