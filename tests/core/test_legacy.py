"""The tf.keras layer members Keras 3 dropped (kerasfn/core/legacy.py), on kerasfn's LSTM.

``reset_states(states)`` sets a stateful layer's states to the values given
(checking their count and shapes first); the node members (inputs, outputs,
their shapes and masks, at a node index or of the one node) and ``apply``
are back; the TensorFlow 1.x graph-mode members fail saying what replaced
them.  Every member of tf.keras 2's ``LSTM`` is present or explained.
"""

import re

import keras
import numpy as np
import pytest

from kerasfn import as_array, keras_input, keras_model_sequential, layer_lstm

ATOL = 1e-5


# -- reset_states(states) -----------------------------------------------------

@pytest.fixture
def stateful_lstm(uniform_data):
    """A built stateful LSTM of 3 units, on a batch of 2."""
    layer = layer_lstm(3, stateful=True)
    layer(uniform_data(2, 4, 5))
    return layer


def test_reset_states_with_values_sets_them(stateful_lstm, uniform_data, plain_lstm_twin):
    layer = stateful_lstm
    h, c = np.full((2, 3), 0.5, "float32"), np.full((2, 3), -0.25, "float32")
    layer.reset_states(states=[h, c])
    np.testing.assert_array_equal(as_array(layer.states[0]), h)
    np.testing.assert_array_equal(as_array(layer.states[1]), c)
    x = uniform_data(2, 4, 5)
    twin = plain_lstm_twin(layer, x.shape)
    np.testing.assert_allclose(as_array(layer(x)), as_array(twin(x, initial_state=[h, c])), atol=ATOL)


def test_reset_states_without_values_still_zeroes(stateful_lstm, uniform_data):
    layer = stateful_lstm
    layer(uniform_data(2, 4, 5))
    layer.reset_states()
    assert not as_array(layer.states[0]).any() and not as_array(layer.states[1]).any()


def test_reset_states_checks_the_shape(stateful_lstm):
    layer = stateful_lstm
    before = [as_array(s) for s in layer.states]
    with pytest.raises(ValueError, match=r"`states\[1\]` must have shape \(2, 3\) \(batch_size, units\) "
                                         r"for layer '.*'; received shape \(3, 3\)\."):
        layer.reset_states([np.zeros((2, 3)), np.zeros((3, 3))])
    for state, value in zip(layer.states, before):  # nothing half-assigned
        np.testing.assert_array_equal(as_array(state), value)


def test_reset_states_checks_the_count(stateful_lstm):
    with pytest.raises(ValueError, match=r"`states` must hold 2 arrays .*; received 1\."):
        stateful_lstm.reset_states([np.zeros((2, 3))])


def test_reset_states_values_need_a_stateful_layer():
    with pytest.raises(ValueError, match=r"`states` can only be set on a built stateful layer; .*stateful=False"):
        layer_lstm(3).reset_states([np.zeros((2, 3)), np.zeros((2, 3))])


# -- tf.keras 2's members ---------------------------------------------------------

def test_node_members_on_a_layer_called_twice():
    layer = layer_lstm(4, return_sequences=True)
    a, b = keras_input((6, 3)), keras_input((5, 3))
    out_a, out_b = a | layer, b | layer
    assert layer.get_input_at(0) is a and layer.get_input_at(1) is b
    assert layer.get_output_at(0) is out_a and layer.get_output_at(1) is out_b
    assert layer.get_input_shape_at(1) == (None, 5, 3)
    assert layer.get_output_shape_at(0) == (None, 6, 4)
    with pytest.raises(AttributeError, match=r"called with different input shapes .*get_input_shape_at\(node_index\)"):
        layer.input_shape
    with pytest.raises(AttributeError, match=r"has 2 inbound nodes, so `input_mask` is ambiguous"):
        layer.input_mask


def test_shape_and_mask_members_on_a_layer_called_once():
    inputs = keras_input((6, 3))
    masked = inputs | keras.layers.Masking()
    layer = layer_lstm(4, return_sequences=True)
    masked | layer
    assert layer.input_shape == (None, 6, 3) and layer.output_shape == (None, 6, 4)
    assert layer.input_mask is not None and tuple(layer.input_mask.shape) == (None, 6)
    assert tuple(layer.output_mask.shape) == (None, 6)
    assert layer.get_input_mask_at(0) is layer.input_mask
    assert layer_lstm(2)(keras_input((3, 1))) is not None


def test_members_of_a_layer_never_called():
    with pytest.raises(AttributeError, match="has never been called"):
        layer_lstm(4).input_shape


def test_sequential_model_layers_have_input_shape():
    model = keras_model_sequential(input_shape=(6, 3)) | layer_lstm(4)
    assert model.layers[0].input_shape == (None, 6, 3)
    assert model.layers[0].output_shape == (None, 4)


def test_apply_is_calling(uniform_data):
    x = uniform_data(2, 5, 3)
    layer = layer_lstm(4)
    np.testing.assert_allclose(as_array(layer.apply(x)), as_array(layer(x)), atol=0)


@pytest.mark.parametrize(
    "member, replacement",
    [
        ("graph", "get_concrete_function"),
        ("scope_name", "layer.path"),
        ("updates", "non_trainable_variables"),
        ("add_update", "variable.assign"),
        ("get_updates_for", "non_trainable_variables"),
        ("get_losses_for", "layer.losses"),
        ("get_constants", "cell's call"),
        ("preprocess_input", "layer.cell"),
        ("step", "layer.cell(inputs_at_t, states)"),
    ],
)
def test_tf1_graph_members_say_what_replaced_them(member, replacement):
    layer = layer_lstm(4)
    with pytest.raises(AttributeError, match=rf"`{member}` was a TensorFlow 1.x graph-mode member and is gone in Keras 3: .*{re.escape(replacement)}"):
        getattr(layer, member)
    assert not hasattr(layer, member)


def test_every_tf_keras_lstm_member_is_present_or_explained():
    tf_keras_members = (
        "activity_regularizer dtype graph input input_mask input_shape losses name non_trainable_variables "
        "non_trainable_weights output output_mask output_shape scope_name trainable_variables trainable_weights "
        "updates variables weights __init__ __call__ __deepcopy__ add_loss add_update add_variable add_weight apply "
        "build call compute_mask count_params from_config get_config get_constants get_initial_state get_input_at "
        "get_input_mask_at get_input_shape_at get_losses_for get_output_at get_output_mask_at get_output_shape_at "
        "get_updates_for get_weights preprocess_input reset_states set_weights step"
    ).split()
    assert len(tf_keras_members) == 48
    inputs = keras_input((3, 2))
    layer = layer_lstm(4)
    inputs | layer
    explained = {"graph", "scope_name", "updates", "add_update", "get_updates_for", "get_losses_for",
                 "get_constants", "preprocess_input", "step",
                 "__deepcopy__"}  # copy.deepcopy uses Python's default protocol
    for member in tf_keras_members:
        if member in explained:
            continue
        assert hasattr(layer, member), member


def test_other_missing_attributes_keep_their_usual_error():
    layer = layer_lstm(2)
    with pytest.raises(AttributeError, match=r"^'LSTM' object has no attribute 'no_such_member'$"):
        layer.no_such_member
    assert not hasattr(layer, "graph") and hasattr(layer, "get_input_at")
