"""kerasfn.core.attention: MultiHeadAttention and GroupedQueryAttention are Keras' layers that also take their
inputs as one list, ``layer([query, value, key])`` being Keras' ``layer(query, value, key)``; GroupQueryAttention
is the same class, and the names files were saved under before still resolve."""

import keras
import numpy as np
import pytest

from kerasfn.core.attention import (
    GroupedQueryAttention,
    GroupQueryAttention,
    MultiHeadAttention,
)

QUERY = np.random.default_rng(1).uniform(-1, 1, (2, 4, 6)).astype("float32")
VALUE = np.random.default_rng(2).uniform(-1, 1, (2, 5, 6)).astype("float32")
KEY = np.random.default_rng(3).uniform(-1, 1, (2, 5, 6)).astype("float32")

LAYERS = {
    "multi_head": lambda: MultiHeadAttention(num_heads=2, key_dim=3),
    "grouped_query": lambda: GroupedQueryAttention(head_dim=3, num_query_heads=2, num_key_value_heads=1),
}


def _numpy(value):
    return keras.ops.convert_to_numpy(value)


@pytest.mark.parametrize("name", sorted(LAYERS))
def test_a_list_is_spread_over_query_value_and_key(name):
    layer = LAYERS[name]()
    np.testing.assert_array_equal(_numpy(layer([QUERY, VALUE])), _numpy(layer(QUERY, VALUE)))
    np.testing.assert_array_equal(_numpy(layer((QUERY, VALUE, KEY))), _numpy(layer(QUERY, VALUE, KEY)))


def test_the_outputs_are_keras_layers_outputs():
    layer = MultiHeadAttention(num_heads=2, key_dim=3)
    plain = keras.layers.MultiHeadAttention(num_heads=2, key_dim=3)
    layer(QUERY, VALUE)
    plain(QUERY, VALUE)
    plain.set_weights(layer.get_weights())
    np.testing.assert_array_equal(_numpy(layer([QUERY, VALUE])), _numpy(plain(QUERY, VALUE)))


def test_a_list_with_value_given_is_left_to_keras():
    def error_of(layer):
        with pytest.raises(ValueError) as raised:
            layer([QUERY, VALUE], value=VALUE)
        return str(raised.value)

    plain = error_of(keras.layers.MultiHeadAttention(num_heads=2, key_dim=3))
    assert error_of(MultiHeadAttention(num_heads=2, key_dim=3)) == plain


def test_the_classes_are_keras_classes_and_the_alias_is_the_same():
    assert issubclass(MultiHeadAttention, keras.layers.MultiHeadAttention)
    assert issubclass(GroupedQueryAttention, keras.layers.GroupQueryAttention)
    assert GroupQueryAttention is GroupedQueryAttention


def test_names_saved_under_before_still_resolve():
    assert keras.saving.get_registered_object("kerasfn>MultiHeadAttention") is MultiHeadAttention
    assert keras.saving.get_registered_object("kerasfn>GroupQueryAttention") is GroupedQueryAttention
