"""The R-named ``layer_*`` functions: each a one-line call into :mod:`kerasfn.compose`.

The catalog's are generated (:mod:`kerasfn.generated`, ``layers_*.py``); ``cudnn_lstm.py``
is R keras 2's ``layer_cudnn_lstm()``, whose argument list (the subset
``CuDNNLSTM`` took) no Keras class states.
"""

from kerasfn.layers.cudnn_lstm import layer_cudnn_lstm

__all__ = ["layer_cudnn_lstm"]
