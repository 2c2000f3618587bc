"""Issue 8 (12): a failed pipe into a Sequential model leaves it as it was, from every point where it can fail.

A pipe ``model | layer`` can fail (a) declaring the model's input from the
first layer's ``input_shape``, (b) building the model when the first layer
is added (after the input layer went in), (c) calling the new layer on the
built graph, (d) after the layer is in the model's list, while the extended
graph is made.  A chain of pipes is a chain of calls: the steps before the
failing one stay, as in R, where each ``|>`` step changed the model in place.
Each scenario also runs with the restore switched off, to show the check
would catch a broken restore.
"""

import numpy as np
import pytest

from kerasfn import as_array, keras_model_sequential, layer_dense, layer_lambda, layer_lstm

from kerasfn.rcall import internals

X = np.random.default_rng(8).random((3, 5, 4)).astype("float32")


def _state(model):
    """Everything a failed pipe could change."""
    built = model.built
    return {
        "layers": list(model.layers),
        "built": built,
        "outputs": model.outputs and [tuple(o.shape) for o in model.outputs] if built else None,
        "weights": [w.copy() for w in model.get_weights()],
        "prediction": as_array(model(X)) if built else None,
    }


def _assert_same(before, model):
    after = _state(model)
    assert after["layers"] == before["layers"]
    assert after["built"] == before["built"]
    assert after["outputs"] == before["outputs"]
    for old, new in zip(before["weights"], after["weights"], strict=True):
        np.testing.assert_array_equal(old, new)
    if before["prediction"] is not None:
        np.testing.assert_array_equal(after["prediction"], before["prediction"])


def _empty():
    return keras_model_sequential()


def _built():
    return keras_model_sequential(input_shape=(5, 4)) | layer_lstm(3, return_sequences=True)


def _failing_graph(monkeypatch):
    """Point (d): the layer is in the model's list when making the extended graph fails."""
    from kerasfn.rcall import dispatch

    def fail(*args, **kwargs):
        raise RuntimeError("graph construction failed")

    monkeypatch.setattr(dispatch.keras, "Model", fail)


#: name: (model, failing pipe, error, whether the model had changed when it failed, set-up)
SCENARIOS = {
    # (a) the input declaration is checked before anything changes
    "input declaration": (_empty, lambda m: m | layer_dense(2, input_shape=(5, -4)), ValueError, False, None),
    # (b) the input layer goes in, then the first layer cannot be built on it
    "first build": (_empty, lambda m: m | layer_lstm(2, input_shape=(5,)), ValueError, True, None),
    # (c) calling the new layer on the built graph fails
    "layer call": (_built, lambda m: m | layer_lstm(2), ValueError, False, lambda m, mp: m | layer_dense(2) | layer_lstm(2)),
    # (d) the layer is in the list when the new graph is made
    "graph rebuild": (_built, lambda m: m | layer_dense(2), RuntimeError, True, lambda m, mp: _failing_graph(mp)),
}


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_failed_pipe_changes_nothing(name, monkeypatch):
    make, pipe, error, _, set_up = SCENARIOS[name]
    model = make()
    if set_up:
        set_up(model, monkeypatch)
    before = _state(model)
    with pytest.raises(error):
        pipe(model)
    _assert_same(before, model)
    monkeypatch.undo()
    model | layer_dense(1, input_shape=(5, 4))  # and the model goes on working
    assert model.output_shape[-1] == 1


def test_a_chain_keeps_the_steps_that_succeeded():
    model = _built()
    with pytest.raises(ValueError):
        model | layer_dense(2) | layer_lstm(2) | layer_lstm(2)  # the last LSTM gets a 2-D input
    assert [type(layer).__name__ for layer in model.layers] == ["LSTM", "Dense", "LSTM"]
    assert model.output_shape == (None, 2)


@pytest.mark.parametrize("name", [name for name, scenario in SCENARIOS.items() if scenario[3]])
def test_the_checks_catch_a_broken_restore(name, monkeypatch):
    make, pipe, error, _, set_up = SCENARIOS[name]
    model = make()
    if set_up:
        set_up(model, monkeypatch)
    before = _state(model)
    monkeypatch.setattr(internals, "restore_sequential", lambda model, saved: None)
    with pytest.raises(error):
        pipe(model)
    with pytest.raises(AssertionError):
        _assert_same(before, model)


def test_lambda_layer_failure_is_rolled_back_too():
    model = _built()
    before = _state(model)
    with pytest.raises(Exception):
        model | layer_lambda(lambda x: x[:, :, :, 0])  # indexes a 4th axis the input does not have
    _assert_same(before, model)


# -- Ctrl-C: an interrupted pipe is undone too ---------------------------------


def _interrupt(*args, **kwargs):
    """What Ctrl-C raises wherever Python happens to be."""
    raise KeyboardInterrupt


def _interrupting_graph(monkeypatch):
    from kerasfn.rcall import dispatch

    monkeypatch.setattr(dispatch.keras, "Model", _interrupt)


def _interrupting_declaration(monkeypatch):
    from kerasfn.rcall import dispatch

    monkeypatch.setattr(dispatch.keras.layers, "InputLayer", _interrupt)


#: name: (model, interrupted pipe, set-up): Ctrl-C at each point the scenarios above fail at
INTERRUPTS = {
    # (a) while the input layer is made from the first layer's input_shape
    "input declaration": (_empty, lambda m: m | layer_dense(2, input_shape=(5, 4)),
                          lambda mp: _interrupting_declaration(mp)),
    # (b) the input layer is in, the first layer is being built (its kernel initialised)
    "first build": (_empty, lambda m: m | layer_dense(2, input_shape=(5, 4), kernel_initializer=_interrupt), None),
    # (c) the new layer is being called on the built graph
    "layer call": (_built, lambda m: m | layer_dense(2, kernel_initializer=_interrupt), None),
    # (d) the layer is in the list when the new graph is made
    "graph rebuild": (_built, lambda m: m | layer_dense(2), lambda mp: _interrupting_graph(mp)),
}


@pytest.mark.parametrize("name", INTERRUPTS)
def test_an_interrupted_pipe_changes_nothing(name, monkeypatch):
    make, pipe, set_up = INTERRUPTS[name]
    model = make()
    if set_up:
        set_up(monkeypatch)
    before = _state(model)
    with pytest.raises(KeyboardInterrupt):
        pipe(model)
    _assert_same(before, model)
    monkeypatch.undo()
    # The next pipe works, and does not run the interrupted layer again.
    model | layer_dense(1, input_shape=(5, 4))
    assert model.output_shape == (None, 5, 1)
    assert len(model.layers) == len(before["layers"]) + 1
