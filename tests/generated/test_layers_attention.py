"""kerasfn.generated.layers_attention: layer_multi_head_attention takes query and value as a list from a pipe."""

import numpy as np

from kerasfn import as_array, layer_multi_head_attention, random_uniform, shape


def test_multi_head_attention_takes_query_and_value_as_a_list():
    query, value = random_uniform((2, 4, 3), seed=1), random_uniform((2, 6, 3), seed=2)
    layer = layer_multi_head_attention(num_heads=2, key_dim=3)
    piped = [query, value] | layer
    np.testing.assert_allclose(as_array(piped), as_array(layer(query, value)), atol=1e-5)
    assert shape(piped) == (2, 4, 3)
