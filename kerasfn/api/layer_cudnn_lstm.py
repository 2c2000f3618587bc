"""``layer_cudnn_lstm()``: R keras 2's fast LSTM backed by cuDNN."""

from __future__ import annotations

from typing import Any

from kerasfn.core.cudnn_lstm import CudnnLSTM
from kerasfn.rcall.converters import (
    as_bool,
    as_constraint,
    as_initializer,
    as_positive_integer,
    as_regularizer,
    required,
)
from kerasfn.rcall.dispatch import create_layer
from kerasfn.rcall.subjects import layer_function

__all__ = ["layer_cudnn_lstm"]


@layer_function({
    "units": required(as_positive_integer), "kernel_initializer": as_initializer,
    "recurrent_initializer": as_initializer, "bias_initializer": as_initializer, "unit_forget_bias": as_bool,
    "kernel_regularizer": as_regularizer, "recurrent_regularizer": as_regularizer,
    "bias_regularizer": as_regularizer, "activity_regularizer": as_regularizer,
    "kernel_constraint": as_constraint, "recurrent_constraint": as_constraint, "bias_constraint": as_constraint,
    "return_sequences": as_bool, "return_state": as_bool, "stateful": as_bool,
})
def layer_cudnn_lstm(
    object: Any = None,
    units: int | None = None,
    kernel_initializer: Any = "glorot_uniform",
    recurrent_initializer: Any = "orthogonal",
    bias_initializer: Any = "zeros",
    unit_forget_bias: bool = True,
    kernel_regularizer: Any = None,
    recurrent_regularizer: Any = None,
    bias_regularizer: Any = None,
    activity_regularizer: Any = None,
    kernel_constraint: Any = None,
    recurrent_constraint: Any = None,
    bias_constraint: Any = None,
    return_sequences: bool = False,
    return_state: bool = False,
    stateful: bool = False,
    **kwargs: Any,
) -> Any:
    """Fast LSTM implementation backed by cuDNN

    Description:
        R keras 2's ``layer_cudnn_lstm()`` (Python's ``CuDNNLSTM``), for
        scripts that use it.  Keras 3 has no separate cuDNN layer: this is a
        ``keras.layers.LSTM`` fixed to the configuration the cuDNN kernel
        needs (``activation = "tanh"``, ``recurrent_activation = "sigmoid"``,
        no dropout, no unrolling, a bias) with ``use_cudnn = TRUE``.  It can
        be created anywhere, but calling it where cuDNN cannot run (no GPU,
        another backend, a mask that is not right-padded) is a
        ``ValueError`` that lists why (see ``cudnn_status()``).  It saves as
        that plain ``keras.layers.LSTM``.

    Arguments:
        object: Object to compose the layer with: a tensor, array, symbolic
            input (``keras_input()``), or Sequential model.  A number here is
            taken as ``units``.
        units: Positive integer, dimensionality of the output space.
        kernel_initializer: Initializer for the ``kernel`` weights matrix,
            used for the linear transformation of the inputs.
        recurrent_initializer: Initializer for the ``recurrent_kernel``
            weights matrix, used for the linear transformation of the
            recurrent state.
        bias_initializer: Initializer for the bias vector.
        unit_forget_bias: Boolean. If ``True``, add 1 to the bias of the
            forget gate at initialization.
        kernel_regularizer: Regularizer function applied to the ``kernel``
            weights matrix.
        recurrent_regularizer: Regularizer function applied to the
            ``recurrent_kernel`` weights matrix.
        bias_regularizer: Regularizer function applied to the bias vector.
        activity_regularizer: Regularizer function applied to the output of
            the layer (its "activation").
        kernel_constraint: Constraint function applied to the ``kernel``
            weights matrix.
        recurrent_constraint: Constraint function applied to the
            ``recurrent_kernel`` weights matrix.
        bias_constraint: Constraint function applied to the bias vector.
        return_sequences: Boolean. Whether to return the last output in the
            output sequence, or the full sequence.
        return_state: Boolean. Whether to return the last state in addition
            to the output.
        stateful: Boolean (default ``False``). If ``True``, the last state for
            each sample at index i in a batch will be used as initial state
            for the sample of index i in the following batch.
        **kwargs: ``name``, ``dtype``, ``trainable``, ``seed``,
            ``go_backwards``; and, on the first layer piped into an empty
            ``keras_model_sequential()``, ``input_shape``,
            ``batch_input_shape`` and ``batch_size``.  The arguments cuDNN
            fixes (``activation``, ``dropout``, ...) are a ``TypeError``.

    Value:
        As for ``layer_lstm()``: the layer, the Sequential model with the
        layer appended, or the layer's output for a tensor.

    Call arguments:
        inputs: A 3D tensor, with shape ``(batch, timesteps, feature)``.
        mask: Binary tensor of shape ``(samples, timesteps)``; cuDNN needs
            it strictly right-padded (``True`` values, then ``False``).
        training: Python boolean, inference or training mode (no dropout
            here, so the outputs are the same).
        initial_state: List of initial state tensors ``[h, c]`` (optional;
            ``None`` means zeros).

    Examples:
        >>> from kerasfn import layer_cudnn_lstm, random_uniform
        >>> lstm = layer_cudnn_lstm(4, return_sequences=True)
        >>> lstm.use_cudnn, lstm.activation.__name__, lstm.dropout
        (True, 'tanh', 0.0)
        >>> try:
        ...     random_uniform((2, 5, 3)) | lstm
        ... except ValueError as error:
        ...     print(error)  # on a machine without a GPU  # doctest: +ELLIPSIS
        layer_cudnn_lstm() layer '...' needs the cuDNN kernel, which cannot run here: ...

    See also:
        :func:`layer_lstm`, :func:`cudnn_status`.
    """
    return create_layer(CudnnLSTM, locals())
