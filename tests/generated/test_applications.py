"""kerasfn.generated.applications: the application_* constructors (generated from R keras3's targets)
build the Keras models, offline (weights=None) with small inputs, and check their arguments first; R keras3's
former NASNet names call the current ones."""

import inspect

import keras
import numpy as np
import pytest

from kerasfn import (
    application_mobilenet,
    application_mobilenet_v3_small,
    application_nasnetmobile,
    application_resnet50,
    as_array,
)
from kerasfn.generated import applications


def test_application_is_the_keras_model():
    mobilenet = application_mobilenet(input_shape=(32, 32, 3), alpha=0.25, weights=None, classes=10.0)  # R's double
    keras_model = keras.applications.MobileNet(input_shape=(32, 32, 3), alpha=0.25, weights=None, classes=10)
    assert mobilenet.output_shape == keras_model.output_shape == (None, 10)
    assert mobilenet.count_params() == keras_model.count_params()
    assert [type(layer) for layer in mobilenet.layers] == [type(layer) for layer in keras_model.layers]
    keras_model.set_weights(mobilenet.get_weights())
    images = np.random.default_rng(0).uniform(-1, 1, (2, 32, 32, 3)).astype("float32")
    np.testing.assert_allclose(as_array(mobilenet(images)), as_array(keras_model(images)), rtol=1e-5)


def test_other_small_applications_build_offline():
    small = application_mobilenet_v3_small(input_shape=(32, 32, 3), weights=None, classes=5, pooling="avg",
                                           minimalistic=True, include_preprocessing=False)
    assert small.output_shape == (None, 5) and small.name == "MobileNetV3Small"
    assert small.preprocess_input(np.ones((1, 1, 1, 3))).shape == (1, 1, 1, 3)
    assert inspect.signature(application_resnet50).parameters["name"].default == "resnet50"  # R's name = 'resnet50'


def test_application_arguments_are_checked_before_keras():
    with pytest.raises(ValueError, match=r"`classes` must be a whole number; received 10.5"):
        application_mobilenet(weights=None, classes=10.5)
    with pytest.raises(TypeError, match=r"`include_top` must be True or False; received 'yes'"):
        application_resnet50(include_top="yes", weights=None)


def test_nasnet_aliases_call_the_new_names(monkeypatch):
    calls = []
    monkeypatch.setattr(applications, "application_nasnet_mobile", lambda *a, **k: calls.append((a, k)) or "model")
    assert application_nasnetmobile(weights=None) == "model" and calls == [((), {"weights": None})]
