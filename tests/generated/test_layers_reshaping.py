"""kerasfn.generated.layers_reshaping: the reshaping layer functions give Keras' layers, configured as
Keras' own call would (R's doubles as shapes, sizes and paddings), ``x | layer_*(...)`` gives the Keras
layer's output on the same data, and a bad argument is named."""

import keras
import numpy as np
import pytest

from kerasfn import (
    as_array,
    layer_repeat_vector,
    layer_reshape,
    layer_upsampling_1d,
    layer_zero_padding_1d,
)

#: Two samples of six values.
X = np.arange(12, dtype="float32").reshape(2, 6)


def test_reshape_takes_r_doubles_as_the_target_shape(layer_config):
    assert layer_config(layer_reshape(target_shape=[3.0, 2.0])) == layer_config(keras.layers.Reshape((3, 2)))
    np.testing.assert_array_equal(as_array(X | layer_reshape([3.0, 2.0])),
                                  as_array(keras.layers.Reshape((3, 2))(X)))


def test_repeat_vector_takes_an_r_double_and_names_a_bad_n():
    np.testing.assert_array_equal(as_array(X | layer_repeat_vector(2.0)), as_array(keras.layers.RepeatVector(2)(X)))
    with pytest.raises(ValueError, match="`n` must"):
        layer_repeat_vector(0)


def test_padding_and_upsampling_take_r_doubles():
    sequence = X.reshape(2, 3, 2)
    np.testing.assert_array_equal(as_array(sequence | layer_zero_padding_1d(padding=1.0)),
                                  as_array(keras.layers.ZeroPadding1D(1)(sequence)))
    np.testing.assert_array_equal(as_array(sequence | layer_upsampling_1d(size=2.0)),
                                  as_array(keras.layers.UpSampling1D(2)(sequence)))
