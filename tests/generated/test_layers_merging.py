"""kerasfn.generated.layers_merging: the merge layers take their inputs as a list, as ``object`` or from a pipe."""

import numpy as np
import pytest

from kerasfn import (
    keras_input,
    keras_model,
    layer_add,
    layer_concatenate,
    layer_dot,
    layer_subtract,
    random_uniform,
    shape,
)


def test_merge_layers_take_a_list_as_object_and_from_a_pipe():
    a, b = random_uniform((2, 3), seed=1), random_uniform((2, 3), seed=2)
    np.testing.assert_allclose([a, b] | layer_add(), a + b, atol=1e-6)
    np.testing.assert_allclose(layer_subtract([a, b]), a - b, atol=1e-6)
    assert shape((a, b) | layer_concatenate()) == (2, 6)
    assert shape([a, b] | layer_dot(axes=1)) == (2, 1)
    inputs = [keras_input(3), keras_input(3)]
    model = keras_model(inputs, inputs | layer_add())
    np.testing.assert_allclose(model.predict([np.ones((1, 3)), np.ones((1, 3))], verbose=0), 2 * np.ones((1, 3)))


def test_merge_layer_rejects_a_list_that_is_not_tensors():
    with pytest.raises(TypeError, match=r"`object` must be None.*received \[1, 'a'\] \(list\)"):
        [1, "a"] | layer_add()
