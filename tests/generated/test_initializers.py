"""kerasfn.generated.initializers: the initializer_* functions give Keras' initializers, configured as
Keras' own call would (R's doubles as seeds), drawing the same values as Keras' on the same seed, and name
a bad argument."""

import keras
import numpy as np
import pytest

from kerasfn import (
    as_array,
    initializer_constant,
    initializer_he_normal,
    initializer_random_uniform,
)


def test_seeded_initializers_draw_keras_values_with_r_doubles_as_seeds():
    got = initializer_he_normal(seed=7.0)
    assert type(got.seed) is int and got.get_config() == keras.initializers.HeNormal(seed=7).get_config()
    np.testing.assert_array_equal(as_array(got((3, 2))), as_array(keras.initializers.HeNormal(seed=7)((3, 2))))


def test_arguments_reach_keras():
    got = initializer_random_uniform(minval=-1, maxval=1, seed=2.0)
    assert got.get_config() == keras.initializers.RandomUniform(minval=-1.0, maxval=1.0, seed=2).get_config()
    np.testing.assert_array_equal(as_array(initializer_constant(3)((2,))), [3.0, 3.0])


def test_a_fractional_seed_is_named():
    with pytest.raises(ValueError, match="`seed` must"):
        initializer_he_normal(seed=1.5)
