"""What kerasfn's ``compile()`` passes to Keras: the losses and metrics, and XLA.

R keras3's ``compile()`` resolves its own ``loss_*``/``metric_*`` functions
to the Keras function (or class) they call, so that
``metrics = metric_binary_accuracy`` is named ``binary_accuracy`` in the
history: :func:`as_loss` and :func:`as_metrics` do the same.

``jit_compile="auto"`` (R keras3's default) leaves the choice of XLA to
Keras, which never uses XLA on the TensorFlow backend when no GPU is
visible.  Measured on a 2-core CPU (``bench/train.py``, table in
``bench/TRAINING.md``), XLA needs about half the CPU time per epoch of graph
mode for a GRU text classifier and a Conv1D+LSTM forecaster and as much or
less for a stacked LSTM (issue 14 measured 1.4x the samples/s on an idle
machine), for a few seconds of compilation in the first epoch.  So kerasfn
resolves ``"auto"`` to XLA on a CPU-only TensorFlow whenever every layer of
the model supports it and none draws random numbers (XLA draws other random
numbers than graph mode for the same seed); everything else is Keras' own
choice, unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import keras
import numpy as np

from kerasfn.rcall.converters import as_list, describe
from kerasfn.rcall.internals import flatten_layers

__all__ = ["as_loss", "as_metrics", "resolve_jit_compile"]


def _resolved(value: Any) -> Any:
    """A kerasfn ``loss_*``/``metric_*`` function as the Keras object it stands for,
    in lists and dicts too (R's ``resolve_py_obj(prefer_class = FALSE)``)."""
    if isinstance(value, Mapping):
        return {key: _resolved(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_resolved(item) for item in value)
    return getattr(value, "keras_function", value)


def as_loss(name: str, value: Any) -> Any:
    """``compile(loss=)``: R keras3's ``as_loss``: ``loss_binary_crossentropy``
    is ``keras.losses.binary_crossentropy``."""
    return _resolved(value)


def as_metrics(name: str, value: Any) -> Any:
    """``compile(metrics=)``: R keras3's ``as_metrics``, a list, each kerasfn
    metric or loss function as the Keras one it stands for (so the history
    names ``metric_binary_accuracy`` ``binary_accuracy``, as R does)."""
    return _resolved(as_list(name, value))


def resolve_jit_compile(model: keras.Model, jit_compile: Any = "auto", run_eagerly: bool = False) -> bool | str:
    """The ``jit_compile`` value kerasfn's ``compile()`` passes to Keras.

    ``True`` or ``False`` is the user's choice and is kept.  ``"auto"``
    becomes ``True`` (XLA) on the TensorFlow backend when no GPU is visible,
    the model does not run eagerly, no ``tf.distribute`` strategy is active,
    every layer (nested ones included) declares ``supports_jit``, and no
    layer draws random numbers (dropout, noise, random augmentation: XLA
    would draw other numbers than graph mode for the same seed);
    otherwise it stays ``"auto"``: Keras' choice (graph mode on a CPU, XLA
    on a GPU or on JAX, eager on PyTorch).  A model XLA cannot run (a layer
    with ``supports_jit=False``, such as string lookups) therefore falls back
    to graph mode without a warning.

    Raises ``ValueError`` for a ``jit_compile`` that is none of ``True``,
    ``False``, ``"auto"``.
    """
    if isinstance(jit_compile, (bool, np.bool_)):
        return bool(jit_compile)
    if not (isinstance(jit_compile, str) and jit_compile == "auto"):
        raise ValueError(f'`jit_compile` must be TRUE, FALSE or "auto"; received {describe(jit_compile)}.')
    if run_eagerly or keras.backend.backend() != "tensorflow":
        return "auto"
    import tensorflow as tf

    cpu_only = all(device.device_type == "CPU" for device in tf.config.list_physical_devices())
    if cpu_only and not tf.distribute.has_strategy() and _layers_support_xla(model) and not _draws_random_numbers(model):
        return True
    return "auto"


def _draws_random_numbers(model: keras.Model) -> bool:
    """Dropout and other random layers: XLA draws other random numbers than
    graph mode for the same seed, so the same script would train to other
    weights than in plain Keras or R (whose default is graph mode on a CPU)."""
    def random(layer: keras.layers.Layer) -> bool:
        rates = (getattr(layer, name, 0) for name in ("rate", "dropout", "recurrent_dropout", "stddev"))
        return any(isinstance(rate, (int, float)) and rate > 0 for rate in rates) or type(layer).__name__.startswith("Random")

    return any(random(layer) for layer in flatten_layers(model))


def _layers_support_xla(model: keras.Model) -> bool:
    # Keras' own per-layer flag: layers whose ops XLA cannot compile (string
    # lookups, cuDNN kernels) set it to False.
    return all(getattr(layer, "supports_jit", True) for layer in flatten_layers(model))
