"""Fixtures shared by the tests of kerasfn/generated."""

import json
from collections.abc import Callable

import keras
import pytest


@pytest.fixture
def layer_config() -> Callable[[keras.layers.Layer], str]:
    """``layer_config(layer)``: the layer's config but its name (Keras numbers unnamed layers), as JSON
    text, so that a value R passes as a double and kerasfn leaves unconverted (``3.0`` where Keras has
    ``3``) makes two configs differ, as ``3.0 == 3`` would not."""

    def config(layer: keras.layers.Layer) -> str:
        return json.dumps({key: value for key, value in layer.get_config().items() if key != "name"},
                          sort_keys=True, default=repr)

    return config
