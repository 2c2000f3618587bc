"""kerasfn.base_r.frames: data frames, and ``as.data.frame()`` of a training history as R keras3
gives it (R's run recorded, a real fit, an early-stopped one).

A case is (R expression, the Python port, what R printed): every expected value is what R 4 printed
for the R expression, run with ``Rscript``; the Python side prints the value with
:func:`kerasfn.base_r.print_` (or runs ``cat``), so a case checks the function and R's printed form
together."""

from __future__ import annotations

import math

import numpy as np
import pytest

from kerasfn.base_r import (
    as_data_frame,
    class_,
    data_frame,
    names,
    nrow,
)

R_CASES = [
    ('data.frame(a = 1:3, b = c("x", "y", "z"))', lambda: data_frame(a=np.arange(1, 4), b=["x", "y", "z"]),
     '  a b\n1 1 x\n2 2 y\n3 3 z'),
    ('data.frame(x = c(1.5, 2), y = c(TRUE, FALSE))', lambda: data_frame(x=[1.5, 2.0], y=[True, False]),
     '    x     y\n1 1.5  TRUE\n2 2.0 FALSE'),
    ('data.frame(a = 1:2, b = 3)', lambda: data_frame(a=np.arange(1, 3), b=3.0),
     '  a b\n1 1 3\n2 2 3'),
    ('data.frame(v = c(0.123456, 10))', lambda: data_frame(v=[0.123456, 10.0]),
     '          v\n1  0.123456\n2 10.000000'),
    ('print(data.frame(name = c("a", "bb"), score = c(0.5, 10), ok = c(TRUE, FALSE)))', lambda: data_frame(name=["a", "bb"], score=[0.5, 10.0], ok=[True, False]),
     '  name score    ok\n1    a   0.5  TRUE\n2   bb  10.0 FALSE'),
]


@pytest.mark.parametrize(("r_expression", "port", "r_output"), R_CASES, ids=[c[0] for c in R_CASES])
def test_prints_what_r_prints(r_expression, port, r_output, printed_by_port):
    assert printed_by_port(r_expression, port) == r_output


# R keras3: as.data.frame(history) of fit(x, y, epochs = 3, validation_split = 0.2) with metrics = "mae"
R_HISTORY_FRAME = """\
   epoch     value metric       data
1      1 0.4861411   loss   training
2      2 0.4752500   loss   training
3      3 0.4649424   loss   training
4      1 0.5417259    mae   training
5      2 0.5346227    mae   training
6      3 0.5277175    mae   training
7      1 0.8240875   loss validation
8      2 0.8053890   loss validation
9      3 0.7875352   loss validation
10     1 0.7268846    mae validation
11     2 0.7193412    mae validation
12     3 0.7120004    mae validation"""


class _RecordedHistory:
    """The two fields of a Keras History that R's as.data.frame() reads, holding R's run."""

    history = {"loss": [0.4861411, 0.47525, 0.4649424], "mae": [0.5417259, 0.5346227, 0.5277175],
               "val_loss": [0.8240875, 0.805389, 0.7875352], "val_mae": [0.7268846, 0.7193412, 0.7120004]}
    params = {"epochs": 3}


def test_history_data_frame_prints_as_r_keras3():
    frame = as_data_frame(_RecordedHistory())
    assert str(frame) == R_HISTORY_FRAME
    # R: str(df): epoch int, value num, metric Factor w/ 2 levels "loss","mae", data Factor "training","validation"
    assert frame["epoch"].dtype.kind == "i" and frame["value"].dtype == np.float64
    assert frame["metric"].levels == ["loss", "mae"] and frame["data"].levels == ["training", "validation"]
    assert list(frame["metric"].codes) == [1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2]  # R: as.integer(df$metric)
    assert class_(frame) == "data.frame" and nrow(frame) == 12 and list(names(frame)) == ["epoch", "value",
                                                                                          "metric", "data"]


def test_history_data_frame_of_a_real_fit():
    import keras

    from kerasfn import compile, fit, keras_model_sequential, layer_dense

    model = keras_model_sequential(input_shape=2) | layer_dense(1)
    model | compile(loss="mse", metrics="mae", optimizer="sgd")
    x = np.random.default_rng(0).uniform(size=(20, 2)).astype("float32")
    history = model | fit(x, x[:, 0], epochs=2, verbose=0)
    frame = as_data_frame(history)
    assert isinstance(history, keras.callbacks.History)
    # R: str(as.data.frame(h2)) for epochs = 2 without validation:
    #   $ epoch : int  1 2 1 2 / $ metric: Factor w/ 2 levels "loss","mae": 1 1 2 2
    #   $ data  : Factor w/ 2 levels "training","validation": 1 1 1 1
    assert list(frame["epoch"]) == [1, 2, 1, 2]
    assert list(frame["metric"].labels()) == ["loss", "loss", "mae", "mae"]
    assert list(frame["data"].labels()) == ["training"] * 4
    assert frame["data"].levels == ["training", "validation"]
    np.testing.assert_allclose(frame["value"], history.history["loss"] + history.history["mae"])


def test_early_stopped_history_pads_missing_epochs():
    class Stopped:
        history = {"loss": [0.5, 0.25]}
        params = {"epochs": 3}

    frame = as_data_frame(Stopped())
    assert list(frame["epoch"]) == [1, 2, 3]
    assert math.isnan(frame["value"][2])  # R: rep_len(NA, pad) for the epochs not run
