"""kerasfn.generated.layers_pooling: the pooling layer functions give Keras' layers, configured as Keras'
own call would (R's doubles as pool sizes), ``x | layer_*_pooling_*(...)`` gives the Keras layer's output
on the same data, and a bad argument is named."""

import keras
import numpy as np
import pytest

from kerasfn import (
    as_array,
    layer_average_pooling_1d,
    layer_global_average_pooling_1d,
    layer_max_pooling_2d,
)

#: One 4 x 4 single-channel image.
IMAGE = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)


def test_max_pooling_takes_r_doubles_and_equals_keras(layer_config):
    assert layer_config(layer_max_pooling_2d(pool_size=[2.0, 2.0])) == layer_config(keras.layers.MaxPooling2D((2, 2)))
    np.testing.assert_array_equal(as_array(IMAGE | layer_max_pooling_2d(pool_size=2.0)),
                                  as_array(keras.layers.MaxPooling2D(2)(IMAGE)))


def test_global_average_pooling_equals_keras_and_names_a_bad_keepdims():
    sequence = IMAGE[..., 0]
    np.testing.assert_allclose(as_array(sequence | layer_global_average_pooling_1d(keepdims=True)),
                               as_array(keras.layers.GlobalAveragePooling1D(keepdims=True)(sequence)), rtol=1e-6)
    with pytest.raises(TypeError, match="`keepdims` must be True or False"):
        layer_global_average_pooling_1d(keepdims="yes")


def test_average_pooling_names_a_fractional_pool_size():
    with pytest.raises(ValueError, match="`pool_size` must"):
        layer_average_pooling_1d(pool_size=1.5)
