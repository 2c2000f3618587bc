"""kerasfn.api.serialization: R keras3's custom-object registry: register_keras_serializable (package
"Custom" outside a package, R/model-persistence.R), with_custom_object_scope, get_custom_objects and
set_custom_objects, against Keras' own registry."""

import keras
import numpy as np
import pytest

from kerasfn import (
    Layer,
    Loss,
    compile,
    get_custom_objects,
    get_registered_name,
    get_registered_object,
    keras_model_sequential,
    layer_dense,
    load_model,
    register_keras_serializable,
    save_model,
    set_custom_objects,
    with_custom_object_scope,
)


def _double_layer():
    return Layer("Double", call=lambda self, x: 2 * x)


def test_register_keras_serializable_loads_without_custom_objects(tmp_path):
    layer_double = _double_layer() | register_keras_serializable(package="kerasfn_test")
    assert get_registered_name(layer_double.layer_class) == "kerasfn_test>Double"
    path = str(tmp_path / "double.keras")
    model = keras_model_sequential(input_shape=2) | layer_double() | save_model(path)
    loaded = load_model(path)
    assert type(loaded.layers[0]).__name__ == "Double"
    np.testing.assert_array_equal(loaded.predict(np.ones((1, 2)), verbose=0), [[2.0, 2.0]])
    assert get_custom_objects()["kerasfn_test>Double"] is layer_double.layer_class
    assert model is not None


def test_register_keras_serializable_defaults_to_the_custom_package():
    Zero = Loss("ZeroLoss", call=lambda self, y_true, y_pred: 0.0 * y_pred)
    assert register_keras_serializable(Zero) is Zero
    assert get_registered_name(Zero) == "Custom>ZeroLoss"  # R: package "Custom" outside a package
    assert get_registered_object("Custom>ZeroLoss") is Zero


def test_with_custom_object_scope_both_ways(tmp_path):
    Halve = Loss("Halve", call=lambda self, y_true, y_pred: 0.5 * (y_pred - y_true))
    path = str(tmp_path / "halve.keras")
    keras_model_sequential(input_shape=2) | layer_dense(1) | compile(loss=Halve()) | save_model(path)
    with pytest.raises(TypeError, match=r"Halve"):
        load_model(path)
    with with_custom_object_scope([Halve]):
        assert type(load_model(path).loss) is Halve
    assert type(with_custom_object_scope({"Halve": Halve}, lambda: load_model(path)).loss) is Halve
    with pytest.raises(TypeError, match=r"`expr` must be a function of no arguments \(R's expression\)"):
        with_custom_object_scope([Halve], 3)


def test_set_custom_objects_replaces_and_returns_the_registry():
    Third = Loss("Third", call=lambda self, y_true, y_pred: y_pred / 3)
    before = set_custom_objects([Third])
    try:
        assert get_custom_objects() == {"Third": Third}
        assert get_registered_name(Third) == "Third"
    finally:
        set_custom_objects(before)
    assert "Third" not in get_custom_objects() and get_custom_objects() == before


def test_custom_objects_are_the_users_only_and_kerasfn_classes_stay_registered():
    # R keras3's get_custom_objects() lists only what the user registered
    # (R shows `$'my_package>MyDense'` alone); kerasfn's own classes must still load
    own = {name for name in keras.saving.get_custom_objects() if name.startswith("kerasfn>")}
    assert own and not own & set(get_custom_objects())
    before = set_custom_objects([])
    try:
        assert get_custom_objects() == {}
        assert own <= set(keras.saving.get_custom_objects())
    finally:
        set_custom_objects(before)
