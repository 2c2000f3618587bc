"""The cuDNN-only LSTM: R keras 2's ``layer_cudnn_lstm()`` (``CuDNNLSTM``).

Keras 3 has no separate cuDNN class: a ``keras.layers.LSTM`` with the
cuDNN-compatible configuration and ``use_cudnn=True`` is the same thing.
:class:`CudnnLSTM` fixes that configuration, takes only the arguments
``CuDNNLSTM`` took, and refuses to run where cuDNN cannot, naming why
(:func:`kerasfn.core.cudnn.cudnn_status`).  It saves as that plain
``keras.layers.LSTM``.
"""

from __future__ import annotations

from typing import Any

from kerasfn.core.cudnn import cudnn_status
from kerasfn.core.lstm import LSTM
from kerasfn.core.portable import saved_as_keras

__all__ = ["CUDNN_CONFIGURATION", "CudnnLSTM"]

#: The arguments cuDNN fixes (conditions 1-5 of Keras' documented cuDNN list), and ``use_cudnn=True``.
CUDNN_CONFIGURATION: dict[str, Any] = {
    "activation": "tanh",
    "recurrent_activation": "sigmoid",
    "dropout": 0.0,
    "recurrent_dropout": 0.0,
    "unroll": False,
    "use_bias": True,
    "use_cudnn": True,
}


@saved_as_keras
class CudnnLSTM(LSTM):
    """An LSTM that runs the cuDNN kernel or raises a ``ValueError`` saying why it cannot."""

    def __init__(self, units: int, **kwargs: Any):
        fixed = sorted(set(kwargs) & set(CUDNN_CONFIGURATION))
        if fixed:
            raise TypeError(
                f"`{fixed[0]}` is fixed by cuDNN in layer_cudnn_lstm() "
                f"(it is {CUDNN_CONFIGURATION[fixed[0]]!r}); received {fixed[0]}={kwargs[fixed[0]]!r}. "
                "Use layer_lstm() to choose it."
            )
        super().__init__(units, **CUDNN_CONFIGURATION, **kwargs)

    def __call__(self, inputs: Any, *args: Any, **kwargs: Any) -> Any:
        self._check_inputs(inputs)
        status = cudnn_status(self, inputs, kwargs.get("mask"))
        if not status.uses_cudnn:
            raise ValueError(
                f"layer_cudnn_lstm() layer '{self.name}' needs the cuDNN kernel, which cannot run here: "
                + " ".join(status.reasons)
                + " Use layer_lstm() for an LSTM that runs anywhere (it uses cuDNN when it can)."
            )
        return super().__call__(inputs, *args, **kwargs)

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> CudnnLSTM:
        return cls(**{key: value for key, value in config.items() if key not in CUDNN_CONFIGURATION})
