"""What R keras3 re-exports from the tensorflow R package (``R/reexports.R``), and ``keras_variable()``.

``as_tensor()`` and ``keras_variable()`` make backend tensors and Keras
variables; ``all_dims()`` and ``newaxis`` are R's spellings of Python's
``...`` and ``None`` in an index (``x[all_dims(), 0]`` is ``x[..., 0]``).
"""

from __future__ import annotations

from typing import Any

import keras
import numpy as np

from kerasfn.rcall.binding import r_function
from kerasfn.rcall.converters import (
    as_bool,
    as_optional_shape,
    as_string,
    as_target_shape,
)
from kerasfn.rcall.subjects import conversion_function

__all__ = ["CONSTANT_DOCS", "all_dims", "as_tensor", "keras_variable", "newaxis"]

#: R's ``newaxis`` in an index: Python's ``None`` (``x[:, newaxis]``).
newaxis = None

#: Help pages of exported values that are not functions (``None`` carries no docstring).
CONSTANT_DOCS = {
    "newaxis": """A new axis, in an index

    Description:
        R's ``x[, newaxis]`` inserts an axis of size one; in Python that is
        ``None`` (numpy's ``np.newaxis``), which ``newaxis`` is, so ported
        indexing code runs unchanged.

    Value:
        ``None``.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import newaxis
        >>> np.arange(3)[:, newaxis].shape
        (3, 1)

    See also:
        :func:`all_dims`.
    """,
}


@r_function(None, "")
def all_dims() -> Any:
    """All dimensions, in an index

    Description:
        R's ``x[all_dims(), 1]`` selects along the last axis whatever the
        rank; in Python that is the Ellipsis, ``x[..., 0]``, which this
        returns so that ported indexing code runs unchanged.

    Value:
        ``Ellipsis`` (``...``).

    Examples:
        >>> import numpy as np
        >>> from kerasfn import all_dims
        >>> np.arange(8).reshape(2, 2, 2)[all_dims(), 0].tolist()
        [[0, 2], [4, 6]]

    See also:
        :data:`newaxis`.
    """
    return Ellipsis


def _as_new_shape(name: str, value: Any) -> tuple[int, ...] | None:
    return None if value is None else as_target_shape(name, value)


def _as_r_array(x: Any) -> np.ndarray:
    """Python data as R data reaches Keras: a float is a double (float64), an
    int an R integer (int32, while it fits), a string a string."""
    array = np.asarray(x)
    int32 = np.iinfo(np.int32)
    if array.dtype == np.int64 and (array.size == 0 or int32.min <= array.min() and array.max() <= int32.max):
        return array.astype(np.int32)
    return array


@conversion_function({"shape": _as_new_shape, "name": as_string})
def as_tensor(x: Any, dtype: str | None = None, shape: Any = None, name: str | None = None) -> Any:
    """Convert to a backend tensor

    Description:
        R's ``as_tensor()``: ``x`` as a tensor of the active backend, cast to
        ``dtype`` when given, and reshaped (in C order, row by row) to
        ``shape`` when given; a ``-1`` or ``None`` size is inferred.
        Python data converts as the R data it stands for: a float (R's
        double) is ``float64``, an int (R's integer) ``int32``, a string
        a string tensor (TensorFlow only: JAX and PyTorch have none).
        A string that names a dtype, given alone, is the ``dtype`` of a
        partial call (``x | as_tensor("int32")``); name the data,
        ``as_tensor(x="int32")``, to convert such a string itself.

    Arguments:
        x: Data: a number, a string, a list of them, an array or a tensor.
        dtype: Optional dtype (``"float32"``, ``"int32"``, ...).
        shape: Optional new shape.
        name: Ignored by Keras 3 backends; accepted for ported scripts.

    Value:
        A backend tensor.

    Examples:
        >>> from kerasfn import as_tensor, shape
        >>> shape(as_tensor([1, 2, 3, 4, 5, 6], "float32", shape=(2, -1)))
        shape(2, 3)
        >>> as_tensor(3.0).dtype == as_tensor([1.0, 2.0]).dtype  # R: float64, as R's doubles
        True

    See also:
        :func:`as_array`, :func:`op_convert_to_tensor`.
    """
    python_data = isinstance(x, (list, tuple, int, float, bool, str, bytes))
    tensor = keras.ops.convert_to_tensor(_as_r_array(x) if python_data else x, dtype=dtype)
    if shape is not None:
        tensor = keras.ops.reshape(tensor, shape)
    return tensor


@r_function(None, "", {"shape": as_optional_shape, "trainable": as_bool, "autocast": as_bool, "name": as_string})
def keras_variable(
    initializer: Any,
    shape: Any = None,
    dtype: str | None = None,
    trainable: bool = True,
    autocast: bool = True,
    aggregation: str = "none",
    synchronization: str = "auto",
    name: str | None = None,
    **kwargs: Any,
) -> keras.Variable:
    """A Keras variable

    Description:
        R keras3's ``keras_variable()``: a ``keras.Variable`` holding
        ``initializer``'s value (an array, or an initializer with
        ``shape``).

    Arguments:
        initializer: Initial value (array-like) or an initializer (then
            ``shape`` is needed).
        shape: The variable's shape, R style (``c(2, 3)`` is ``(2, 3)``).
        dtype: The variable's dtype.
        trainable: Whether gradients update it.
        autocast: Whether it is cast to the compute dtype under mixed
            precision.
        aggregation: How values are combined across replicas.
        synchronization: When replicas synchronise it.
        name: Optional name.
        **kwargs: Passed on to ``keras.Variable``.

    Value:
        A ``keras.Variable``.

    Examples:
        >>> from kerasfn import as_array, keras_variable
        >>> v = keras_variable("ones", shape=(2, 2))
        >>> as_array(v).tolist()
        [[1.0, 1.0], [1.0, 1.0]]

    See also:
        :func:`as_tensor`.
    """
    return keras.Variable(initializer, shape=shape, dtype=dtype, trainable=trainable, autocast=autocast,
                          aggregation=aggregation, synchronization=synchronization, name=name, **kwargs)
