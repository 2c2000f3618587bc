"""The R-named ``layer_*`` functions: each a one-line call into :mod:`kerasfn.compose`."""

from kerasfn.layers.cudnn_lstm import layer_cudnn_lstm
from kerasfn.layers.lstm import layer_lstm

__all__ = ["layer_cudnn_lstm", "layer_lstm"]
