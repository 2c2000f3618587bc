"""The subject decorators (kerasfn/rcall/subjects.py): an op's ``axis`` is checked against its tensor's rank.

R counts axes from 1, Keras from 0: an ``axis`` beyond the rank is named,
with the R spelling of the axis meant.  R keras3 passes it to Keras:
op_sum(x, axis = 4) on a rank-3 tensor fails with TensorFlow's "Invalid
reduction dimension".
"""

import numpy as np
import pytest

from kerasfn import as_array, op_mean, op_sum


def test_an_axis_beyond_the_rank_says_axes_count_from_zero():
    x = np.ones((2, 3, 4))
    with pytest.raises(ValueError, match=r"`axis` = 3 is out of range for a rank-3 tensor \(shape \(2, 3, 4\)\): "
                                         r"axes count from 0.*R's axis = 3 is axis=2"):
        op_sum(x, axis=3)
    with pytest.raises(ValueError, match=r"`axis` = -4 is out of range for a rank-3 tensor"):
        x | op_mean(axis=(0, -4))
    np.testing.assert_allclose(as_array(op_sum(x, axis=2)), np.sum(x, axis=2))  # in range: numpy's answer
