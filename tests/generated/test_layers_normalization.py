"""kerasfn.generated.layers_normalization: the normalization layer functions give Keras' layers,
configured as Keras' own call would (R's doubles as axes and group counts), ``x | layer_*(...)`` gives the
Keras layer's output on the same data, and a bad argument is named."""

import keras
import numpy as np
import pytest

from kerasfn import (
    as_array,
    layer_batch_normalization,
    layer_group_normalization,
    layer_layer_normalization,
    layer_unit_normalization,
)


def test_layer_and_unit_normalization_take_0_based_axes_as_r_doubles(r_matrix, layer_config):
    assert layer_config(layer_layer_normalization(axis=1.0)) == layer_config(keras.layers.LayerNormalization(axis=1))
    np.testing.assert_allclose(as_array(r_matrix | layer_layer_normalization(axis=1.0)),
                               as_array(keras.layers.LayerNormalization(axis=1)(r_matrix)), rtol=1e-5)
    np.testing.assert_allclose(as_array(r_matrix | layer_unit_normalization(axis=0.0)),
                               as_array(keras.layers.UnitNormalization(axis=0)(r_matrix)), rtol=1e-6)


def test_batch_normalization_equals_keras_outside_training(r_matrix, layer_config):
    assert layer_config(layer_batch_normalization(momentum=0.9)) == layer_config(keras.layers.BatchNormalization(momentum=0.9))
    np.testing.assert_allclose(as_array(r_matrix | layer_batch_normalization()),
                               as_array(keras.layers.BatchNormalization()(r_matrix)), rtol=1e-6)


def test_group_normalization_takes_an_r_double_and_names_a_bad_group_count(layer_config):
    assert layer_config(layer_group_normalization(groups=2.0)) == layer_config(keras.layers.GroupNormalization(groups=2))
    with pytest.raises(ValueError, match="`groups` must"):
        layer_group_normalization(groups=1.5)
