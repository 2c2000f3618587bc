"""kerasfn.generated, the package whose ``__init__`` gathers every generated family: properties over the
whole catalog of each family, against Keras and R keras3.

Layer functions: every R layer function of the "See also" lists of R keras3's layer_lstm() help page is
present, R-shaped, documented, and dispatches (a layer, a tensor's output, a symbolic output, a layer
added to a Sequential model).

Losses and metrics: each ``loss_*`` / ``metric_*`` is in R keras3's dual form (R/losses.R, R/metrics.R):
given data it computes the Keras function's value, without data it returns the Keras object, configured
as Keras' own class would be.

Constructor families (``optimizer_*``, ``learning_rate_schedule_*``, ``callback_*``, ``initializer_*``,
``regularizer_*``, ``constraint_*``): each gives the Keras class R calls, configured as the class's own
call would; R keras3's wrappers are ``do.call(keras$<module>$<Class>, capture_args(<converters>))``.
What R keras3 printed for the conversions (/work/shared/rkeras/run.sh, this Keras):

    callback_early_stopping(patience = 3)$patience            # 3, class "integer" (as_integer)
    callback_early_stopping(min_delta = 0.01)$min_delta       # 0   (R's as_integer truncates: kerasfn keeps 0.01)
    constraint_maxnorm()$axis; constraint_maxnorm(axis = 1)$axis    # 0 0  (as_axis: R's 1 is Python's 0)
    constraint_unitnorm()$axis                                # 0
    initializer_glorot_uniform(seed = 3)$seed                 # 3
    as.numeric(optimizer_sgd()$learning_rate)                 # 0.01
    regularizer_l1_l2(l1 = 0.01)$l2                           # 0
"""

import inspect

import keras
import numpy as np
import pytest

import kerasfn
import kerasfn.codegen.catalog
from kerasfn import (
    as_array,
    callback_early_stopping,
    constraint_maxnorm,
    constraint_unitnorm,
    initializer_glorot_uniform,
    learning_rate_schedule_exponential_decay,
    optimizer_loss_scale,
    optimizer_sgd,
    regularizer_l1_l2,
)
from kerasfn.codegen import rkeras3
from kerasfn.codegen.catalog import ALIASES, CATALOG, Entry
from kerasfn.codegen.family import keras_object
from kerasfn.core import atomic
from kerasfn.generated import (
    callbacks,
    constraints,
    initializers,
    learning_rate_schedules,
    losses,
    metrics,
    optimizers,
    regularizers,
)

#: The two "See also" lists of R keras3's layer_lstm() help page (layer_lstm itself aside), verbatim.
SEE_ALSO_NAMES = """
Layer layer_activation layer_activation_elu layer_activation_leaky_relu
layer_activation_parametric_relu layer_activation_relu layer_activation_softmax
layer_activity_regularization layer_add layer_additive_attention layer_alpha_dropout
layer_attention layer_average layer_average_pooling_1d layer_average_pooling_2d
layer_average_pooling_3d layer_batch_normalization layer_bidirectional
layer_category_encoding layer_center_crop layer_concatenate layer_conv_1d
layer_conv_1d_transpose layer_conv_2d layer_conv_2d_transpose layer_conv_3d
layer_conv_3d_transpose layer_conv_lstm_1d layer_conv_lstm_2d layer_conv_lstm_3d
layer_cropping_1d layer_cropping_2d layer_cropping_3d layer_dense
layer_depthwise_conv_1d layer_depthwise_conv_2d layer_discretization layer_dot
layer_dropout layer_einsum_dense layer_embedding layer_feature_space layer_flatten
layer_flax_module_wrapper layer_gaussian_dropout layer_gaussian_noise
layer_global_average_pooling_1d layer_global_average_pooling_2d
layer_global_average_pooling_3d layer_global_max_pooling_1d layer_global_max_pooling_2d
layer_global_max_pooling_3d layer_group_normalization layer_group_query_attention
layer_gru layer_hashed_crossing layer_hashing layer_identity layer_integer_lookup
layer_jax_model_wrapper layer_lambda layer_layer_normalization layer_masking
layer_max_pooling_1d layer_max_pooling_2d layer_max_pooling_3d layer_maximum
layer_mel_spectrogram layer_minimum layer_multi_head_attention layer_multiply
layer_normalization layer_permute layer_random_brightness layer_random_contrast
layer_random_crop layer_random_flip layer_random_rotation layer_random_translation
layer_random_zoom layer_repeat_vector layer_rescaling layer_reshape layer_resizing
layer_rnn layer_separable_conv_1d layer_separable_conv_2d layer_simple_rnn
layer_spatial_dropout_1d layer_spatial_dropout_2d layer_spatial_dropout_3d
layer_spectral_normalization layer_string_lookup layer_subtract
layer_text_vectorization layer_tfsm layer_time_distributed layer_torch_module_wrapper
layer_unit_normalization layer_upsampling_1d layer_upsampling_2d layer_upsampling_3d
layer_zero_padding_1d layer_zero_padding_2d layer_zero_padding_3d rnn_cell_gru
rnn_cell_lstm rnn_cell_simple rnn_cells_stack
""".split()

SECTIONS = ("Description:", "Arguments:", "Value:", "Examples:", "See also:")
COMPOSABLE = [entry for entry in CATALOG if entry.data is not None]
_NAMESPACE = {**vars(kerasfn), "np": np}


def _example(entry: Entry):
    """The entry's example data and a fresh ``layer_*(...)`` call on anything."""
    data = eval(entry.data, _NAMESPACE)  # noqa: S307  (the catalog's own example text)
    function = getattr(kerasfn, entry.r_name)
    return data, lambda object: eval(f"function(object, {entry.arguments})", {**_NAMESPACE, "function": function, "object": object})  # noqa: S307


def _symbolic(value):
    if isinstance(value, list):
        return [_symbolic(item) for item in value]
    dtype = "string" if np.asarray(value).dtype.kind == "U" else keras.backend.standardize_dtype(value.dtype)
    return keras.Input(batch_shape=tuple(value.shape), dtype=dtype)


def test_every_see_also_name_is_exported():
    missing = [name for name in SEE_ALSO_NAMES + ["layer_lstm", "layer_input", *ALIASES] if not callable(getattr(kerasfn, name, None))]
    assert missing == []
    assert set(SEE_ALSO_NAMES) - {"Layer"} <= {entry.r_name for entry in CATALOG}


@pytest.mark.parametrize("name", SEE_ALSO_NAMES + list(ALIASES))
def test_signature_and_docstring(name):
    function = getattr(kerasfn, name)
    parameters = list(inspect.signature(function).parameters)
    if name.startswith("rnn_cell") or name == "Layer":
        assert "object" not in parameters
    elif getattr(kerasfn.codegen.catalog.by_name(ALIASES.get(name, name)), "family", None) == "merge":
        assert parameters[0] == "inputs"  # R's layer_add(inputs, ...): *inputs
    else:
        assert parameters[0] == "object"
    doc = inspect.getdoc(function)
    assert doc and doc.splitlines()[0].strip()
    for section in SECTIONS:
        assert section in doc, f"{name}: no {section}"


@pytest.mark.parametrize("entry", COMPOSABLE, ids=lambda entry: entry.r_name)
def test_dispatch_rules(entry):
    data, make = _example(entry)
    layer = make(None)
    assert isinstance(layer, keras.layers.Layer)
    eager = data | make(None)
    assert keras.ops.is_tensor(eager)
    symbolic = make(_symbolic(data))
    assert isinstance(symbolic, keras.KerasTensor)
    eager_shape = np.shape(keras.ops.convert_to_numpy(eager))
    assert len(symbolic.shape) == len(eager_shape)
    assert all(known in (None, size) for known, size in zip(symbolic.shape, eager_shape))
    if entry.family not in ("merge", "list"):  # a Sequential model has one input, these layers a list
        model = kerasfn.keras_model_sequential(input_batch_shape=tuple(data.shape), input_dtype=_symbolic(data).dtype)
        assert make(model) is model
        assert len(model.layers) == 1
        assert tuple(model.output_shape) == tuple(symbolic.shape)


@pytest.mark.parametrize("entry", [entry for entry in CATALOG if entry.data is None and entry.family == "layer"],
                         ids=lambda entry: entry.r_name)
def test_layer_only_entries_build_layers(entry):
    function = getattr(kerasfn, entry.r_name)
    assert isinstance(eval(f"function({entry.arguments})", {"function": function}), keras.layers.Layer)  # noqa: S307


# -- losses and metrics: R's dual form ---------------------------------------------------------

#: Functions whose inputs are not two-by-two probabilities (sparse labels, CTC, circle embeddings).
_OTHER_INPUTS = {"loss_ctc", "loss_circle", "loss_sparse_categorical_crossentropy",
                 "metric_sparse_categorical_accuracy", "metric_sparse_categorical_crossentropy",
                 "metric_sparse_top_k_categorical_accuracy", "metric_top_k_categorical_accuracy"}


def _forms(module):
    """(name, keras function or None, keras class or None) of each function in a generated module."""
    for name in module.__all__:
        objects = [keras_object(t) for t in rkeras3.function(name).targets]
        function = next((o for o in objects if inspect.isfunction(o)), None)
        cls = next((o for o in objects if isinstance(o, type)), None)
        yield name, function, cls


FORMS = [*_forms(losses), *_forms(metrics)]
VALUES = [(name, function) for name, function, _ in FORMS if function is not None and name not in _OTHER_INPUTS]
OBJECTS = [(name, cls) for name, _, cls in FORMS if cls is not None]


def test_loss_and_metric_counts():
    assert len(losses.__all__) == 22 and len(metrics.__all__) == 48
    kinds = [(function is not None, cls is not None) for _, function, cls in FORMS]
    # dual (22 losses, 19 metrics), a value only (metric_huber, ...), an object only (metric_auc, ...)
    assert (kinds.count((True, True)), kinds.count((True, False)), kinds.count((False, True))) == (41, 4, 25)


#: Where the Keras function has no default and R's formal gives one (R's own call would fail:
#: capture_args() leaves the default out), kerasfn passes R's default.
_R_DEFAULT_KERAS_REQUIRES = {"loss_categorical_generalized_cross_entropy": {"q": 0.5}}


@pytest.mark.parametrize("name,function", VALUES, ids=[name for name, _ in VALUES])
def test_with_data_computes_keras_value(name, function, y_true, y_pred):
    got = getattr(kerasfn, name)(y_true, y_pred)
    # Keras on tensors: on PyTorch, Keras' categorical_generalized_cross_entropy fails on arrays.
    true_tensor, pred_tensor = keras.ops.convert_to_tensor(y_true), keras.ops.convert_to_tensor(y_pred)
    expected = function(true_tensor, pred_tensor, **_R_DEFAULT_KERAS_REQUIRES.get(name, {}))
    np.testing.assert_array_equal(as_array(got), as_array(expected))


#: R's required arguments of the object-only metrics (they follow R's ``...``: named).
_REQUIRED = {"metric_iou": {"num_classes": 2, "target_class_ids": [0]},
             "metric_one_hot_iou": {"num_classes": 2, "target_class_ids": [0]},
             "metric_mean_iou": {"num_classes": 2}, "metric_one_hot_mean_iou": {"num_classes": 2},
             "metric_precision_at_recall": {"recall": 0.5}, "metric_recall_at_precision": {"precision": 0.5},
             "metric_sensitivity_at_specificity": {"specificity": 0.5},
             "metric_specificity_at_sensitivity": {"sensitivity": 0.5},
             "metric_mean_wrapper": {"fn": keras.losses.mean_squared_error}}


@pytest.mark.parametrize("name,cls", OBJECTS, ids=[name for name, _ in OBJECTS])
def test_without_data_returns_keras_object_with_keras_defaults(name, cls):
    arguments = _REQUIRED.get(name, {})
    got = getattr(kerasfn, name)(**arguments)
    assert type(got) is cls
    config, expected = got.get_config(), cls(**arguments).get_config()
    if name == "metric_mean_wrapper":  # the function is serialized; the rest must agree
        config.pop("fn", None), expected.pop("fn", None)
    if inspect.signature(getattr(kerasfn, name)).parameters["name"].default is None:
        config.pop("name"), expected.pop("name")  # Keras numbers unnamed objects: auc, auc_1, ...
    assert config == expected


# -- constructor families ---------------------------------------------------------------------

MODULES = {optimizers: 14, learning_rate_schedules: 6, callbacks: 11, initializers: 16, regularizers: 4,
           constraints: 4}
#: R's required arguments, for the functions that have some.
REQUIRED = {
    "learning_rate_schedule_cosine_decay": {"initial_learning_rate": 0.1, "decay_steps": 10},
    "learning_rate_schedule_cosine_decay_restarts": {"initial_learning_rate": 0.1, "first_decay_steps": 10},
    "learning_rate_schedule_exponential_decay": {"initial_learning_rate": 0.1, "decay_steps": 10,
                                                 "decay_rate": 0.5},
    "learning_rate_schedule_inverse_time_decay": {"initial_learning_rate": 0.1, "decay_steps": 10,
                                                  "decay_rate": 0.5},
    "learning_rate_schedule_piecewise_constant_decay": {"boundaries": [10], "values": [0.1, 0.01]},
    "learning_rate_schedule_polynomial_decay": {"initial_learning_rate": 0.1, "decay_steps": 10},
    "callback_backup_and_restore": {"backup_dir": "backup"},
    "callback_csv_logger": {"filename": "log.csv"},
    "callback_model_checkpoint": {"filepath": "m.keras"},
    "callback_learning_rate_scheduler": {"schedule": abs},
}
NAMES = [name for module in MODULES for name in module.__all__]


def test_constructor_family_counts():
    assert {module.__name__: len(module.__all__) for module in MODULES} == \
        {module.__name__: count for module, count in MODULES.items()}


@pytest.mark.parametrize("name", NAMES)
def test_constructs_the_keras_object_as_keras_would(name):
    """Each R function gives the Keras class R calls, configured as the class's own call would."""
    cls = keras_object(rkeras3.function(name).targets[0])
    required = REQUIRED.get(name, {})
    if name == "optimizer_loss_scale":
        got, expected = optimizer_loss_scale(optimizer_sgd()), cls(keras.optimizers.SGD())
    else:
        got, expected = getattr(kerasfn, name)(**required), cls(**required)
    # PyTorch's Keras builds torch subclasses; kerasfn's checkpoint writes whole files (kerasfn.core.atomic).
    subclass = {"callback_model_checkpoint": atomic.ModelCheckpoint}.get(name, type(expected))
    assert isinstance(got, cls) and type(got) is subclass
    if name == "optimizer_muon":
        return  # R's defaults differ from Keras' here: test_only_arguments_that_change_keras_reach_it
    if hasattr(got, "get_config") and not isinstance(got, keras.callbacks.Callback):
        config, want = got.get_config(), expected.get_config()
        for drop in ("name", "inner_optimizer"):  # unnamed optimizers are numbered; the inner one is an object
            config.pop(drop, None), want.pop(drop, None)
        assert config == want


def test_r_conversions():
    """R's declared converters (module docstring): doubles to integers, 1-based axes, seeds."""
    patience = callback_early_stopping(patience=3.0).patience
    assert patience == 3 and type(patience) is int
    assert constraint_maxnorm().axis == 0 and constraint_unitnorm().axis == 0  # R's axis = 1L
    seed = initializer_glorot_uniform(seed=3.0).seed
    assert seed == 3 and type(seed) is int
    assert float(optimizer_sgd().learning_rate) == pytest.approx(0.01)
    assert regularizer_l1_l2(l1=0.01).l2 == 0
    assert type(learning_rate_schedule_exponential_decay(0.1, 10.0, 0.5).decay_steps) is int  # as_integer


def test_fractions_r_would_truncate_stay_fractions():
    """R's as_integer makes min_delta = 0.01 a 0 and max_value = 2.5 a 2; Keras takes floats."""
    assert callback_early_stopping(min_delta=0.01).min_delta == pytest.approx(0.01)
    assert constraint_maxnorm(max_value=2.5).max_value == 2.5
    assert regularizer_l1_l2(l1=0.5).l1 == pytest.approx(0.5)  # R's default 0 is a double
