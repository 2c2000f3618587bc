"""kerasfn.generated.ops_image: op_image_resize, op_image_crop and op_image_rgb_to_grayscale against
keras.ops.image on the same images, with R's conventions: sizes given as R's doubles, a partial call from a
pipe, and a bad argument named before Keras sees it."""

import keras
import numpy as np
import pytest

from kerasfn import as_array, op_image_crop, op_image_resize, op_image_rgb_to_grayscale

#: One 4 x 4 RGB image (channels last).
IMAGES = np.arange(48, dtype="float32").reshape(1, 4, 4, 3)


def test_resize_takes_r_doubles_as_size():
    expected = as_array(keras.ops.image.resize(IMAGES, (2, 2)))
    np.testing.assert_allclose(as_array(op_image_resize(IMAGES, [2.0, 2.0])), expected)
    np.testing.assert_allclose(as_array(IMAGES | op_image_resize(size=[2.0, 2.0])), expected)
    with pytest.raises(ValueError, match="`size` must"):
        op_image_resize(IMAGES, [2.5, 2.0])


def test_crop_takes_r_doubles_as_offsets_and_sizes():
    expected = as_array(keras.ops.image.crop_images(IMAGES, 1, 1, target_height=2, target_width=2))
    cropped = IMAGES | op_image_crop(top_cropping=1.0, left_cropping=1.0, target_height=2.0, target_width=2.0)
    np.testing.assert_array_equal(as_array(cropped), expected)


def test_rgb_to_grayscale_equals_keras():
    np.testing.assert_allclose(as_array(IMAGES | op_image_rgb_to_grayscale()),
                               as_array(keras.ops.image.rgb_to_grayscale(IMAGES)), rtol=1e-6)
