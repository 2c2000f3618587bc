"""kerasfn.api.printing: print(model) is R's summary by default, Keras' own str() on request; repr(model) always Keras'."""

import keras
import pytest

from kerasfn import (
    config_disable_print_summary,
    config_enable_print_summary,
    config_is_print_summary_enabled,
    keras_model_sequential,
    layer_dense,
    summary,
)


@pytest.fixture
def model():
    yield keras_model_sequential(input_shape=3, name="tiny") | layer_dense(2, name="dense")
    config_enable_print_summary()


def test_print_model_is_rs_summary_and_repr_stays_keras(model, capsys):
    assert config_is_print_summary_enabled()
    assert repr(model) == keras.layers.Layer.__repr__(model) == "<Sequential name=tiny, built=True>"
    summary(model)
    assert str(model) == capsys.readouterr().out.rstrip("\n")


def test_print_summary_can_be_turned_off_and_on(model):
    config_disable_print_summary()
    assert not config_is_print_summary_enabled()
    assert str(model) == keras.layers.Layer.__str__(model) == "<Sequential name=tiny, built=True>"
    assert "__str__" not in keras.Model.__dict__  # Keras' class as Keras defines it
    config_enable_print_summary()
    assert config_is_print_summary_enabled()
    assert str(model).startswith('Model: "tiny"')
