"""kerasfn.api.model_helpers: R keras3's model and layer helpers (layers, configs, weights and
configuration files, batches, state, preprocessing layers), against plain Keras.

R defaults cited from rstudio/keras3 (R/model-creation.R, R/model-persistence.R, R/layer-methods.R,
R/model-training.R) are checked against the committed catalog in test_r_defaults_are_kept, for these
helpers and the generated one-call utilities R lists beside them (normalize, clear_session,
get_source_inputs).
"""

import inspect
import json

import keras
import numpy as np
import pytest

import kerasfn
from kerasfn import (
    adapt,
    clone_model,
    compile,
    count_params,
    from_config,
    get_config,
    get_layer,
    get_state_tree,
    get_vocabulary,
    get_weights,
    keras_input,
    keras_model,
    keras_model_sequential,
    layer_dense,
    layer_normalization,
    layer_string_lookup,
    load_model_config,
    load_model_weights,
    pop_layer,
    predict_on_batch,
    quantize_weights,
    save_model_config,
    save_model_weights,
    set_state_tree,
    set_vocabulary,
    test_on_batch,
    train_on_batch,
)
from kerasfn.codegen import rkeras3
from kerasfn.codegen.rdefaults import python_default
from kerasfn.rcall.binding import Pending

X = np.random.default_rng(0).uniform(size=(6, 3)).astype("float32")
Y = np.random.default_rng(1).uniform(size=(6, 1)).astype("float32")


def _model(name="m"):
    return keras_model_sequential(input_shape=3, name=name) | layer_dense(4, name="hidden") | layer_dense(1, name="out")


def _twin(model):
    """A plain Keras model with the same architecture and weights."""
    twin = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4), keras.layers.Dense(1)])
    twin.set_weights(model.get_weights())
    return twin


HELPERS = ["get_layer", "pop_layer", "clone_model", "count_params", "save_model_weights", "load_model_weights",
           "save_model_config", "load_model_config", "train_on_batch", "test_on_batch", "predict_on_batch",
           "export_savedmodel", "get_state_tree", "set_state_tree", "quantize_weights", "adapt", "get_vocabulary",
           "set_vocabulary", "normalize", "clear_session", "get_source_inputs", "from_config"]


@pytest.mark.parametrize("name", HELPERS)
def test_r_defaults_are_kept(name):
    """Every R formal is a Python parameter (R's first argument is the subject), with R's default translated."""
    r = rkeras3.function(name)
    parameters = inspect.signature(getattr(kerasfn, name)).parameters
    for r_name, r_default in r.formals:
        if r_name == "...":
            assert any(p.kind is p.VAR_KEYWORD for p in parameters.values()), f"{name}: R's ... has no **kwargs"
            continue
        assert r_name in parameters, f"{name}() lacks R's `{r_name}`"
        expected = python_default(r_default) if r_default is not None else None
        default = parameters[r_name].default
        if r_default is None:
            assert default is inspect.Parameter.empty or default is None
        elif expected is not None:
            assert default == eval(expected), f"{name}({r_name}=): {default!r}, R's default is {r_default}"


# -- layers -------------------------------------------------------------------------------------------


def test_get_layer_by_name_and_zero_based_index():
    # R keras3 (run here): get_layer(model, index = 1)$name  ->  "hidden" (the first layer)
    model = _model()
    assert get_layer(model, "hidden") is model.layers[0]
    assert get_layer(model, index=0) is model.layers[0]  # R: get_layer(model, index = 1)
    assert get_layer(model, index=-1) is model.get_layer(index=1)
    assert get_layer(model, index=1.0) is model.layers[1]  # R's double
    pending = get_layer("out")
    assert isinstance(pending, Pending) and (model | pending) is model.layers[1]


def test_get_layer_errors_name_the_argument():
    model = _model()
    with pytest.raises(ValueError, match=r"takes `name` or `index`, one of them; received name=None, index=None"):
        get_layer(model)
    with pytest.raises(ValueError, match=r"`name` must name a layer of the model \(hidden, out\); received 'nope'"):
        get_layer(model, "nope")
    with pytest.raises(ValueError, match=r"`index` must be a 0-based layer position below 2; received 2"):
        get_layer(model, index=2)
    with pytest.raises(ValueError, match=r"`index` must be a whole number; received 0.5"):
        get_layer(model, index=0.5)


def test_pop_layer_removes_the_last_layer_and_returns_it():
    model = _model()
    last = model.layers[-1]
    assert (model | pop_layer()) is last
    assert model.output_shape == (None, 4) and len(model.layers) == 1
    inputs = keras_input(3)
    functional = keras_model(inputs, inputs | layer_dense(1))
    with pytest.raises(TypeError, match=r"`object` must be a Sequential model; received"):
        pop_layer(functional)


def test_clone_model_has_the_architecture_and_new_weights():
    model = _model()
    clone = model | clone_model()
    assert clone is not model and [type(layer) for layer in clone.layers] == [type(layer) for layer in model.layers]
    assert not any(a is b for a, b in zip(clone.weights, model.weights))
    clone.set_weights(model.get_weights())
    np.testing.assert_allclose(clone.predict(X, verbose=0), model.predict(X, verbose=0))


def test_get_config_remembers_the_class_and_from_config_rebuilds():
    layer = layer_dense(units=3, activation="relu", name="d")
    config = layer | get_config()
    assert config == layer.get_config() and config.keras_class is keras.layers.Dense
    rebuilt = from_config(config)
    assert isinstance(rebuilt, keras.layers.Dense) and rebuilt.get_config() == layer.get_config()
    serialized = keras.saving.serialize_keras_object(layer)
    assert from_config(serialized).get_config() == layer.get_config()
    with pytest.raises(ValueError, match=r"`config` must come from get_config\(\) or be a serialized object"):
        from_config({"units": 3})


def test_count_params_is_keras_count():
    model = _model()
    assert (model | count_params()) == model.count_params() == 3 * 4 + 4 + 4 + 1


# -- files -----------------------------------------------------------------------------------------------


def test_weights_round_trip_and_overwrite_rule(tmp_path):
    path = str(tmp_path / "w.weights.h5")
    model = _model()
    assert (model | save_model_weights(path)) is model
    other = _model("other")
    assert (other | load_model_weights(path)) is other
    for a, b in zip(get_weights(model), get_weights(other)):
        np.testing.assert_array_equal(a, b)
    with pytest.raises(FileExistsError, match=r"`filepath` .* exists; pass overwrite=True"):
        save_model_weights(model, path)  # R: overwrite = FALSE
    save_model_weights(model, path, overwrite=True)
    with pytest.raises(FileNotFoundError, match=r"`filepath` .*missing.weights.h5' does not exist"):
        load_model_weights(model, str(tmp_path / "missing.weights.h5"))
    with pytest.raises(TypeError, match=r"`filepath` must be a file path; received 3 \(int\)"):
        save_model_weights(model, 3)


def test_model_config_round_trip_is_keras_json(tmp_path):
    path = str(tmp_path / "m.json")
    model = _model()
    model | save_model_config(path)
    text = open(path).read()
    assert json.loads(text) == json.loads(model.to_json())
    loaded = load_model_config(path)
    assert loaded.get_config() == keras.models.model_from_json(model.to_json()).get_config()
    with pytest.raises(FileExistsError):
        save_model_config(model, path)
    with pytest.raises(FileNotFoundError, match=r"does not exist"):
        load_model_config(str(tmp_path / "none.json"))


@pytest.mark.skipif(keras.backend.backend() == "torch", reason=(
    "Keras 3.15's SavedModel export fails on PyTorch 2.13 (plain keras.Model.export too: torch.export rejects "
    "the dynamic shapes Keras passes)"))
def test_export_savedmodel_writes_a_saved_model(tmp_path):
    import tensorflow as tf

    model = _model()
    path = str(tmp_path / "served")
    assert (model | kerasfn.export_savedmodel(path, verbose=False)) is model
    served = tf.saved_model.load(path)
    np.testing.assert_allclose(served.serve(X).numpy(), model.predict(X, verbose=0), rtol=1e-6)


# -- a load that fails partway changes nothing ------------------------------------------


def _two_layers(last_units, initializer):
    return (keras_model_sequential(input_shape=3) | layer_dense(2, kernel_initializer=initializer)
            | layer_dense(last_units, kernel_initializer=initializer))


def test_a_weights_load_failing_partway_leaves_the_weights_as_they_were(tmp_path):
    path = tmp_path / "m.weights.h5"
    _two_layers(4, "ones") | save_model_weights(path)
    model = _two_layers(5, "zeros")  # the first layer fits the file, the second does not
    with pytest.raises(ValueError, match="shape"):
        model | load_model_weights(path)
    assert [float(np.abs(w).sum()) for w in model.get_weights()] == [0.0, 0.0, 0.0, 0.0]


def test_plain_keras_keeps_the_layers_loaded_before_a_failure(tmp_path):
    """The behaviour kerasfn fixes, pinned so a Keras change is noticed."""
    path = tmp_path / "m.weights.h5"
    _two_layers(4, "ones").save_weights(path)
    model = _two_layers(5, "zeros")
    with pytest.raises(ValueError):
        model.load_weights(path)
    assert float(model.get_weights()[0].sum()) == 6.0


def test_an_interrupted_weights_load_leaves_the_weights_as_they_were(tmp_path, monkeypatch):
    path = tmp_path / "m.weights.h5"
    _two_layers(4, "ones") | save_model_weights(path)
    model = _two_layers(4, "zeros")
    loaded = []
    original = keras.layers.Dense.load_own_variables

    def interrupted_at_the_second_layer(self, store):
        if loaded:
            raise KeyboardInterrupt
        loaded.append(self.name)
        original(self, store)

    monkeypatch.setattr(keras.layers.Dense, "load_own_variables", interrupted_at_the_second_layer)
    with pytest.raises(KeyboardInterrupt):
        model | load_model_weights(path)
    assert len(loaded) == 1
    assert [float(np.abs(w).sum()) for w in model.get_weights()] == [0.0, 0.0, 0.0, 0.0]


# -- batches --------------------------------------------------------------------------------------------


def test_train_on_batch_matches_keras_and_returns_a_scalar_alone():
    model = _model() | compile(optimizer="sgd", loss="mse")
    twin = _twin(model)
    twin.compile(optimizer="sgd", loss="mse")
    loss = model | train_on_batch(X, Y)
    # R keras3 (run here): r <- train_on_batch(model, x, y); class(r); length(r)  ->  "numeric", 1
    assert isinstance(loss, float)
    assert loss == pytest.approx(float(twin.train_on_batch(X, Y)), rel=1e-6)
    for a, b in zip(model.get_weights(), twin.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-6)


def test_test_on_batch_names_several_results_and_class_weight_is_converted():
    model = _model() | compile(optimizer="sgd", loss="mse", metrics="mae", run_eagerly=True)
    result = model | test_on_batch(X, Y)
    expected = model.test_on_batch(X, Y, return_dict=True)
    assert set(result) == {"loss", "mae"} and result["mae"] == pytest.approx(float(expected["mae"]))
    classifier = keras_model_sequential(input_shape=3) | layer_dense(2, activation="softmax")
    classifier | compile(loss="sparse_categorical_crossentropy", run_eagerly=True)
    weighted = classifier | train_on_batch(X, np.array([0, 1, 0, 1, 0, 1]), class_weight={"0": 1, "1": 2})
    assert isinstance(weighted, float)


def test_predict_on_batch_is_keras():
    model = _model()
    np.testing.assert_array_equal(model | predict_on_batch(X), model.predict_on_batch(X))
    with pytest.raises(TypeError, match=r"`x` is missing, with no default"):
        predict_on_batch(model, None)


# -- state -------------------------------------------------------------------------------------------------


def test_state_tree_round_trip():
    model = _model() | compile(loss="mse")
    tree = model | get_state_tree("array")  # R's "array": numpy arrays
    kernel = tree["trainable_variables"]["m"]["hidden"]["kernel"]
    assert isinstance(kernel, np.ndarray)
    np.testing.assert_array_equal(kernel, model.layers[0].kernel.numpy())
    tree["trainable_variables"]["m"]["hidden"]["kernel"] = np.ones((3, 4))
    assert (model | set_state_tree(tree)) is model
    np.testing.assert_array_equal(model.layers[0].kernel.numpy(), np.ones((3, 4)))
    with pytest.raises(ValueError, match=r"`value_format` must be one of 'backend_tensor', 'numpy_array', 'array'"):
        get_state_tree(model, "list")


def test_quantize_weights_quantizes_in_place():
    model = _model()
    before = model.predict(X, verbose=0)
    assert (model | quantize_weights("int8")) is model
    assert model.layers[0].kernel.dtype == "int8"
    np.testing.assert_allclose(model.predict(X, verbose=0), before, atol=0.05)


# -- preprocessing layers ------------------------------------------------------------------------------------


def test_adapt_matches_keras_adapt():
    data = np.array([[0.0, 10.0], [2.0, 30.0], [4.0, 20.0]])
    ours = layer_normalization() | adapt(data)
    theirs = keras.layers.Normalization()
    theirs.adapt(data)
    np.testing.assert_allclose(ours.mean, theirs.mean)
    np.testing.assert_allclose(ours.variance, theirs.variance)
    with pytest.raises(ValueError, match=r"`batch_size` must be a whole number; received 1.5"):
        adapt(layer_normalization(), data, batch_size=1.5)  # checked before Keras sees it
    lookup = layer_string_lookup() | adapt(np.array(["a", "b", "b"]), steps=1.0)  # R's double
    assert lookup.vocabulary_size() == 3


def test_vocabulary_get_and_set_as_plain_strings():
    layer = layer_string_lookup() | set_vocabulary(["b", "a"])
    assert get_vocabulary(layer) == ["[UNK]", "b", "a"]
    assert get_vocabulary(layer, include_special_tokens=False) == ["b", "a"]
    assert all(type(item) is str for item in get_vocabulary(layer))
    lookup = layer_string_lookup()
    lookup | adapt(np.array(["x", "y", "y"]))
    assert get_vocabulary(lookup) == [str(v) for v in lookup.get_vocabulary()]
