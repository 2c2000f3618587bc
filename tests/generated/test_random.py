"""kerasfn.generated.random: random_* draw what keras.random draws with the same seed, with R's
conversions (R's results quoted)."""

import keras
import numpy as np
import pytest

from kerasfn import (
    as_array,
    random_integer,
    random_normal,
    random_seed_generator,
    random_uniform,
    shape,
)


def test_random_draws_equal_keras_with_the_same_seed():
    np.testing.assert_array_equal(as_array(random_normal((2, 3), seed=1.0)),
                                  as_array(keras.random.normal((2, 3), seed=1)))
    np.testing.assert_array_equal(as_array(shape(4) | random_uniform(seed=2)),
                                  as_array(keras.random.uniform((4,), seed=2)))
    generator = random_seed_generator(seed=3.0)
    assert isinstance(generator, keras.random.SeedGenerator)


def test_random_integer_rounds_maxval_up_like_r():
    # R: range(as.array(random_integer(c(1000), 0, 2.5, seed = 1))) -> 0 2
    values = as_array(random_integer((1000,), 0.0, 2.5, seed=1))
    assert values.min() == 0 and values.max() == 2
    np.testing.assert_array_equal(values, as_array(keras.random.randint((1000,), 0, 3, seed=1)))
    with pytest.raises(TypeError, match="`maxval` must be a number; received 'a'"):
        random_integer((2,), 0, "a")
