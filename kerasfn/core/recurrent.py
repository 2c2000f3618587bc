"""kerasfn's core for every Keras recurrent layer besides LSTM.

Each class here *is* the Keras layer of the same name (same config, weights
and numbers) whose eager calls run compiled when that pays
(:mod:`kerasfn.core.eager`); GRU also runs on torch's fused kernel on the
PyTorch backend (:mod:`kerasfn.core.kernels`).  Wrappers (``RNN`` over a
cell or a stack of cells, ``Bidirectional``, ``TimeDistributed``) compile
their whole call, both directions of a Bidirectional layer in one function.

Saved models stay portable: each class serializes under the public name of
its Keras class, so plain Keras loads it without kerasfn, and
:func:`kerasfn.core.saving.restore_core_classes` gives a loaded model
kerasfn's classes back.
"""

from __future__ import annotations

import keras

from kerasfn.core.eager import CompiledEagerCalls
from kerasfn.core.kernels import RecurrentKernel
from kerasfn.core.portable import saved_as_keras

__all__ = [
    "GRU", "RNN", "Bidirectional", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D", "SimpleRNN", "TimeDistributed",
]


@saved_as_keras
class GRU(CompiledEagerCalls, RecurrentKernel, keras.layers.GRU):
    pass


@saved_as_keras
class SimpleRNN(CompiledEagerCalls, keras.layers.SimpleRNN):
    pass


@saved_as_keras
class RNN(CompiledEagerCalls, keras.layers.RNN):
    pass


@saved_as_keras
class Bidirectional(CompiledEagerCalls, keras.layers.Bidirectional):
    pass


@saved_as_keras
class TimeDistributed(CompiledEagerCalls, keras.layers.TimeDistributed):
    pass


@saved_as_keras
class ConvLSTM1D(CompiledEagerCalls, keras.layers.ConvLSTM1D):
    pass


@saved_as_keras
class ConvLSTM2D(CompiledEagerCalls, keras.layers.ConvLSTM2D):
    pass


@saved_as_keras
class ConvLSTM3D(CompiledEagerCalls, keras.layers.ConvLSTM3D):
    pass
