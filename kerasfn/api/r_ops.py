"""The ``op_*`` functions whose R keras3 definition has no regular shape.

The code generator writes the ``op_*`` functions that call one ``keras.ops``
function (:mod:`kerasfn.generated.ops`); these are R keras3's own bodies,
written by hand: R's indexing (``op_subset``, ``op_subset_set``), R's
``op_arange`` (a sequence that includes its end, like ``1:5``), and the ops
that take any number of tensors through R's ``...`` (``op_einsum``,
``op_meshgrid``, ``op_hstack``, ``op_vstack``, ``op_switch``), plus
``op_vectorize``.  Indices are 0-based, per the porting rule.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import keras
import numpy as np

from kerasfn.rcall.binding import r_function
from kerasfn.rcall.converters import as_bool, as_integer, as_string, describe, required
from kerasfn.rcall.subjects import function_of_function, tensor_function

__all__ = ["op_arange", "op_einsum", "op_hstack", "op_meshgrid", "op_subset", "op_subset_set", "op_switch",
           "op_vectorize", "op_vstack"]


@tensor_function({"start": required(), "step": required(), "include_end": as_bool})
def op_arange(start: Any, end: Any = None, step: Any = 1, dtype: str | None = None, include_end: bool = True) -> Any:
    """Return evenly spaced values within a given interval

    Description:
        R keras3's ``op_arange()``, which counts like R's ``seq()``: from
        ``start`` to ``end`` *including* ``end`` (``include_end=True``), and
        ``op_arange(n)`` counts from 1 to ``n``, like R's ``1:n``.  With
        ``include_end=False`` it is ``keras.ops.arange(start, end, step)``.
        These are values, not positions: an index sequence for Python's
        0-based positions is ``op_arange(0, n - 1)``.  With an integer
        ``dtype``, whole-number floats (R's doubles) are taken as integers,
        as R converts them: ``op_arange(3.0, dtype="int32")`` is 1 2 3.

    Arguments:
        start: The first value; with no ``end``, the last value (and the
            sequence starts at 1).
        end: The last value (included when ``include_end`` is True).
        step: The spacing between values.
        dtype: The data type; ``None`` infers it from the arguments.
        include_end: Whether ``end`` belongs to the sequence.

    Value:
        A 1-d tensor.

    Examples:
        >>> from kerasfn import as_array, op_arange
        >>> as_array(op_arange(5)).tolist()  # R: op_arange(5) is 1 2 3 4 5
        [1, 2, 3, 4, 5]
        >>> as_array(op_arange(0, 10, 2)).tolist()  # R: 0 2 4 6 8 10
        [0, 2, 4, 6, 8, 10]
        >>> as_array(op_arange(0, 3, include_end=False)).tolist()
        [0, 1, 2]
        >>> as_array(op_arange(3.0, dtype="int32")).tolist()  # R: 1 2 3
        [1, 2, 3]

    See also:
        :func:`op_linspace`; the Keras op: ``keras.ops.arange``.
    """
    if dtype is not None and keras.backend.is_int_dtype(dtype):
        # R: storage.mode(start) <- "integer" (and end); Keras refuses a float bound with an integer dtype
        start, end, step = (as_integer(name, value) if isinstance(value, float) else value
                            for name, value in (("start", start), ("end", end), ("step", step)))
    if end is None:  # R: missing(end): op_arange(n) is 1..n
        start, end = (1.0 if isinstance(start, float) else 1), start
    if include_end:
        end = end + step
    return keras.ops.arange(start, end, step, dtype=dtype)


def _is_array(value: Any) -> bool:
    """What can be subset: an array or tensor (not a number, list or index)."""
    return isinstance(value, (np.ndarray, keras.KerasTensor, keras.Variable)) or keras.ops.is_tensor(value)


def _flat_positions(shape: tuple[int, ...], coordinates: list[Any]) -> Any:
    """Positions in the flattened tensor of the elements at ``coordinates`` (one index tensor per axis)."""
    position = keras.ops.zeros_like(coordinates[0])
    for axis, index in enumerate(coordinates):
        position = position * shape[axis] + keras.ops.where(index < 0, index + shape[axis], index)
    return position


def _gather(x: Any, coordinates: list[Any]) -> Any:
    shape = tuple(keras.ops.shape(x))
    return keras.ops.take(keras.ops.reshape(x, (-1,)), _flat_positions(shape, coordinates))


def _subset(x: Any, indices: tuple) -> Any:
    x = keras.ops.convert_to_tensor(x)
    rank = len(keras.ops.shape(x))
    if len(indices) == 1 and not isinstance(indices[0], (int, slice, type(None), type(Ellipsis))):
        key = keras.ops.convert_to_tensor(indices[0])
        key_shape = tuple(keras.ops.shape(key))
        if keras.ops.dtype(key) == "bool" and key_shape == tuple(keras.ops.shape(x)):
            return _gather(x, list(keras.ops.nonzero(key)))  # a mask: the elements, row by row
        if len(key_shape) == 2 and key_shape[1] == rank and rank > 1:
            return _gather(x, list(keras.ops.unstack(key, axis=1)))  # one row of coordinates per element
    consuming = sum(index is not None and index is not Ellipsis for index in indices)
    if consuming > rank:
        raise IndexError(f"op_subset(): {consuming} indices for a tensor of rank {rank}.")
    axis, basic = 0, []
    for index in indices:
        if index is Ellipsis:
            axis += rank - consuming
        elif index is None:
            basic.append(index)
            continue
        elif not isinstance(index, (int, np.integer, slice)):
            vector = keras.ops.convert_to_tensor(index)
            if len(keras.ops.shape(vector)) != 1:
                raise ValueError(f"op_subset(): an index vector must be 1-d; received {describe(index)}.")
            if keras.ops.dtype(vector) == "bool":
                vector = keras.ops.nonzero(vector)[0]
            x = keras.ops.take(x, vector, axis=axis)  # one axis at a time: R's intersected subsets
            index = slice(None)
        basic.append(index)
        axis += 1
    return x[tuple(basic)]


@r_function(_is_array, "an array or tensor")
def op_subset(x: Any, *indices: Any) -> Any:
    """Subset elements from a tensor

    Description:
        R keras3's ``op_subset(x, ...)`` (``x@r[...]``), with Python's
        0-based positions: each index, one per axis, is an integer (negative
        counts from the end), a slice (``slice(0, 2)``: Python's, excluding
        its end), ``None`` (a new axis), ``...`` (every axis not given), or a
        1-d vector of integers or booleans, which selects along its axis
        (several vectors select their intersection, as in R).  One index
        alone may also be a boolean mask of ``x``'s shape (the elements,
        row by row) or an integer matrix with one column per axis of ``x``
        (one row of coordinates per element).  Missing trailing axes are
        taken whole.  Give ``x`` as an array or tensor: ``x | op_subset(0)``
        pipes it.

    Arguments:
        x: An array or tensor.
        *indices: The indices, one per axis (see Description).

    Value:
        A tensor.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import as_array, op_subset
        >>> x = np.arange(1, 13).reshape(4, 3).T  # R: array(1:12, c(3, 4))
        >>> as_array(op_subset(x, 0)).tolist()  # R: x@r[1]
        [1, 4, 7, 10]
        >>> as_array(x | op_subset(slice(None), 1)).tolist()  # R: x@r[, 2]
        [4, 5, 6]
        >>> as_array(op_subset(x, [1, 2], [0, 3])).tolist()  # R: x@r[2:3, c(1, 4)]
        [[2, 11], [3, 12]]
        >>> as_array(op_subset(x, np.array([[0, 0], [1, 1]]))).tolist()  # R: x@r[rbind(c(1, 1), c(2, 2))]
        [1, 5]
        >>> as_array(op_subset(x, x >= 10)).tolist()  # R: x@r[x >= 10]
        [10, 11, 12]

    See also:
        :func:`op_subset_set`, :func:`op_take`, :func:`op_get_item`.
    """
    return _subset(x, indices)


@r_function(_is_array, "an array or tensor", {"value": required()})
def op_subset_set(x: Any, *indices: Any, value: Any) -> Any:
    """Replace a subset of a tensor

    Description:
        R keras3's ``op_subset_set(x, ..., value)`` (``op_subset(x, ...) <-
        value``), with :func:`op_subset`'s 0-based indices.  ``value`` is
        broadcast to the selected elements.  A ``keras.Variable`` is assigned
        in place and returned (as R assigns a TensorFlow variable); any other
        ``x`` is left as it is and a new tensor is returned.

    Arguments:
        x: An array, tensor or ``keras.Variable``.
        *indices: The indices, as for :func:`op_subset`.
        value: The new values (keyword only).

    Value:
        The tensor with the subset replaced (the variable, for a variable).

    Examples:
        >>> import numpy as np
        >>> from kerasfn import as_array, op_subset_set
        >>> x = np.zeros((2, 3), dtype="float32")
        >>> as_array(op_subset_set(x, 0, slice(1, 3), value=9.0)).tolist()
        [[0.0, 9.0, 9.0], [0.0, 0.0, 0.0]]
        >>> float(x.sum())  # x itself is unchanged
        0.0

    See also:
        :func:`op_subset`, :func:`op_slice_update`, :func:`op_scatter_update`.
    """
    tensor = keras.ops.convert_to_tensor(x)
    shape = tuple(keras.ops.shape(tensor))
    positions = keras.ops.reshape(_subset(keras.ops.reshape(keras.ops.arange(int(np.prod(shape))), shape), indices), (-1, 1))
    updates = keras.ops.broadcast_to(keras.ops.cast(value, tensor.dtype), (keras.ops.shape(positions)[0],))
    result = keras.ops.reshape(keras.ops.scatter_update(keras.ops.reshape(tensor, (-1,)), positions, updates), shape)
    if isinstance(x, keras.Variable):
        x.assign(result)
        return x
    return result


@r_function(lambda value: isinstance(value, str), "an einsum subscripts string", {"subscripts": as_string})
def op_einsum(subscripts: str, *operands: Any) -> Any:
    """Evaluates the Einstein summation convention on the operands

    Description:
        ``keras.ops.einsum(subscripts, *operands)``: R's
        ``op_einsum(subscripts, ...)`` takes the operands through ``...``.

    Arguments:
        subscripts: The subscripts, e.g. ``"ij,jk->ik"``.
        *operands: The tensors.

    Value:
        A tensor.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import as_array, op_einsum
        >>> a = np.array([[1.0, 2.0], [3.0, 4.0]], dtype="float32")
        >>> as_array(op_einsum("ij,jk->ik", a, a)).tolist()
        [[7.0, 10.0], [15.0, 22.0]]

    See also:
        :func:`op_matmul`, :func:`op_tensordot`; the Keras op: ``keras.ops.einsum``.
    """
    return keras.ops.einsum(subscripts, *operands)


@tensor_function({"indexing": as_string})
def op_meshgrid(*x: Any, indexing: str = "xy") -> Any:
    """Creates grids of coordinates from coordinate vectors

    Description:
        ``keras.ops.meshgrid(*x, indexing=)``: R's ``op_meshgrid(...,
        indexing)`` takes the vectors through ``...``.  (R converts R's
        double vectors to int64 first, as R writes whole numbers as
        doubles; Python's ints and floats keep their own types.)

    Arguments:
        *x: 1-d tensors or arrays: the coordinates along each axis.
        indexing: ``"xy"`` (Cartesian) or ``"ij"`` (matrix indexing).

    Value:
        A list of tensors, one per input.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import as_array, op_meshgrid
        >>> xx, yy = op_meshgrid(np.array([1, 2, 3]), np.array([4, 5]))
        >>> as_array(xx).tolist()
        [[1, 2, 3], [1, 2, 3]]

    See also:
        The Keras op: ``keras.ops.meshgrid``.
    """
    return keras.ops.meshgrid(*x, indexing=indexing)


def _stack_function(keras_op: Callable[..., Any], name: str, what: str) -> Callable[..., Any]:
    def stack(*xs: Any) -> Any:
        tensors = [item for x in xs for item in (x if isinstance(x, (list, tuple)) else [x])]
        return keras_op(tensors)

    stack.__name__ = stack.__qualname__ = name
    stack.__doc__ = f"""Stack tensors in sequence {what}

    Description:
        ``keras.ops.{name.removeprefix("op_")}()``: R's ``{name}(xs, ...)`` takes a list of
        tensors, or tensors one by one; so does this: ``{name}([a, b])``,
        ``{name}(a, b)``, and ``a | {name}(b)``.

    Arguments:
        *xs: Tensors or arrays, or lists of them.

    Value:
        A tensor.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import as_array, {name}
        >>> a = np.array([[1, 2]])
        >>> as_array(a | {name}(a)).shape
        {(1, 4) if name == "op_hstack" else (2, 2)}

    See also:
        :func:`op_concatenate`, :func:`op_stack`.
    """
    return tensor_function({})(stack)


op_hstack = _stack_function(keras.ops.hstack, "op_hstack", "horizontally (column wise)")
op_vstack = _stack_function(keras.ops.vstack, "op_vstack", "vertically (row wise)")


def _as_index(name: str, value: Any) -> Any:
    return as_integer(name, value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


@tensor_function({"index": _as_index, "branches": required()})
def op_switch(index: Any, branches: list[Callable[..., Any]], *operands: Any) -> Any:
    """Apply exactly one of the ``branches`` given by ``index``

    Description:
        ``keras.ops.switch(index, branches, *operands)``: calls the
        branch at ``index`` with ``*operands``.  ``index`` is 0-based (R's is
        1-based); an index out of range is clamped by Keras.

    Arguments:
        index: The 0-based index of the branch to call (a whole number or
            an integer scalar tensor).
        branches: A list of functions.
        *operands: The arguments the branch is called with.

    Value:
        What the chosen branch returns.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import as_array, op_switch
        >>> branches = [lambda v: v + 1, lambda v: v * 10]
        >>> as_array(op_switch(1, branches, np.array([1.0, 2.0], dtype="float32"))).tolist()
        [10.0, 20.0]

    See also:
        :func:`op_cond`; the Keras op: ``keras.ops.switch``.
    """
    return keras.ops.switch(index, branches, *operands)


@function_of_function({"func": required()})
def op_vectorize(func: Callable[..., Any], excluded: set | None = None, signature: str | None = None) -> Any:
    """Turn a function into a vectorized function

    Description:
        ``keras.ops.vectorize(func, excluded=, signature=)``: the returned
        function maps ``func`` over the leading axis of its arguments, like
        ``numpy.vectorize``.  (R's ``...`` is passed on to Keras, which takes
        nothing more.)  Keras' TensorFlow backend has no ``vectorize``: the
        call of the vectorized function fails there (JAX and PyTorch run it).

    Arguments:
        func: The function of one element.
        excluded: Names or positions of arguments not to vectorize.
        signature: A generalized universal function signature, e.g.
            ``"(m,n),(n)->(m)"``.

    Value:
        A function.

    Examples:
        >>> import numpy as np
        >>> from kerasfn import as_array, op_vectorize
        >>> double = op_vectorize(lambda v: v * 2)
        >>> callable(double)
        True
        >>> as_array(double(np.array([1.0, 2.0], dtype="float32"))).tolist()  # doctest: +SKIP
        [2.0, 4.0]

    See also:
        :func:`op_vectorized_map`; the Keras op: ``keras.ops.vectorize``.
    """
    return keras.ops.vectorize(func, excluded=excluded, signature=signature)
