"""Model constructors with R keras3's arguments: ``keras_input()``,
``keras_model_sequential()`` and ``keras_model()``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import keras

from kerasfn.rcall.converters import as_bool, as_integer, describe
from kerasfn.rcall.shape import as_shape

__all__ = ["keras_input", "keras_model", "keras_model_sequential", "layer_input"]


def keras_input(
    shape: Any = None,
    batch_size: int | None = None,
    dtype: str | None = None,
    sparse: bool | None = None,
    batch_shape: Any = None,
    name: str | None = None,
    tensor: Any = None,
    optional: bool = False,
) -> keras.KerasTensor:
    """Create a Keras tensor (a symbolic input)

    Description:
        A symbolic tensor-like object used as the start of a functional
        model: pipe it through layers, then hand input and output to
        ``keras_model()``.

    Arguments:
        shape: The shape of one sample, without the batch size: a tuple, a
            list, ``shape(...)`` or a single number (R's ``c(10, 8)`` is
            ``(10, 8)``).  ``None`` entries are unknown sizes.
        batch_size: Optional static batch size (whole number).
        dtype: The data type of the input, e.g. ``"float32"``.
        sparse: Whether the input is sparse.
        batch_shape: The full shape, batch size included; an alternative to
            ``shape`` plus ``batch_size``.
        name: Optional name for the input layer.
        tensor: Optional existing tensor to wrap into the input layer.
        optional: Whether the input can be ``None``.

    Value:
        A ``KerasTensor``.

    Examples:
        >>> from kerasfn import keras_input, shape
        >>> x = keras_input((10, 8))
        >>> shape(x)
        shape(NA, 10, 8)
        >>> shape(keras_input(batch_shape=(32, 10, 8)))
        shape(32, 10, 8)

    See also:
        :func:`keras_model`, :func:`keras_model_sequential`, :func:`shape`.
    """
    return keras.Input(
        shape=None if shape is None else as_shape("shape", shape),
        batch_size=as_integer("batch_size", batch_size),
        dtype=dtype,
        sparse=sparse,
        batch_shape=None if batch_shape is None else as_shape("batch_shape", batch_shape),
        name=name,
        tensor=tensor,
        optional=as_bool("optional", optional),
    )


def keras_model_sequential(
    input_shape: Any = None,
    name: str | None = None,
    input_dtype: str | None = None,
    input_batch_size: int | None = None,
    input_sparse: bool | None = None,
    input_batch_shape: Any = None,
    input_name: str | None = None,
    input_tensor: Any = None,
    input_optional: bool = False,
    trainable: bool = True,
    layers: Sequence[keras.layers.Layer] | None = None,
) -> keras.Sequential:
    """Keras Model composed of a linear stack of layers

    Description:
        Create an empty (or pre-filled) Sequential model, ready to be piped
        into: ``keras_model_sequential(input_shape=(10, 8)) | layer_lstm(32)``.
        When any ``input_*`` argument is given, the model starts with an
        input layer built from them, so it is built as layers arrive and
        every pipe is checked at once.

    Arguments:
        input_shape: Shape of one sample, without the batch size.
        name: Name of the model.
        input_dtype: Data type of the input.
        input_batch_size: Fixed batch size of the input (stateful models).
        input_sparse: Whether the input is sparse.
        input_batch_shape: Full input shape, batch size included.
        input_name: Name of the input layer.
        input_tensor: Existing tensor to wrap as the input.
        input_optional: Whether the input can be ``None``.
        trainable: Whether the model's weights are trainable.
        layers: Layers to add, in order, after the input.

    Value:
        A ``keras.Sequential`` model.

    Examples:
        >>> from kerasfn import keras_model_sequential, layer_lstm, shape
        >>> model = keras_model_sequential(input_shape=(10, 8)) | layer_lstm(32)
        >>> shape(model.output_shape)
        shape(NA, 32)
        >>> len(keras_model_sequential().layers)
        0

    See also:
        :func:`keras_model`, :func:`keras_input`.
    """
    stack = list(layers or [])
    declares_input = any(
        value is not None for value in (input_shape, input_batch_size, input_batch_shape,
                                        input_tensor, input_dtype, input_sparse, input_name)
    )
    if declares_input:
        stack.insert(0, keras_input(
            shape=input_shape, batch_size=input_batch_size, dtype=input_dtype,
            sparse=input_sparse, batch_shape=input_batch_shape, name=input_name,
            tensor=input_tensor, optional=input_optional,
        ))
    return keras.Sequential(stack, name=name, trainable=as_bool("trainable", trainable))


def keras_model(inputs: Any, outputs: Any = None, name: str | None = None, **kwargs: Any) -> keras.Model:
    """Keras Model (functional API)

    Description:
        A model is a directed acyclic graph of layers, from ``inputs`` to
        ``outputs``, built by piping a ``keras_input()`` through layers.

    Arguments:
        inputs: Input tensor(s) from ``keras_input()``.
        outputs: Output tensor(s); a named ``return_state`` result counts as
            the list of its parts.
        name: Name of the model.
        **kwargs: Passed to ``keras.Model`` (``trainable``, ...).

    Value:
        A ``keras.Model``.

    Examples:
        >>> from kerasfn import keras_input, keras_model, layer_lstm, shape
        >>> inputs = keras_input((10, 8))
        >>> model = keras_model(inputs, inputs | layer_lstm(4))
        >>> shape(model.output)
        shape(NA, 4)

    See also:
        :func:`keras_input`, :func:`keras_model_sequential`.
    """
    if outputs is None:
        raise TypeError(f"`outputs` is missing; `inputs` was {describe(inputs)}.")
    if isinstance(outputs, tuple):  # named return_state results: a list to Keras
        outputs = list(outputs)
    return keras.Model(inputs=inputs, outputs=outputs, name=name, **kwargs)


#: R keras3's alias (``R/zzz-aliases.R``: ``layer_input <- keras_input``), R keras 2's name.
layer_input = keras_input
