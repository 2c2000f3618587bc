"""Benchmark: training throughput of ``fit()`` on each Keras backend against a
hand-written torch training loop of the same model.

Run from the repository root::

    python bench/train.py                 # 2 interleaved rounds, writes bench/TRAINING.md
    python bench/train.py --quick         # 1 round, 2 timed epochs, prints only

Three models people train from R scripts, each on fixed data (batch 32,
Adam, shuffle off):

* ``lstm``: ``layer_lstm(64, return_sequences=TRUE) |> layer_lstm(64) |>
  layer_dense(1)`` on x of shape (1024, 50, 16), MSE (issue 14's workload);
* ``gru_text``: ``layer_embedding(2000, 32) |> layer_gru(32) |>
  layer_dense(1, "sigmoid")`` on pre-padded integer sequences (1024, 80)
  (``pad_sequences()``' default), binary cross-entropy;
* ``conv_lstm``: ``layer_conv_1d(32, 5, "relu") |> layer_max_pooling_1d(2)
  |> layer_lstm(32) |> layer_dense(1)`` forecasting the next value of noisy
  sine mixtures (1024, 60, 4), MSE.

Each way of training runs in its own subprocess (one Keras backend per
process): Keras' TensorFlow default on a CPU (graph mode, no XLA), TensorFlow
with ``jit_compile=TRUE`` (XLA), JAX, PyTorch with plain Keras layers (Keras'
Python loop over time steps on a CPU) and with kerasfn's layers (torch's
fused kernels, :mod:`kerasfn.core.kernels.torch`), and the hand-written loop
(``torch.nn.LSTM``/``GRU``/``Conv1d``).  Every way starts from the same
weights (drawn once with numpy and mapped into each model) and sees the same
batches, so the final losses agree up to float32 rounding; the table shows
them and flags a row whose loss differs from the torch loop's by more than
``LOSS_RTOL``: a faster row is then not the same computation.

samples/s = 1024 / the median epoch time over the timed epochs, after one
warm-up epoch (which includes tracing and XLA compilation: its time is the
"first epoch" column).  Rounds are interleaved (every way once, then again)
and reported separately, since the CPU's load drifts.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

OUTPUT = Path(__file__).with_name("TRAINING.md")
N, BATCH, LR = 1024, 32, 1e-3
LOSS_RTOL = 1e-3

# (name, KERAS_BACKEND, how the row trains).  torch's threads spin while they
# wait: on a CPU other processes share, its default (one per core) can run
# ten times slower than one thread, so the torch rows run with each setting of
# --torch-threads, each compared with the loop on as many threads.
WAYS = [
    ("hand-written torch loop", "torch", "torch-loop"),
    ("TensorFlow, Keras' CPU default (no XLA)", "tensorflow", "keras"),
    ("TensorFlow, `jit_compile=TRUE` (XLA)", "tensorflow", "keras-xla"),
    ("JAX", "jax", "keras"),
    ("PyTorch, plain Keras layers", "torch", "keras-plain"),
    ("PyTorch, kerasfn layers (fused kernels)", "torch", "keras"),
]
WORKLOADS = ["lstm", "gru_text", "conv_lstm"]


# -- data and shared initial weights -------------------------------------------


def data(workload: str):
    import numpy as np

    rng = np.random.default_rng(2026)
    if workload == "lstm":
        x = rng.normal(size=(N, 50, 16)).astype("float32")
        y = (x[:, -10:, :4].mean(axis=(1, 2)) + 0.1 * rng.normal(size=N)).astype("float32")[:, None]
    elif workload == "gru_text":
        tokens = rng.integers(1, 2000, size=(N, 80))
        lengths = rng.integers(10, 81, size=N)
        x = np.where(np.arange(80)[None, :] >= 80 - lengths[:, None], tokens, 0).astype("int32")  # pre-padded
        y = ((np.where(x > 0, x, 0) < 1000).sum(axis=1) > lengths / 2).astype("float32")[:, None]
    else:
        t = np.arange(61)[None, :, None]
        freq = rng.uniform(0.05, 0.3, size=(N, 1, 4))
        phase = rng.uniform(0, 6.3, size=(N, 1, 4))
        series = (np.sin(freq * t + phase) + 0.1 * rng.normal(size=(N, 61, 4))).astype("float32")
        x, y = series[:, :60], series[:, 60, :1].copy()
    return x, y


def initial_weights(shapes: list[tuple]) -> list:
    """One deterministic draw for Keras' weight list (Glorot-uniform-like
    matrices, small biases), shared by every backend and the torch loop."""
    import numpy as np

    rng = np.random.default_rng(7)
    weights = []
    for shape in shapes:
        if len(shape) >= 2:
            fan_in, fan_out = int(np.prod(shape[:-1])), shape[-1]
            limit = (6.0 / (fan_in + fan_out)) ** 0.5
            weights.append(rng.uniform(-limit, limit, size=shape).astype("float32"))
        else:
            weights.append(rng.uniform(-0.05, 0.05, size=shape).astype("float32"))
    return weights


# -- Keras models (built with kerasfn's layer functions) -------------------------


def keras_model(workload: str, plain: bool):
    import keras

    if plain:
        L = keras.layers
        lstm, gru = L.LSTM, L.GRU
        seq = lambda shape, *layers: keras.Sequential([keras.Input(shape), *layers])  # noqa: E731
        conv, pool, dense, embedding = L.Conv1D, L.MaxPooling1D, L.Dense, L.Embedding
    else:
        import kerasfn as k

        lstm, gru, conv, pool = k.layer_lstm, k.layer_gru, k.layer_conv_1d, k.layer_max_pooling_1d
        dense, embedding = k.layer_dense, k.layer_embedding

        def seq(shape, *layers):
            model = k.keras_model_sequential(input_shape=shape)
            for layer in layers:
                model = model | layer
            return model

    if workload == "lstm":
        model = seq((50, 16), lstm(units=64, return_sequences=True), lstm(units=64), dense(units=1))
    elif workload == "gru_text":
        model = seq((80,), embedding(input_dim=2000, output_dim=32), gru(units=32), dense(units=1, activation="sigmoid"))
    else:
        layers = [conv(filters=32, kernel_size=5, activation="relu"), pool(pool_size=2), lstm(units=32), dense(units=1)]
        model = seq((60, 4), *layers)
    model.set_weights(initial_weights([tuple(w.shape) for w in model.weights]))
    return model


def loss_name(workload: str) -> str:
    return "binary_crossentropy" if workload == "gru_text" else "mse"


def run_keras(workload: str, how: str, epochs: int) -> dict:
    import keras

    x, y = data(workload)
    model = keras_model(workload, plain=how == "keras-plain")
    jit = True if how == "keras-xla" else (False if keras.backend.backend() == "tensorflow" else "auto")
    model.compile(optimizer=keras.optimizers.Adam(LR), loss=loss_name(workload), jit_compile=jit)
    times: list[float] = []
    cpu_times: list[float] = []

    class EpochTimes(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            self.start, self.cpu = time.perf_counter(), time.process_time()

        def on_epoch_end(self, epoch, logs=None):
            times.append(time.perf_counter() - self.start)
            cpu_times.append(time.process_time() - self.cpu)

    model.fit(x, y, batch_size=BATCH, epochs=1 + epochs, shuffle=False, verbose=0, callbacks=[EpochTimes()])
    final = float(model.evaluate(x, y, batch_size=256, verbose=0))
    return {"times": times, "cpu_times": cpu_times, "final_loss": final, "jit_compile": bool(model.jit_compile)}


# -- the hand-written torch loop ------------------------------------------------


def torch_model(workload: str):
    import torch
    from torch import nn

    def lstm_weights(module, kernel, recurrent, bias):
        module.weight_ih_l0.data = torch.tensor(kernel.T.copy())
        module.weight_hh_l0.data = torch.tensor(recurrent.T.copy())
        module.bias_ih_l0.data = torch.tensor(bias)
        # Keras' LSTM has one bias: torch's second one stays zero (frozen),
        # or Adam would train the bias at twice Keras' rate.
        module.bias_hh_l0.data = torch.zeros_like(module.bias_hh_l0)
        module.bias_hh_l0.requires_grad_(False)

    def gru_weights(module, kernel, recurrent, bias):
        import numpy as np

        def r_z_n(a, axis):  # Keras' z, r, h -> torch's r, z, n
            z, r, h = np.split(a, 3, axis=axis)
            return np.concatenate([r, z, h], axis=axis)

        module.weight_ih_l0.data = torch.tensor(r_z_n(kernel, 1).T.copy())
        module.weight_hh_l0.data = torch.tensor(r_z_n(recurrent, 1).T.copy())
        module.bias_ih_l0.data = torch.tensor(r_z_n(bias[0], 0))
        module.bias_hh_l0.data = torch.tensor(r_z_n(bias[1], 0))

    def linear_weights(module, kernel, bias):
        module.weight.data = torch.tensor(kernel.T.copy())
        module.bias.data = torch.tensor(bias)

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            if workload == "lstm":
                self.rnn1, self.rnn2, self.out = nn.LSTM(16, 64, batch_first=True), nn.LSTM(64, 64, batch_first=True), nn.Linear(64, 1)
                shapes = [(16, 256), (64, 256), (256,), (64, 256), (64, 256), (256,), (64, 1), (1,)]
                w = initial_weights(shapes)
                lstm_weights(self.rnn1, *w[0:3])
                lstm_weights(self.rnn2, *w[3:6])
                linear_weights(self.out, *w[6:8])
            elif workload == "gru_text":
                self.embedding, self.rnn, self.out = nn.Embedding(2000, 32), nn.GRU(32, 32, batch_first=True), nn.Linear(32, 1)
                w = initial_weights([(2000, 32), (32, 96), (32, 96), (2, 96), (32, 1), (1,)])
                self.embedding.weight.data = torch.tensor(w[0])
                gru_weights(self.rnn, *w[1:4])
                linear_weights(self.out, *w[4:6])
            else:
                self.conv, self.rnn, self.out = nn.Conv1d(4, 32, 5), nn.LSTM(32, 32, batch_first=True), nn.Linear(32, 1)
                w = initial_weights([(5, 4, 32), (32,), (32, 128), (32, 128), (128,), (32, 1), (1,)])
                self.conv.weight.data = torch.tensor(w[0].transpose(2, 1, 0).copy())  # (k, in, out) -> (out, in, k)
                self.conv.bias.data = torch.tensor(w[1])
                lstm_weights(self.rnn, *w[2:5])
                linear_weights(self.out, *w[5:7])

        def forward(self, x):
            if workload == "lstm":
                return self.out(self.rnn2(self.rnn1(x)[0])[0][:, -1])
            if workload == "gru_text":
                return torch.sigmoid(self.out(self.rnn(self.embedding(x))[0][:, -1]))
            h = torch.max_pool1d(torch.relu(self.conv(x.transpose(1, 2))), 2).transpose(1, 2)
            return self.out(self.rnn(h)[0][:, -1])

    return Model()


def run_torch_loop(workload: str, epochs: int) -> dict:
    import torch

    x, y = data(workload)
    x, y = torch.tensor(x).long() if workload == "gru_text" else torch.tensor(x), torch.tensor(y)
    model = torch_model(workload)
    # Keras' Adam adds its epsilon (1e-7) before the bias correction of the
    # second moment, torch's after: the same update takes torch's eps scaled
    # by 1 / sqrt(1 - beta_2**step), set each step (a float, no tensor work).
    optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=LR)
    group = optimizer.param_groups[0]

    def loss_fn(p, t):  # Keras' losses (its cross-entropy clips probabilities at 1e-7)
        if workload == "gru_text":
            p = p.clamp(1e-7, 1 - 1e-7)
            return -(t * torch.log(p) + (1 - t) * torch.log(1 - p)).mean()
        return ((p - t) ** 2).mean()

    times, cpu_times, step = [], [], 0
    for _ in range(1 + epochs):
        start, cpu = time.perf_counter(), time.process_time()
        for i in range(0, N, BATCH):
            step += 1
            group["eps"] = 1e-7 / (1 - 0.999**step) ** 0.5
            optimizer.zero_grad()
            loss = loss_fn(model(x[i : i + BATCH]), y[i : i + BATCH])
            loss.backward()
            optimizer.step()
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu)
    with torch.no_grad():
        final = float(loss_fn(model(x), y))
    return {"times": times, "cpu_times": cpu_times, "final_loss": final, "jit_compile": False}


# -- one layer at W1 on the PyTorch backend (issue 10) ---------------------------------

W1 = (64, 100, 32, 128)  # batch, time steps, features, units


def run_w1(repeats: int) -> dict:
    """Median wall and CPU ms of one LSTM(128)/GRU(128) call on
    (64, 100, 32), for inference (``torch.no_grad``) and a training step
    (forward, loss, backward): kerasfn's layer, plain Keras' layer and
    ``torch.nn``'s, measured in interleaved order.  With one torch thread the
    CPU time is the work done, whatever else runs on the machine."""
    import keras
    import torch

    import kerasfn as k

    batch, steps, features, units = W1
    x = torch.randn(batch, steps, features)
    ways = {}
    for kind, module in (("LSTM", torch.nn.LSTM), ("GRU", torch.nn.GRU)):
        ours = (k.layer_lstm if kind == "LSTM" else k.layer_gru)(units=units)
        plain = getattr(keras.layers, kind)(units)
        native = module(features, units, batch_first=True)
        ours(x), plain(x)
        ways[(kind, "kerasfn layer")] = ours
        ways[(kind, "plain Keras layer")] = plain
        ways[(kind, f"torch.nn.{kind}")] = lambda x, native=native: native(x)[0][:, -1]

    def inference(call):
        with torch.no_grad():
            call(x)

    def training_step(call):
        (call(x) ** 2).mean().backward()

    return interleaved_medians(
        {key: (lambda call=call: inference(call), lambda call=call: training_step(call)) for key, call in ways.items()},
        repeats,
    )


def interleaved_medians(ways: dict, repeats: int) -> dict:
    """``{"kind | call | way": [median wall ms, median CPU ms]}`` of each way's two calls,
    ``ways[(kind, way)] = (inference, training_step)``, every way once a round (the first round
    warms up: traces and compiles), ``repeats`` rounds timed.  Each call waits for its result."""
    times: dict = {}
    for _ in range(1 + repeats):
        for (kind, way), steps in ways.items():
            for step_name, step in zip(("inference", "training step"), steps):
                start, cpu = time.perf_counter(), time.process_time()
                step()
                measured = (time.perf_counter() - start, time.process_time() - cpu)
                times.setdefault((kind, step_name, way), []).append(measured)
    return {
        " | ".join(key): [1000 * statistics.median(m[i] for m in t[1:]) for i in (0, 1)] for key, t in times.items()
    }


def run_w1_tensorflow(repeats: int) -> dict:
    """The TensorFlow backend's W1 rows: median wall and CPU ms of one
    LSTM(128)/GRU(128) call on (64, 100, 32), for inference and a training
    step (forward, loss, gradients of the weights): kerasfn's layer called
    eagerly (its compiled eager path), Keras' layer in ``tf.function`` (what
    ``fit()`` and ``predict()`` run), and ``torch.nn``'s fused CPU kernel with
    1 and with 2 torch threads, all in this process, in interleaved order."""
    import keras
    import tensorflow as tf
    import torch

    import kerasfn as k

    batch, steps, features, units = W1
    x = tf.random.normal((batch, steps, features), seed=1)
    x_torch = torch.from_numpy(x.numpy())

    def waited(result):  # TensorFlow runs ops asynchronously: wait for the values
        for value in result if isinstance(result, list) else [result]:
            value.numpy()

    ways = {}
    for kind, module in (("LSTM", torch.nn.LSTM), ("GRU", torch.nn.GRU)):
        ours = (k.layer_lstm if kind == "LSTM" else k.layer_gru)(units=units)
        plain = getattr(keras.layers, kind)(units)
        ours(x), plain(x)
        plain.set_weights(ours.get_weights())
        native = module(features, units, batch_first=True)

        def keras_step(layer):
            def step(x):
                with tf.GradientTape() as tape:
                    loss = tf.reduce_mean(layer(x) ** 2)
                return tape.gradient(loss, layer.trainable_weights)
            return step

        graph_inference, graph_step = tf.function(plain), tf.function(keras_step(plain))
        ways[(kind, "kerasfn layer, eager call")] = (lambda ours=ours: waited(ours(x)),
                                                     lambda step=keras_step(ours): waited(step(x)))
        ways[(kind, "Keras layer in tf.function")] = (lambda f=graph_inference: waited(f(x)),
                                                      lambda f=graph_step: waited(f(x)))
        for threads in (1, 2):
            def inference(native=native, threads=threads):
                torch.set_num_threads(threads)
                with torch.no_grad():
                    return native(x_torch)[0][:, -1]

            def training_step(native=native, threads=threads):
                torch.set_num_threads(threads)
                native.zero_grad()
                (native(x_torch)[0][:, -1] ** 2).mean().backward()

            ways[(kind, f"torch.nn.{kind}, {threads} thread{'s' if threads > 1 else ''}")] = (inference, training_step)

    return interleaved_medians(ways, repeats)


def w1_tensorflow_table(medians: dict) -> str:
    """Each TensorFlow W1 row against the faster of the two torch.nn rows (wall time)."""
    lines = [
        "| layer | call | way | median ms | vs torch.nn (faster of 1, 2 threads) | median CPU ms |",
        "| --- | --- | --- | ---: | ---: | ---: |",
    ]
    for key, (wall, cpu) in medians.items():
        kind, step, way = key.split(" | ")
        best = min(medians[f"{kind} | {step} | torch.nn.{kind}, {label}"][0] for label in ("1 thread", "2 threads"))
        lines.append(f"| {kind}({W1[3]}) | {step} | {way} | {wall:.1f} | {wall / best:.2f}x | {cpu:.1f} |")
    return "\n".join(lines)


def w1_table(medians: dict) -> str:
    lines = [
        "| layer | call | way | median ms | vs torch.nn | median CPU ms | vs torch.nn |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for key, (wall, cpu) in medians.items():
        kind, step, way = key.split(" | ")
        wall_ref, cpu_ref = medians[f"{kind} | {step} | torch.nn.{kind}"]
        lines.append(
            f"| {kind}({W1[3]}) | {step} | {way} | {wall:.1f} | {wall / wall_ref:.2f}x | {cpu:.1f} | {cpu / cpu_ref:.2f}x |"
        )
    return "\n".join(lines)


# -- driver ----------------------------------------------------------------------


THREADS_VARIABLE = "KERASFN_BENCH_TORCH_THREADS"


def worker(workloads: str, how: str, epochs: int) -> None:
    """Run the comma-separated ``workloads`` one after the other in this
    process (one backend per process; importing it once saves time)."""
    if os.environ.get(THREADS_VARIABLE):
        import torch

        torch.set_num_threads(int(os.environ[THREADS_VARIABLE]))
    for workload in workloads.split(","):
        if workload == "w1":
            result = run_w1(epochs) if how != "tensorflow" else run_w1_tensorflow(epochs)
        elif how == "torch-loop":
            result = run_torch_loop(workload, epochs)
        else:
            result = run_keras(workload, how, epochs)
        print("RESULT " + json.dumps({"workload": workload, "result": result}), flush=True)


def run_way(workloads: list[str], backend: str, how: str, epochs: int, threads: int | None = None) -> dict:
    """{workload: result} from one subprocess on ``backend``; a workload
    that did not finish maps to {"error": [the last line it printed]}."""
    env = {**os.environ, "KERAS_BACKEND": backend, "TF_CPP_MIN_LOG_LEVEL": "3"}
    if threads:
        env[THREADS_VARIABLE] = str(threads)
    command = [sys.executable, __file__, "--worker", ",".join(workloads), how, str(epochs)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    results = {}
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            record = json.loads(line[len("RESULT ") :])
            result = record["result"]
            if record["workload"] != "w1":
                result["samples_per_s"] = N / statistics.median(result["times"][1:])
            results[record["workload"]] = result
    error = {"error": (done.stderr or done.stdout).strip().splitlines()[-1:]}
    return {workload: results.get(workload, error) for workload in workloads}


def expand_ways(torch_threads: list[int | None]) -> list[tuple[str, str, str, int | None, str]]:
    """(name, backend, how, torch threads, the loop it is compared with): the
    torch rows once per thread setting, the others once (compared with the
    loop on the first setting)."""
    ways = []
    for threads in torch_threads:
        suffix = f", {threads} thread{'s' if threads > 1 else ''}" if threads else ""
        loop = WAYS[0][0] + suffix
        for name, backend, how in WAYS:
            if backend == "torch":
                ways.append((name + suffix, backend, how, threads, loop))
            elif threads == torch_threads[0]:
                ways.append((name, backend, how, None, loop))
    return ways


def table(results: dict, rounds: int, ways: list) -> str:
    header = "| model | how | samples/s, round " + " / ".join(str(r + 1) for r in range(rounds))
    columns = " | vs torch loop | CPU s per epoch | first epoch s | final loss | same computation |"
    lines = [header + columns, "| --- | --- | ---: | ---: | ---: | ---: | ---: | :---: |"]
    for workload in WORKLOADS:
        for name, _, _, _, loop in ways:
            runs = results.get((workload, name), [])
            if not runs:
                continue
            failed = [r["error"] for r in runs if "error" in r]
            if failed:
                lines.append(f"| {workload} | {name} | failed: {failed[0]} | | | | | |")
                continue
            speeds = [r["samples_per_s"] for r in runs]
            reference = [r for r in results.get((workload, loop), []) if "error" not in r]
            ratio = f"{statistics.median(speeds) / statistics.median(r['samples_per_s'] for r in reference):.2f}x" if reference else ""
            loss = runs[-1]["final_loss"]
            same = ""
            if reference:
                expected = reference[-1]["final_loss"]
                same = "yes" if abs(loss - expected) <= LOSS_RTOL * abs(expected) else "NO"
            first = statistics.median(r["times"][0] for r in runs)
            cpu = statistics.median(t for r in runs for t in r["cpu_times"][1:])
            lines.append(
                f"| {workload} | {name} | {' / '.join(f'{s:.0f}' for s in speeds)} | {ratio} | {cpu:.2f} | {first:.1f} | {loss:.5f} | {same} |"
            )
    return "\n".join(lines)


def describe_machine() -> str:
    import keras

    versions = [f"Python {platform.python_version()}", f"Keras {keras.__version__}"]
    for module in ("tensorflow", "jax", "torch"):
        try:
            versions.append(f"{module} {__import__(module).__version__}")
        except ImportError:
            versions.append(f"{module} not installed")
    cpu = platform.processor() or platform.machine()
    return f"{cpu}, {os.cpu_count()} cores; " + ", ".join(versions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worker", nargs=3, metavar=("WORKLOAD", "HOW", "EPOCHS"), help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=5, help="timed epochs after the warm-up epoch")
    parser.add_argument("--workloads", default=",".join(WORKLOADS))
    parser.add_argument("--torch-threads", default="default,1", help="torch thread settings, e.g. default,1")
    parser.add_argument("--ways", default="", help="only the ways whose name contains this text")
    parser.add_argument("--w1-repeats", type=int, default=15, help="repeats of the W1 calls (0: leave them out)")
    parser.add_argument("--quick", action="store_true", help="1 round, 2 timed epochs, print only")
    parser.add_argument("--print-only", action="store_true", help=f"do not write {OUTPUT.name}")
    parser.add_argument("--note", default="", help="a line about the conditions of the run, written under the table")
    args = parser.parse_args()
    if args.worker:
        workload, how, epochs = args.worker
        worker(workload, how, int(epochs))
        return
    rounds, epochs = (1, 2) if args.quick else (args.rounds, args.epochs)
    thread_settings = [None if t == "default" else int(t) for t in args.torch_threads.split(",")]
    ways = expand_ways(thread_settings)
    workloads = [w for w in args.workloads.split(",") if w]
    if set(workloads) - set(WORKLOADS):
        parser.error(f"--workloads: unknown {sorted(set(workloads) - set(WORKLOADS))}; known: {WORKLOADS}")
    started = datetime.datetime.now(datetime.timezone.utc)
    results: dict = {}
    for _ in range(rounds):
        for name, backend, how, threads, _ in ways:
            if args.ways not in name or not workloads:
                continue
            for workload, result in run_way(workloads, backend, how, epochs, threads).items():
                results.setdefault((workload, name), []).append(result)
                print(workload, name, {k: v for k, v in result.items() if k != "times"}, flush=True)
    text = table(results, rounds, ways)
    for threads in thread_settings if args.w1_repeats else ():
        w1 = run_way(["w1"], "torch", "-", args.w1_repeats, threads)["w1"]
        text += "\n\nOne layer at W1 (batch 64, 100 steps, 32 features, 128 units), PyTorch backend, "
        text += f"torch threads: {threads or 'default'}, median of {args.w1_repeats} interleaved calls:\n\n"
        text += f"failed: {w1['error']}" if "error" in w1 else w1_table(w1)
    if args.w1_repeats:
        w1 = run_way(["w1"], "tensorflow", "tensorflow", args.w1_repeats)["w1"]
        text += "\n\nOne layer at W1 (batch 64, 100 steps, 32 features, 128 units), TensorFlow backend, against "
        text += f"torch.nn's fused kernel in the same process, median of {args.w1_repeats} interleaved calls:\n\n"
        text += f"failed: {w1['error']}" if "error" in w1 else w1_tensorflow_table(w1)
    print(text)
    if args.quick or args.print_only:
        return
    OUTPUT.write_text(
        "# Training throughput\n\n"
        f"Command: `python bench/train.py --rounds {rounds} --epochs {epochs} --torch-threads {args.torch_threads}` "
        f"(samples/s from the median of {epochs} epochs after a warm-up epoch; rounds interleaved)\n\n"
        f"Machine: {describe_machine()}\n\n"
        f"Run: {started:%Y-%m-%d %H:%M} UTC{'; ' + args.note if args.note else ''}\n\n"
        f"{text}\n"
    )


if __name__ == "__main__":
    main()
