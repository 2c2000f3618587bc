"""kerasfn.api.reticulate: reticulate's array and iterator helpers (array_reshape row-major, order = "C";
np_array; iterate, as_iterator, iter_next) and R keras3's zip_lists (R/utils.R), against numpy."""

import keras
import numpy as np
import pytest

from kerasfn import array_reshape, as_iterator, iter_next, iterate, np_array, zip_lists


def test_array_reshape_is_row_major_as_reticulate():
    # R keras3 (run here): print(array_reshape(1:6, c(2, 3)))  ->  [1,] 1 2 3 / [2,] 4 5 6
    # (R's dim(x) <- c(2, 3) would fill columns: 1 3 5 / 2 4 6)
    np.testing.assert_array_equal(array_reshape(np.arange(1, 7), (2.0, 3.0)), [[1, 2, 3], [4, 5, 6]])
    np.testing.assert_array_equal(array_reshape(np.arange(1, 7), (2, 3), order="F"), [[1, 3, 5], [2, 4, 6]])
    np.testing.assert_array_equal(np.arange(1, 7) | array_reshape((3, -1)), np.arange(1, 7).reshape(3, 2))
    with pytest.raises(ValueError, match=r"`dim` \(4, 2\) does not fit the 6 values of `x`"):
        array_reshape(np.arange(6), (4, 2))
    with pytest.raises(ValueError, match=r'`order` must be "C" \(row-major\) or "F" \(column-major\); received \'A\''):
        array_reshape(np.arange(6), (2, 3), order="A")


def test_np_array_is_numpy_array():
    result = np_array([[1, 2], [3, 4]], dtype="float32", order="F")
    assert result.dtype == np.float32 and result.flags["F_CONTIGUOUS"]


def test_iterators():
    assert iterate(range(3), lambda i: i * 2).tolist() == [0, 2, 4]  # numbers simplify to a vector
    assert iterate([[1], [2]]) == [[1], [2]]
    assert iterate(range(2), simplify=False) == [0, 1]
    dataset = keras.utils.timeseries_dataset_from_array(np.arange(4.0), None, sequence_length=2, batch_size=2)
    it = dataset | as_iterator()
    assert iter_next(it).shape == (2, 2) and iter_next(it).shape == (1, 2)
    assert iter_next(it) is None and iter_next(it, completed="end") == "end"
    with pytest.raises(TypeError, match=r"`f` must be a function; received 3"):
        iterate([1], 3)


def test_zip_lists_positional_and_named():
    # R keras3 (run here): str(zip_lists(list(a = 1, b = 2), list(b = 20, a = 10)))
    # List of 2 / $ a:List of 2 (1, 10) / $ b:List of 2 (2, 20)
    assert zip_lists([1, 2], ["a", "b"]) == [[1, "a"], [2, "b"]]
    assert zip_lists([[1, 2], ["a", "b"]]) == [[1, "a"], [2, "b"]]  # one argument: the lists to zip
    assert zip_lists({"a": 1, "b": 2}, {"b": 20, "a": 10}) == {"a": [1, 10], "b": [2, 20]}
    with pytest.raises(ValueError, match=r"All names of arguments provided to `zip_lists\(\)` must match"):
        zip_lists({"a": 1}, {"b": 2})
    with pytest.raises(ValueError, match=r"zip_lists\(\) needs lists of one length; received lengths \[1, 2\]"):
        zip_lists([1], [1, 2])
