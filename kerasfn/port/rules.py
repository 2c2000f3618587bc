"""Tables the translator consults: which names mean what, in R and in kerasfn."""

from __future__ import annotations

import keyword

#: R binary operators and their Python spelling and precedence (see ``Py``).
BINARY = {
    "+": ("+", 11), "-": ("-", 11), "*": ("*", 12), "/": ("/", 12), "^": ("**", 14),
    "%%": ("%", 12), "%/%": ("//", 12), "%*%": ("@", 12),
    "==": ("==", 6), "!=": ("!=", 6), "<": ("<", 6), ">": (">", 6), "<=": ("<=", 6), ">=": (">=", 6),
    "&&": ("and", 4), "||": ("or", 3), "&": ("&", 9), "|": ("|", 7), "%in%": ("in", 6),
}

#: Precedence levels of Python expressions (higher binds tighter).
LAMBDA, IFEXP, OR, AND, NOT, CMP, BOR, BAND, ADD, MUL, UNARY, POW, PRIMARY, ATOM = 1, 2, 3, 4, 5, 6, 7, 9, 11, 12, 13, 14, 16, 17

#: Arguments that hold a shape (``c()`` becomes a tuple there).
SHAPE_ARGUMENTS = frozenset({
    "shape", "input_shape", "batch_shape", "input_batch_shape", "batch_input_shape", "target_shape", "output_shape",
    "kernel_size", "pool_size", "strides", "dilation_rate", "size", "dims", "cropping", "padding",
    "new_shape", "newshape", "dim", "noise_shape", "sequence_shape",
})
#: Functions whose first positional argument is a shape.
SHAPE_FIRST = frozenset({"keras_input", "layer_input", "keras_model_sequential", "layer_reshape",
                         "layer_permute", "random_uniform", "random_normal", "op_zeros", "op_ones"})
#: Arguments R keras3 reads as 1-based axes (``as_axis``): positive values shift down by one.
AXIS_ARGUMENTS = frozenset({"axis", "axes"})

#: Arguments that hold 1-based layer positions in R and 0-based ones in kerasfn (names pass through).
POSITION_ARGUMENTS = frozenset({
    (verb, argument) for verb in ("freeze_weights", "unfreeze_weights") for argument in ("from", "to", "which")
} | {("get_layer", "index")})

#: kerasfn functions besides ``layer_*`` that take their subject from the pipe (``x | f()``).
PIPE_VERBS = frozenset({
    "compile", "fit", "evaluate", "predict", "summary", "save_model", "get_weights", "set_weights",
    "freeze_weights", "unfreeze_weights", "reset_state", "plot", "bidirectional", "time_distributed",
})

#: Calls whose value R does not auto-print (they return invisibly, or print themselves).
INVISIBLE = frozenset({
    "print", "cat", "message", "plot", "summary", "str", "invisible", "library", "require",
    "compile", "fit", "set_random_seed", "set.seed", "save_model", "save_model_weights", "save_model_keras",
    "freeze_weights", "unfreeze_weights", "reset_state", "reset_states", "set_weights", "stopifnot",
    "use_backend", "stop", "warning", "writeLines", "suppressWarnings", "suppressMessages",
    # R keras3's functions that return invisible(...) (its R sources): a layer added to a Sequential
    # model returns the model invisibly too (the translator sees that from the subject's kind)
    "adapt", "set_vocabulary", "load_model_weights", "save_model_config", "export_savedmodel",
    "set_custom_objects", "image_array_save", "config_set_backend", "unlink", "dir.create", "saveRDS",
    "write.csv", "on.exit", "assign",
})

#: Calls whose result has a kind the translator tracks (``$`` is a key on a dict, ...).
RESULT_KIND = {
    "keras_model": "model", "keras_model_sequential": "model", "load_model": "model",
    "fit": "history", "evaluate": "dict", "Layer": "layer_fn", "new_layer_class": "layer_fn",
    "list": "list", "array": "array", "matrix": "array", "runif": "array", "rnorm": "array",
    "sample": "array", "rep": "array", **{f"dataset_{name}": "dataset" for name in (
        "mnist", "fashion_mnist", "cifar10", "cifar100", "imdb", "reuters", "boston_housing")}, "seq": "array", "seq_len": "array", "seq_along": "array",
    "to_categorical": "array", "pad_sequences": "array", "predict": "array", "dim": "shape",
}

#: Base R generics R keras3 adds methods to: calls to them are keras calls.
R_GENERICS = frozenset({"predict", "summary", "plot", "print", "format", "length", "dim", "as.array"})

#: Constructors of custom classes: their function arguments are methods (``self`` first).
CLASS_CONSTRUCTORS = {
    **{name: name for name in ("Layer", "Model", "Callback", "Loss", "Metric", "Constraint", "LearningRateSchedule")},
    "new_layer_class": "Layer", "new_model_class": "Model", "new_callback_class": "Callback",
    "new_loss_class": "Loss", "new_metric_class": "Metric", "new_learning_rate_schedule_class": "LearningRateSchedule",
}

#: reticulate/installation set-up that a Python script does not need.
SETUP_CALLS = frozenset({
    "use_virtualenv", "use_condaenv", "use_python", "use_miniconda", "install_keras", "install_tensorflow",
    "py_install", "py_config", "tf_config", "is_keras_available", "virtualenv_create", "py_require",
})

#: Conversions R keras3 applies in a function's body rather than in ``capture_args()`` (so the catalog,
#: read from ``capture_args()``, lacks them): (function, argument) -> the converter.
BODY_CONVERTERS = {("op_switch", "index"): "as_py_index"}

#: R keras3 functions that make an R vector an array themselves (``as.array(x)``) before Keras sees it.
AS_ARRAY_FIRST = frozenset({"op_convert_to_tensor"})

#: R keras3 functions whose result counts from 1 (R adds 1L to Keras' 0-based result unless
#: ``zero_indexed = TRUE``); kerasfn's return Keras' 0-based one, so the translation adds the one.
ONE_BASED_RESULTS = frozenset({"op_argmax", "op_argmin", "op_argpartition", "op_argsort", "op_digitize",
                               "op_searchsorted", "random_categorical"})

#: R keras3 functions returning several values, one of them counting from 1: (function, that element).
ONE_BASED_ELEMENTS = {"op_top_k": "indices"}

#: What a stored value is, read back from a variable or a named list's element: a literal's kind says
#: only that it is one value, ``1:n`` is an array once stored.
STORED_KINDS = {"range1": "array", "number": None, "integer": None}

#: R's base graphics: they draw on a device and print nothing, so a port that computes what R computes
#: leaves them out (``dev.off()``, which prints the device left, is not one of them; ``plot()`` is R
#: keras3's generic for histories and models, kerasfn's ``plot()``).
GRAPHICS_CALLS = frozenset({"par", "image", "lines", "points", "legend", "abline", "barplot", "matplot",
                            "hist", "title", "layout", "png", "pdf", "jpeg"})

#: Packages whose library() call becomes ``from kerasfn import *``.
KERAS_PACKAGES = frozenset({"keras3", "keras"})
#: Packages whose library() call needs nothing in Python.
QUIET_PACKAGES = frozenset({"reticulate", "tensorflow", "magrittr", "zeallot", "stats", "utils", "base", "glue"})

#: Python keywords, and builtins the translation itself calls, that an R name must not shadow.
RESERVED = frozenset(keyword.kwlist) | {
    "len", "print", "range", "int", "float", "str", "list", "dict", "tuple", "max", "min", "sum", "abs",
    "round", "map", "zip", "type", "super", "repr", "isinstance", "slice", "np", "os", "sys", "keras", "tf",
}

#: R constants.
CONSTANTS = {"TRUE": "True", "FALSE": "False", "T": "True", "F": "False", "NULL": "None", "NA": "None",
             "Inf": "np.inf", "NaN": "np.nan", "pi": "np.pi", "NA_real_": "np.nan", "NA_integer_": "None",
             "NA_character_": "None"}
