"""``cudnn_status()`` (kerasfn/core/cudnn.py) names every failed cuDNN condition.

These run on a CPU: there, "no GPU visible" is always among the reasons, and
each configuration test checks that its own line is there too.
"""

import keras
import numpy as np
import pytest
import tensorflow as tf

from kerasfn import CudnnStatus, cudnn_status, layer_lstm

BACKEND = keras.backend.backend()

# cudnn_status() checks the TensorFlow backend's choice; elsewhere it says so
# (test_cudnn_status_says_it_only_checks_the_tensorflow_backend, the last test
# here), so the other tests are about TensorFlow.
on_tensorflow = pytest.mark.skipif(BACKEND != "tensorflow", reason="about the TensorFlow backend's cuDNN checks")


@on_tensorflow
def test_default_layer_fails_only_for_want_of_a_gpu(without_gpu, no_gpu_reason):
    status = cudnn_status(layer_lstm(4))
    assert status == CudnnStatus(uses_cudnn=False, reasons=(no_gpu_reason,))
    assert str(status) == "does not use cuDNN:\n- " + no_gpu_reason


@on_tensorflow
@pytest.mark.parametrize(
    "arguments, reason",
    [
        ({"activation": "relu"}, "`activation` is 'relu'; cuDNN needs 'tanh'."),
        ({"recurrent_activation": "hard_sigmoid"}, "`recurrent_activation` is 'hard_sigmoid'; cuDNN needs 'sigmoid'."),
        ({"recurrent_dropout": 0.25}, "`recurrent_dropout` is 0.25; cuDNN needs 0."),
        ({"unroll": True}, "`unroll` is True; cuDNN needs False."),
        ({"use_bias": False}, "`use_bias` is False; cuDNN needs True."),
        ({"use_cudnn": False}, "`use_cudnn` is False."),
    ],
)
def test_each_failed_configuration_condition_is_named(arguments, reason):
    status = cudnn_status(layer_lstm(4, **arguments))
    assert not status.uses_cudnn
    assert status.reasons[0] == reason


@on_tensorflow
def test_every_failed_condition_gets_its_own_line(no_gpu_reason):
    layer = layer_lstm(4, activation="relu", recurrent_activation="hard_sigmoid", recurrent_dropout=0.5, unroll=True, use_bias=False)
    assert len([r for r in cudnn_status(layer).reasons if r != no_gpu_reason]) == 5


@on_tensorflow
def test_input_dropout_is_no_obstacle_in_keras_3():
    # Keras 3 applies `dropout` to the inputs before the cuDNN kernel.
    assert cudnn_status(layer_lstm(4, dropout=0.5)).reasons == cudnn_status(layer_lstm(4)).reasons


@on_tensorflow
def test_input_dropout_gets_a_note_naming_it():
    status = cudnn_status(layer_lstm(4, dropout=0.5))
    assert status.notes == ("`dropout` is 0.5: Keras 3 drops input units before the cuDNN kernel, "
                            "so it does not block cuDNN (tf.keras 2 required 0).",)
    assert str(status).endswith("note: " + status.notes[0])
    assert cudnn_status(layer_lstm(4)).notes == ()


@on_tensorflow
def test_a_plain_keras_lstm_can_be_asked_too():
    status = cudnn_status(keras.layers.LSTM(4, activation="relu"))
    assert "`activation` is 'relu'; cuDNN needs 'tanh'." in status.reasons


LEFT_PADDED = np.array([[False, True, True], [True, True, True]])
RIGHT_PADDED = np.array([[True, True, False], [True, True, True]])
NOT_RIGHT_PADDED = ("`mask` is not strictly right-padded (each row must be True's then False's); "
                    "cuDNN needs right padding.")


@on_tensorflow
def test_left_padded_mask_is_named():
    assert NOT_RIGHT_PADDED in cudnn_status(layer_lstm(4), mask=LEFT_PADDED).reasons


@on_tensorflow
def test_right_padded_mask_is_fine():
    assert cudnn_status(layer_lstm(4), mask=RIGHT_PADDED).reasons == cudnn_status(layer_lstm(4)).reasons


@on_tensorflow
def test_fully_masked_sequence_is_named():
    mask = np.array([[False, False, False], [True, True, True]])
    assert "`mask` hides every timestep of some sequence; cuDNN cannot run on an empty sequence." in (
        cudnn_status(layer_lstm(4), mask=mask).reasons
    )


@on_tensorflow
def test_mask_carried_by_the_inputs_is_checked():
    x = keras.layers.Masking()(np.array([[[0.0], [1.0], [2.0]]], dtype="float32"))
    assert NOT_RIGHT_PADDED in cudnn_status(layer_lstm(4), inputs=x).reasons


@on_tensorflow
def test_tf1_graph_mode_is_not_eager_in_the_outermost_context():
    layer = layer_lstm(4)
    with tf.Graph().as_default():
        reasons = cudnn_status(layer).reasons
    assert "not eager in the outermost context (TensorFlow 1.x graph mode)." in reasons


@on_tensorflow
def test_inside_tf_function_the_outermost_context_is_still_eager():
    # TF2's fit() runs in a tf.function and uses cuDNN: that is not a reason.
    layer = layer_lstm(4)
    inside = tf.function(lambda: tf.constant(cudnn_status(layer).reasons))()
    assert [r.decode() for r in inside.numpy()] == list(cudnn_status(layer).reasons)


@on_tensorflow
def test_status_of_something_else_is_a_type_error():
    with pytest.raises(TypeError, match=r"`layer` must be a keras.layers.LSTM .*; received Dense\."):
        cudnn_status(keras.layers.Dense(3))


@pytest.mark.skipif(BACKEND == "tensorflow", reason="about the JAX and PyTorch backends")
def test_cudnn_status_says_it_only_checks_the_tensorflow_backend():
    status = cudnn_status(layer_lstm(units=4))
    assert status.reasons == (
        f"the backend is '{BACKEND}'; kerasfn checks the cuDNN kernel of the TensorFlow backend.",
    )
