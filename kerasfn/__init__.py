"""kerasfn: R keras3's functional, pipe-friendly layer API, in Python, on Keras 3.

``x | layer_lstm(4)`` is R's ``x |> layer_lstm(4)``; every ``layer_*``
function dispatches on its first argument (see :mod:`kerasfn.compose`).
"""

from kerasfn import pipe as _pipe
from kerasfn.destructure import LSTMStates
from kerasfn.layers import layer_lstm
from kerasfn.models import keras_input, keras_model, keras_model_sequential
from kerasfn.random import random_normal, random_uniform
from kerasfn.shape import Shape, shape

_pipe.install()

__version__ = "0.1.0"

__all__ = [
    "LSTMStates",
    "Shape",
    "keras_input",
    "keras_model",
    "keras_model_sequential",
    "layer_lstm",
    "random_normal",
    "random_uniform",
    "shape",
]
