"""``time_major=True``: the tf.compat.v1 LSTM option Keras 3 dropped.

With ``time_major=True`` the inputs are ``(timesteps, batch, features)`` and
a ``return_sequences`` output is ``(timesteps, batch, units)``; the states
stay ``(batch, units)`` and a mask stays ``(batch, timesteps)``, as in
tf.keras.  The layer computes in Keras' batch-major layout between two
transposes, so its numbers are those of ``keras.layers.LSTM`` on the
transposed input.  Its config records ``time_major: True`` under the
registered name ``kerasfn>TimeMajorLSTM``: saving works everywhere, loading
needs kerasfn imported.
"""

from __future__ import annotations

from typing import Any

import keras

from kerasfn.core.lstm import LSTM

__all__ = ["TimeMajorLSTM"]


def _swap_time_and_batch(shape: Any) -> tuple:
    shape = tuple(shape)
    return (shape[1], shape[0], *shape[2:])


@keras.saving.register_keras_serializable(package="kerasfn")
class TimeMajorLSTM(LSTM, time_major_variant=True):
    """A kerasfn LSTM whose inputs and sequence outputs are time-major."""

    time_major = True

    def __init__(self, *args: Any, time_major: bool = True, **kwargs: Any):
        if not time_major:
            raise ValueError("`time_major` must be True for a TimeMajorLSTM; use LSTM for batch-major inputs.")
        super().__init__(*args, **kwargs)

    def build(self, sequences_shape: Any, initial_state_shape: Any = None) -> None:
        super().build(_swap_time_and_batch(sequences_shape), initial_state_shape)

    def call(self, sequences: Any, initial_state: Any = None, mask: Any = None, training: bool = False) -> Any:
        outputs = super().call(
            keras.ops.swapaxes(sequences, 0, 1), initial_state=initial_state, mask=mask, training=training
        )
        if not self.return_sequences:
            return outputs
        if self.return_state:
            sequence, *states = outputs
            return keras.ops.swapaxes(sequence, 0, 1), *states
        return keras.ops.swapaxes(outputs, 0, 1)

    def compute_output_shape(self, sequences_shape: Any, initial_state_shape: Any = None) -> Any:
        shapes = super().compute_output_shape(_swap_time_and_batch(sequences_shape), initial_state_shape)
        if not self.return_sequences:
            return shapes
        if self.return_state:
            sequence, *states = shapes
            return _swap_time_and_batch(sequence), *states
        return _swap_time_and_batch(shapes)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "time_major": True}
