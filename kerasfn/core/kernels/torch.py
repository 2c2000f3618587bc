"""LSTM and GRU on torch's fused kernels (PyTorch backend, any device).

Keras 3 runs ``keras.layers.LSTM``/``GRU`` on the PyTorch backend through
torch's fused kernel (``torch.lstm``/``torch.gru``, what ``torch.nn.LSTM``
calls) only on CUDA; on a CPU it loops over the time steps in Python, several
times slower than ``torch.nn.LSTM`` for a forward pass and more for a
training step.  This module runs the same layers on the fused kernel on every
device, with Keras' weights mapped exactly, so the numbers are Keras' (within
float32 rounding) and gradients flow to the Keras variables through torch's
autograd.

Two entry points share one kernel call:

* :class:`FusedTorchRNN`, a mixin for an LSTM or GRU layer class that
  overrides Keras' own ``inner_loop`` hook: every call of the layer (eager,
  inside a model, inside Keras' ``fit()``) uses the fused kernel when it can,
  and Keras' loop otherwise.  Keras' ``RNN.call`` still does everything around
  the loop (initial and ``stateful`` states, ``go_backwards`` bookkeeping,
  ``return_sequences``/``return_state``, input dropout masks).
* :func:`torch_call`, a direct eager call for an eligible layer that also
  skips Keras' per-call machinery (the cheapest path for small inputs).

The check fails closed: anything not positively known to map exactly goes
through plain Keras: a non-default ``activation`` or
``recurrent_activation``, masks, ``recurrent_dropout``, ``unroll``,
``use_cudnn=False``, a GRU with ``reset_after=False`` (its reset gate
multiplies the state before the recurrent product, which torch's GRU cannot
express), or a compute or variable dtype other than float32.  Code that
``torch.compile`` traces also runs Keras' loop: its default backend
(inductor) cannot compile torch's fused CPU kernel.

Weight mapping.  Keras' LSTM gates are ``i, f, c, o`` in ``kernel`` (input,
4u) and ``recurrent_kernel`` (u, 4u), which is torch's ``i, f, g, o`` order
transposed; Keras' one bias is torch's ``b_ih`` with ``b_hh = 0``.  Keras'
GRU gates are ``z, r, h`` and torch's ``r, z, n``; with ``reset_after=True``
Keras' bias has shape (2, 3u): row 0 is ``b_ih`` and row 1 ``b_hh``, and
``h = tanh(x W_h + b_ih_h + r * (h U_h + b_hh_h))``,
``h' = z * h + (1 - z) * hh`` are torch's formulas term by term.
"""

from __future__ import annotations

from typing import Any

import keras
import numpy as np
import torch
from keras import activations, ops

from kerasfn.rcall.internals import get_keras_mask

__all__ = ["FusedTorchRNN", "fused_supported", "torch_call"]

_CALL_KEYWORDS = frozenset({"training", "initial_state", "mask"})


def fused_supported(layer: keras.layers.Layer, mask: Any = None) -> bool:
    """Whether ``layer``'s recurrence can run on torch's fused kernel with
    Keras' numbers (see the module docstring for what is excluded)."""
    if mask is not None:
        return False
    # torch.compile's default backend (inductor) cannot lower the fused CPU
    # kernel (aten.mkldnn_rnn_layer): traced code takes Keras' loop, which it compiles.
    if torch.compiler.is_compiling():
        return False
    cell = getattr(layer, "cell", None)
    kind = _kind(layer)
    if kind is None or cell is None or not getattr(layer, "built", False):
        return False
    return (
        cell.activation in (activations.tanh, ops.tanh, torch.tanh)
        and cell.recurrent_activation in (activations.sigmoid, ops.sigmoid, torch.sigmoid)
        and not cell.recurrent_dropout
        and not layer.unroll
        and getattr(layer, "use_cudnn", "auto") in ("auto", True)
        and (kind == "lstm" or cell.reset_after)
        and cell.compute_dtype == "float32"
        and cell.variable_dtype == "float32"
    )


def _kind(layer: keras.layers.Layer) -> str | None:
    # Subclasses of Keras' layers keep Keras' cell and weight layout.
    if isinstance(layer, keras.layers.LSTM):
        return "lstm"
    if isinstance(layer, keras.layers.GRU):
        return "gru"
    return None


def fused_recurrence(layer: keras.layers.Layer, sequences: Any, initial_state: list) -> tuple[Any, Any, list]:
    """Run ``layer``'s recurrence on torch's fused kernel.

    Same contract as Keras' ``RNN.inner_loop`` (batch-major ``sequences``,
    states as a list): returns ``(last_output, outputs, states)`` with
    ``outputs`` in processing order (reversed time for ``go_backwards``), and
    ``outputs`` only the last step unless ``return_sequences``.
    """
    convert_to_tensor = keras.ops.convert_to_tensor  # a variable's value in a StatelessScope too

    cell = layer.cell
    kernel = convert_to_tensor(cell.kernel)
    recurrent_kernel = convert_to_tensor(cell.recurrent_kernel)
    bias = convert_to_tensor(cell.bias) if cell.use_bias else None
    inputs = convert_to_tensor(sequences).to(kernel.dtype)
    if layer.go_backwards:
        inputs = torch.flip(inputs, dims=[1])
    # A stateful layer's states are its variables' own tensors, which Keras
    # assigns in place after this call: torch's kernel must save copies for
    # its backward pass (plain Keras' loop fails there on PyTorch).
    states = [convert_to_tensor(s).to(kernel.dtype).clone().unsqueeze(0) for s in initial_state]
    # Arguments after `params`: has_biases, num_layers, dropout, train,
    # bidirectional, batch_first.  cuDNN keeps what its backward pass needs
    # only with train=True (as Keras passes on CUDA).
    train = torch.is_grad_enabled()
    if _kind(layer) == "lstm":
        params = _lstm_params(kernel, recurrent_kernel, bias)
        outputs, h, c = torch.lstm(inputs, tuple(states), params, bias is not None, 1, 0.0, train, False, True)
        new_states = [h.squeeze(0), c.squeeze(0)]
    else:
        params = _gru_params(kernel, recurrent_kernel, bias)
        outputs, h = torch.gru(inputs, states[0], params, bias is not None, 1, 0.0, train, False, True)
        new_states = [h.squeeze(0)]
    last_output = new_states[0]
    if not layer.return_sequences:
        outputs = last_output.unsqueeze(1)
    return last_output, outputs, new_states


def _lstm_params(kernel: Any, recurrent_kernel: Any, bias: Any) -> list:
    # Keras' i, f, c, o is torch's i, f, g, o: a transpose, no reordering.
    params = [kernel.T, recurrent_kernel.T]
    if bias is not None:
        params += [bias, torch.zeros_like(bias)]
    return params


def _gru_params(kernel: Any, recurrent_kernel: Any, bias: Any) -> list:
    def r_z_n(tensor, dim):  # Keras' z, r, h -> torch's r, z, n
        z, r, h = torch.chunk(tensor, 3, dim=dim)
        return torch.cat([r, z, h], dim=dim)

    params = [r_z_n(kernel, 1).T, r_z_n(recurrent_kernel, 1).T]
    if bias is not None:
        params += [r_z_n(bias[0], 0), r_z_n(bias[1], 0)]
    return params


def _dropped(layer: keras.layers.Layer, sequences: Any, training: bool) -> Any:
    """Keras' input dropout before a fused kernel: the cell's one mask per
    sequence, the same at every time step, as Keras' LSTM and GRU apply it
    before their backend's kernel (their ``inner_loop``) and their cells at
    each step, so the masks and the numbers are Keras'."""
    if not (training and layer.dropout):
        return sequences
    mask = ops.expand_dims(layer.cell.get_dropout_mask(sequences[:, 0, :]), axis=1)
    return sequences * ops.broadcast_to(mask, ops.shape(sequences))


class FusedTorchRNN:
    """Mixin for an LSTM or GRU layer class (before the Keras class in the
    bases): on the PyTorch backend the recurrence runs on torch's fused kernel
    whenever :func:`fused_supported`, in eager calls and in ``fit()`` alike;
    on other backends, or otherwise, Keras' own ``inner_loop`` runs."""

    def inner_loop(self, sequences: Any, initial_state: Any, mask: Any, training: bool = False) -> Any:
        if isinstance(mask, (list, tuple)):
            mask = mask[0]
        if not fused_supported(self, mask):
            return super().inner_loop(sequences, initial_state, mask=mask, training=training)
        states = list(initial_state) if isinstance(initial_state, (list, tuple)) else [initial_state]
        return fused_recurrence(self, _dropped(self, sequences, training), states)


def torch_call(layer: keras.layers.Layer, inputs: Any, kwargs: dict[str, Any]) -> Any | None:
    """Run an eager ``layer(inputs, **kwargs)`` directly on torch's fused
    kernel, or return ``None`` when the call must go through Keras.

    Only eager calls of a built, non-``stateful`` LSTM/GRU on a float32
    tensor are taken, without masks, regularized outputs, or input dropout
    unless ``training=False`` is passed (a call nested in a training call
    inherits ``training`` from it); the result is what Keras returns (the
    output, or ``(output, *states)`` with ``return_state``).
    """
    if not _direct_call_ok(layer, inputs, kwargs):
        return None
    x = keras.ops.convert_to_tensor(inputs) if isinstance(inputs, np.ndarray) else inputs  # on Keras' device
    if x.ndim != 3 or x.dtype != torch.float32:
        return None
    if not fused_supported(layer) or x.shape[-1] != layer.cell.kernel.shape[0]:
        return None
    initial_state = kwargs.get("initial_state")
    if initial_state is None:
        size = layer.cell.state_size
        sizes = size if isinstance(size, (list, tuple)) else [size]
        states = [x.new_zeros((x.shape[0], s)) for s in sizes]
    else:
        states = list(initial_state) if isinstance(initial_state, (list, tuple)) else [initial_state]
        if any(not isinstance(s, torch.Tensor) or s.dtype != torch.float32 for s in states):
            return None
    last_output, outputs, new_states = fused_recurrence(layer, x, states)
    output = outputs if layer.return_sequences else last_output
    return (output, *new_states) if layer.return_state else output


def _direct_call_ok(layer: keras.layers.Layer, inputs: Any, kwargs: dict[str, Any]) -> bool:
    return (
        _kind(layer) is not None  # first: only LSTM and GRU have the members read below
        and isinstance(inputs, (torch.Tensor, np.ndarray))
        and get_keras_mask(inputs) is None
        and kwargs.get("mask") is None  # models pass mask=None explicitly
        and set(kwargs) <= _CALL_KEYWORDS
        and kwargs.get("training") in (None, True, False)
        and (not layer.dropout or kwargs.get("training") is False)
        and not layer.stateful
        and layer.activity_regularizer is None
    )
