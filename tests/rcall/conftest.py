"""Fixtures shared by the tests of kerasfn.rcall: the small inputs R keras3's outputs were printed for."""

import numpy as np
import pytest


@pytest.fixture
def r_matrix() -> np.ndarray:
    """R: rbind(c(1, 5, 3), c(9, 2, 4)), a float32 input piped into op_* functions."""
    return np.array([[1.0, 5.0, 3.0], [9.0, 2.0, 4.0]], dtype="float32")


@pytest.fixture
def y_true() -> np.ndarray:
    """R: yt <- rbind(c(0, 1), c(1, 1)), the labels R keras3's loss values were printed for."""
    return np.array([[0.0, 1.0], [1.0, 1.0]], dtype="float32")


@pytest.fixture
def y_pred() -> np.ndarray:
    """R: yp <- rbind(c(0.2, 0.7), c(0.9, 0.4)), the predictions R keras3's loss values were printed for."""
    return np.array([[0.2, 0.7], [0.9, 0.4]], dtype="float32")
