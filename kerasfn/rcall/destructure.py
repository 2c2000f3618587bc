"""Named, unpackable results for layers called with ``return_state=True``.

R writes ``c(seq, h, c) %<-% lstm(x)``; Python unpacks
``seq, h, c = lstm(x)``.  The results here are named tuples, so they unpack
positionally, slice (``result[1:]`` is a ready ``initial_state``), and are
understood as a structure by Keras (``keras.Model(inputs, result)`` works)
while also naming their parts: ``result.memory_state``.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import keras

__all__ = [
    "BidirectionalLSTMStates",
    "LSTMStates",
    "RNNStates",
    "name_outputs",
]


class LSTMStates(NamedTuple):
    """The named result of an LSTM with return_state = TRUE

    Description:
        R unpacks ``c(output, memory_state, carry_state) %<-% lstm(x)``;
        Python unpacks the same way, ``output, memory_state, carry_state =
        lstm(x)``, and can also name the parts.  Being a tuple,
        ``result[1:]`` is ready to be the ``initial_state`` of another LSTM.

    Arguments:
        output: The last output, or the whole sequence with
            ``return_sequences=True``.
        memory_state: The final hidden state ``h``.
        carry_state: The final cell (carry) state ``c``.

    Value:
        A named tuple of three tensors.

    Examples:
        >>> from kerasfn import layer_lstm, random_uniform, shape
        >>> result = random_uniform((2, 5, 3)) | layer_lstm(4, return_state=True)
        >>> type(result).__name__, shape(result.carry_state)
        ('LSTMStates', shape(2, 4))
        >>> output, memory_state, carry_state = result
        >>> len(result[1:])
        2

    See also:
        :func:`layer_lstm`, :func:`layer_bidirectional`.
    """

    output: Any
    memory_state: Any
    carry_state: Any


class RNNStates(NamedTuple):
    """Output of a GRU or simple RNN with ``return_state=True``."""

    output: Any
    state: Any


class BidirectionalLSTMStates(NamedTuple):
    """Output of ``layer_bidirectional(layer_lstm(..., return_state=True))``."""

    output: Any
    forward_memory_state: Any
    forward_carry_state: Any
    backward_memory_state: Any
    backward_carry_state: Any


def _cell_kind(layer: keras.layers.Layer) -> type | None:
    """The cell class an RNN layer runs: ``layer_lstm`` and ``layer_rnn(rnn_cell_lstm())`` alike."""
    cell = getattr(layer, "cell", None)
    for kind in (keras.layers.LSTMCell, keras.layers.GRUCell, keras.layers.SimpleRNNCell):
        if isinstance(cell, kind):
            return kind
    return None


def _states_type(layer: keras.layers.Layer, count: int) -> type | None:
    if isinstance(layer, keras.layers.Bidirectional):
        if _cell_kind(layer.forward_layer) is keras.layers.LSTMCell and count == 5:
            return BidirectionalLSTMStates
        return None
    kind = _cell_kind(layer)
    if kind is keras.layers.LSTMCell and count == 3:
        return LSTMStates
    if kind in (keras.layers.GRUCell, keras.layers.SimpleRNNCell) and count == 2:
        return RNNStates
    return None


def name_outputs(layer: keras.layers.Layer, outputs: Any) -> Any:
    """Wrap a ``return_state`` output list in its named tuple; pass anything else."""
    if not getattr(layer, "return_state", False) or not isinstance(outputs, (list, tuple)):
        return outputs
    states_type = _states_type(layer, len(outputs))
    return outputs if states_type is None else states_type(*outputs)
