"""The pipe (kerasfn/rcall/pipe.py): ``x | layer`` and ``model | layer`` on every kind of data, a model
or a bare function on the right, and every ordinary meaning of ``|`` kept."""

import keras
import numpy as np
import pytest

from kerasfn import (
    as_array,
    get_weights,
    keras_input,
    keras_model,
    keras_model_sequential,
    layer_dense,
    layer_lstm,
    random_uniform,
    shape,
    summary,
)


def test_eager_tensor_pipe():
    assert shape(random_uniform((32, 10, 8)) | layer_lstm(4)) == (32, 4)


def test_numpy_pipe_computes_the_layer_once_not_elementwise():
    output = np.random.rand(6, 5, 3) | layer_lstm(4)
    assert tuple(output.shape) == (6, 4)


def test_symbolic_pipe_builds_a_model():
    inputs = keras_input((10, 8))
    outputs = inputs | layer_lstm(6, return_sequences=True) | layer_lstm(2)
    assert isinstance(outputs, keras.KerasTensor) and outputs.dtype == "float32"
    model = keras_model(inputs, outputs)
    assert model.predict(np.zeros((3, 10, 8)), verbose=0).shape == (3, 2)


def test_symbolic_pipe_is_not_logical_or():
    inputs = keras_input((10, 8))
    output = inputs | layer_lstm(4)
    assert output.dtype != "bool"
    assert output.shape == (None, 4)


def test_sequential_pipe_chains_left_to_right():
    model = keras_model_sequential(input_shape=(10, 8))
    result = model | layer_lstm(8, return_sequences=True, name="first") | layer_lstm(3, name="second")
    assert result is model
    assert [layer.name for layer in model.layers] == ["first", "second"]
    assert model.output_shape == (None, 3)


def test_stored_layer_pipes_and_keeps_its_weights():
    encoder = layer_lstm(8, return_state=True)
    inputs = keras_input((5, 2))
    results = inputs | encoder
    assert len(results) == 3
    again = keras_input((5, 2)) | encoder
    assert len(again) == 3 and len(encoder.weights) == 3


def test_pipe_into_an_unsupported_left_side_is_a_type_error():
    with pytest.raises(TypeError, match=r"`object` must be .*received 'text' \(str\)"):
        "text" | layer_lstm(4)


def test_pipe_errors_are_kerasfn_errors_for_backend_tensors():
    with pytest.raises(ValueError, match=r"`inputs` to layer '.*' must be a 3D tensor .*received shape \(4, 3\)"):
        keras.ops.ones((4, 3)) | layer_lstm(4)


def test_a_verb_works_bare_after_a_pipe(capsys):
    model = keras_model_sequential(input_shape=3, name="bare") | layer_dense(2)
    assert (model | summary) is None
    assert 'Model: "bare"' in capsys.readouterr().out
    assert [w.shape for w in model | get_weights] == [(3, 2), (2,)]


def test_a_model_piped_into_a_model_is_a_layer():
    inner = keras_model_sequential(input_shape=3) | layer_dense(2)
    outer = keras_model_sequential(input_shape=3) | inner | layer_dense(1)
    assert [type(layer).__name__ for layer in outer.layers] == ["Sequential", "Dense"]
    x = keras_input((3,))
    functional = keras_model(x, x | layer_dense(4))
    assert (keras_model_sequential(input_shape=3) | functional).output_shape == (None, 4)


# -- every ordinary meaning of | is unchanged --------------------------------

def test_kerastensor_logical_or_still_works():
    a = keras_input((3,), dtype="bool")
    b = keras_input((3,), dtype="bool")
    result = a | b
    assert isinstance(result, keras.KerasTensor) and result.dtype == "bool"
    model = keras_model([a, b], result)
    out = model.predict([np.array([[True, False, False]]), np.array([[False, False, True]])], verbose=0)
    np.testing.assert_array_equal(out, [[True, False, True]])


def test_kerastensor_or_with_python_and_numpy_values_still_works():
    a = keras_input((2,), dtype="bool")
    assert (a | True).dtype == "bool"
    assert (True | a).dtype == "bool"
    assert (a | np.array([True, False])).dtype == "bool"


def test_backend_tensor_or_unchanged():
    tensor = keras.ops.convert_to_tensor  # a tf.Tensor on TensorFlow, whose | kerasfn patches
    np.testing.assert_array_equal(as_array(tensor([1, 2]) | tensor([4, 0])), [5, 2])
    np.testing.assert_array_equal(as_array(tensor([True, False]) | tensor([False, False])), [True, False])
    np.testing.assert_array_equal(as_array(tensor([1, 2]) | 1), [1, 3])


def test_numpy_and_python_or_unchanged():
    np.testing.assert_array_equal(np.array([1, 2]) | np.array([4, 0]), [5, 2])
    np.testing.assert_array_equal(np.array([True, False]) | False, [True, False])
    assert (5 | 2) == 7 and ({1} | {2}) == {1, 2} and ({"a": 1} | {"b": 2}) == {"a": 1, "b": 2}


def test_layer_on_the_left_is_not_an_operator():
    with pytest.raises(TypeError):
        layer_lstm(4) | keras_input((3, 2))
    with pytest.raises(TypeError):
        layer_lstm(4) | np.ones((2, 3, 2))


def test_keras_variable_pipes_and_keeps_its_or():
    variable = keras.Variable(np.ones((2, 3, 4)))
    assert shape(variable | layer_lstm(2)) == (2, 2)
    flags = keras.Variable(np.array([True, False]), trainable=False)  # torch: only floats can be trainable
    np.testing.assert_array_equal(keras.ops.convert_to_numpy(flags | np.array([False, True])), [True, True])


def test_numpy_object_arrays_of_layers_compare_as_numpy_compares_objects():
    # numpy's own answers for objects that do not override ufuncs (a plain object() stands in for a layer)
    a, b, stranger = object(), object(), object()
    plain = np.array([a, b], dtype=object)
    expected = (plain == a, plain != a, a in plain, stranger in plain)
    a, b, stranger = (keras.layers.Dense(2), keras.layers.Dense(3), keras.layers.Dense(4))
    layers = np.array([a, b], dtype=object)
    got = (layers == a, layers != a, a in layers, stranger in layers)
    np.testing.assert_array_equal(got[0], expected[0])
    np.testing.assert_array_equal(got[1], expected[1])
    assert got[2:] == expected[2:] == (True, False)
    assert tuple((np.ones((4, 3)) | a).shape) == (4, 2)  # and an array piped into a layer is still the pipe
