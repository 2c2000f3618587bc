"""The recurrent layers' backend kernels: one entry per backend, behind one hook.

Keras runs an LSTM's or GRU's recurrence through the layer's ``inner_loop``,
its hook for a backend's fused kernel (``keras.src.backend.<backend>.rnn``:
cuDNN on a TensorFlow or JAX GPU).  kerasfn's core layers mix in
:class:`RecurrentKernel`, the entry of the backend this process runs on, and
eager calls may skip Keras' call machinery through :func:`direct_call`:

* PyTorch: torch's fused LSTM/GRU kernels on every device, CPU included
  (:mod:`kerasfn.core.kernels.torch`; Keras uses them on CUDA only);
* TensorFlow and JAX: Keras' own kernels (cuDNN where Keras chooses it, its
  loop otherwise); kerasfn compiles their eager calls (:mod:`kerasfn.core.eager`).

The backend is fixed before Keras loads, so the choice is made once, here:
no LSTM construction or call does work for a backend not in use.
"""

from __future__ import annotations

from typing import Any

import keras

__all__ = ["RecurrentKernel", "direct_call"]

if keras.backend.backend() == "torch":
    from kerasfn.core.kernels.torch import FusedTorchRNN as RecurrentKernel
    from kerasfn.core.kernels.torch import torch_call as direct_call
else:

    class RecurrentKernel:
        """Keras' own recurrence on this backend: nothing replaced."""

    def direct_call(layer: keras.layers.Layer, inputs: Any, kwargs: dict[str, Any]) -> None:
        """No direct eager call on this backend: Keras' ``__call__`` runs (``None``)."""
        return None
