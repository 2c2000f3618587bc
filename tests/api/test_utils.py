"""kerasfn.api.utils: to_categorical, pad_sequences, timeseries_dataset_from_array and set_random_seed
take R's doubles and name a bad argument."""

import os
import subprocess
import sys
import textwrap

import keras
import numpy as np
import pytest

import kerasfn
from kerasfn import (
    pad_sequences,
    random_uniform,
    set_random_seed,
    timeseries_dataset_from_array,
    to_categorical,
)


def test_helpers_follow_r_conventions():
    np.testing.assert_array_equal(to_categorical([0.0, 1.0], 2.0), np.eye(2))
    with pytest.raises(ValueError, match=r"`x` must hold whole class indices; received \[0.5\]"):
        to_categorical([0.5])
    with pytest.raises(ValueError, match=r"`x` must hold class indices 0, 1, 2, ...; received \[-1\]"):
        to_categorical([-1])
    assert pad_sequences([[1, 2, 3], [4]], maxlen=2.0, padding="post").tolist() == [[2, 3], [4, 0]]
    with pytest.raises(ValueError, match=r'`padding` must be "pre" or "post"; received .before.'):
        pad_sequences([[1]], padding="before")
    dataset = timeseries_dataset_from_array(np.arange(6.0), None, sequence_length=2.0, batch_size=10.0)
    assert next(iter(dataset)).numpy().tolist() == [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5]]
    with pytest.raises(ValueError, match=r"`sequence_length` must be a positive whole number; received 0"):
        timeseries_dataset_from_array(np.arange(6.0), None, sequence_length=0)
    set_random_seed(7.0)
    first = kerasfn.as_array(random_uniform((3,)))
    set_random_seed(7)
    np.testing.assert_array_equal(first, kerasfn.as_array(random_uniform((3,))))


_SEED_SCRIPT = textwrap.dedent("""
    import os, sys
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    from kerasfn import get_weights, keras_input, keras_model, layer_dense, set_random_seed
    set_random_seed(1)
    x = keras_input((2,))
    y = x | layer_dense(3, kernel_initializer="he_uniform") | layer_dense(1, kernel_initializer="lecun_normal")
    w = get_weights(keras_model(x, y))
    print(" ".join(f"{v:.7f}" for v in w[0].ravel(order="F")))
    print(" ".join(f"{v:.7f}" for v in w[2].ravel(order="F")))
""")


# set_random_seed with the generated initializers gives R keras3's weights
@pytest.mark.skipif(keras.backend.backend() != "tensorflow",
                    reason="R keras3's weights were recorded on the TensorFlow backend; other backends draw other numbers")
def test_same_seed_same_weights_as_r_keras3():
    # R: set_random_seed(1); x <- keras_input(c(2))
    #    y <- x |> layer_dense(3, kernel_initializer = "he_uniform") |> layer_dense(1, kernel_initializer = "lecun_normal")
    #    w <- get_weights(keras_model(x, y)); cat(sprintf("%.7f", as.numeric(w[[1]]))); cat(sprintf("%.7f", as.numeric(w[[3]])))
    # -0.8348491 -0.5430382 1.2555529 -1.6230588 1.5186642 -1.3498210
    # 0.3875125 -0.5501005 -0.1648575
    # A fresh process: the initializer names are checked for the first time there.
    out = subprocess.run([sys.executable, "-c", _SEED_SCRIPT], capture_output=True, text=True, check=True,
                         env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}).stdout.split("\n")
    np.testing.assert_allclose([float(v) for v in out[0].split()],
                               [-0.8348491, -0.5430382, 1.2555529, -1.6230588, 1.5186642, -1.3498210], atol=1e-6)
    np.testing.assert_allclose([float(v) for v in out[1].split()], [0.3875125, -0.5501005, -0.1648575], atol=1e-6)
