"""Every R layer function in seed 002's "See also" lists: present, R-shaped, documented, dispatching."""

import importlib.util
import inspect

import keras
import numpy as np
import pytest

import kerasfn
import kerasfn.codegen.catalog
from kerasfn.codegen.catalog import ALIASES, CATALOG, Entry

# Seed 002's two "See also" lists (layer_lstm itself aside), verbatim.
SEED_NAMES = """
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


def test_every_seed_name_is_exported():
    missing = [name for name in SEED_NAMES + ["layer_lstm", "layer_input", *ALIASES] if not callable(getattr(kerasfn, name, None))]
    assert missing == []
    assert set(SEED_NAMES) - {"Layer"} <= {entry.r_name for entry in CATALOG}


@pytest.mark.parametrize("name", SEED_NAMES + list(ALIASES))
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


def test_a_bad_first_argument_is_named_where_it_lands():
    # not composable, so it is R's first layer argument: layer_dense(, {"a": 1}, 2)
    with pytest.raises(TypeError, match=r"`units` must be a whole number; received \{'a': 1\} \(dict\)"):
        kerasfn.layer_dense({"a": 1}, 2)


def test_unknown_keyword_is_rejected_with_its_value():
    with pytest.raises(TypeError, match=r"Dense\(\) got an unexpected keyword argument 'unit' \(received unit=2 \(int\)\)"):
        kerasfn.layer_dense(2, unit=2)


def test_r_conventions_apply_by_argument_name():
    assert kerasfn.layer_dense(4.0).units == 4
    with pytest.raises(ValueError, match=r"`rate` must be between 0 and 1; received 1.5"):
        kerasfn.layer_dropout(1.5)


def test_failed_pipe_leaves_the_model_intact():
    model = kerasfn.keras_model_sequential(input_shape=(5, 3)) | kerasfn.layer_dense(2)
    with pytest.raises(ValueError):
        model | kerasfn.layer_conv_2d(filters=2, kernel_size=3)
    assert [type(layer) for layer in model.layers] == [keras.layers.Dense]
    assert model.output_shape == (None, 5, 2)


@pytest.mark.parametrize("name", ["layer_torch_module_wrapper", "layer_jax_model_wrapper", "layer_flax_module_wrapper"])
def test_backend_wrappers_fail_clearly(name):
    entry = kerasfn.codegen.catalog.by_name(name)
    backend = keras.backend.backend()
    if backend in entry.backends and importlib.util.find_spec(entry.package) is not None:
        pytest.skip(f"{name}() can run here ({backend} backend, {entry.package} installed)")
    with pytest.raises(RuntimeError, match=rf"{name}\(\) needs the '(torch|jax)' |{name}\(\) needs the '(jax|flax)' package"):
        getattr(kerasfn, name)(None, object())  # a stand-in for the module or function it wraps
    assert backend == keras.backend.backend()


def test_backend_wrappers_need_what_they_wrap():
    with pytest.raises(TypeError, match=r"`module` is missing, with no default"):
        kerasfn.layer_torch_module_wrapper()


def test_tfsm_wraps_an_exported_model(tmp_path):
    if keras.backend.backend() != "tensorflow":
        with pytest.raises(RuntimeError, match=r"layer_tfsm\(\) needs the 'tensorflow' Keras backend"):
            kerasfn.layer_tfsm(None, str(tmp_path))
        return
    model = kerasfn.keras_model_sequential(input_shape=3) | kerasfn.layer_dense(2)
    model.export(str(tmp_path / "exported"), verbose=False)
    x = np.ones((2, 3), dtype="float32")
    np.testing.assert_allclose(x | kerasfn.layer_tfsm(str(tmp_path / "exported")), model.predict(x, verbose=0), atol=1e-6)
    assert tuple((kerasfn.keras_input(3) | kerasfn.layer_tfsm(str(tmp_path / "exported"))).shape) == (None, 2)
