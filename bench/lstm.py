"""Benchmark: kerasfn's LSTM core against plain Keras (and torch, if installed).

Run from the repository root::

    python bench/lstm.py            # prints the table
    python bench/lstm.py --quick    # fewer repeats, smaller sizes

bench/RESULTS.md is bench/eager.py's table (issue 10's workloads and
targets); this one is the per-size detail of the LSTM core, printed only.

One run, one table: the median time of each way of running the same layer,
for a few (batch, timesteps, features, units) sizes, on every device
TensorFlow sees (GPU rows appear only where a GPU is visible; there the
Keras rows use cuDNN), then the cost of building a 3-layer model through
pipes against plain Keras.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

from kerasfn import keras_model_sequential, layer_lstm  # noqa: E402

SIZES = [(16, 20, 8, 32), (64, 100, 32, 128), (128, 100, 64, 256)]
QUICK_SIZES = [(16, 20, 8, 32), (64, 100, 32, 128)]


def median_seconds(run: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``run()`` after one warm-up call (tracing/compiling
    happens there; the table is about steady-state calls)."""
    _block(run())
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        _block(run())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _block(result: object) -> None:
    """Wait for the device to finish (GPU ops return before they are done)."""
    first = result[0] if isinstance(result, (list, tuple)) else result
    if hasattr(first, "numpy"):
        first.numpy()
    elif hasattr(first, "cpu"):
        first.cpu()


def lstm_rows(size: tuple[int, int, int, int], device: str, repeats: int) -> list[tuple[str, float, float | None]]:
    """(way, median seconds, max |difference| from plain Keras eager) per way."""
    batch, steps, features, units = size
    with tf.device(device):
        x = tf.random.uniform((batch, steps, features), seed=1)
        ours = layer_lstm(units)
        ours.build(x.shape)
        plain = keras.layers.LSTM(units)
        plain.build(x.shape)
        plain.set_weights(ours.get_weights())
        reference = plain(x)
        graph = tf.function(plain)
        xla = tf.function(plain, jit_compile=True)
        ways = [
            ("kerasfn eager pipe `x | lstm`", lambda: x | ours),
            ("kerasfn eager pipe, new layer each call `x | layer_lstm(u)`", lambda: x | layer_lstm(units)),
            ("plain Keras eager `lstm(x)`", lambda: plain(x)),
            ("plain Keras eager, new layer each call `LSTM(u)(x)`", lambda: keras.layers.LSTM(units)(x)),
            ("Keras in `tf.function`", lambda: graph(x)),
        ]
        if device == "CPU":  # cuDNN kernels cannot be XLA-compiled
            ways.append(("Keras in `tf.function(jit_compile=True)` (XLA)", lambda: xla(x)))
        rows = []
        for name, run in ways:
            difference = None if "new layer" in name else float(np.max(np.abs(np.asarray(run()) - reference)))
            rows.append((name, median_seconds(run, repeats), difference))
    rows += torch_rows(size, device, repeats)
    return rows


def torch_rows(size: tuple[int, int, int, int], device: str, repeats: int) -> list[tuple[str, float, float | None]]:
    try:
        import torch
    except ImportError:
        return []
    batch, steps, features, units = size
    torch_device = "cuda" if device == "GPU" else "cpu"
    if torch_device == "cuda" and not torch.cuda.is_available():
        return []
    lstm = torch.nn.LSTM(features, units, batch_first=True).to(torch_device)
    x = torch.rand(batch, steps, features, device=torch_device)

    def run():
        with torch.no_grad():
            output = lstm(x)[0][:, -1]
        if torch_device == "cuda":
            torch.cuda.synchronize()
        return output

    return [("`torch.nn.LSTM` (no_grad)", median_seconds(run, repeats), None)]


def build_overhead(repeats: int) -> tuple[float, float, float]:
    """Median seconds to build a 3-layer LSTM model: through pipes, with plain
    Keras' list constructor, and with plain Keras' ``add()`` one layer at a
    time (what a pipe does: each step returns a built model)."""

    def piped():
        return (
            keras_model_sequential(input_shape=(20, 8))
            | layer_lstm(32, return_sequences=True)
            | layer_lstm(32, return_sequences=True)
            | layer_lstm(16)
        )

    def plain():
        return keras.Sequential([
            keras.Input((20, 8)),
            keras.layers.LSTM(32, return_sequences=True),
            keras.layers.LSTM(32, return_sequences=True),
            keras.layers.LSTM(16),
        ])

    def plain_add():
        model = keras.Sequential()
        model.add(keras.Input((20, 8)))
        model.add(keras.layers.LSTM(32, return_sequences=True))
        model.add(keras.layers.LSTM(32, return_sequences=True))
        model.add(keras.layers.LSTM(16))
        return model

    # Interleave the builds, rotating their order, so that drift (caches,
    # allocator) hits all alike; collect garbage between builds and keep the
    # collector out of the timed region (as timeit does), so that one build
    # does not pay for another's garbage.
    builds = (piped, plain, plain_add)
    times: list[list[float]] = [[] for _ in builds]
    for build in builds:
        build()  # warm-up
    for round_number in range(repeats):
        shift = round_number % len(builds)
        for index in [*range(shift, len(builds)), *range(shift)]:
            gc.collect()
            gc.disable()
            try:
                start = time.perf_counter()
                builds[index]()
                times[index].append(time.perf_counter() - start)
            finally:
                gc.enable()
    return tuple(statistics.median(build_times) for build_times in times)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    gpus = [d.name for d in tf.config.list_logical_devices("GPU")]
    try:
        import torch

        torch_version = f"torch {torch.__version__}"
    except ImportError:
        torch_version = "torch not installed (no torch rows)"
    return (
        f"{cpu}, {os.cpu_count()} cores; GPU: {', '.join(gpus) if gpus else 'none visible'}; "
        f"Python {platform.python_version()}, TensorFlow {tf.__version__}, Keras {keras.__version__}, "
        f"{torch_version}; {platform.system()} {platform.release()}"
    )


def table(repeats: int, sizes: list[tuple[int, int, int, int]]) -> str:
    devices = ["CPU"] + (["GPU"] if tf.config.list_logical_devices("GPU") else [])
    lines = [
        "| device | batch, steps, features, units | way | median ms | vs plain Keras eager | max abs diff |",
        "| --- | --- | --- | ---: | ---: | ---: |",
    ]
    for device in devices:
        for size in sizes:
            rows = lstm_rows(size, device, repeats)
            eager = next(seconds for name, seconds, _ in rows if name.startswith("plain Keras eager"))
            for name, seconds, difference in rows:
                diff = "" if difference is None else f"{difference:.1e}"
                name = name.replace("|", "\\|")  # a pipe inside a markdown table cell
                lines.append(
                    f"| {device} | {', '.join(map(str, size))} | {name} | {seconds * 1e3:.2f} "
                    f"| {eager / seconds:.1f}x | {diff} |"
                )
    piped, plain, plain_add = build_overhead(repeats * 5)
    lines += [
        "",
        "| building a 3-layer LSTM Sequential model | median ms | pipes' overhead |",
        "| --- | ---: | ---: |",
        f"| kerasfn pipes `keras_model_sequential(...) \\| layer_lstm(...) \\| ...` | {piped * 1e3:.2f} | |",
        f"| plain Keras `keras.Sequential([...])` (builds once) | {plain * 1e3:.2f} | {100 * (piped - plain) / plain:+.1f}% |",
        f"| plain Keras `model.add(...)` per layer (builds per step, as pipes do) | {plain_add * 1e3:.2f} "
        f"| {100 * (piped - plain_add) / plain_add:+.1f}% |",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7, help="timed calls per row (median taken)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, 3 repeats")
    options = parser.parse_args(argv)
    repeats = 3 if options.quick else options.repeats
    result = table(repeats, QUICK_SIZES if options.quick else SIZES)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    report = (
        f"# LSTM benchmark\n\nCommand: `python bench/{Path(__file__).name}"
        f"{' --quick' if options.quick else ''}` (median of {repeats} timed calls after a warm-up call)\n\n"
        f"Machine: {machine()}\n\nRun: {stamp}\n\n{result}\n"
    )
    print(report)


if __name__ == "__main__":
    main()
