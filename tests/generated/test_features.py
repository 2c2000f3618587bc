"""kerasfn.generated.features: the feature_* functions give the feature specifications of
keras.utils.FeatureSpace, configured as FeatureSpace's own call would (R's doubles as bin counts and
dimensions), and name a bad argument."""

import keras
import pytest

from kerasfn import (
    feature_cross,
    feature_float_rescaled,
    feature_integer_hashed,
    feature_string_categorical,
)


def test_features_are_configured_as_feature_space_would_with_r_doubles():
    assert feature_integer_hashed(num_bins=8.0, name="h").get_config() == \
        keras.utils.FeatureSpace.integer_hashed(num_bins=8, name="h").get_config()
    assert feature_string_categorical(max_tokens=5.0, name="s").get_config() == \
        keras.utils.FeatureSpace.string_categorical(max_tokens=5, name="s").get_config()
    assert feature_float_rescaled(scale=2.0, name="f").get_config() == \
        keras.utils.FeatureSpace.float_rescaled(scale=2.0, name="f").get_config()


def test_cross_takes_an_r_double_as_crossing_dim():
    cross = feature_cross(["a", "b"], crossing_dim=4.0)
    assert cross.get_config() == keras.utils.FeatureSpace.cross(["a", "b"], crossing_dim=4).get_config()
    assert type(cross.crossing_dim) is int


def test_a_fractional_bin_count_is_named():
    with pytest.raises(ValueError, match="`num_bins` must be a whole number"):
        feature_integer_hashed(num_bins=2.5)
