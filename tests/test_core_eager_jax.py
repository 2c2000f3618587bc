"""Eager calls of kerasfn's recurrent layers are jax.jit-compiled, with plain Keras' numbers (JAX backend).

Run with ``KERAS_BACKEND=jax python -m pytest tests/test_core_eager_jax.py``.
The costs are fixed so that the first call compiles (``jit_now``); the
policy itself is tested on TensorFlow (tests/test_core_eager.py), where it
is the same code.
"""

import keras
import numpy as np
import pytest

pytestmark = pytest.mark.skipif(
    keras.backend.backend() != "jax", reason="about the JAX backend (run with KERAS_BACKEND=jax)"
)
jax = pytest.importorskip("jax")

from kerasfn import layer_lstm  # noqa: E402
from kerasfn.core import eager  # noqa: E402
from kerasfn.core.eager import compiled_kinds  # noqa: E402
from kerasfn.core.lstm import LSTM  # noqa: E402
from kerasfn.core.recurrent import GRU, RNN, Bidirectional, ConvLSTM2D, SimpleRNN  # noqa: E402

ATOL = 1e-5


def _data(*shape):
    return jax.numpy.asarray(np.random.default_rng(sum(shape)).uniform(-1, 1, shape).astype("float32"))


@pytest.fixture(autouse=True)
def jit_now(monkeypatch):
    eager.forget_compiled()
    monkeypatch.setattr(eager.COSTS, "jit", 0.0)
    monkeypatch.setattr(eager.COSTS, "frozen", True)


def _plain_twin(layer, x):
    keras_class = next(c for c in type(layer).__mro__ if c.__module__.startswith("keras."))
    twin = keras_class.from_config(layer.get_config())
    twin.build(x.shape)
    twin.set_weights(layer.get_weights())
    return twin


def _assert_close(got, want):
    got, want = keras.tree.flatten(list(got) if isinstance(got, tuple) else got), keras.tree.flatten(want)
    assert len(got) == len(want)
    for a, b in zip(got, want):
        np.testing.assert_allclose(np.asarray(a), np.asarray(b), atol=ATOL)


LAYERS = {
    "lstm": (lambda: LSTM(5, return_sequences=True, return_state=True), (4, 6, 3)),
    "gru": (lambda: GRU(5, go_backwards=True), (4, 6, 3)),
    "simple_rnn": (lambda: SimpleRNN(4), (4, 6, 3)),
    "rnn_stack": (lambda: RNN([keras.layers.LSTMCell(4), keras.layers.GRUCell(2)]), (4, 6, 3)),
    "bidirectional": (lambda: Bidirectional(keras.layers.LSTM(3, return_sequences=True)), (4, 6, 3)),
    "conv_lstm_2d": (lambda: ConvLSTM2D(2, 3), (2, 3, 5, 5, 2)),
}


@pytest.mark.parametrize("name", sorted(LAYERS))
def test_eager_calls_are_jitted_with_plain_keras_numbers(name):
    make, shape = LAYERS[name]
    layer, x = make(), _data(*shape)
    layer(x)
    got = layer(x)
    assert compiled_kinds(layer)["functions"] == 1
    _assert_close(got, _plain_twin(layer, x)(x))


def test_each_shape_is_its_own_compiled_call():
    layer = LSTM(4)
    for batch, steps in [(2, 3), (5, 7), (2, 3)]:
        x = _data(batch, steps, 6)
        _assert_close(layer(x), _plain_twin(layer, x)(x))
    assert compiled_kinds(layer)["functions"] == 2


def test_training_dropout_matches_plain_keras_draw_for_draw():
    x = _data(3, 5, 4)
    layer = GRU(6, dropout=0.5, recurrent_dropout=0.3, seed=11)
    layer.build(x.shape)
    twin = _plain_twin(layer, x)
    draws = [layer(x, training=True) for _ in range(3)]
    for draw in draws:
        _assert_close(draw, twin(x, training=True))
    assert not np.allclose(draws[0], draws[1])


def test_stateful_layer_carries_its_states():
    x = _data(2, 3, 4)
    layer = LSTM(5, stateful=True)
    layer(x)
    layer.reset_states()
    twin = _plain_twin(layer, x)
    twin.reset_state()
    for _ in range(3):
        _assert_close(layer(x), twin(x))
    _assert_close(layer.states, twin.states)


def test_calls_inside_jax_jit_and_grad_are_untouched():
    x = _data(2, 4, 3)
    layer = layer_lstm(3)
    layer(x)
    eager.forget_compiled()
    trainable = [v.value for v in layer.trainable_variables]
    non_trainable = [v.value for v in layer.non_trainable_variables]

    def loss(trainable):
        return jax.numpy.sum(layer.stateless_call(trainable, non_trainable, x)[0] ** 2)

    gradients = jax.grad(loss)(trainable)
    jitted = jax.jit(lambda t: layer.stateless_call(t, non_trainable, x)[0])(trainable)
    assert compiled_kinds(layer)["functions"] == 0
    twin = _plain_twin(layer, x)
    _assert_close(jitted, twin(x))
    assert all(np.isfinite(np.asarray(g)).all() for g in gradients)


def test_python_function_activation_runs_as_plain_keras():
    x = _data(2, 4, 3)
    layer = LSTM(3, activation=lambda t: t * keras.ops.sigmoid(t))
    layer(x)
    layer(x)
    assert compiled_kinds(layer)["functions"] == 0
