"""kerasfn.generated.utilities: R keras3's one-call utilities (images, directory datasets, split_dataset,
serialization, normalize, clear_session, get_source_inputs) against plain Keras.

R: rstudio/keras3 R/image-utils.R (image_to_array: dtype NULL -> "double"; image_array_save returns x),
R/dataset-utils.R (split_dataset: sizes below 1 are fractions, others as_integer).
"""

import os

import keras
import numpy as np
import pytest

from kerasfn import (
    clear_session,
    deserialize_keras_object,
    get_source_inputs,
    image_array_save,
    image_dataset_from_directory,
    image_from_array,
    image_load,
    image_smart_resize,
    image_to_array,
    keras_input,
    layer_dense,
    normalize,
    serialize_keras_object,
    split_dataset,
    text_dataset_from_directory,
)
from kerasfn.rcall.binding import Pending

IMAGE = (np.arange(4 * 6 * 3).reshape(4, 6, 3) * 3 % 256).astype("float64")


@pytest.fixture
def png(tmp_path):
    path = str(tmp_path / "image.png")
    image_array_save(IMAGE, path, scale=False)
    return path


def test_image_round_trip_matches_keras_utils(png):
    assert image_array_save(IMAGE, png + ".2.png", scale=False) is IMAGE  # R returns x, for pipes
    image = png | image_load()
    expected = keras.utils.img_to_array(keras.utils.load_img(png), dtype="float64")
    array = image_to_array(image)
    assert array.dtype == np.float64  # R's default dtype: "double"
    np.testing.assert_array_equal(array, expected)
    np.testing.assert_array_equal(array, IMAGE)
    assert image_to_array(image, dtype="integer").dtype == np.int32
    assert image_to_array(image, dtype="float32").dtype == np.float32
    resized = image_load(png, target_size=(2.0, 3.0))  # R's doubles
    assert resized.size == keras.utils.load_img(png, target_size=(2, 3)).size == (3, 2)
    assert isinstance(image_load(), Pending)


def test_image_from_array_and_smart_resize_match_keras():
    image = IMAGE | image_from_array(scale=False)
    np.testing.assert_array_equal(np.asarray(image), np.asarray(keras.utils.array_to_img(IMAGE, scale=False)))
    resized = IMAGE | image_smart_resize(size=(2.0, 2.0))
    np.testing.assert_allclose(resized, keras.preprocessing.image.smart_resize(IMAGE, size=(2, 2)))


def test_image_arguments_are_checked():
    with pytest.raises(ValueError, match=r"`target_size` must be a whole number; received 2.5 \(float\)"):
        image_load("x.png", target_size=(2.5, 3))
    with pytest.raises(TypeError, match=r"`scale` must be True or False; received 'yes'"):
        image_from_array(IMAGE, scale="yes")


def _folders(root):
    for index, label in enumerate(["cat", "cat", "dog", "dog", "dog"]):
        os.makedirs(root / label, exist_ok=True)
        image_array_save(np.full((4, 6, 3), 40.0 * index), str(root / label / f"{index}.png"), scale=False)
    return str(root)


def test_image_dataset_from_directory_matches_keras(tmp_path):
    root = _folders(tmp_path / "images")
    ours = image_dataset_from_directory(root, image_size=(4.0, 6.0), batch_size=5.0, shuffle=False, verbose=False)
    theirs = keras.utils.image_dataset_from_directory(root, image_size=(4, 6), batch_size=5, shuffle=False,
                                                      verbose=False)
    assert ours.class_names == theirs.class_names == ["cat", "dog"]
    (x1, y1), (x2, y2) = next(iter(ours)), next(iter(theirs))
    np.testing.assert_array_equal(x1.numpy(), x2.numpy())
    assert y1.numpy().tolist() == y2.numpy().tolist() == [0, 0, 1, 1, 1]
    with pytest.raises(ValueError, match=r"`batch_size` must be a whole number; received 2.5"):
        image_dataset_from_directory(root, batch_size=2.5)


def test_text_dataset_from_directory_with_r_labels(tmp_path):
    for label, text in (("neg", "bad"), ("pos", "good")):
        os.makedirs(tmp_path / label)
        (tmp_path / label / "a.txt").write_text(text)
    dataset = str(tmp_path) | text_dataset_from_directory(batch_size=2, shuffle=False, verbose=False)
    texts, labels = next(iter(dataset))
    assert [t.decode() for t in texts.numpy()] == ["bad", "good"] and labels.numpy().tolist() == [0, 1]
    relabelled = text_dataset_from_directory(str(tmp_path), labels=[1.0, 0.0], batch_size=2, shuffle=False,
                                             verbose=False)  # R's doubles become integer labels
    assert next(iter(relabelled))[1].numpy().tolist() == [1, 0]


def test_split_dataset_takes_fractions_and_r_counts():
    data = np.arange(10.0)
    left, right = data | split_dataset(left_size=0.8)
    assert (len(list(left)), len(list(right))) == (8, 2)
    left, right = split_dataset(data, left_size=3.0, right_size=7.0)  # whole doubles are counts
    assert (len(list(left)), len(list(right))) == (3, 7)
    if keras.backend.backend() != "torch":  # Keras' PyTorch split requires sizes that cover the data
        left, right = split_dataset(data, left_size=3.0, right_size=2.0)
        assert (len(list(left)), len(list(right))) == (3, 2)
    with pytest.raises(ValueError, match=r"`left_size` must be a whole number; received 2.5"):
        split_dataset(data, left_size=2.5)


def test_serialize_and_deserialize_are_keras():
    initializer = keras.initializers.Constant(0.25)
    config = initializer | serialize_keras_object()
    assert config == keras.saving.serialize_keras_object(initializer)
    restored = deserialize_keras_object(config)
    assert isinstance(restored, keras.initializers.Constant) and restored.value == 0.25


def test_normalize_is_keras_normalize_with_zero_based_axis():
    x = np.array([[3.0, 4.0], [6.0, 8.0]])
    np.testing.assert_allclose(x | normalize(), keras.utils.normalize(x, axis=-1, order=2))
    np.testing.assert_allclose(normalize(x, axis=0.0), keras.utils.normalize(x, axis=0))  # R: axis = 1


def test_clear_session_resets_names_and_get_source_inputs():
    layer_dense(units=1)
    clear_session()
    assert layer_dense(units=1).name == "dense"
    inputs = keras_input(3)
    outputs = inputs | layer_dense(2)
    assert get_source_inputs(outputs) == keras.utils.get_source_inputs(outputs)
    assert (outputs | get_source_inputs())[0] is inputs
