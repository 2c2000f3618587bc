"""kerasfn.api.applications: the preprocessing and decoding helpers of the application_* models,
against Keras' own.

R: rstudio/keras3 R/applications.R (set_preprocessing_attributes, application_preprocess_inputs).
ImageNet's class index is read from a temporary Keras cache (KERAS_HOME); nothing is downloaded.
"""

import json

import keras
import numpy as np
import pytest

from kerasfn import (
    application_decode_predictions,
    application_mobilenet,
    application_preprocess_inputs,
    imagenet_decode_predictions,
    imagenet_preprocess_input,
)
from kerasfn.api import applications as applications_module
from kerasfn.api.cache import DatasetNotCachedError


@pytest.fixture(scope="module")
def mobilenet():
    return application_mobilenet(input_shape=(32, 32, 3), alpha=0.25, weights=None, classes=10.0)  # R's double


def test_preprocess_input_is_the_family_function_and_copies(mobilenet):
    images = np.full((1, 2, 2, 3), 255.0)
    result = mobilenet.preprocess_input(images)
    np.testing.assert_allclose(result, keras.applications.mobilenet.preprocess_input(images.copy()))
    assert np.all(images == 255.0)  # Keras scales a float array in place; kerasfn copies
    np.testing.assert_allclose(application_preprocess_inputs(mobilenet, images), result)
    function = application_preprocess_inputs(mobilenet)  # R: x missing -> the function
    np.testing.assert_allclose(function(images), result)
    np.testing.assert_allclose(mobilenet | application_preprocess_inputs(images), result)
    with pytest.raises(ValueError, match=r"`model` has no `preprocess_input`: it was not made by an application_\*"):
        application_preprocess_inputs(keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)]), images)


@pytest.mark.parametrize("mode", ["caffe", "tf", "torch"])
def test_imagenet_preprocess_input_matches_keras(mode):
    images = np.random.default_rng(0).uniform(0, 255, (2, 3, 3, 3))
    expected = keras.applications.imagenet_utils.preprocess_input(images.copy().astype("float32"), mode=mode)
    np.testing.assert_allclose(images | imagenet_preprocess_input(mode=mode), expected, rtol=1e-6)
    np.testing.assert_allclose(imagenet_preprocess_input(images.tolist(), mode=mode), expected, rtol=1e-5)


def test_imagenet_preprocess_input_errors():
    with pytest.raises(ValueError, match=r'`mode` must be "caffe", "tf" or "torch"; received \'keras\''):
        imagenet_preprocess_input(np.zeros((1, 2, 2, 3)), mode="keras")


def test_imagenet_decode_predictions_reads_the_cached_class_index(keras_home):
    (keras_home / "models").mkdir()
    index = {str(i): [f"n{i:08d}", f"class_{i}"] for i in range(1000)}
    (keras_home / "models" / "imagenet_class_index.json").write_text(json.dumps(index))
    applications_module._class_index.cache_clear()
    preds = np.zeros((2, 1000))
    preds[0, [7, 3, 900]] = [0.5, 0.3, 0.2]
    preds[1, 42] = 1.0
    decoded = imagenet_decode_predictions(preds, top=2.0)  # R's double
    assert [row.class_description for row in decoded[0]] == ["class_7", "class_3"]
    assert decoded[0][0] == ("n00000007", "class_7", 0.5) and decoded[1][0].score == 1.0
    model = applications_module.with_preprocessing(keras.Sequential([keras.Input((2,))]), keras.applications.mobilenet)
    assert application_decode_predictions(model, preds, top=1)[1][0].class_name == "n00000042"
    applications_module._class_index.cache_clear()


def test_imagenet_decode_predictions_errors(keras_home):
    applications_module._class_index.cache_clear()
    with pytest.raises(ValueError, match=r"`preds` must have shape \(samples, 1000\); received shape \(1, 10\)"):
        imagenet_decode_predictions(np.zeros((1, 10)))
    with pytest.raises(DatasetNotCachedError, match=r"'imagenet_class_index.json' is not in the Keras cache"):
        imagenet_decode_predictions(np.zeros((1, 1000)))
