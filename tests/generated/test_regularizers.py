"""kerasfn.generated.regularizers: the regularizer_* functions give Keras' regularizers, configured as
Keras' own call would, computing Keras' penalty on the same weights, and name a bad argument."""

import keras
import numpy as np
import pytest

from kerasfn import as_array, regularizer_l1, regularizer_l2, regularizer_orthogonal

#: A weight matrix.
W = np.array([[1.0, -2.0], [0.5, 3.0]], dtype="float32")


def test_penalties_equal_keras():
    assert regularizer_l1(0.1).get_config() == keras.regularizers.L1(0.1).get_config()
    np.testing.assert_allclose(as_array(regularizer_l1(0.1)(W)), as_array(keras.regularizers.L1(0.1)(W)), rtol=1e-6)
    np.testing.assert_allclose(as_array(regularizer_l2()(W)), as_array(keras.regularizers.L2()(W)), rtol=1e-6)


def test_orthogonal_takes_r_arguments_and_names_a_bad_mode():
    assert regularizer_orthogonal(factor=1, mode="columns").get_config() == \
        keras.regularizers.OrthogonalRegularizer(factor=1.0, mode="columns").get_config()
    with pytest.raises(TypeError, match="`mode` must"):
        regularizer_orthogonal(mode=1)
