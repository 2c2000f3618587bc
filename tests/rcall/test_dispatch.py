"""Issue 2 (4): layer_lstm dispatches on its first argument."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from kerasfn import keras_input, keras_model_sequential, layer_lstm, random_uniform, shape


def test_missing_object_returns_the_layer():
    layer = layer_lstm(units=4)
    assert isinstance(layer, keras.layers.LSTM)
    assert layer.units == 4 and not layer.built


def test_none_object_returns_the_layer():
    assert isinstance(layer_lstm(None, 4), keras.layers.LSTM)


@pytest.mark.parametrize("number", [4, 4.0, np.int64(4), np.float32(4.0)])
def test_a_number_is_units(number):
    layer = layer_lstm(number)
    assert isinstance(layer, keras.layers.LSTM)
    assert layer.units == 4 and type(layer.units) is int


def test_sequential_gets_the_layer_appended_and_is_returned():
    model = keras_model_sequential(input_shape=(10, 8))
    result = layer_lstm(model, 5)
    assert result is model
    assert len(model.layers) == 1 and isinstance(model.layers[0], keras.layers.LSTM)
    assert model.output_shape == (None, 5)


def test_symbolic_input_gives_the_output_tensor():
    inputs = keras_input((10, 8))
    output = layer_lstm(inputs, 4)
    assert isinstance(output, keras.KerasTensor)
    assert shape(output) == (None, 4)


_TF_ONLY = pytest.mark.skipif(keras.backend.backend() != "tensorflow", reason="TensorFlow's own types (KERAS_BACKEND=tensorflow)")


@pytest.mark.parametrize(
    "make",
    [
        np.ones,
        lambda s: keras.ops.ones(s),
        lambda s: random_uniform(s),
        lambda s: keras.Variable(np.ones(s, "float32")),
        pytest.param(lambda s: tf.ones(s), marks=_TF_ONLY),
        pytest.param(lambda s: tf.Variable(tf.ones(s)), marks=_TF_ONLY),
    ],
    ids=["numpy", "backend tensor", "random_uniform", "keras.Variable", "tf.Tensor", "tf.Variable"],
)
def test_eager_data_is_computed_now(make):
    output = layer_lstm(make((3, 5, 2)), 4)
    assert not isinstance(output, keras.KerasTensor)
    assert tuple(output.shape) == (3, 4)
    assert np.all(np.isfinite(keras.ops.convert_to_numpy(output)))


def test_object_by_keyword_behaves_the_same():
    inputs = keras_input((10, 8))
    assert isinstance(layer_lstm(object=inputs, units=3), keras.KerasTensor)
    model = keras_model_sequential(input_shape=(10, 8))
    assert layer_lstm(object=model, units=3) is model
    assert tuple(layer_lstm(object=np.ones((2, 3, 1)), units=3).shape) == (2, 3)
    assert isinstance(layer_lstm(object=None, units=3), keras.layers.LSTM)


@pytest.mark.parametrize("bad", [{"a": 1}, {1, 2}, object(), b"bytes"], ids=["dict", "set", "object", "bytes"])
def test_a_first_argument_that_is_not_composable_moves_to_units(bad):
    # R: layer_lstm(x, 4) with x not composable is layer_lstm(, x, 4): x lands in `units`
    with pytest.raises(TypeError, match=rf"`units` must be a whole number; received .*\({type(bad).__name__}\)"):
        layer_lstm(bad, 4)


def test_number_object_with_units_also_given_is_a_type_error():
    with pytest.raises(TypeError, match=r"multiple values for argument 'units'"):
        layer_lstm(4, units=8)


def test_list_of_non_tensors_is_not_composable():
    with pytest.raises(TypeError, match=r"`units` must be a whole number; received \[array"):
        layer_lstm([np.ones((2, 3, 1)), "x"], 4)
