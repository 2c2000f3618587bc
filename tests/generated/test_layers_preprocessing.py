"""kerasfn.generated.layers_preprocessing: the preprocessing layers take R's values as R keras3 gives them to Keras."""

import numpy as np

from kerasfn import layer_solarization


def test_solarization_takes_a_number_or_a_range_as_r_keras3_does():
    # R keras3, on this Keras:
    #   l <- layer_solarization(addition_factor = c(0.1, 0.2), threshold_factor = 0.5, value_range = c(0, 255))
    #   str(l$addition_factor)   # List of 2: num 0.1, num 0.2
    #   str(l$threshold_factor)  # List of 2: int 0, num 0.5
    #   l2 <- layer_solarization(addition_factor = 0.3)
    #   str(l2$addition_factor)  # List of 2: int 0, num 0.3
    layer = layer_solarization(addition_factor=[0.1, 0.2], threshold_factor=0.5, value_range=[0, 255])
    assert layer.addition_factor == (0.1, 0.2)
    assert layer.threshold_factor == (0, 0.5)
    assert [type(item) for item in layer.threshold_factor] == [int, float]
    assert layer_solarization(addition_factor=0.3).addition_factor == (0, 0.3)
    # R's vector as a 1-d array too (Keras itself refuses an array here)
    assert layer_solarization(addition_factor=np.array([0.1, 0.2])).addition_factor == (0.1, 0.2)
