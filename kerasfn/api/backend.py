"""Backends: R keras3's ``use_backend()`` and ``as.array()``.

Keras 3 runs on TensorFlow, JAX or PyTorch, chosen once per process (the
``KERAS_BACKEND`` environment variable, or ``~/.keras/keras.json``) before
Keras is imported.  Each backend returns its own tensor type from an eager
call; :func:`as_array` turns any of them into numpy, the way R scripts write
``as.array(x)``.
"""

from __future__ import annotations

import sys
from typing import Any

import keras
import numpy as np

from kerasfn.rcall.converters import describe

__all__ = ["as_array", "use_backend"]

#: The backends Keras 3 can run on (``keras.config.backend()``'s values).
BACKENDS = ("tensorflow", "jax", "torch", "numpy")


def use_backend(backend: str) -> str:
    """Configure a Keras backend

    Description:
        Keras chooses its backend once, when it is first imported, and
        kerasfn imports Keras: so, as in R, the backend is chosen before
        anything else runs.  In Python that means the ``KERAS_BACKEND``
        environment variable, set in the shell (``KERAS_BACKEND=jax python
        script.py``) or at the top of the script, before ``import kerasfn``::

            import os
            os.environ["KERAS_BACKEND"] = "jax"
            from kerasfn import *

        ``use_backend()`` then confirms the choice: it returns ``backend``
        when Keras runs on it, and otherwise raises an error naming both
        backends and how to switch (R stops the same way once Keras has
        initialised: "restart the R session").

    Arguments:
        backend: One of ``"tensorflow"``, ``"jax"``, ``"torch"`` or
            ``"numpy"``.

    Value:
        ``backend``, when Keras runs on it.

    Examples:
        >>> import keras
        >>> from kerasfn import use_backend
        >>> use_backend(keras.config.backend()) == keras.config.backend()
        True

    See also:
        :func:`as_array`; ``keras.config.backend()`` (R's ``config_backend()``).
    """
    if not isinstance(backend, str) or backend not in BACKENDS:
        raise ValueError(f"`backend` must be one of {', '.join(map(repr, BACKENDS))}; received {describe(backend)}.")
    active = keras.config.backend()
    if backend != active:
        raise RuntimeError(
            f"Keras already runs on the {active!r} backend, so it cannot switch to {backend!r} "
            "in this process: the backend must be chosen before Keras is imported. "
            f"Start Python with KERAS_BACKEND={backend} in the environment, or put "
            f'os.environ["KERAS_BACKEND"] = "{backend}" at the top of the script, before '
            "`import kerasfn` (or `import keras`)."
        )
    return backend


def as_array(x: Any) -> np.ndarray:
    """Convert a tensor to an array (R's as.array)

    Description:
        Returns a numpy array holding the values of ``x``: a tensor of any
        Keras backend (TensorFlow, JAX, PyTorch), a ``keras.Variable``, a
        numpy array, or nested lists of numbers.  PyTorch tensors are
        detached from the autograd graph and copied to the CPU first (Keras
        keeps PyTorch weights as parameters, so layer outputs require grad
        and ``np.asarray()`` refuses them).

    Arguments:
        x: The values to convert.  A symbolic tensor (``keras_input()``)
            holds no values and is refused.

    Value:
        A ``numpy.ndarray``.

    Examples:
        >>> from kerasfn import as_array, layer_dense, random_uniform
        >>> y = random_uniform((2, 3)) | layer_dense(4)
        >>> a = as_array(y)
        >>> type(a).__name__, a.shape
        ('ndarray', (2, 4))

    See also:
        :func:`shape`; ``keras.ops.convert_to_numpy()``.
    """
    if isinstance(x, keras.KerasTensor):
        raise TypeError(
            "`x` is a symbolic tensor: it holds no values until a model built from it is "
            f"called on data (`predict()`); received {describe(x)}."
        )
    if isinstance(x, keras.Variable):
        x = keras.ops.copy(x)  # its value as a tensor (numpy warns on a tf.Variable itself)
    torch = sys.modules.get("torch")
    if torch is not None and isinstance(x, torch.Tensor):
        # Any backend: a torch tensor may reach TensorFlow or JAX code too.
        return x.detach().cpu().numpy()
    array = np.asarray(keras.ops.convert_to_numpy(x))
    if array.dtype == object:
        raise TypeError(f"`x` must be a tensor or an array of numbers; received {describe(x)}.")
    return array
