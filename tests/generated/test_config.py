"""kerasfn.generated.config: config_* read and set Keras' configuration."""

import keras

from kerasfn import config_epsilon, config_floatx, config_set_epsilon


def test_config_functions_read_and_set_keras_config():
    assert config_floatx() == keras.config.floatx()
    before = config_epsilon()
    try:
        config_set_epsilon(1e-5)
        assert keras.config.epsilon() == 1e-5
    finally:
        config_set_epsilon(before)
