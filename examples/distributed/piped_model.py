"""The model, data and command line shared by the three multi-process examples.

A small sequence model built with kerasfn pipes: an LSTM encoder, a custom
layer whose ``call()`` pipes (an LSTM into a Dense layer), and a Dense head.
Every process builds it from the same seed, so every worker starts from the
same weights.  Replace :func:`training_data` and :func:`build_model` with
your own; the launch scripts stay the same.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile

import keras
import numpy as np

from kerasfn import Layer, compile, keras_input, keras_model, layer_dense, layer_lstm, load_model

#: Samples per training step summed over all workers (each worker gets its share).
GLOBAL_BATCH = 8
EPOCHS = 2


def _initialize(self, units):
    self.units = units
    self.lstm = layer_lstm(units=units)
    self.dense = layer_dense(units=units, activation="tanh")


def _build(self, input_shape):
    self.lstm.build(input_shape)
    self.dense.build((input_shape[0], self.units))


layer_piped_block = Layer(
    "PipedBlock",
    initialize=_initialize,
    build=_build,
    call=lambda self, inputs: inputs | self.lstm | self.dense,
    get_config=lambda self: {**keras.layers.Layer.get_config(self), "units": self.units},
)


def training_data() -> tuple[np.ndarray, np.ndarray]:
    """32 sequences of 6 steps with 3 features, and 2 targets each."""
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, (32, 6, 3)).astype("float32")
    y = rng.uniform(-1, 1, (32, 2)).astype("float32")
    return x, y


def build_model(jit_compile: bool | str = "auto") -> keras.Model:
    """The same initial weights in every process: the seed is set first."""
    keras.utils.set_random_seed(1)
    inputs = keras_input((6, 3))
    outputs = (
        inputs
        | layer_lstm(8, return_sequences=True, name="encoder")
        | layer_piped_block(4, name="block")
        | layer_dense(2, name="head")
    )
    return keras_model(inputs, outputs) | compile(
        optimizer=keras.optimizers.SGD(0.1), loss="mse", jit_compile=jit_compile
    )


def load(path: str) -> keras.Model:
    return load_model(path, custom_objects={"PipedBlock": layer_piped_block.layer_class})


def command_line(description: str, layouts: bool = False) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    if layouts:
        parser.add_argument("--layout", choices=["data", "model"], default="data",
                            help="copy every weight to each device (data) or split chosen kernels (model)")
    parser.add_argument("--save", default="model.keras", help="where the chief worker saves the trained model")
    parser.add_argument("--report", help="folder for a JSON file of this worker's numbers (losses, weights, ...)")
    parser.add_argument("--reload", help="only load this saved model and predict (in a fresh process)")
    return parser.parse_args()


def worker_save_path(path: str, is_chief: bool) -> tuple[str, str | None]:
    """Where this worker saves: the chief to ``path``, the others to a
    temporary folder they delete afterwards (returned second)."""
    if is_chief:
        return path, None
    folder = tempfile.mkdtemp()
    return os.path.join(folder, os.path.basename(path)), folder


def write_report(folder: str | None, name: str, numbers: dict) -> None:
    """Write ``numbers`` as ``folder/name.json`` (atomically), when ``folder`` is given."""
    if folder is None:
        return
    os.makedirs(folder, exist_ok=True)
    partial = os.path.join(folder, f".{name}.json.partial")
    with open(partial, "w") as file:
        json.dump(numbers, file, default=lambda array: np.asarray(array).tolist())
    os.replace(partial, os.path.join(folder, f"{name}.json"))
