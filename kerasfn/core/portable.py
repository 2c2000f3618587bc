"""Saving kerasfn's core classes under the public names of the Keras classes they extend.

Keras writes a layer's public ``keras.*`` name when its class has one, and
the class's Python module otherwise (which a process without kerasfn cannot
import).  Giving each core subclass the public name of the Keras class whose
config it writes keeps saved files loadable by plain Keras;
:func:`kerasfn.core.saving.restore_core_classes` goes the other way.
"""

from __future__ import annotations

from kerasfn.rcall import internals

__all__ = ["keras_base", "saved_as_keras"]


def keras_base(cls: type) -> type:
    """The Keras class ``cls`` extends (the first one in its MRO)."""
    return next(klass for klass in cls.__mro__ if klass.__module__.startswith("keras."))


def saved_as_keras(cls: type) -> type:
    """Class decorator: save instances of ``cls`` under the public name of
    its Keras base class (``keras.layers.LSTM``); a class without a
    docstring of its own is documented as that class (the generated layer
    functions take their help from it)."""
    base = keras_base(cls)
    internals.register_public_name(cls, internals.public_name(base))
    if cls.__doc__ is None:
        cls.__doc__ = base.__doc__
    return cls
