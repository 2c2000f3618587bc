"""kerasfn.generated.constraints: the constraint_* functions give Keras' constraints, configured as
Keras' own call would (0-based axes as R's doubles), applying Keras' constraint to the same weights, and
name a bad argument."""

import keras
import numpy as np
import pytest

from kerasfn import (
    as_array,
    constraint_maxnorm,
    constraint_minmaxnorm,
    constraint_nonneg,
)

#: A weight matrix.
W = np.array([[1.0, -2.0], [0.5, 3.0]], dtype="float32")


def test_constraints_apply_as_keras_with_r_doubles_as_axes():
    got = constraint_maxnorm(max_value=1, axis=1.0)
    assert type(got.axis) is int and got.get_config() == keras.constraints.MaxNorm(1, axis=1).get_config()
    np.testing.assert_allclose(as_array(got(W)), as_array(keras.constraints.MaxNorm(1, axis=1)(W)), rtol=1e-6)
    np.testing.assert_array_equal(as_array(constraint_nonneg()(W)), as_array(keras.constraints.NonNeg()(W)))


def test_minmaxnorm_names_a_rate_that_is_not_a_fraction():
    with pytest.raises(ValueError, match="`rate` must be between 0 and 1"):
        constraint_minmaxnorm(rate=1.5)
