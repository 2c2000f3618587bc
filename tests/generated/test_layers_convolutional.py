"""kerasfn.generated.layers_convolutional: the convolution layer functions give Keras' layers, configured
as Keras' own call would (R's doubles as filters and kernel sizes), ``x | layer_conv_*(...)`` gives the
Keras layer's output with the same weights, and a bad argument is named."""

import keras
import numpy as np
import pytest

from kerasfn import as_array, layer_conv_1d, layer_conv_2d, layer_depthwise_conv_2d

#: One 5 x 5 image of two channels.
IMAGE = np.arange(50, dtype="float32").reshape(1, 5, 5, 2) / 50


def test_conv_2d_takes_r_doubles_and_equals_keras_with_the_same_weights(layer_config):
    assert layer_config(layer_conv_2d(filters=3.0, kernel_size=[3.0, 3.0])) == layer_config(keras.layers.Conv2D(3, (3, 3)))
    initializer = keras.initializers.GlorotUniform(seed=1)
    got = IMAGE | layer_conv_2d(filters=3.0, kernel_size=3.0, kernel_initializer=initializer)
    expected = keras.layers.Conv2D(3, 3, kernel_initializer=keras.initializers.GlorotUniform(seed=1))(IMAGE)
    np.testing.assert_allclose(as_array(got), as_array(expected), rtol=1e-6)


def test_depthwise_conv_takes_an_r_double_as_depth_multiplier():
    got = IMAGE | layer_depthwise_conv_2d(kernel_size=2.0, depth_multiplier=2.0, depthwise_initializer="ones")
    expected = keras.layers.DepthwiseConv2D(2, depth_multiplier=2, depthwise_initializer="ones")(IMAGE)
    np.testing.assert_allclose(as_array(got), as_array(expected), rtol=1e-6)


def test_bad_filters_and_kernel_sizes_are_named():
    with pytest.raises(ValueError, match="`filters` must"):
        layer_conv_1d(filters=0, kernel_size=3)
    with pytest.raises(ValueError, match="`kernel_size` must"):
        layer_conv_1d(filters=2, kernel_size=2.5)
