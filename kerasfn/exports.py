"""kerasfn's public names, gathered: what ``import kerasfn`` loads once Keras has started.

The hand-written API (:mod:`kerasfn.api`) and the generated one
(:mod:`kerasfn.generated`), in one namespace: every name here is also an
attribute of the package (``kerasfn.layer_lstm``).
The package starts Keras quietly first (:mod:`kerasfn.startup`), then imports
this module; see :mod:`kerasfn` for the one process that skips both.
"""


from kerasfn.api import printing as _printing
from kerasfn.api.backend import as_array, use_backend
from kerasfn.api.layer_class import Layer
from kerasfn.api.layer_cudnn_lstm import layer_cudnn_lstm
from kerasfn.api.models import (
    keras_input,
    keras_model,
    keras_model_sequential,
    layer_input,
)
from kerasfn.api.plot import plot
from kerasfn.api.printing import (
    config_disable_print_summary,
    config_enable_print_summary,
    config_is_print_summary_enabled,
)
from kerasfn.api.r_ops import *  # noqa: F403  (the op_* R keras3 writes by hand: op_subset, op_arange, ...)
from kerasfn.api.r_ops import __all__ as _r_ops
from kerasfn.api.reexports import all_dims, as_tensor, keras_variable, newaxis
from kerasfn.api.utils import (
    pad_sequences,
    set_random_seed,
    timeseries_dataset_from_array,
    to_categorical,
)
from kerasfn.api.verbs import (
    compile,
    evaluate,
    fit,
    freeze_weights,
    get_weights,
    load_model,
    predict,
    reset_state,
    save_model,
    set_weights,
    summary,
    unfreeze_weights,
)
from kerasfn.api.vocabulary import *  # noqa: F403  (model helpers, custom classes, datasets, utilities)
from kerasfn.api.vocabulary import __all__ as _vocabulary
from kerasfn.core.cudnn import CudnnStatus, cudnn_status
from kerasfn.generated import *  # noqa: F403  (every layer_* function the catalog describes, op_*, loss_*, ...)
from kerasfn.generated import __all__ as _generated_functions
from kerasfn.rcall import pipe as _pipe
from kerasfn.rcall.destructure import LSTMStates
from kerasfn.rcall.shape import Shape, shape

_pipe.install()
_printing.install()


__all__ = [
    "LSTMStates",
    "Shape",
    "keras_input",
    "keras_model",
    "keras_model_sequential",
    # the LSTM core: cuDNN status and R keras 2's cuDNN-only layer
    "CudnnStatus",
    "cudnn_status",
    "layer_cudnn_lstm",
    "shape",
    # how print(model) prints (R's summary or Keras' repr)
    "config_disable_print_summary",
    "config_enable_print_summary",
    "config_is_print_summary_enabled",
    # R keras3's re-exports from the tensorflow R package
    "all_dims",
    "as_tensor",
    "keras_variable",
    "newaxis",
    *_generated_functions,
    *_vocabulary,
    *_r_ops,
    # custom layers and R keras 2's input
    "Layer",
    "layer_input",
    # model verbs (``compile`` shadows the built-in: see the README)
    "compile",
    "evaluate",
    "fit",
    "freeze_weights",
    "get_weights",
    "load_model",
    "plot",
    "predict",
    "reset_state",
    "save_model",
    "set_weights",
    "summary",
    "unfreeze_weights",
    # backends (R's use_backend() and as.array())
    "as_array",
    "use_backend",
    # data helpers
    "pad_sequences",
    "set_random_seed",
    "timeseries_dataset_from_array",
    "to_categorical",
]
