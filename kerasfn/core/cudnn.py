"""Whether an LSTM runs the cuDNN kernel, and if not, why.

Keras picks the cuDNN kernel silently; :func:`cudnn_status` says which
conditions of Keras' LSTM documentation hold for a layer (and, optionally, for given
inputs and mask) and names each one that fails.

The checks follow what Keras 3's TensorFlow backend actually does, which
differs from that documented list in one place: Keras 3 applies input ``dropout``
to the sequence *before* the kernel, so ``dropout > 0`` does not stop cuDNN;
only ``recurrent_dropout > 0`` does.  "Eager in the outermost context" means
TensorFlow 2 behaviour (a ``tf.function`` is fine: ``fit()`` uses cuDNN);
it fails in TF1-style graph mode.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import keras
import numpy as np

from kerasfn.rcall import internals

__all__ = ["CudnnStatus", "cudnn_status"]


@dataclass(frozen=True)
class CudnnStatus:
    """The answer of cudnn_status()

    Description:
        What :func:`cudnn_status` returns: whether the layer would run the
        cuDNN kernel and, if not, why.  Printing it gives a short report.

    Arguments:
        uses_cudnn: Whether a call would run the cuDNN kernel.
        reasons: One readable line per condition that fails (empty when
            ``uses_cudnn``).
        notes: Lines about the documented cuDNN conditions that Keras 3 no
            longer enforces (input ``dropout``), so a ported script's author is not
            left wondering.

    Value:
        A frozen dataclass with the fields ``uses_cudnn``, ``reasons`` and
        ``notes``.

    Examples:
        >>> from kerasfn import CudnnStatus
        >>> print(CudnnStatus(uses_cudnn=False, reasons=("`unroll` is True; cuDNN needs False.",)))
        does not use cuDNN:
        - `unroll` is True; cuDNN needs False.

    See also:
        :func:`cudnn_status`, :func:`layer_cudnn_lstm`.
    """

    uses_cudnn: bool
    reasons: tuple[str, ...]
    notes: tuple[str, ...] = ()

    def __str__(self) -> str:
        report = "uses cuDNN" if self.uses_cudnn else "does not use cuDNN:\n" + "\n".join(
            f"- {reason}" for reason in self.reasons
        )
        return "\n".join([report, *(f"note: {note}" for note in self.notes)])


def cudnn_status(layer: keras.layers.LSTM, inputs: Any = None, mask: Any = None) -> CudnnStatus:
    """Whether an LSTM layer runs the cuDNN kernel, and why not

    Description:
        Checks the conditions under which Keras runs an LSTM with the fast
        cuDNN kernel (TensorFlow backend, GPU): ``activation == "tanh"``,
        ``recurrent_activation == "sigmoid"``, ``recurrent_dropout == 0``,
        ``unroll`` is ``False``, ``use_bias`` is ``True``, a mask (if any) is
        strictly right-padded, eager execution in the outermost context, and a
        visible GPU.  ``use_cudnn=False`` also rules it out.  ``dropout`` is
        no obstacle in Keras 3: it is applied to the inputs before the kernel.

    Arguments:
        layer: A ``keras.layers.LSTM`` (a ``layer_lstm()`` result or plain
            Keras).
        inputs: Optional input tensor; its Keras mask is checked when
            ``mask`` is not given.
        mask: Optional boolean mask of shape ``(batch, timesteps)``.

    Value:
        A ``CudnnStatus`` with ``uses_cudnn`` (``True``/``False``),
        ``reasons``, one line for each failed condition, and ``notes`` on
        the documented conditions that Keras 3 relaxed.

    Examples:
        >>> from kerasfn import cudnn_status, layer_lstm
        >>> status = cudnn_status(layer_lstm(4, activation="relu", unroll=True))
        >>> status.uses_cudnn
        False
        >>> for reason in status.reasons: print(reason)
        `activation` is 'relu'; cuDNN needs 'tanh'.
        `unroll` is True; cuDNN needs False.
        no GPU visible (tf.config.list_logical_devices('GPU') is empty).
        >>> cudnn_status(layer_lstm(4, dropout=0.2)).notes[0]
        '`dropout` is 0.2: Keras 3 drops input units before the cuDNN kernel, so it does not block cuDNN (tf.keras 2 required 0).'

    See also:
        :func:`layer_lstm`, :func:`layer_cudnn_lstm`.
    """
    if not isinstance(layer, keras.layers.LSTM):
        raise TypeError(f"`layer` must be a keras.layers.LSTM (e.g. from layer_lstm()); received {type(layer).__name__}.")
    reasons = _configuration_reasons(layer)
    if mask is None and inputs is not None:
        mask = internals.get_keras_mask(inputs)
    if mask is not None:
        reasons += _mask_reasons(mask)
    reasons += _runtime_reasons()
    return CudnnStatus(uses_cudnn=not reasons, reasons=tuple(reasons), notes=tuple(_relaxed_conditions(layer)))


def _relaxed_conditions(layer: keras.layers.LSTM) -> list[str]:
    """The documented cuDNN conditions that Keras 3 no longer needs, where a layer meets them not."""
    if not layer.dropout:
        return []
    return [
        f"`dropout` is {layer.dropout}: Keras 3 drops input units before the cuDNN kernel, "
        "so it does not block cuDNN (tf.keras 2 required 0)."
    ]


def _configuration_reasons(layer: keras.layers.LSTM) -> list[str]:
    reasons = []
    if keras.backend.backend() != "tensorflow":
        reasons.append(
            f"the backend is '{keras.backend.backend()}'; kerasfn checks the cuDNN kernel of the TensorFlow backend."
        )
    if layer.use_cudnn is False:
        reasons.append("`use_cudnn` is False.")
    activation = keras.activations.serialize(layer.activation)
    if activation != "tanh":
        reasons.append(f"`activation` is {activation!r}; cuDNN needs 'tanh'.")
    recurrent_activation = keras.activations.serialize(layer.recurrent_activation)
    if recurrent_activation != "sigmoid":
        reasons.append(f"`recurrent_activation` is {recurrent_activation!r}; cuDNN needs 'sigmoid'.")
    if layer.recurrent_dropout:
        reasons.append(f"`recurrent_dropout` is {layer.recurrent_dropout}; cuDNN needs 0.")
    if layer.unroll:
        reasons.append("`unroll` is True; cuDNN needs False.")
    if not layer.use_bias:
        reasons.append("`use_bias` is False; cuDNN needs True.")
    return reasons


def _mask_reasons(mask: Any) -> list[str]:
    if not _has_values(mask):
        return []  # a symbolic mask: Keras checks it when the call runs
    mask = np.asarray(keras.ops.convert_to_numpy(mask), dtype=bool)
    lengths = mask.sum(axis=1)
    right_padded = np.arange(mask.shape[1])[None, :] < lengths[:, None]
    reasons = []
    if not np.array_equal(mask, right_padded):
        reasons.append(
            "`mask` is not strictly right-padded (each row must be True's then False's); "
            "cuDNN needs right padding."
        )
    if (lengths == 0).any():
        reasons.append("`mask` hides every timestep of some sequence; cuDNN cannot run on an empty sequence.")
    return reasons


def _has_values(tensor: Any) -> bool:
    if isinstance(tensor, keras.KerasTensor):
        return False
    if keras.backend.backend() == "tensorflow":
        import tensorflow as tf

        return not isinstance(tensor, tf.Tensor) or hasattr(tensor, "numpy")
    return True


def _runtime_reasons() -> list[str]:
    if keras.backend.backend() != "tensorflow":
        return []
    import tensorflow as tf

    reasons = []
    if not tf.compat.v1.executing_eagerly_outside_functions():
        reasons.append("not eager in the outermost context (TensorFlow 1.x graph mode).")
    if not tf.config.list_logical_devices("GPU"):
        reasons.append("no GPU visible (tf.config.list_logical_devices('GPU') is empty).")
    return reasons
