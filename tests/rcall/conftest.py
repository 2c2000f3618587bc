"""Fixtures shared by the tests of kerasfn.rcall: the small input R keras3's outputs were printed for."""

import numpy as np
import pytest


@pytest.fixture
def r_matrix() -> np.ndarray:
    """R: rbind(c(1, 5, 3), c(9, 2, 4)), a float32 input piped into op_* functions."""
    return np.array([[1.0, 5.0, 3.0], [9.0, 2.0, 4.0]], dtype="float32")
