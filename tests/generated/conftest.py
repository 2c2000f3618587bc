"""Fixtures shared by the tests of kerasfn.generated: the small inputs R keras3's outputs were printed for."""

import numpy as np
import pytest


@pytest.fixture
def r_matrix():
    """R: rbind(c(1, 5, 3), c(9, 2, 4)), a float32 input of the op and activation tests."""
    return np.array([[1.0, 5.0, 3.0], [9.0, 2.0, 4.0]], dtype="float32")


@pytest.fixture
def y_true():
    """R: yt <- rbind(c(0, 1), c(1, 1)), the labels of the loss and metric tests."""
    return np.array([[0.0, 1.0], [1.0, 1.0]], dtype="float32")


@pytest.fixture
def y_pred():
    """R: yp <- rbind(c(0.2, 0.7), c(0.9, 0.4)), the predictions of the loss and metric tests."""
    return np.array([[0.2, 0.7], [0.9, 0.4]], dtype="float32")
