"""kerasfn's LSTM layer core.

:class:`LSTM` *is* a ``keras.layers.LSTM`` (same cell, same weights, same
numbers, same config) with what R users rely on added on top:

* its ``return_state`` results are named and unpackable
  (:class:`kerasfn.destructure.LSTMStates`) on every call path;
* an input of the wrong rank is rejected with a message that names
  ``inputs`` and the shape received, before the backend's own loop fails
  somewhere deep inside.
"""

from __future__ import annotations

from typing import Any

import keras

from kerasfn.destructure import name_outputs

__all__ = ["LSTM"]


@keras.saving.register_keras_serializable(package="kerasfn")  # so saved models and Bidirectional copies find it
class LSTM(keras.layers.LSTM):
    """``keras.layers.LSTM`` with named ``return_state`` results and early input checks."""

    def __call__(self, inputs: Any, *args: Any, **kwargs: Any) -> Any:
        self._check_inputs(inputs)
        return name_outputs(self, super().__call__(inputs, *args, **kwargs))

    def _check_inputs(self, inputs: Any) -> None:
        shape = getattr(inputs, "shape", None)
        if shape is None:
            raise TypeError(
                f"`inputs` to layer '{self.name}' must be a 3D tensor "
                f"(batch, timesteps, features); received {type(inputs).__name__}."
            )
        if len(shape) != 3:
            raise ValueError(
                f"`inputs` to layer '{self.name}' must be a 3D tensor "
                f"(batch, timesteps, features); received shape {tuple(shape)}."
            )
