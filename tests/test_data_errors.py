"""Bad data gets a clear error naming the argument, raised by kerasfn before Keras' or TensorFlow's internals.

R keras3 (run with the real package) passes each of these to Keras and shows Keras' own message:
fit() on a character matrix: "ValueError: Invalid dtype: object"; fit(x, NULL):
"ValueError: None values not supported."; predict() on 0 rows: "UnboundLocalError: cannot access
local variable 'batch_outputs'"; op_sum(x, axis = 4) on a rank-3 tensor: TensorFlow's "Invalid
reduction dimension"; keras_input(c(10, NA)) |> layer_lstm(4): "Shapes used to initialize variables
must be fully-defined"; op_ones(c(0, 5, 3)) |> layer_lstm(4): "Biases must be 1D: [0,16]".
"""

import os
import traceback

import keras
import numpy as np
import pytest

from kerasfn import (
    as_array,
    compile,
    evaluate,
    fit,
    keras_input,
    keras_model_sequential,
    layer_concatenate,
    layer_dense,
    layer_dropout,
    layer_lstm,
    op_mean,
    op_sum,
    predict,
)

X, Y = np.ones((8, 3)), np.ones((8, 1))


@pytest.fixture
def model():
    return keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse")


# -- fit(), evaluate(), predict() ------------------------------------------------------------


@pytest.mark.parametrize("verb", ["fit", "evaluate", "predict"])
def test_an_array_of_strings_is_refused_naming_x(model, verb):
    call = {"fit": lambda x: fit(model, x, Y, verbose=0), "evaluate": lambda x: evaluate(model, x, Y, verbose=0),
            "predict": lambda x: predict(model, x, verbose=0)}[verb]
    with pytest.raises(TypeError, match=r"`x` is a numpy array of strings \(shape \(8, 3\), dtype <U1\)"):
        call(np.full((8, 3), "a"))
    with pytest.raises(TypeError, match=r"`x` is a numpy array of Python objects \(shape \(8, 3\), dtype object\)"):
        call(X.astype(object))


def test_targets_of_strings_are_refused_naming_y(model):
    with pytest.raises(TypeError, match=r"`y` is a numpy array of strings \(shape \(8, 1\)"):
        model | fit(X, np.full((8, 1), "yes"), verbose=0)
    with pytest.raises(TypeError, match=r"`validation_data\[1\]` is a numpy array of Python objects"):
        model | fit(X, Y, validation_data=[X, Y.astype(object)], verbose=0)


@pytest.mark.parametrize("verb", ["fit", "evaluate"])
def test_y_left_out_while_the_loss_needs_targets(model, verb):
    call = fit if verb == "fit" else evaluate
    with pytest.raises(ValueError, match=r"`y` is missing: the model's loss \('mse'\) compares its predictions"):
        model | call(X, verbose=0)


def test_a_model_whose_own_loss_needs_no_targets_is_left_to_keras():
    class OwnLoss(keras.Model):
        def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
            return keras.ops.mean(y_pred**2)

    inputs = keras.Input((3,))
    own = OwnLoss(inputs, keras.layers.Dense(1)(inputs))
    own.compile(loss="mse")
    assert len((own | fit(X, epochs=2, verbose=0)).history["loss"]) == 2


@pytest.mark.parametrize("verb", ["fit", "evaluate", "predict"])
def test_data_with_no_samples_is_refused(model, verb):
    call = {"fit": lambda: fit(model, X[:0], Y[:0], verbose=0), "evaluate": lambda: evaluate(model, X[:0], Y[:0], verbose=0),
            "predict": lambda: predict(model, X[:0], verbose=0)}[verb]
    with pytest.raises(ValueError, match=r"`x` has no samples \(shape \(0, 3\)\)"):
        call()


@pytest.mark.skipif(keras.backend.backend() != "tensorflow", reason="a tf.data dataset")
def test_datasets_pass_unread(model):
    import tensorflow as tf

    dataset = tf.data.Dataset.from_tensor_slices((X, Y)).batch(4)
    assert len((model | fit(dataset, epochs=2, verbose=0)).history["loss"]) == 2


def test_several_inputs_are_checked_each(model):
    first, second = keras_input(3), keras_input(2)
    two = keras.Model([first, second], layer_concatenate(first, second) | layer_dense(1))
    two.compile(loss="mse")
    assert len((two | fit([X, np.ones((8, 2))], Y, verbose=0)).history["loss"]) == 1
    with pytest.raises(TypeError, match=r"`x\[1\]` is a numpy array of strings"):
        two | fit([X, np.full((8, 2), "b")], Y, verbose=0)


# -- layers --------------------------------------------------------------------------------


def test_an_object_array_piped_into_a_layer_names_object():
    with pytest.raises(TypeError, match=r"`object` is a numpy array of Python objects \(shape \(2, 3\), dtype object\)"):
        np.ones((2, 3)).astype(object) | layer_dense(2)


def test_zero_timesteps_name_object():
    with pytest.raises(ValueError, match=r"`object` has 0 timesteps \(shape \(2, 0, 3\)\); LSTM needs at least one"):
        np.ones((2, 0, 3), "float32") | layer_lstm(4)


@pytest.mark.parametrize("return_sequences", [False, True])
def test_a_recurrent_layer_on_zero_samples_returns_zero_samples_as_dense_does(return_sequences):
    # Keras' Dense: a batch of 0 gives 0 rows; the LSTM's output shape for that batch is Keras' own answer
    assert tuple(as_array(np.ones((0, 5, 3), "float32") | layer_dense(4)).shape) == (0, 5, 4)
    layer = layer_lstm(4, return_sequences=return_sequences)
    expected = keras.layers.LSTM(4, return_sequences=return_sequences).compute_output_shape((0, 5, 3))
    output = np.ones((0, 5, 3), "float32") | layer
    assert tuple(output.shape) == tuple(expected)
    assert layer.built and tuple(as_array(np.ones((2, 5, 3), "float32") | layer).shape)[1:] == tuple(expected)[1:]


def test_an_unknown_feature_dimension_is_named():
    with pytest.raises(ValueError, match=r"`object`'s last dimension \(its features\) is unknown \(shape \(None, 10, None\)\)"):
        keras_input((10, None)) | layer_lstm(4)


def test_weights_larger_than_memory_name_units():
    with pytest.raises(ValueError, match=r"`units` = 1,000,000,000,000 gives Dense 4,000,000,000,000 weights .* choose fewer"):
        np.ones((2, 3)) | layer_dense(units=1e12)
    with pytest.raises(ValueError, match=r"`units` = 1,000,000,000,000"):
        keras_model_sequential(input_shape=3) | layer_dense(1e12)


def test_an_axis_beyond_the_rank_says_axes_count_from_zero():
    x = np.ones((2, 3, 4))
    with pytest.raises(ValueError, match=r"`axis` = 3 is out of range for a rank-3 tensor \(shape \(2, 3, 4\)\): "
                                         r"axes count from 0.*R's axis = 3 is axis=2"):
        op_sum(x, axis=3)
    with pytest.raises(ValueError, match=r"`axis` = -4 is out of range for a rank-3 tensor"):
        x | op_mean(axis=(0, -4))
    np.testing.assert_allclose(as_array(op_sum(x, axis=2)), np.sum(x, axis=2))  # in range: numpy's answer


def test_a_merge_layer_given_one_tensor_says_it_needs_two():
    a = keras_input(3)
    with pytest.raises(TypeError, match=r"a merge layer needs at least two inputs, and layer_concatenate\(\) was given one"):
        layer_concatenate(a) | layer_dense(1)
    assert "needs at least two inputs" in repr(layer_concatenate(a))
    assert tuple((a | layer_concatenate(keras_input(2))).shape) == (None, 5)  # the pipe's partial call still works


# -- tracebacks --------------------------------------------------------------------------------


def _kerasfn_frames(call):
    with pytest.raises(Exception) as caught:
        call()
    kerasfn_dir = os.path.dirname(os.path.abspath(__import__("kerasfn").__file__)) + os.sep
    return [frame for frame in traceback.extract_tb(caught.value.__traceback__) if frame.filename.startswith(kerasfn_dir)]


@pytest.mark.parametrize("mistake", [
    lambda: layer_dense(units="four"),
    lambda: np.ones((2, 3)) | layer_dense(2, activation="nope"),
    lambda: keras_input(3) | layer_dropout(rate=2),
    lambda: op_sum(np.ones((2, 3)), axis=2),
    lambda: keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse") | fit(np.full((8, 3), "a"), Y),
])
def test_tracebacks_show_one_kerasfn_frame_as_keras_shows_its_own(mistake):
    assert len(_kerasfn_frames(mistake)) == 1  # the line that re-raises, as Keras' error_handler
    keras.config.disable_traceback_filtering()
    try:
        assert len(_kerasfn_frames(mistake)) > 1  # Keras' switch shows them all
    finally:
        keras.config.enable_traceback_filtering()
