"""kerasfn's core for every Keras recurrent layer besides LSTM.

Each class here *is* the Keras layer of the same name (same config, weights
and numbers) whose eager calls run compiled when that pays
(:mod:`kerasfn.core.eager`); GRU also runs on torch's fused kernel on the
PyTorch backend (:mod:`kerasfn.core.torch_rnn`).  Wrappers (``RNN`` over a
cell or a stack of cells, ``Bidirectional``, ``TimeDistributed``) compile
their whole call, both directions of a Bidirectional layer in one function.

Saved models stay portable: each class serializes under the public name of
its Keras class, so plain Keras loads it without kerasfn, and
:func:`kerasfn.core.saving.restore_core_classes` gives a loaded model
kerasfn's classes back.
"""

from __future__ import annotations

import keras

from kerasfn import internals
from kerasfn.core.eager import CompiledEagerCalls
from kerasfn.core.torch_rnn import FusedTorchRNN

__all__ = [
    "GRU", "RNN", "Bidirectional", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D", "SimpleRNN", "TimeDistributed",
]


def portable(cls: type) -> type:
    """Serialize ``cls`` as the Keras class it extends (loadable without
    kerasfn) and document it as that class (the generated layer functions
    take their help from it)."""
    keras_class = next(klass for klass in cls.__mro__ if klass.__module__.startswith("keras."))
    internals.register_public_name(cls, f"keras.layers.{keras_class.__name__}")
    cls.__doc__ = keras_class.__doc__
    return cls


@portable
class GRU(CompiledEagerCalls, FusedTorchRNN, keras.layers.GRU):
    pass


@portable
class SimpleRNN(CompiledEagerCalls, keras.layers.SimpleRNN):
    pass


@portable
class RNN(CompiledEagerCalls, keras.layers.RNN):
    pass


@portable
class Bidirectional(CompiledEagerCalls, keras.layers.Bidirectional):
    pass


@portable
class TimeDistributed(CompiledEagerCalls, keras.layers.TimeDistributed):
    pass


@portable
class ConvLSTM1D(CompiledEagerCalls, keras.layers.ConvLSTM1D):
    pass


@portable
class ConvLSTM2D(CompiledEagerCalls, keras.layers.ConvLSTM2D):
    pass


@portable
class ConvLSTM3D(CompiledEagerCalls, keras.layers.ConvLSTM3D):
    pass
