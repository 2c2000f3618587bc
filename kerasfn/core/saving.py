"""Loading a saved model back onto kerasfn's core classes.

kerasfn's core layers save under the public names of the Keras classes they
extend (``keras.layers.LSTM``, ``keras.layers.MultiHeadAttention``, ...), so
plain Keras loads them without kerasfn.  The other way round, a model loaded
from such a file holds plain Keras layers; :func:`restore_core_classes`
turns each of them back into kerasfn's class of the same name (same config,
weights and state; only the methods kerasfn adds change: fast eager calls,
``reset_states(states=)``, named ``return_state`` results, tf.keras's legacy
members, list inputs for attention).

The classes kerasfn saves under names of its own (``kerasfn>TimeMajorLSTM``)
are registered with Keras when their modules are imported, which importing
any part of :mod:`kerasfn.core` does: a file holding one loads in any
process that imported kerasfn.
"""

from __future__ import annotations

from functools import cache

import keras

from kerasfn.core import attention, recurrent
from kerasfn.core.lstm import LSTM
from kerasfn.core.portable import keras_base
from kerasfn.rcall import internals

__all__ = ["core_classes", "restore_core_classes"]


@cache
def core_classes() -> dict[type, type]:
    """Each Keras class kerasfn has a core class for, and that class."""
    classes = [LSTM, attention.MultiHeadAttention, attention.GroupQueryAttention,
               *(getattr(recurrent, name) for name in recurrent.__all__)]
    return {keras_base(cls): cls for cls in classes}


def restore_core_classes(model: keras.Model) -> keras.Model:
    """Give a loaded model's layers kerasfn's core classes back (in place).

    Every layer of ``model`` (and of the models nested in it) whose class is
    exactly a Keras class kerasfn has a core class for becomes an instance
    of that core class; the layers inside a wrapper (a Bidirectional
    layer's two directions, a TimeDistributed layer's inner layer) stay as
    the wrapper made them.  Returns ``model``.
    """
    for layer in model.layers:
        if isinstance(layer, keras.Model):
            restore_core_classes(layer)
            continue
        core = core_classes().get(type(layer))
        if core is not None:
            # The core classes add methods only (no state of their own), so
            # the instance is already what the core class would have built.
            internals.narrow_class(layer, core)
    return model
