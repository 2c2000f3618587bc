"""kerasfn.api.utils: to_categorical, pad_sequences, timeseries_dataset_from_array and set_random_seed
take R's doubles and name a bad argument."""

import numpy as np
import pytest

import kerasfn
from kerasfn import (
    pad_sequences,
    random_uniform,
    set_random_seed,
    timeseries_dataset_from_array,
    to_categorical,
)


def test_helpers_follow_r_conventions():
    np.testing.assert_array_equal(to_categorical([0.0, 1.0], 2.0), np.eye(2))
    with pytest.raises(ValueError, match=r"`x` must hold whole class indices; received \[0.5\]"):
        to_categorical([0.5])
    with pytest.raises(ValueError, match=r"`x` must hold class indices 0, 1, 2, ...; received \[-1\]"):
        to_categorical([-1])
    assert pad_sequences([[1, 2, 3], [4]], maxlen=2.0, padding="post").tolist() == [[2, 3], [4, 0]]
    with pytest.raises(ValueError, match=r'`padding` must be "pre" or "post"; received .before.'):
        pad_sequences([[1]], padding="before")
    dataset = timeseries_dataset_from_array(np.arange(6.0), None, sequence_length=2.0, batch_size=10.0)
    assert next(iter(dataset)).numpy().tolist() == [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5]]
    with pytest.raises(ValueError, match=r"`sequence_length` must be a positive whole number; received 0"):
        timeseries_dataset_from_array(np.arange(6.0), None, sequence_length=0)
    set_random_seed(7.0)
    first = kerasfn.as_array(random_uniform((3,)))
    set_random_seed(7)
    np.testing.assert_array_equal(first, kerasfn.as_array(random_uniform((3,))))
