"""kerasfn.generated.layers_regularization: the dropout and noise layer functions give Keras' layers,
configured as Keras' own call would (R's doubles as seeds), pass data through unchanged outside training,
and name a rate that is not a fraction."""

import keras
import numpy as np
import pytest

from kerasfn import (
    as_array,
    layer_activity_regularization,
    layer_dropout,
    layer_gaussian_noise,
)


def test_rate_must_be_a_fraction():
    with pytest.raises(ValueError, match=r"`rate` must be between 0 and 1; received 1.5"):
        layer_dropout(1.5)


def test_layers_are_configured_as_keras_would_with_r_doubles_as_seeds(layer_config):
    assert layer_config(layer_dropout(rate=0.5, seed=3.0)) == layer_config(keras.layers.Dropout(0.5, seed=3))
    assert layer_config(layer_gaussian_noise(stddev=0.1, seed=3.0)) == layer_config(keras.layers.GaussianNoise(0.1, seed=3))
    assert layer_config(layer_activity_regularization(l1=0.01)) == layer_config(keras.layers.ActivityRegularization(l1=0.01))


def test_piped_data_passes_unchanged_outside_training(r_matrix):
    np.testing.assert_array_equal(as_array(r_matrix | layer_dropout(0.5)), as_array(keras.layers.Dropout(0.5)(r_matrix)))
    np.testing.assert_array_equal(as_array(r_matrix | layer_gaussian_noise(0.1)), r_matrix)
