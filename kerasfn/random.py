"""Random tensor generators with R keras3's names and conventions."""

from __future__ import annotations

from typing import Any

import keras

from kerasfn.r_conventions import as_integer
from kerasfn.shape import as_shape

__all__ = ["random_normal", "random_uniform"]


def random_uniform(
    shape: Any, minval: float = 0.0, maxval: float = 1.0, dtype: str | None = None, seed: Any = None
) -> Any:
    """Draw samples from a uniform distribution

    Description:
        Values are drawn uniformly from ``[minval, maxval)``.  Handy as eager
        test data for a layer: ``random_uniform((32, 10, 8)) | layer_lstm(4)``.

    Arguments:
        shape: The shape of the tensor: a tuple, list or ``shape(...)``.
        minval: Lower bound of the range (inclusive).
        maxval: Upper bound of the range (exclusive).
        dtype: Data type, default the Keras float type (``"float32"``).
        seed: Optional whole-number seed, or a ``keras.random.SeedGenerator``.

    Value:
        A backend tensor of the given shape.

    Examples:
        >>> from kerasfn import random_uniform, shape
        >>> x = random_uniform((2, 3), seed=1)
        >>> shape(x)
        shape(2, 3)
        >>> bool((x >= 0).numpy().all() and (x < 1).numpy().all())
        True

    See also:
        :func:`random_normal`, :func:`shape`.
    """
    return keras.random.uniform(
        as_shape("shape", shape), minval=minval, maxval=maxval, dtype=dtype, seed=_seed(seed)
    )


def random_normal(
    shape: Any, mean: float = 0.0, stddev: float = 1.0, dtype: str | None = None, seed: Any = None
) -> Any:
    """Draw random samples from a normal (Gaussian) distribution

    Description:
        Values are drawn from a normal distribution with the given ``mean``
        and standard deviation ``stddev``.

    Arguments:
        shape: The shape of the tensor: a tuple, list or ``shape(...)``.
        mean: Mean of the distribution.
        stddev: Standard deviation of the distribution.
        dtype: Data type, default the Keras float type (``"float32"``).
        seed: Optional whole-number seed, or a ``keras.random.SeedGenerator``.

    Value:
        A backend tensor of the given shape.

    Examples:
        >>> from kerasfn import random_normal, shape
        >>> shape(random_normal((4, 5), seed=1))
        shape(4, 5)

    See also:
        :func:`random_uniform`, :func:`shape`.
    """
    return keras.random.normal(
        as_shape("shape", shape), mean=mean, stddev=stddev, dtype=dtype, seed=_seed(seed)
    )


def _seed(seed: Any) -> Any:
    return as_integer("seed", seed) if isinstance(seed, (int, float)) else seed
