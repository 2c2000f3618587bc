"""Eager calls of the LSTM core run compiled, with plain Keras' numbers.

Speed is measured in bench/, not here; these tests check that the compiled
path is taken (its trace count) and that it changes nothing else.
"""

import keras
import numpy as np
import pytest
import tensorflow as tf

from kerasfn import keras_input, keras_model, layer_lstm
from kerasfn.core.eager import tracing_count

ATOL = 1e-5


def _data(*shape):
    return np.random.default_rng(sum(shape)).uniform(-1, 1, shape).astype("float32")


def _plain_twin(layer, input_shape):
    """A keras.layers.LSTM with the same config and weights."""
    config = layer.get_config()
    twin = keras.layers.LSTM.from_config(config)
    twin.build(input_shape)
    twin.set_weights(layer.get_weights())
    return twin


@pytest.mark.parametrize(
    "arguments",
    [
        {},
        {"return_sequences": True},
        {"return_sequences": True, "return_state": True},
        {"go_backwards": True, "return_state": True},
        {"activation": "relu", "recurrent_activation": "hard_sigmoid", "use_bias": False},
        {"implementation": 1, "return_sequences": True},
    ],
)
def test_compiled_call_has_plain_keras_numbers(arguments):
    x = _data(4, 6, 3)
    layer = layer_lstm(5, **arguments)
    result = x | layer
    assert tracing_count(layer) >= 1  # the compiled path ran
    expected = _plain_twin(layer, x.shape)(x)
    for got, want in zip(tf.nest.flatten(tuple(result) if isinstance(result, tuple) else result), tf.nest.flatten(expected)):
        np.testing.assert_allclose(got, want, atol=ATOL)


def test_return_state_results_stay_named():
    output, h, c = layer_lstm(3, return_state=True)(_data(2, 4, 3))
    result = layer_lstm(3, return_state=True)(_data(2, 4, 3))
    assert result.memory_state.shape == (2, 3) and output.shape == (2, 3)


def test_initial_state_is_used():
    x = _data(2, 4, 3)
    layer = layer_lstm(3)
    h0, c0 = _data(2, 3), _data(3, 2).T.copy()
    got = layer(x, initial_state=[h0, c0])
    want = _plain_twin(layer, x.shape)(x, initial_state=[h0, c0])
    np.testing.assert_allclose(got, want, atol=ATOL)
    assert not np.allclose(got, layer(x))


def test_new_shapes_are_picked_up_and_retracing_is_bounded():
    layer = layer_lstm(4)
    for batch, steps in [(2, 3), (5, 7), (1, 11), (8, 2), (3, 3)]:
        x = _data(batch, steps, 6)
        np.testing.assert_allclose(layer(x), _plain_twin(layer, x.shape)(x), atol=ATOL)
    assert tracing_count(layer) == 1


def test_new_layers_with_the_same_config_share_the_compiled_function():
    x = _data(2, 5, 3)
    layers = [layer_lstm(7) for _ in range(4)]
    outputs = [x | layer for layer in layers]
    assert tracing_count(layers[0]) == 1
    assert not np.allclose(outputs[0], outputs[1])  # each with its own weights
    np.testing.assert_allclose(outputs[3], _plain_twin(layers[3], x.shape)(x), atol=ATOL)


def test_updated_weights_are_picked_up():
    x = _data(2, 5, 3)
    layer = layer_lstm(4)
    before = layer(x)
    layer.set_weights([w * 0.5 for w in layer.get_weights()])
    after = layer(x)
    assert not np.allclose(before, after)
    np.testing.assert_allclose(after, _plain_twin(layer, x.shape)(x), atol=ATOL)


def test_training_dropout_is_fresh_on_each_call_and_inference_is_plain():
    x = _data(3, 5, 4)
    layer = layer_lstm(6, dropout=0.5, recurrent_dropout=0.3, seed=7)
    first, second = layer(x, training=True), layer(x, training=True)
    assert not np.allclose(first, second)
    np.testing.assert_allclose(layer(x), _plain_twin(layer, x.shape)(x), atol=ATOL)
    np.testing.assert_allclose(layer(x, training=False), layer(x), atol=0)


def test_training_dropout_matches_plain_keras_draw_for_draw():
    x = _data(3, 5, 4)
    layer = layer_lstm(6, dropout=0.5, recurrent_dropout=0.3, seed=11)
    layer.build(x.shape)
    twin = _plain_twin(layer, x.shape)  # same seed, so the same seed-generator state
    for _ in range(2):
        np.testing.assert_allclose(layer(x, training=True), twin(x, training=True), atol=ATOL)


def test_stateful_layer_carries_its_states_like_plain_keras():
    x = _data(2, 3, 4)
    layer = layer_lstm(5, stateful=True)
    layer(x)
    twin = _plain_twin(layer, x.shape)
    twin.reset_state()
    layer.reset_states()
    for _ in range(3):
        np.testing.assert_allclose(layer(x), twin(x), atol=ATOL)
    np.testing.assert_allclose(layer.states[0], twin.states[0], atol=ATOL)
    assert tracing_count(layer) >= 1


def test_gradients_flow_to_the_variables_under_gradient_tape():
    x = _data(3, 4, 2)
    layer = layer_lstm(3, return_sequences=True)
    layer(x)
    twin = _plain_twin(layer, x.shape)
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(layer(x) ** 2)
    grads = tape.gradient(loss, [v.value for v in layer.trainable_variables])
    with tf.GradientTape() as tape:
        twin_loss = tf.reduce_sum(twin(x) ** 2)
    twin_grads = tape.gradient(twin_loss, [v.value for v in twin.trainable_variables])
    assert all(g is not None for g in grads)
    for got, want in zip(grads, twin_grads):
        np.testing.assert_allclose(got, want, atol=ATOL)


def test_gradient_with_respect_to_the_input_flows():
    x = tf.constant(_data(2, 4, 3))
    layer = layer_lstm(3)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.reduce_sum(layer(x))
    assert tape.gradient(y, x) is not None


def test_masked_calls_go_through_plain_keras():
    x = _data(2, 4, 3)
    mask = np.array([[True, True, False, False], [True, True, True, True]])
    layer = layer_lstm(3, return_sequences=True)
    np.testing.assert_allclose(layer(x, mask=mask), _plain_twin(layer, x.shape)(x, mask=mask), atol=ATOL)


def test_symbolic_calls_are_untouched():
    inputs = keras_input((4, 3))
    outputs = inputs | layer_lstm(2)
    model = keras_model(inputs, outputs)
    assert isinstance(outputs, keras.KerasTensor)
    assert model.predict(_data(2, 4, 3), verbose=0).shape == (2, 2)


def test_calls_inside_tf_function_are_untouched():
    x = _data(2, 4, 3)
    layer = layer_lstm(3)
    got = tf.function(lambda t: layer(t))(x)
    np.testing.assert_allclose(got, _plain_twin(layer, x.shape)(x), atol=ATOL)


def test_wrong_feature_size_is_a_clear_error():
    layer = layer_lstm(3)
    layer(_data(2, 4, 3))
    with pytest.raises(ValueError, match=r"`inputs` to layer '.*' must have 3 features \(last axis\), as when the "
                       r"layer was built; received shape \(2, 4, 5\)\."):
        layer(_data(2, 4, 5))


def test_frozen_layer_uses_its_own_weights():
    x = _data(2, 5, 3)
    layer = layer_lstm(4)
    layer(x)
    layer.trainable = False
    layer.set_weights([w + 0.1 for w in layer.get_weights()])
    np.testing.assert_allclose(layer(x), _plain_twin(layer, x.shape)(x), atol=ATOL)
    other = layer_lstm(4, trainable=False)
    np.testing.assert_allclose(other(x), _plain_twin(other, x.shape)(x), atol=ATOL)
