"""kerasfn.generated.ops_math: op_logsumexp, op_top_k, op_segment_sum and op_in_top_k against keras.ops on
the same inputs, with R's conventions (0-based axes and indices, R's doubles as integers, a partial call
from a pipe) against what R keras3 printed (the R code and its output are quoted with each expectation)."""

import keras
import numpy as np
import pytest

from kerasfn import as_array, op_in_top_k, op_logsumexp, op_segment_sum, op_top_k


def test_logsumexp_takes_0_based_axes_and_r_doubles(r_matrix):
    expected = as_array(keras.ops.logsumexp(r_matrix, axis=1))
    np.testing.assert_allclose(as_array(op_logsumexp(r_matrix, axis=1)), expected, rtol=1e-6)
    np.testing.assert_allclose(as_array(r_matrix | op_logsumexp(axis=1.0)), expected, rtol=1e-6)


def test_top_k_indices_are_r_results_minus_one():
    # R: tk <- op_top_k(c(5, 1, 9, 3), k = 2); names: "values" "indices"; 9 5; 3 1
    top = op_top_k(np.array([5.0, 1.0, 9.0, 3.0]), k=2.0)
    assert as_array(top.values).tolist() == [9.0, 5.0] and as_array(top.indices).tolist() == [2, 0]


def test_segment_sum_equals_keras_with_r_doubles_as_segment_ids():
    data = np.array([1.0, 2.0, 3.0, 4.0], dtype="float32")
    expected = as_array(keras.ops.segment_sum(data, np.array([0, 0, 1, 1]), num_segments=2))
    np.testing.assert_array_equal(as_array(op_segment_sum(data, [0.0, 0.0, 1.0, 1.0], num_segments=2.0)), expected)
    np.testing.assert_array_equal(as_array(data | op_segment_sum(segment_ids=np.array([0, 0, 1, 1]), num_segments=2)), expected)


def test_in_top_k_equals_keras_and_names_a_fractional_k(r_matrix):
    targets = np.array([1, 0])
    expected = as_array(keras.ops.in_top_k(targets, r_matrix, k=1))
    np.testing.assert_array_equal(as_array(op_in_top_k(targets, r_matrix, k=1.0)), expected)
    with pytest.raises(ValueError, match="`k` must be a whole number"):
        op_in_top_k(targets, r_matrix, k=1.5)
