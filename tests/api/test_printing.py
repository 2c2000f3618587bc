"""kerasfn.api.printing: print(model) is R's summary by default, Keras' own str() on request; repr(model) always Keras'."""

import keras
import pytest

from kerasfn import (
    config_disable_print_summary,
    config_enable_print_summary,
    config_is_print_summary_enabled,
    freeze_weights,
    keras_model_sequential,
    layer_batch_normalization,
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


def test_print_model_is_the_summary_as_r_prints_it():
    # R: model2 <- keras_model_sequential(input_shape = 3) |> layer_dense(2) |> layer_batch_normalization()
    #    print(model2)     (80 columns; the Trainable column, since BatchNormalization has non-trainable weights)
    # Model: "sequential"
    # ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━┓
    # ┃ Layer (type)                  ┃ Output Shape           ┃     Param # ┃ Trai… ┃
    # ...
    #  Total params: 16 (64.00 B)
    #  Trainable params: 12 (48.00 B)
    #  Non-trainable params: 4 (16.00 B)
    model = keras_model_sequential(input_shape=3) | layer_dense(2, name="dense_2") | layer_batch_normalization()
    text = str(model).splitlines()
    assert text[0].startswith('Model: "sequential')
    assert text[1] == "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━┓"
    assert text[2] == "┃ Layer (type)                  ┃ Output Shape           ┃     Param # ┃ Trai… ┃"
    assert text[4] == "│ dense_2 (Dense)               │ (None, 2)              │           8 │   Y   │"
    assert text[-3:] == [" Total params: 16 (64.00 B)", " Trainable params: 12 (48.00 B)", " Non-trainable params: 4 (16.00 B)"]
    assert all(line.strip() for line in text)  # R's compact form: no blank lines
    assert repr(model).startswith("<Sequential name=")  # what an interactive session echoes stays Keras'


def test_frozen_layers_show_in_the_trainable_column():
    # R: freeze_weights(model2, to = 1); print(model2)  ->  "│ dense_2 (Dense) ... │   N   │", Trainable params: 4
    model = keras_model_sequential(input_shape=3) | layer_dense(2, name="dense_2") | layer_batch_normalization()
    model | freeze_weights(to=0)
    text = str(model).splitlines()
    assert text[4] == "│ dense_2 (Dense)               │ (None, 2)              │           8 │   N   │"
    assert " Trainable params: 4 (16.00 B)" in text


def test_summary_is_80_columns_when_the_terminal_is(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "80")
    keras_model_sequential(input_shape=3) | layer_dense(2) | summary()
    widths = {len(line) for line in capsys.readouterr().out.splitlines() if line.startswith(("┏", "│"))}
    assert widths == {80}
