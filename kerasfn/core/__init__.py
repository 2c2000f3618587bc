"""kerasfn's core: the Keras subclasses behind R's layer functions, and their backend kernels."""

from kerasfn.core import time_major  # noqa: F401  (defines the class LSTM(time_major=True) builds)
