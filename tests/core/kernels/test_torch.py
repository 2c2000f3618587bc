"""LSTM and GRU on torch's fused kernels (kerasfn.core.kernels.torch), PyTorch backend.

Expected values are plain ``keras.layers.LSTM``/``GRU`` with the same weights
(forward and gradients, 1e-5).  Whether the fused kernel ran is observed by
wrapping ``torch.lstm``/``torch.gru``, never by timing.
"""

import keras
import numpy as np
import pytest

if keras.backend.backend() != "torch":
    # Skipped before the imports below: kerasfn.core.kernels.torch imports torch, which takes seconds
    pytest.skip("about the PyTorch backend (run with KERAS_BACKEND=torch)", allow_module_level=True)
import torch  # noqa: E402  (installed wherever it is Keras' backend)

from kerasfn.core.lstm import LSTM  # noqa: E402
from kerasfn.core.kernels.torch import FusedTorchRNN, fused_supported, torch_call  # noqa: E402

TOL = dict(rtol=1e-5, atol=1e-5)


class GRU(FusedTorchRNN, keras.layers.GRU):
    """A GRU class with the mixin, as kerasfn's GRU core applies it."""


PLAIN = {LSTM: keras.layers.LSTM, GRU: keras.layers.GRU}


@pytest.fixture
def kernel_calls(monkeypatch):
    """Counts calls of torch's fused LSTM and GRU kernels."""
    calls = {"lstm": 0, "gru": 0}
    for name in calls:
        original = getattr(torch, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            calls[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(torch, name, counted)
    return calls


def _x(shape=(4, 7, 3), seed=0):
    return np.random.default_rng(seed).normal(size=shape).astype("float32")


def _pair(cls, units=5, input_shape=(4, 7, 3), **kwargs):
    """A fused layer and a plain Keras layer with the same (non-trivial) weights."""
    fused, plain = cls(units, **kwargs), PLAIN[cls](units, **kwargs)
    fused.build(input_shape)
    plain.build(input_shape)
    rng = np.random.default_rng(1)
    weights = [rng.normal(scale=0.5, size=w.shape).astype("float32") for w in plain.get_weights()]
    fused.set_weights(weights)
    plain.set_weights(weights)
    return fused, plain


def _as_list(outputs):
    return list(outputs) if isinstance(outputs, (list, tuple)) else [outputs]


def _outputs_and_gradients(layer, x, **kwargs):
    x = torch.tensor(x, requires_grad=True)
    outputs = _as_list(layer(x, **kwargs))
    loss = sum((o * torch.linspace(-1, 1, o.shape[-1])).sum() for o in outputs)
    grads = torch.autograd.grad(loss, [v.value for v in layer.trainable_weights] + [x])
    return [o.detach().numpy() for o in outputs], [g.numpy() for g in grads]


def _assert_parity(fused, plain, x, **kwargs):
    fused_out, fused_grads = _outputs_and_gradients(fused, x, **kwargs)
    plain_out, plain_grads = _outputs_and_gradients(plain, x, **kwargs)
    assert [o.shape for o in fused_out] == [o.shape for o in plain_out]
    for got, expected in zip(fused_out + fused_grads, plain_out + plain_grads):
        np.testing.assert_allclose(got, expected, **TOL)


CONFIGS = [
    {},
    {"return_sequences": True},
    {"return_state": True},
    {"return_sequences": True, "return_state": True, "go_backwards": True},
    {"use_bias": False, "return_sequences": True},
]


@pytest.mark.parametrize("cls", [LSTM, GRU], ids=["lstm", "gru"])
@pytest.mark.parametrize("config", CONFIGS, ids=str)
def test_fused_kernel_has_keras_numbers_and_gradients(cls, config, kernel_calls):
    fused, plain = _pair(cls, **config)
    _assert_parity(fused, plain, _x())
    assert kernel_calls[cls.__name__.lower()] == 1


@pytest.mark.parametrize("cls", [LSTM, GRU], ids=["lstm", "gru"])
def test_initial_state_is_used_and_gets_gradients(cls, kernel_calls):
    fused, plain = _pair(cls, return_state=True)
    states = [np.random.default_rng(s).normal(size=(4, 5)).astype("float32") for s in range(2 if cls is LSTM else 1)]

    def run(layer):
        tensors = [torch.tensor(s, requires_grad=True) for s in states]
        outputs = layer(torch.tensor(_x()), initial_state=tensors)
        grads = torch.autograd.grad(sum(o.sum() for o in outputs), tensors)
        return [o.detach().numpy() for o in outputs] + [g.numpy() for g in grads]

    for got, expected in zip(run(fused), run(plain)):
        np.testing.assert_allclose(got, expected, **TOL)
    assert kernel_calls[cls.__name__.lower()] == 1


@pytest.mark.parametrize("cls", [LSTM, GRU], ids=["lstm", "gru"])
def test_stateful_layers_carry_states_through_the_fused_kernel(cls, kernel_calls):
    fused, plain = _pair(cls, stateful=True)
    for seed in range(3):
        x = torch.tensor(_x(seed=seed))
        np.testing.assert_allclose(fused(x).detach().numpy(), plain(x).detach().numpy(), **TOL)
    for mine, keras_state in zip(fused.states, plain.states):
        np.testing.assert_allclose(keras.ops.convert_to_numpy(mine), keras.ops.convert_to_numpy(keras_state), **TOL)
    assert kernel_calls[cls.__name__.lower()] == 3


@pytest.mark.parametrize("cls", [LSTM, GRU], ids=["lstm", "gru"])
def test_input_dropout_in_training_draws_keras_masks(cls, kernel_calls):
    fused, plain = _pair(cls, dropout=0.4, seed=7, return_sequences=True)
    _assert_parity(fused, plain, _x(), training=True)
    assert kernel_calls[cls.__name__.lower()] == 1


def _custom_tanh(x):
    return keras.ops.tanh(x)


FALLBACKS = [
    ("python-function activation", {"activation": _custom_tanh}),
    ("relu activation", {"activation": "relu"}),
    ("hard_sigmoid recurrent_activation", {"recurrent_activation": "hard_sigmoid"}),
    ("recurrent_dropout", {"recurrent_dropout": 0.3, "seed": 3}),
    ("unroll", {"unroll": True}),
    ("use_cudnn=False", {"use_cudnn": False}),
    ("float64", {"dtype": "float64"}),
    ("mixed precision", {"dtype": "mixed_bfloat16"}),
]


@pytest.mark.parametrize("cls", [LSTM, GRU], ids=["lstm", "gru"])
@pytest.mark.parametrize("why, config", FALLBACKS, ids=[f[0] for f in FALLBACKS])
def test_unsupported_configs_run_through_keras(cls, why, config, kernel_calls):
    fused, plain = _pair(cls, return_sequences=True, **config)
    assert not fused_supported(fused)
    x = _x().astype(fused.compute_dtype if fused.compute_dtype != "bfloat16" else "float32")
    training = "recurrent_dropout" in config
    tol = dict(rtol=1e-2, atol=1e-2) if config.get("dtype") == "mixed_bfloat16" else TOL
    got, expected = fused(torch.tensor(x), training=training), plain(torch.tensor(x), training=training)
    np.testing.assert_allclose(got.detach().float().numpy(), expected.detach().float().numpy(), **tol)
    assert kernel_calls == {"lstm": 0, "gru": 0}
    assert torch_call(fused, torch.tensor(x), {}) is None


def test_gru_reset_after_false_runs_through_keras(kernel_calls):
    fused, plain = _pair(GRU, reset_after=False)
    assert not fused_supported(fused)
    _assert_parity(fused, plain, _x())
    assert kernel_calls["gru"] == 0


@pytest.mark.parametrize("cls", [LSTM, GRU], ids=["lstm", "gru"])
def test_masked_inputs_run_through_keras(cls, kernel_calls):
    x = _x()
    x[:, 5:, :] = 0.0
    fused, plain = _pair(cls)
    masking = keras.layers.Masking(0.0)
    got, expected = fused(masking(torch.tensor(x))), plain(masking(torch.tensor(x)))
    np.testing.assert_allclose(got.detach().numpy(), expected.detach().numpy(), **TOL)
    assert kernel_calls[cls.__name__.lower()] == 0


@pytest.mark.parametrize("cls", [LSTM, GRU], ids=["lstm", "gru"])
@pytest.mark.parametrize("config", [{"return_state": True}, {"return_sequences": True}], ids=str)
def test_torch_call_returns_what_keras_returns(cls, config, kernel_calls):
    fused, plain = _pair(cls, **config)
    x = torch.tensor(_x())
    got, expected = torch_call(fused, x, {"training": False, "mask": None}), plain(x)
    assert type(got) is type(expected)
    got, expected = _as_list(got), _as_list(expected)
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        np.testing.assert_allclose(g.detach().numpy(), e.detach().numpy(), **TOL)
    assert kernel_calls[cls.__name__.lower()] == 1


@pytest.mark.parametrize(
    "why, layer_kwargs, call_kwargs",
    [
        ("stateful", {"stateful": True}, {}),
        ("dropout, training not False", {"dropout": 0.2}, {}),
        ("dropout in training", {"dropout": 0.2}, {"training": True}),
        ("a mask argument", {}, {"mask": np.ones((4, 7), dtype=bool)}),
        ("unknown call argument", {}, {"constants": None}),
        ("activity regularizer", {"activity_regularizer": "l2"}, {}),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_torch_call_declines_what_it_cannot_run_directly(why, layer_kwargs, call_kwargs):
    fused, _ = _pair(LSTM, **layer_kwargs)
    assert torch_call(fused, torch.tensor(_x()), call_kwargs) is None


def test_torch_call_declines_unbuilt_layers_masks_and_other_dtypes():
    layer = LSTM(5)
    assert torch_call(layer, torch.tensor(_x()), {}) is None  # Keras builds it
    layer(_x())
    masked = keras.layers.Masking(0.0)(torch.tensor(_x()))
    assert torch_call(layer, masked, {}) is None
    assert torch_call(layer, torch.tensor(_x()).double(), {}) is None
    assert torch_call(layer, _x().tolist(), {}) is None
    assert torch_call(keras.layers.SimpleRNN(5), torch.tensor(_x()), {}) is None


def test_fit_trains_on_the_fused_kernel_with_keras_losses(kernel_calls):
    x, y = _x((32, 6, 3)), np.random.default_rng(2).normal(size=(32, 1)).astype("float32")

    def model(lstm):
        keras.utils.set_random_seed(5)
        m = keras.Sequential([keras.Input((6, 3)), lstm(8, return_sequences=True), GRU(4) if lstm is LSTM else keras.layers.GRU(4), keras.layers.Dense(1)])
        m.compile(optimizer="adam", loss="mse")
        return m

    fused, plain = model(LSTM), model(keras.layers.LSTM)
    plain.set_weights(fused.get_weights())
    fused_history = fused.fit(x, y, batch_size=8, epochs=3, shuffle=False, verbose=0).history["loss"]
    assert kernel_calls["lstm"] > 0 and kernel_calls["gru"] > 0
    plain_history = plain.fit(x, y, batch_size=8, epochs=3, shuffle=False, verbose=0).history["loss"]
    np.testing.assert_allclose(fused_history, plain_history, rtol=1e-5)
    for got, expected in zip(fused.get_weights(), plain.get_weights()):
        np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("cls", [LSTM, GRU], ids=["lstm", "gru"])
def test_stateful_layers_train_batch_after_batch(cls, kernel_calls):
    """Plain Keras cannot train a stateful LSTM/GRU on PyTorch (it assigns the states in place after the
    forward pass that saved them for backward).  The fused kernel can; the reference is a plain Keras model
    that takes the carried states as inputs, with the same weights: a stateful layer's states are constants
    for the gradient, so each batch's loss and update are that model's."""
    batch, steps, units = 2, 5, 4
    n_states = 2 if cls is LSTM else 1
    x = _x((4, batch, steps, 1))
    y = np.random.default_rng(3).normal(size=(4, batch, steps, 1)).astype("float32")

    stateful = keras.Sequential([keras.Input(batch_shape=(batch, steps, 1)),
                                 cls(units, stateful=True, return_sequences=True), keras.layers.Dense(1)])
    sequence, *state_inputs = [keras.Input(batch_shape=(batch, steps, 1))] + [
        keras.Input(batch_shape=(batch, units)) for _ in range(n_states)]
    hidden = PLAIN[cls](units, return_sequences=True)(sequence, initial_state=state_inputs)
    reference = keras.Model([sequence, *state_inputs], keras.layers.Dense(1)(hidden))
    reference.set_weights(stateful.get_weights())
    stateful.compile(optimizer="sgd", loss="mse")
    reference.compile(optimizer="sgd", loss="mse")

    layer = stateful.layers[0]
    for piece_x, piece_y in zip(x, y):
        carried = [keras.ops.convert_to_numpy(state) for state in layer.states]
        got = stateful.train_on_batch(piece_x, piece_y)
        expected = reference.train_on_batch([piece_x, *carried], piece_y)
        np.testing.assert_allclose(got, expected, **TOL)
    assert any(np.abs(keras.ops.convert_to_numpy(state)).sum() > 0 for state in layer.states)
    for got, expected in zip(stateful.get_weights(), reference.get_weights()):
        np.testing.assert_allclose(got, expected, **TOL)
    assert kernel_calls[cls.__name__.lower()] >= 4


class FusedLSTM(FusedTorchRNN, keras.layers.LSTM):
    """Keras' LSTM class with the mixin alone: TorchDynamo traces its whole call down to the recurrence."""


def test_torch_compile_default_backend_runs_keras_loop_inside_compiled_code():
    """torch.compile's default backend (inductor) cannot lower torch's fused CPU LSTM kernel (it fails with
    "expected Tensor() for op: torch.ops.aten.mkldnn_rnn_layer.default"); traced code takes Keras' loop,
    with Keras' numbers.  Small sizes: inductor generates and compiles C++ for every time step."""
    x = torch.tensor(_x((2, 3, 2)))
    fused, plain = FusedLSTM(3), keras.layers.LSTM(3)
    fused.build(x.shape)
    plain.build(x.shape)
    plain.set_weights(fused.get_weights())
    compiled = torch.compile(lambda a: a | fused)
    np.testing.assert_allclose(compiled(x).detach().numpy(), plain(x).detach().numpy(), **TOL)
    # Eager calls outside the compiled function still take the fused kernel.
    assert fused_supported(fused)
