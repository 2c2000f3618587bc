"""The seeds' legacy features on the LSTM core: time_major, reset_states(states),
implementation, hard_sigmoid, and the tf.keras (seed 001) layer members."""

import re

import keras
import numpy as np
import pytest

from kerasfn import as_array, keras_input, keras_model, keras_model_sequential, layer_lstm
from kerasfn.core.time_major import TimeMajorLSTM

ATOL = 1e-5


def _data(*shape):
    return np.random.default_rng(sum(shape)).uniform(-1, 1, shape).astype("float32")


def _plain(layer, input_shape):
    config = {k: v for k, v in layer.get_config().items() if k != "time_major"}
    twin = keras.layers.LSTM.from_config(config)
    twin.build(input_shape)
    twin.set_weights(layer.get_weights())
    return twin


# -- time_major ---------------------------------------------------------------

def test_time_major_inputs_and_outputs_are_time_major():
    x = _data(6, 2, 3)  # (timesteps, batch, features)
    layer = layer_lstm(4, time_major=True, return_sequences=True, return_state=True)
    output, h, c = layer(x)
    assert isinstance(layer, keras.layers.LSTM) and isinstance(layer, TimeMajorLSTM)
    assert output.shape == (6, 2, 4) and h.shape == (2, 4) and c.shape == (2, 4)
    want, want_h, want_c = _plain(layer, (2, 6, 3))(np.swapaxes(x, 0, 1))
    np.testing.assert_allclose(as_array(output), np.swapaxes(as_array(want), 0, 1), atol=ATOL)
    np.testing.assert_allclose(as_array(h), as_array(want_h), atol=ATOL)
    np.testing.assert_allclose(as_array(c), as_array(want_c), atol=ATOL)


def test_time_major_last_output_and_symbolic_shapes():
    inputs = keras_input(batch_shape=(6, None, 3))
    sequence = inputs | layer_lstm(4, time_major=True, return_sequences=True)
    last = inputs | layer_lstm(5, time_major=True)
    assert tuple(sequence.shape) == (6, None, 4) and tuple(last.shape) == (None, 5)
    model = keras_model(inputs, [sequence, last])
    outputs = model.predict(_data(6, 2, 3), verbose=0)
    assert outputs[0].shape == (6, 2, 4) and outputs[1].shape == (2, 5)


def test_time_major_is_saved_in_the_config():
    layer = layer_lstm(4, time_major=True)
    config = layer.get_config()
    assert config["time_major"] is True
    assert type(layer).from_config(config).time_major is True
    assert "time_major" not in layer_lstm(4).get_config()


def test_time_major_must_be_a_bool():
    with pytest.raises(TypeError, match=r"`time_major` must be True or False; received 'yes' \(str\)\."):
        layer_lstm(4, time_major="yes")


# -- reset_states(states) -----------------------------------------------------

def _stateful(batch=2, units=3):
    layer = layer_lstm(units, stateful=True)
    layer(_data(batch, 4, 5))
    return layer


def test_reset_states_with_values_sets_them():
    layer = _stateful()
    h, c = np.full((2, 3), 0.5, "float32"), np.full((2, 3), -0.25, "float32")
    layer.reset_states(states=[h, c])
    np.testing.assert_array_equal(as_array(layer.states[0]), h)
    np.testing.assert_array_equal(as_array(layer.states[1]), c)
    x = _data(2, 4, 5)
    twin = _plain(layer, x.shape)
    np.testing.assert_allclose(as_array(layer(x)), as_array(twin(x, initial_state=[h, c])), atol=ATOL)


def test_reset_states_without_values_still_zeroes():
    layer = _stateful()
    layer(_data(2, 4, 5))
    layer.reset_states()
    assert not as_array(layer.states[0]).any() and not as_array(layer.states[1]).any()


def test_reset_states_checks_the_shape():
    layer = _stateful()
    before = [as_array(s) for s in layer.states]
    with pytest.raises(ValueError, match=r"`states\[1\]` must have shape \(2, 3\) \(batch_size, units\) "
                                         r"for layer '.*'; received shape \(3, 3\)\."):
        layer.reset_states([np.zeros((2, 3)), np.zeros((3, 3))])
    for state, value in zip(layer.states, before):  # nothing half-assigned
        np.testing.assert_array_equal(as_array(state), value)


def test_reset_states_checks_the_count():
    with pytest.raises(ValueError, match=r"`states` must hold 2 arrays .*; received 1\."):
        _stateful().reset_states([np.zeros((2, 3))])


def test_reset_states_values_need_a_stateful_layer():
    with pytest.raises(ValueError, match=r"`states` can only be set on a built stateful layer; .*stateful=False"):
        layer_lstm(3).reset_states([np.zeros((2, 3)), np.zeros((2, 3))])


# -- implementation, hard_sigmoid ----------------------------------------------

@pytest.mark.parametrize("implementation", [1, 2])
def test_implementation_is_accepted_with_the_same_numbers(implementation):
    x = _data(2, 5, 3)
    layer = layer_lstm(4, implementation=implementation)
    layer.build(x.shape)
    assert layer.cell.implementation == implementation
    np.testing.assert_allclose(as_array(layer(x)), as_array(_plain(layer, x.shape)(x)), atol=ATOL)


def test_implementation_must_be_1_or_2():
    with pytest.raises(ValueError, match=r"`implementation` must be 1 or 2; received 3"):
        layer_lstm(4, implementation=3)


def test_hard_sigmoid_recurrent_activation_works():
    x = _data(2, 5, 3)
    layer = layer_lstm(4, recurrent_activation="hard_sigmoid")
    np.testing.assert_allclose(as_array(layer(x)), as_array(_plain(layer, x.shape)(x)), atol=ATOL)
    assert layer.get_config()["recurrent_activation"] == "hard_sigmoid"


# -- seed 001's members ---------------------------------------------------------

def test_node_members_on_a_layer_called_twice():
    layer = layer_lstm(4, return_sequences=True)
    a, b = keras_input((6, 3)), keras_input((5, 3))
    out_a, out_b = a | layer, b | layer
    assert layer.get_input_at(0) is a and layer.get_input_at(1) is b
    assert layer.get_output_at(1) is out_b
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


def test_apply_is_calling():
    x = _data(2, 5, 3)
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


def test_every_seed_001_member_is_present_or_explained():
    seed_members = (
        "activity_regularizer dtype graph input input_mask input_shape losses name non_trainable_variables "
        "non_trainable_weights output output_mask output_shape scope_name trainable_variables trainable_weights "
        "updates variables weights __init__ __call__ __deepcopy__ add_loss add_update add_variable add_weight apply "
        "build call compute_mask count_params from_config get_config get_constants get_initial_state get_input_at "
        "get_input_mask_at get_input_shape_at get_losses_for get_output_at get_output_mask_at get_output_shape_at "
        "get_updates_for get_weights preprocess_input reset_states set_weights step"
    ).split()
    assert len(seed_members) == 48
    inputs = keras_input((3, 2))
    layer = layer_lstm(4)
    inputs | layer
    explained = {"graph", "scope_name", "updates", "add_update", "get_updates_for", "get_losses_for",
                 "get_constants", "preprocess_input", "step",
                 "__deepcopy__"}  # not in the list; copy.deepcopy uses Python's default protocol
    for member in seed_members:
        if member in explained:
            continue
        assert hasattr(layer, member), member


def test_other_missing_attributes_keep_their_usual_error():
    layer = layer_lstm(2)
    with pytest.raises(AttributeError, match=r"^'LSTM' object has no attribute 'no_such_member'$"):
        layer.no_such_member
    assert not hasattr(layer, "graph") and hasattr(layer, "get_input_at")
