"""``layer_lstm()``: R keras3's Long Short-Term Memory layer function."""

from __future__ import annotations

from typing import Any

from kerasfn.compose import create_layer, layer_function
from kerasfn.core.lstm import LSTM
from kerasfn.r_conventions import (
    as_activation,
    as_bool,
    as_constraint,
    as_initializer,
    as_positive_integer,
    as_probability,
    as_regularizer,
    as_seed,
    as_use_cudnn,
    required,
)

__all__ = ["layer_lstm"]


@layer_function({
    "units": required(as_positive_integer), "activation": as_activation, "recurrent_activation": as_activation,
    "use_bias": as_bool, "kernel_initializer": as_initializer, "recurrent_initializer": as_initializer,
    "bias_initializer": as_initializer, "unit_forget_bias": as_bool, "kernel_regularizer": as_regularizer,
    "recurrent_regularizer": as_regularizer, "bias_regularizer": as_regularizer,
    "activity_regularizer": as_regularizer, "kernel_constraint": as_constraint,
    "recurrent_constraint": as_constraint, "bias_constraint": as_constraint, "dropout": as_probability,
    "recurrent_dropout": as_probability, "seed": as_seed, "return_sequences": as_bool, "return_state": as_bool,
    "go_backwards": as_bool, "stateful": as_bool, "unroll": as_bool, "use_cudnn": as_use_cudnn,
    "time_major": as_bool,
})
def layer_lstm(
    object: Any = None,
    units: int | None = None,
    activation: Any = "tanh",
    recurrent_activation: Any = "sigmoid",
    use_bias: bool = True,
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
    dropout: float = 0.0,
    recurrent_dropout: float = 0.0,
    seed: int | None = None,
    return_sequences: bool = False,
    return_state: bool = False,
    go_backwards: bool = False,
    stateful: bool = False,
    unroll: bool = False,
    use_cudnn: str | bool = "auto",
    **kwargs: Any,
) -> Any:
    """Long Short-Term Memory layer - Hochreiter 1997

    Description:
        Based on available runtime hardware and constraints, this layer will
        choose different implementations (cuDNN-based or backend-native) to
        maximize the performance. If a GPU is available and all the arguments
        to the layer meet the requirement of the cuDNN kernel, the layer will
        use a fast cuDNN implementation when using the TensorFlow backend. The
        requirements to use the cuDNN implementation are:

        1. ``activation`` == ``"tanh"``
        2. ``recurrent_activation`` == ``"sigmoid"``
        3. ``dropout`` == 0 and ``recurrent_dropout`` == 0
        4. ``unroll`` is ``False``
        5. ``use_bias`` is ``True``
        6. Inputs, if masking is used, are strictly right-padded.
        7. Eager execution is enabled in the outermost context.

        The layer returned is a ``keras.layers.LSTM`` (kerasfn's core
        subclass), so everything Keras documents for it applies.

    Arguments:
        object: Object to compose the layer with: a tensor, array, symbolic
            input (``keras_input()``), or Sequential model.  A number here is
            taken as ``units``, so ``x | layer_lstm(4)`` reads like R's
            ``x |> layer_lstm(4)``.
        units: Positive integer, dimensionality of the output space.  R-style
            doubles such as ``4.0`` are accepted.
        activation: Activation function to use. Default: hyperbolic tangent
            (``"tanh"``). If you pass ``None``, no activation is applied (ie.
            "linear" activation: ``a(x) = x``).
        recurrent_activation: Activation function to use for the recurrent
            step. Default: sigmoid (``"sigmoid"``). If you pass ``None``, no
            activation is applied.
        use_bias: Boolean (default ``True``), whether the layer should use a
            bias vector.
        kernel_initializer: Initializer for the ``kernel`` weights matrix,
            used for the linear transformation of the inputs. Default:
            ``"glorot_uniform"``.
        recurrent_initializer: Initializer for the ``recurrent_kernel``
            weights matrix, used for the linear transformation of the
            recurrent state. Default: ``"orthogonal"``.
        bias_initializer: Initializer for the bias vector. Default: ``"zeros"``.
        unit_forget_bias: Boolean (default ``True``). If ``True``, add 1 to the
            bias of the forget gate at initialization. Setting it to ``True``
            will also force ``bias_initializer="zeros"``. This is recommended
            in Jozefowicz et al.
        kernel_regularizer: Regularizer function applied to the ``kernel``
            weights matrix. Default: ``None``.
        recurrent_regularizer: Regularizer function applied to the
            ``recurrent_kernel`` weights matrix. Default: ``None``.
        bias_regularizer: Regularizer function applied to the bias vector.
            Default: ``None``.
        activity_regularizer: Regularizer function applied to the output of
            the layer (its "activation"). Default: ``None``.
        kernel_constraint: Constraint function applied to the ``kernel``
            weights matrix. Default: ``None``.
        recurrent_constraint: Constraint function applied to the
            ``recurrent_kernel`` weights matrix. Default: ``None``.
        bias_constraint: Constraint function applied to the bias vector.
            Default: ``None``.
        dropout: Float between 0 and 1. Fraction of the units to drop for the
            linear transformation of the inputs. Default: 0.  Values outside
            [0, 1] are an error (Keras would silently clamp them).
        recurrent_dropout: Float between 0 and 1. Fraction of the units to
            drop for the linear transformation of the recurrent state.
            Default: 0.
        seed: Random seed for dropout.
        return_sequences: Boolean. Whether to return the last output in the
            output sequence, or the full sequence. Default: ``False``.
        return_state: Boolean. Whether to return the last state in addition
            to the output. Default: ``False``.
        go_backwards: Boolean (default: ``False``). If ``True``, process the
            input sequence backwards and return the reversed sequence.
        stateful: Boolean (default: ``False``). If ``True``, the last state
            for each sample at index i in a batch will be used as initial
            state for the sample of index i in the following batch.
        unroll: Boolean (default ``False``). If ``True``, the network will be
            unrolled, else a symbolic loop will be used. Unrolling can
            speed-up an RNN, although it tends to be more memory-intensive.
            Unrolling is only suitable for short sequences.
        use_cudnn: Whether to use a cuDNN-backed implementation. ``"auto"``
            will attempt to use cuDNN when feasible, and will fall back to the
            default implementation if not.
        **kwargs: Passed on to the layer: ``name``, ``dtype``, ``trainable``;
            the legacy tf.keras options ``time_major`` (inputs and outputs
            shaped ``(timesteps, batch, features)``) and ``implementation``
            (``1`` or ``2``, same numbers); and, on the first layer piped
            into an empty ``keras_model_sequential()``, R scripts'
            ``input_shape``, ``batch_input_shape`` and ``batch_size``, which
            declare the model's input.  Any other keyword is a ``TypeError``.

    Value:
        The return value depends on ``object``.  If ``object`` is:

        - missing or ``None``: the ``Layer`` instance;
        - a ``keras_model_sequential()``: the layer is appended to the model
          (modified in place) and the model is returned, so a pipe can go on;
          if the layer cannot be added, the model is left exactly as it was;
        - a ``keras_input()`` (symbolic tensor): the output tensor of
          ``layer(input)``;
        - eager data (a tensor or numpy array): the output computed now.

        With ``return_state=True`` the output is a named tuple
        ``(output, memory_state, carry_state)`` that unpacks positionally.

    Call arguments:
        inputs: A 3D tensor, with shape ``(batch, timesteps, feature)``.
        mask: Binary tensor of shape ``(samples, timesteps)`` indicating
            whether a given timestep should be masked (optional). An
            individual ``True`` entry indicates that the corresponding
            timestep should be utilized, while a ``False`` entry indicates
            that the corresponding timestep should be ignored. Defaults to
            ``None``.
        training: Python boolean indicating whether the layer should behave
            in training mode or in inference mode. This argument is passed to
            the cell when calling it. This is only relevant if ``dropout`` or
            ``recurrent_dropout`` is used (optional). Defaults to ``None``.
        initial_state: List of initial state tensors to be passed to the
            first call of the cell (optional, ``None`` causes creation of
            zero-filled initial state tensors). Defaults to ``None``.

    Examples:
        >>> from kerasfn import layer_lstm, random_uniform, shape
        >>> input = random_uniform((32, 10, 8))
        >>> output = input | layer_lstm(4)
        >>> shape(output)
        shape(32, 4)
        >>> lstm = layer_lstm(units=4, return_sequences=True, return_state=True)
        >>> whole_seq_output, final_memory_state, final_carry_state = lstm(input)
        >>> shape(whole_seq_output)
        shape(32, 10, 4)
        >>> shape(final_memory_state)
        shape(32, 4)
        >>> shape(final_carry_state)
        shape(32, 4)

    See also:
        Other lstm rnn layers: :func:`rnn_cell_lstm`.
        Other rnn layers: :func:`layer_bidirectional`,
        :func:`layer_conv_lstm_1d`, :func:`layer_conv_lstm_2d`,
        :func:`layer_conv_lstm_3d`, :func:`layer_gru`, :func:`layer_rnn`,
        :func:`layer_simple_rnn`, :func:`layer_time_distributed`,
        :func:`rnn_cell_gru`, :func:`rnn_cell_lstm`, :func:`rnn_cell_simple`,
        :func:`rnn_cells_stack`.
    """
    return create_layer(LSTM, locals())
