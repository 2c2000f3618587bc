"""kerasfn's LSTM layer core.

:class:`LSTM` *is* a ``keras.layers.LSTM`` (same cell, same weights, same
numbers, same config) with what R users and tf.keras-era scripts rely on added on
top, each concern in its own module:

* its ``return_state`` results are named and unpackable
  (:class:`kerasfn.rcall.destructure.LSTMStates`) on every call path;
* an input of the wrong rank is rejected with a message that names
  ``inputs`` and the shape received, before the backend's own loop fails;
* eager calls run compiled when that pays (:mod:`kerasfn.core.eager`),
  about ten times faster on a CPU than Keras' op-by-op eager loop, with the
  same numbers; on the PyTorch backend, on torch's fused kernel
  (:mod:`kerasfn.core.kernels`);
* the tf.keras members that still mean something, ``reset_states(states)``
  with values, and ``implementation=1|2`` (:mod:`kerasfn.core.legacy`);
* ``time_major=True`` (:mod:`kerasfn.core.time_major`).

Saved models stay portable: a kerasfn LSTM serializes as a plain
``keras.layers.LSTM``, so ``keras.saving.load_model`` reads it in a process
that never imports kerasfn.  Only ``time_major=True`` layers, which plain
Keras cannot express, are saved under their registered kerasfn name
(``kerasfn>TimeMajorLSTM``) and need kerasfn imported to load.
"""

from __future__ import annotations

from typing import Any

import keras

from kerasfn.core.eager import CompiledEagerCalls
from kerasfn.core.kernels import RecurrentKernel
from kerasfn.core.legacy import LegacyLayerMembers
from kerasfn.core.portable import saved_as_keras
from kerasfn.rcall.converters import describe
from kerasfn.rcall.destructure import name_outputs

__all__ = ["LSTM"]


@saved_as_keras
@keras.saving.register_keras_serializable(package="kerasfn")  # files saved before the line above still load
class LSTM(CompiledEagerCalls, RecurrentKernel, LegacyLayerMembers, keras.layers.LSTM):
    """``keras.layers.LSTM`` with named ``return_state`` results, early input
    checks, compiled eager calls and the legacy tf.keras members.

    Args:
        time_major: If ``True``, inputs and sequence outputs are
            ``(timesteps, batch, features)`` (tf.compat.v1); the layer is then
            a :class:`kerasfn.core.time_major.TimeMajorLSTM`.
        implementation: ``1`` (separate matrix products per gate) or ``2``
            (one fused product, the default); the same numbers either way.
    """

    time_major = False
    #: The class ``LSTM(time_major=True)`` builds: :class:`kerasfn.core.time_major.TimeMajorLSTM`,
    #: which names itself here when it is defined (it extends this class, so this module cannot
    #: import it; ``kerasfn.core`` imports it with the package).
    _time_major_class: type[LSTM] | None = None

    def __init_subclass__(cls, time_major_variant: bool = False, **kwargs: Any):
        super().__init_subclass__(**kwargs)
        if time_major_variant:
            LSTM._time_major_class = cls

    def __new__(cls, *args: Any, time_major: bool = False, **kwargs: Any) -> LSTM:
        if time_major and cls is LSTM:
            cls = LSTM._time_major_class
        return super().__new__(cls, *args, time_major=time_major, **kwargs)

    def __init__(self, *args: Any, time_major: bool = False, implementation: int = 2, **kwargs: Any):
        if implementation not in (1, 2) or isinstance(implementation, bool):
            raise ValueError(f"`implementation` must be 1 or 2; received {describe(implementation)}.")
        super().__init__(*args, implementation=int(implementation), **kwargs)

    def __call__(self, inputs: Any, *args: Any, **kwargs: Any) -> Any:
        self._check_inputs(inputs)
        self._check_initial_state(inputs, kwargs.get("initial_state"))
        return name_outputs(self, super().__call__(inputs, *args, **kwargs))

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        # Keras' own config leaves these out; plain keras.layers.LSTM(**config)
        # reads them, so adding them (when not the default) stays portable.
        if self.cell.implementation != 2:
            config["implementation"] = self.cell.implementation
        if self.use_cudnn != "auto":
            config["use_cudnn"] = self.use_cudnn
        return config

    def _check_initial_state(self, inputs: Any, initial_state: Any) -> None:
        """Two states of shape (batch, units), named with the shapes received
        (the backend's own error dumps the tensors from inside the cell)."""
        if initial_state is None:
            return
        states = list(initial_state) if isinstance(initial_state, (list, tuple)) else [initial_state]
        shapes = [tuple(getattr(state, "shape", ())) for state in states]
        expected = (inputs.shape[0], self.units)
        fits = len(shapes) == 2 and all(
            len(shape) == 2 and all(want is None or got is None or want == got for want, got in zip(expected, shape))
            for shape in shapes
        )
        if not fits:
            batch = "batch" if expected[0] is None else expected[0]
            raise ValueError(
                f"`initial_state` of layer '{self.name}' must be [h, c], two tensors of shape ({batch}, {self.units}); "
                f"received shapes {shapes}."
            )

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
        features = self.cell.kernel.shape[0] if self.built else None
        if features is not None and shape[-1] is not None and shape[-1] != features:
            raise ValueError(
                f"`inputs` to layer '{self.name}' must have {features} features (last axis), "
                f"as when the layer was built; received shape {tuple(shape)}."
            )
