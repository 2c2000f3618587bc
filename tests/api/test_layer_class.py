"""kerasfn.api.layer_class: Layer(), R keras3's custom layer classes: a real Keras subclass whose layer
function dispatches like every layer_* function, trains, and saves and loads with ``custom_objects`` (a list,
as in R: ``load_model(path, custom_objects = list(layer_scale))``).  R semantics from rstudio/keras3 R/Layer.R.
"""

import inspect

import keras
import numpy as np
import pytest

import kerasfn
from kerasfn import (
    Layer,
    compile,
    fit,
    get_custom_objects,
    keras_input,
    keras_model,
    keras_model_sequential,
    layer_dense,
    layer_input,
    load_model,
    register_keras_serializable,
    save_model,
    set_custom_objects,
    shape,
)


def test_custom_layer_class_dispatches_and_trains(features_and_sums):
    x, _ = features_and_sums

    def build(self, input_shape):
        self.scale = self.add_weight(shape=(1,), initializer="ones")

    layer_scale = Layer("Scale", build=build, call=lambda self, x: x * self.scale)
    model = keras_model_sequential(input_shape=3) | layer_scale() | compile(optimizer="sgd", loss="mse")
    assert isinstance(model.layers[0], layer_scale.layer_class)
    model | fit(x, 2 * x, epochs=2, verbose=0)
    assert float(kerasfn.as_array(model.layers[0].scale)[0]) > 1.0
    assert shape(layer_input(3) | layer_scale()) == (None, 3)
    with pytest.raises(TypeError, match=r"Scale\(\) takes no arguments without `initialize`"):
        layer_scale(None, 2.0)


def _scale_layer():
    def initialize(self, factor=2.0, **kwargs):
        self.factor = factor

    return Layer("Scale", initialize=initialize, call=lambda self, x: x * self.factor)


def test_layer_with_positional_argument_saves_and_loads_with_a_custom_objects_list(tmp_path, uniform_data):
    x, _ = uniform_data
    layer_scale = _scale_layer()
    inputs = keras_input(3)
    model = keras_model(inputs, inputs | layer_scale(3.0) | layer_dense(1))  # positional, as R passes it
    assert model.layers[1].get_config()["factor"] == 3.0
    path = str(tmp_path / "scale.keras")
    model | save_model(path)
    loaded = load_model(path, custom_objects=[layer_scale])
    assert type(loaded.layers[1]).__name__ == "Scale" and loaded.layers[1].factor == 3.0
    np.testing.assert_allclose(loaded.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-6)


def test_layer_base_keywords_reach_keras_and_wrong_arguments_are_python_errors():
    layer_scale = _scale_layer()
    layer = layer_scale(factor=1.5, name="my_scale", trainable=False)
    assert (layer.name, layer.trainable, layer.factor) == ("my_scale", False, 1.5)
    strict = Layer("Strict", initialize=lambda self, factor=2.0: setattr(self, "factor", factor),
                   call=lambda self, x: x * self.factor)
    with pytest.raises(TypeError, match=r"unexpected keyword argument 'size'"):
        strict(size=2)
    plain = Layer("Plain", call=lambda self, x: x)
    with pytest.raises(TypeError, match=r"Plain\(\) takes no arguments without `initialize`; received \(3,\)"):
        plain(None, 3)


def test_layer_with_weights_built_and_called(uniform_data):
    x, _ = uniform_data

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer="ones")

    layer_linear = Layer("Linear", initialize=lambda self, units=2: setattr(self, "units", units), build=build,
                         call=lambda self, x: keras.ops.matmul(x, self.w))
    model = keras_model_sequential(input_shape=3) | layer_linear(units=4)
    np.testing.assert_allclose(model.predict(x, verbose=0), x @ np.ones((3, 4)), rtol=1e-6)


def test_a_registered_layer_class_without_initialize_takes_any_arguments_as_in_r():
    # R: get_custom_objects() after register_keras_serializable(Layer("MyDense"), package = "my_package")
    # prints `<class '<r-globalenv>.MyDense'>` with ` signature: (*args, **kwargs)`
    my_dense = register_keras_serializable(Layer("MyDense"), package="kerasfn_test_sig")
    try:
        cls = get_custom_objects()["kerasfn_test_sig>MyDense"]
        assert str(inspect.signature(cls)) == "(*args, **kwargs)"
        assert cls(name="d").name == "d"  # the base's keywords still bind
        with pytest.raises(TypeError, match="takes no arguments without `initialize`"):
            cls(3)
    finally:
        set_custom_objects({name: item for name, item in get_custom_objects().items()
                            if item is not my_dense.layer_class})
