"""Data helpers R keras3 scripts use, with R's argument conventions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import keras
import numpy as np

from kerasfn.base_r import rng
from kerasfn.rcall.binding import r_function
from kerasfn.rcall.converters import (
    Converter,
    as_bool,
    as_integer,
    as_nonnegative_integer,
    as_number,
    as_positive_integer,
    describe,
    required,
)

__all__ = ["data_helper", "pad_sequences", "set_random_seed", "timeseries_dataset_from_array", "to_categorical"]


def _is_data(value: Any) -> bool:
    """A vector, matrix or array of data (not a single number or a string):
    what a data helper works on, and what ``data | helper()`` pipes in."""
    if isinstance(value, (str, bytes)) or value is None:
        return False
    shape = getattr(value, "shape", None)
    if shape is not None:
        return len(shape) > 0
    return isinstance(value, (list, tuple))


def data_helper(converters: dict[str, Converter] | None = None) -> Any:
    """R semantics for a data helper: ``pad_sequences(seqs, ...)`` or ``seqs | pad_sequences(...)``."""
    return r_function(_is_data, "a vector or array of data", converters)


def _as_pre_post(name: str, value: Any) -> str:
    if value not in ("pre", "post"):
        raise ValueError(f'`{name}` must be "pre" or "post"; received {describe(value)}.')
    return value


@data_helper({"num_classes": as_positive_integer})
def to_categorical(x: Any, num_classes: int | None = None) -> np.ndarray:
    """Convert a class vector (integers) to a binary class matrix

    Description:
        One-hot encodes class indices, which start at 0 as in R keras3.
        R-style doubles (``c(0, 2, 1)``) are accepted when they are whole.

    Arguments:
        x: Array-like of class indices from 0 to ``num_classes - 1``.
        num_classes: Number of classes (default: the largest index + 1).

    Value:
        A float array with one more axis of size ``num_classes``.

    Examples:
        >>> from kerasfn import to_categorical
        >>> to_categorical([0.0, 2.0, 1.0], num_classes=3)
        array([[1., 0., 0.],
               [0., 0., 1.],
               [0., 1., 0.]])

    See also:
        :func:`pad_sequences`.
    """
    values = np.asarray(x)
    if values.dtype.kind == "f":
        if not np.all(np.mod(values, 1) == 0):
            raise ValueError(f"`x` must hold whole class indices; received {describe(x)}.")
        values = values.astype("int64")
    if values.dtype.kind not in "iu" or (values.size and values.min() < 0):
        raise ValueError(f"`x` must hold class indices 0, 1, 2, ...; received {describe(x)}.")
    return keras.utils.to_categorical(values, num_classes=num_classes)


@data_helper({"maxlen": as_positive_integer, "padding": _as_pre_post, "truncating": _as_pre_post, "value": as_number})
def pad_sequences(
    sequences: Sequence[Sequence[Any]],
    maxlen: int | None = None,
    dtype: str = "int32",
    padding: str = "pre",
    truncating: str = "pre",
    value: float = 0.0,
) -> np.ndarray:
    """Pad sequences to the same length

    Description:
        Turns a list of sequences into a 2D array of shape
        ``(len(sequences), maxlen)``, padding (or truncating) at the start
        (``"pre"``) or end (``"post"``).

    Arguments:
        sequences: List of sequences (lists of numbers).
        maxlen: Length of the result (default: the longest sequence).
        dtype: Type of the result.
        padding: ``"pre"`` or ``"post"``: where to pad.
        truncating: ``"pre"`` or ``"post"``: where to cut longer sequences.
        value: The padding value.

    Value:
        A numpy array.

    Examples:
        >>> from kerasfn import pad_sequences
        >>> pad_sequences([[1, 2], [3]], maxlen=3)
        array([[0, 1, 2],
               [0, 0, 3]], dtype=int32)

    See also:
        :func:`to_categorical`.
    """
    return keras.utils.pad_sequences(
        sequences, maxlen=maxlen, dtype=dtype, padding=padding, truncating=truncating, value=value,
    )


@data_helper({
    "sequence_length": required(as_positive_integer), "sequence_stride": as_positive_integer,
    "sampling_rate": as_positive_integer, "batch_size": as_positive_integer, "shuffle": as_bool,
    "seed": as_integer, "start_index": as_nonnegative_integer, "end_index": as_nonnegative_integer,
})
def timeseries_dataset_from_array(
    data: Any,
    targets: Any,
    sequence_length: int,
    sequence_stride: int = 1,
    sampling_rate: int = 1,
    batch_size: int | None = 128,
    shuffle: bool = False,
    seed: int | None = None,
    start_index: int | None = None,
    end_index: int | None = None,
) -> Any:
    """Create a dataset of sliding windows over a timeseries

    Description:
        Each element is a batch of windows of ``sequence_length`` steps of
        ``data`` with, when ``targets`` is given, the target of each window
        (``targets[i]`` for the window starting at ``i``).  Indices are
        0-based, as everywhere in Python.

    Arguments:
        data: Array of timesteps (first axis is time).
        targets: Targets aligned with ``data``'s first axis, or ``None``.
        sequence_length: Length of each window (whole number).
        sequence_stride: Steps between the starts of windows.
        sampling_rate: Steps between the timesteps inside a window.
        batch_size: Windows per batch (``None``: unbatched).
        shuffle: Whether to shuffle the windows.
        seed: Seed for shuffling.
        start_index: First timestep used (0-based, inclusive).
        end_index: Last timestep used (exclusive).

    Value:
        A ``tf.data.Dataset`` of ``(windows, targets)`` batches.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import timeseries_dataset_from_array
        >>> series = np.arange(10.0)
        >>> dataset = timeseries_dataset_from_array(series[:, None], series[3:], sequence_length=3, batch_size=4)
        >>> windows, targets = next(iter(dataset))
        >>> windows.shape, targets.numpy().tolist()
        (TensorShape([4, 3, 1]), [3.0, 4.0, 5.0, 6.0])

    See also:
        :func:`fit`.
    """
    return keras.utils.timeseries_dataset_from_array(
        data, targets, sequence_length=sequence_length, sequence_stride=sequence_stride,
        sampling_rate=sampling_rate, batch_size=batch_size, shuffle=shuffle, seed=seed,
        start_index=start_index, end_index=end_index,
    )


def set_random_seed(seed: int) -> None:
    """Set all random seeds (R's, Python, NumPy, backend)

    Description:
        Makes weight initialisation, dropout and shuffling repeatable.  As
        R keras3's does, it also seeds R's generator (R's ``set.seed()``:
        :func:`kerasfn.base_r.set_seed`), so ``kerasfn.base_r.sample()`` and
        ``runif()`` then draw R's numbers.

    Arguments:
        seed: A whole number (R's ``1234`` double is fine).

    Value:
        ``None``.

    Examples:
        >>> from kerasfn import random_uniform, set_random_seed
        >>> set_random_seed(1.0)
        >>> a = float(random_uniform((1,))[0])
        >>> set_random_seed(1.0)
        >>> a == float(random_uniform((1,))[0])
        True

    See also:
        :func:`random_uniform`.
    """
    seed = as_integer("seed", seed)
    rng.set_seed(seed)  # R's generator only: Keras seeds Python's, NumPy's and the backend's
    keras.utils.set_random_seed(seed)  # nothing to compose with: an ordinary function
