"""Compiled eager calls of kerasfn's recurrent layers (kerasfn/core/eager.py), with plain Keras' numbers.

Speed is measured in bench/, not here.  On TensorFlow, the compile policy
buys a compiled function once plain Keras has spent its cost; these tests
fix the costs (``compile_now``: compile on the first call; ``graph_only``:
never XLA) and check that the compiled path is taken (:func:`compiled_kinds`)
and changes nothing else.  The policy itself runs on a fake clock.  On JAX,
eager calls are ``jax.jit``-compiled; the costs are fixed so that the first
call compiles (``jit_now``); the policy is the same code as on TensorFlow.

Each test is about one backend and skips itself on the others: run with
``KERAS_BACKEND=tensorflow`` (the default) and ``KERAS_BACKEND=jax``.
"""

import keras
import numpy as np
import pytest

from kerasfn import keras_input, keras_model, layer_lstm
from kerasfn.core import eager
from kerasfn.core.eager import compiled_kinds
from kerasfn.core.lstm import LSTM
from kerasfn.core.recurrent import (
    GRU, RNN, Bidirectional, ConvLSTM1D, ConvLSTM2D, ConvLSTM3D, SimpleRNN, TimeDistributed,
)
from kerasfn.rcall import internals

on_tensorflow = pytest.mark.skipif(
    keras.backend.backend() != "tensorflow", reason="about the TensorFlow backend (run with KERAS_BACKEND=tensorflow)"
)
on_jax = pytest.mark.skipif(keras.backend.backend() != "jax", reason="about the JAX backend (run with KERAS_BACKEND=jax)")
tf = pytest.importorskip("tensorflow")
# JAX comes with its backend; elsewhere it may not be installed.
jax = pytest.importorskip("jax") if keras.backend.backend() == "jax" else None

ATOL = 1e-5


def _data(*shape, dtype="float32"):
    return np.random.default_rng(sum(shape)).uniform(-1, 1, shape).astype(dtype)


def _costs(monkeypatch, trace, xla):
    eager.forget_compiled()
    monkeypatch.setattr(eager.COSTS, "trace", trace)
    monkeypatch.setattr(eager.COSTS, "xla", xla)
    monkeypatch.setattr(eager.COSTS, "frozen", True)
    monkeypatch.setattr(eager, "MAX_XLA_SHAPES", 10**6)


@pytest.fixture
def graph_only(monkeypatch):
    """Compile on the first call; never XLA."""
    _costs(monkeypatch, trace=0.0, xla=float("inf"))


@pytest.fixture(params=["graph", "xla"])
def compile_now(request, monkeypatch):
    """Compile on the first call: graph mode only, or XLA from the second call of a shape on."""
    _costs(monkeypatch, trace=0.0, xla=float("inf") if request.param == "graph" else 0.0)
    return request.param


def _plain_twin(layer, *call_args, **call_kwargs):
    """The plain Keras layer with the same config and weights, built by calling it."""
    keras_class = next(c for c in type(layer).__mro__ if c.__module__.startswith("keras."))
    twin = keras_class.from_config(layer.get_config())
    twin(*call_args, **call_kwargs)
    twin.set_weights(layer.get_weights())
    return twin


def _assert_close(got, want):
    got, want = keras.tree.flatten(list(got) if isinstance(got, tuple) else got), keras.tree.flatten(want)
    assert len(got) == len(want)
    for a, b in zip(got, want):
        np.testing.assert_allclose(np.asarray(a), np.asarray(b), atol=ATOL)


def _calls_match_plain_keras(layer, x, **kwargs):
    """Three calls (the first compiles, the next ones reuse / XLA-compile), each as plain Keras."""
    for _ in range(3):
        got = layer(x, **kwargs)
    _assert_close(got, _plain_twin(layer, x, **kwargs)(x, **kwargs))
    return got


LAYERS = {
    "lstm": (lambda: LSTM(5), (4, 6, 3)),
    "lstm_sequences_states": (lambda: LSTM(5, return_sequences=True, return_state=True), (4, 6, 3)),
    "lstm_backwards": (lambda: LSTM(5, go_backwards=True, return_state=True), (4, 6, 3)),
    "lstm_activations": (lambda: LSTM(5, activation="relu", recurrent_activation="hard_sigmoid", use_bias=False),
                         (4, 6, 3)),
    "lstm_implementation_1": (lambda: LSTM(5, implementation=1, return_sequences=True), (4, 6, 3)),
    "lstm_unroll": (lambda: LSTM(5, unroll=True), (4, 6, 3)),
    "gru": (lambda: GRU(5, return_sequences=True), (4, 6, 3)),
    "gru_reset_before": (lambda: GRU(5, reset_after=False, return_state=True), (4, 6, 3)),
    "simple_rnn": (lambda: SimpleRNN(5, return_sequences=True), (4, 6, 3)),
    "rnn_cell": (lambda: RNN(keras.layers.GRUCell(4)), (4, 6, 3)),
    "rnn_stack": (lambda: RNN([keras.layers.LSTMCell(4), keras.layers.SimpleRNNCell(2)], return_sequences=True),
                  (4, 6, 3)),
    "bidirectional": (lambda: Bidirectional(keras.layers.LSTM(4, return_sequences=True)), (4, 6, 3)),
    "bidirectional_states": (lambda: Bidirectional(keras.layers.GRU(3, return_state=True), merge_mode="sum"),
                             (4, 6, 3)),
    "conv_lstm_1d": (lambda: ConvLSTM1D(2, 3, return_sequences=True), (2, 3, 7, 2)),
    "conv_lstm_2d": (lambda: ConvLSTM2D(2, 3, padding="same"), (2, 3, 5, 5, 2)),
    "conv_lstm_3d": (lambda: ConvLSTM3D(2, 2), (1, 2, 3, 3, 3, 1)),
    "time_distributed_lstm": (lambda: TimeDistributed(keras.layers.LSTM(3)), (2, 3, 4, 2)),
}


@on_tensorflow
@pytest.mark.parametrize("name", sorted(LAYERS))
def test_every_recurrent_layer_runs_compiled_with_plain_keras_numbers(name, compile_now):
    make, shape = LAYERS[name]
    layer = make()
    _calls_match_plain_keras(layer, _data(*shape))
    kinds = compiled_kinds(layer)
    assert kinds["functions"] == 1
    assert kinds["xla"] == (1 if compile_now == "xla" else 0)


@on_tensorflow
def test_both_directions_of_bidirectional_run_in_the_compiled_function(graph_only):
    x = _data(2, 5, 3)
    layer = Bidirectional(keras.layers.LSTM(4))
    layer(x)
    layer(x)
    # One function for the whole layer: the direction layers are not called eagerly.
    assert compiled_kinds(layer)["functions"] == 1
    assert compiled_kinds(layer.forward_layer)["functions"] == 0
    assert compiled_kinds(layer.backward_layer)["functions"] == 0


@on_tensorflow
def test_the_pipe_runs_compiled(graph_only):
    x = _data(4, 6, 3)
    layer = layer_lstm(5, return_sequences=True)
    result = x | layer
    assert compiled_kinds(layer)["functions"] == 1
    _assert_close(result, _plain_twin(layer, x)(x))


@on_tensorflow
def test_return_state_results_stay_named(graph_only):
    result = layer_lstm(3, return_state=True)(_data(2, 4, 3))
    assert result.memory_state.shape == (2, 3) and result.output.shape == (2, 3)


@on_tensorflow
def test_initial_state_is_used(compile_now):
    x, h0, c0 = _data(2, 4, 3), _data(2, 3), _data(3, 2).T.copy()
    layer = LSTM(3)
    got = _calls_match_plain_keras(layer, x, initial_state=[h0, c0])
    assert not np.allclose(got, layer(x))


@on_tensorflow
def test_masks_are_applied_as_plain_keras_does(compile_now):
    x = _data(2, 4, 3)
    mask = np.array([[True, True, False, False], [True, True, True, True]])
    layer = LSTM(3, return_sequences=True)
    _calls_match_plain_keras(layer, x, mask=mask)
    assert compiled_kinds(layer)["functions"] == 1


@on_tensorflow
def test_mask_from_an_embedding_reaches_the_compiled_call(graph_only):
    tokens = np.array([[3, 1, 0, 0], [2, 2, 5, 0]])
    embedding = keras.layers.Embedding(6, 3, mask_zero=True)
    embedded = embedding(tokens)
    layer = GRU(4, return_sequences=True)
    got = layer(embedded)
    want = _plain_twin(layer, embedded)(embedded)
    _assert_close(got, want)
    # The output carries the mask exactly when plain Keras' does (Keras 3.15 sets it; 3.16 no longer does).
    got_mask, want_mask = internals.get_keras_mask(got), internals.get_keras_mask(want)
    assert (got_mask is None) == (want_mask is None)
    if want_mask is not None:
        np.testing.assert_array_equal(np.asarray(got_mask), np.asarray(want_mask))


@on_tensorflow
def test_one_function_serves_every_batch_and_time_size(graph_only):
    layer = LSTM(4)
    for batch, steps in [(2, 3), (5, 7), (1, 11), (8, 2), (3, 3)]:
        x = _data(batch, steps, 6)
        _assert_close(layer(x), _plain_twin(layer, x)(x))
    assert compiled_kinds(layer) == {"functions": 1, "xla": 0, "traces": 1}


@on_tensorflow
def test_new_layers_with_the_same_config_share_the_compiled_function(graph_only):
    x = _data(2, 5, 3)
    layers = [LSTM(7) for _ in range(4)]
    outputs = [layer(x) for layer in layers]
    assert compiled_kinds(layers[0]) == {"functions": 1, "xla": 0, "traces": 1}
    assert not np.allclose(outputs[0], outputs[1])  # each with its own weights
    _assert_close(outputs[3], _plain_twin(layers[3], x)(x))


@on_tensorflow
def test_updated_weights_are_picked_up(compile_now):
    x = _data(2, 5, 3)
    layer = LSTM(4)
    before = [layer(x) for _ in range(3)][-1]
    layer.set_weights([w * 0.5 for w in layer.get_weights()])
    after = layer(x)
    assert not np.allclose(before, after)
    _assert_close(after, _plain_twin(layer, x)(x))


@on_tensorflow
def test_training_dropout_matches_plain_keras_draw_for_draw(compile_now):
    x = _data(3, 5, 4)
    layer = GRU(6, dropout=0.5, recurrent_dropout=0.3, seed=11)
    layer.build(x.shape)
    twin = keras.layers.GRU.from_config(layer.get_config())  # same seed: the same seed-generator state
    twin.build(x.shape)
    twin.set_weights(layer.get_weights())
    draws = []
    for _ in range(3):
        draws.append(layer(x, training=True))
        _assert_close(draws[-1], twin(x, training=True))
    assert not np.allclose(draws[0], draws[1])  # fresh dropout on each call
    assert compiled_kinds(layer)["xla"] == 0  # XLA draws other random numbers: training never uses it


@on_tensorflow
def test_stateful_layer_carries_its_states_like_plain_keras(compile_now):
    x = _data(2, 3, 4)
    layer = LSTM(5, stateful=True)
    layer(x)
    twin = _plain_twin(layer, x)
    twin.reset_state()
    layer.reset_states()
    for _ in range(3):
        _assert_close(layer(x), twin(x))
    _assert_close(layer.states, twin.states)
    assert compiled_kinds(layer)["functions"] == 1


@on_tensorflow
def test_gradients_flow_to_the_variables_and_the_input(graph_only):
    x = tf.constant(_data(3, 4, 2))
    layer = Bidirectional(keras.layers.LSTM(3, return_sequences=True))
    layer(x)
    twin = _plain_twin(layer, x)
    gradients = []
    for model in (layer, twin):
        with tf.GradientTape() as tape:
            tape.watch(x)
            loss = tf.reduce_sum(model(x) ** 2)
        gradients.append(tape.gradient(loss, [x, *[v.value for v in model.trainable_variables]]))
    assert compiled_kinds(layer)["functions"] >= 1
    assert all(g is not None for g in gradients[0])
    _assert_close(gradients[0], gradients[1])


@on_tensorflow
def test_nested_eager_calls_run_compiled_with_the_outer_training_value(graph_only):
    inputs = keras_input((4, 3))
    model = keras_model(inputs, inputs | layer_lstm(3, dropout=0.5, seed=3, return_sequences=True) | layer_lstm(2))
    x = _data(2, 4, 3)
    plain = keras.models.clone_model(model, clone_function=lambda layer: keras.layers.LSTM.from_config(
        layer.get_config()) if isinstance(layer, LSTM) else layer)
    plain.set_weights(model.get_weights())
    _assert_close(model(x), plain(x))
    _assert_close(model(x, training=True), plain(x, training=True))
    assert compiled_kinds(model.layers[1])["functions"] >= 1


@on_tensorflow
def test_float64_and_numpy_inputs_are_cast_as_keras_casts_them(graph_only):
    x64 = tf.constant(_data(2, 4, 8, dtype="float64"))
    layer = layer_lstm(8)
    got = layer(x64)
    assert got.dtype == tf.float32
    _assert_close(got, _plain_twin(layer, x64)(x64))
    _assert_close(layer(_data(2, 4, 8, dtype="float64")), got)


@on_tensorflow
def test_mixed_precision_calls_match_plain_keras(graph_only):
    x = _data(2, 4, 3)
    layer = GRU(4, dtype="mixed_float16")
    got = [layer(x) for _ in range(2)][-1]
    twin = _plain_twin(layer, x)
    assert got.dtype == tf.float16
    np.testing.assert_allclose(np.asarray(got, "float32"), np.asarray(twin(x), "float32"), atol=1e-3)
    assert compiled_kinds(layer)["functions"] == 1


@on_tensorflow
def test_python_function_activation_runs_as_plain_keras(graph_only):
    x = _data(2, 4, 3)
    layer = LSTM(3, activation=lambda t: t * keras.ops.sigmoid(t))
    got = layer(x)
    twin = keras.layers.LSTM(3, activation=layer.cell.activation)
    twin(x)
    twin.set_weights(layer.get_weights())
    _assert_close(got, twin(x))
    assert compiled_kinds(layer)["functions"] == 0  # fails closed: not a Keras activation


@on_tensorflow
def test_python_function_initializer_builds_and_compiles(graph_only):
    def ones(shape, dtype=None):
        return keras.ops.ones(shape, dtype=dtype) * 0.1

    x = _data(2, 4, 3)
    layer = GRU(3, kernel_initializer=ones)
    got = [layer(x) for _ in range(2)][-1]
    twin = keras.layers.GRU(3, kernel_initializer=ones)  # (Keras' from_config cannot rebuild this config)
    twin(x)
    twin.set_weights(layer.get_weights())
    _assert_close(got, twin(x))
    assert compiled_kinds(layer)["functions"] == 1


@on_tensorflow
def test_custom_cell_runs_as_plain_keras(graph_only):
    class Doubling(keras.layers.Layer):
        state_size = 3

        def build(self, input_shape):
            self.kernel = self.add_weight(shape=(input_shape[-1], 3))

        def call(self, inputs, states):
            output = keras.ops.matmul(inputs, self.kernel) + 2 * states[0]
            return output, [output]

    x = _data(2, 4, 3)
    layer = RNN(Doubling())
    got = layer(x)
    assert compiled_kinds(layer)["functions"] == 0
    plain = keras.layers.RNN(layer.cell)
    _assert_close(got, plain(x))


@on_tensorflow
def test_symbolic_calls_and_calls_inside_tf_function_are_untouched(graph_only):
    inputs = keras_input((4, 3))
    layer = LSTM(2)
    outputs = layer(inputs)
    assert isinstance(outputs, keras.KerasTensor)
    x = _data(2, 4, 3)
    got = tf.function(lambda t: layer(t))(x)
    assert compiled_kinds(layer)["functions"] == 0
    _assert_close(got, _plain_twin(layer, x)(x))
    assert keras_model(inputs, outputs).predict(x, verbose=0).shape == (2, 2)


@on_tensorflow
def test_frozen_layer_uses_its_own_weights(graph_only):
    x = _data(2, 5, 3)
    layer = LSTM(4)
    layer(x)
    layer.trainable = False
    layer.set_weights([w + 0.1 for w in layer.get_weights()])
    _assert_close(layer(x), _plain_twin(layer, x)(x))


@on_tensorflow
def test_wrong_feature_size_is_a_clear_error(graph_only):
    layer = layer_lstm(3)
    layer(_data(2, 4, 3))
    with pytest.raises(ValueError, match=r"`inputs` to layer '.*' must have 3 features \(last axis\), as when the "
                       r"layer was built; received shape \(2, 4, 5\)\."):
        layer(_data(2, 4, 5))


# -- the policy: compile only once plain Keras has spent the compile cost ------------------


class _FakeClock:
    """Every reading is ``step`` seconds after the previous one: each plain or
    compiled call measures ``step`` seconds."""

    def __init__(self, step):
        self.now, self.step = 0.0, step

    def perf_counter(self):
        self.now += self.step
        return self.now


@pytest.fixture
def clock(monkeypatch):
    eager.forget_compiled()
    fake = _FakeClock(step=0.1)
    monkeypatch.setattr(eager, "time", fake)
    monkeypatch.setattr(eager.COSTS, "frozen", True)
    monkeypatch.setattr(eager.COSTS, "trace", 0.25)
    monkeypatch.setattr(eager.COSTS, "xla", 0.12)
    monkeypatch.setattr(eager.COSTS, "xla_ratio", 0.5)
    monkeypatch.setattr(eager, "MAX_XLA_SHAPES", 10**6)
    return fake


@on_tensorflow
def test_plain_keras_runs_until_it_has_spent_the_trace_cost(clock):
    x = _data(2, 4, 3)
    layer = LSTM(3)
    for call in range(1, 4):  # 0.1 s each: 0.3 s >= 0.25 s after the third
        layer(x)
        assert compiled_kinds(layer)["functions"] == 0, call
    layer(x)
    assert compiled_kinds(layer)["functions"] == 1


@on_tensorflow
def test_xla_only_once_a_shape_has_repeated_enough(clock):
    layer = LSTM(3)
    for _ in range(4):
        layer(_data(2, 4, 3))  # three plain calls, then the graph function
    # Graph calls at (2, 4, 3): 0.1 s each, XLA would save half: 0.12 s after three.
    layer(_data(5, 4, 3))  # another shape: its own account
    for _ in range(2):
        layer(_data(2, 4, 3))
    assert compiled_kinds(layer)["xla"] == 0
    layer(_data(2, 4, 3))  # third graph call of this shape
    layer(_data(2, 4, 3))  # compiles XLA
    assert compiled_kinds(layer)["xla"] == 1


@on_tensorflow
def test_configs_seen_a_few_times_never_compile(clock):
    x = _data(2, 4, 3)
    for _ in range(2):
        for units in range(1, 21):
            layer_lstm(units)(x)
    assert all(compiled_kinds(layer_lstm(units))["functions"] == 0 for units in range(1, 21))


@on_tensorflow
def test_compiled_functions_are_bounded(graph_only, monkeypatch):
    monkeypatch.setattr(eager, "MAX_FUNCTIONS", 4)
    x = _data(2, 3, 2)
    layers = [LSTM(units) for units in range(1, 9)]
    for layer in layers:
        layer(x)
    assert [compiled_kinds(layer)["functions"] for layer in layers] == [0] * 4 + [1] * 4
    # An evicted kind of call earns its compile again (here at once) and still has Keras' numbers.
    _assert_close(layers[0](x), _plain_twin(layers[0], x)(x))


@on_tensorflow
def test_xla_compilations_are_bounded(monkeypatch):
    _costs(monkeypatch, trace=0.0, xla=0.0)
    monkeypatch.setattr(eager, "MAX_XLA_SHAPES", 0)
    layer = LSTM(3)
    for _ in range(3):
        layer(_data(2, 4, 3))
    assert compiled_kinds(layer) == {"functions": 1, "xla": 0, "traces": 1}


# -- JAX: eager calls are jax.jit-compiled ----------------------------------------------------

def _jax_data(*shape):
    return jax.numpy.asarray(_data(*shape))


@pytest.fixture
def jit_now(monkeypatch):
    """Compile on the first call."""
    eager.forget_compiled()
    monkeypatch.setattr(eager.COSTS, "jit", 0.0)
    monkeypatch.setattr(eager.COSTS, "frozen", True)


def _plain_twin_built_for(layer, x):
    """The plain Keras layer with the same config and weights, built (not called) for ``x``'s shape."""
    keras_class = next(c for c in type(layer).__mro__ if c.__module__.startswith("keras."))
    twin = keras_class.from_config(layer.get_config())
    twin.build(x.shape)
    twin.set_weights(layer.get_weights())
    return twin


JAX_LAYERS = {
    "lstm": (lambda: LSTM(5, return_sequences=True, return_state=True), (4, 6, 3)),
    "gru": (lambda: GRU(5, go_backwards=True), (4, 6, 3)),
    "simple_rnn": (lambda: SimpleRNN(4), (4, 6, 3)),
    "rnn_stack": (lambda: RNN([keras.layers.LSTMCell(4), keras.layers.GRUCell(2)]), (4, 6, 3)),
    "bidirectional": (lambda: Bidirectional(keras.layers.LSTM(3, return_sequences=True)), (4, 6, 3)),
    "conv_lstm_2d": (lambda: ConvLSTM2D(2, 3), (2, 3, 5, 5, 2)),
}


@on_jax
@pytest.mark.parametrize("name", sorted(JAX_LAYERS))
def test_eager_calls_are_jitted_with_plain_keras_numbers(name, jit_now):
    make, shape = JAX_LAYERS[name]
    layer, x = make(), _jax_data(*shape)
    layer(x)
    got = layer(x)
    assert compiled_kinds(layer)["functions"] == 1
    _assert_close(got, _plain_twin_built_for(layer, x)(x))


@on_jax
def test_each_shape_is_its_own_compiled_call(jit_now):
    layer = LSTM(4)
    for batch, steps in [(2, 3), (5, 7), (2, 3)]:
        x = _jax_data(batch, steps, 6)
        _assert_close(layer(x), _plain_twin_built_for(layer, x)(x))
    assert compiled_kinds(layer)["functions"] == 2


@on_jax
def test_training_dropout_matches_plain_keras_draw_for_draw_when_jitted(jit_now):
    x = _jax_data(3, 5, 4)
    layer = GRU(6, dropout=0.5, recurrent_dropout=0.3, seed=11)
    layer.build(x.shape)
    twin = _plain_twin_built_for(layer, x)
    draws = [layer(x, training=True) for _ in range(3)]
    for draw in draws:
        _assert_close(draw, twin(x, training=True))
    assert not np.allclose(draws[0], draws[1])


@on_jax
def test_stateful_layer_carries_its_states(jit_now):
    x = _jax_data(2, 3, 4)
    layer = LSTM(5, stateful=True)
    layer(x)
    layer.reset_states()
    twin = _plain_twin_built_for(layer, x)
    twin.reset_state()
    for _ in range(3):
        _assert_close(layer(x), twin(x))
    _assert_close(layer.states, twin.states)


@on_jax
def test_calls_inside_jax_jit_and_grad_are_untouched(jit_now):
    x = _jax_data(2, 4, 3)
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
    twin = _plain_twin_built_for(layer, x)
    _assert_close(jitted, twin(x))
    assert all(np.isfinite(np.asarray(g)).all() for g in gradients)


@on_jax
def test_python_function_activation_runs_as_plain_keras_when_jitted(jit_now):
    x = _jax_data(2, 4, 3)
    layer = LSTM(3, activation=lambda t: t * keras.ops.sigmoid(t))
    layer(x)
    layer(x)
    assert compiled_kinds(layer)["functions"] == 0
