"""Benchmark: kerasfn's compiled eager calls against plain Keras, against issue 10's targets.

Run from the repository root::

    python bench/eager.py            # prints the table, writes bench/RESULTS.md
    python bench/eager.py --quick    # fewer repeats, no per-size detail

One run, one table: each workload of the issue, run by kerasfn and by plain
Keras in the same process (calls interleaved, so that load on the machine
hits both alike), the target and whether it is met.  W1 is an LSTM(128) on
(64, 100, 32) inputs.  Steady-state rows are medians after kerasfn's policy
has settled (XLA-compiled on a CPU, jitted on JAX); sequence rows are total
seconds from a cold start.  The JAX rows run in a subprocess with
``KERAS_BACKEND=jax`` (when JAX is installed); the memory rows each in a
fresh subprocess.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import numpy as np  # noqa: E402

from kerasfn.core import eager  # noqa: E402
from kerasfn.core.lstm import LSTM  # noqa: E402
from kerasfn.core.recurrent import GRU, Bidirectional  # noqa: E402

RESULTS = Path(__file__).with_name("RESULTS.md")
W1 = (64, 100, 32)
SHAPES_40 = [(4 + (7 * i) % 60, 10 + (13 * i) % 90) for i in range(40)]
UNITS_20 = list(range(4, 84, 4))


def _block(result: object) -> None:
    for leaf in keras.tree.flatten(result):
        np.asarray(leaf)


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    _block(run())
    return time.perf_counter() - start


def interleaved_ms(runs: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Median milliseconds of each run, timed in rounds (one call of each
    per round, order rotating), so that load on the machine hits all alike."""
    names = list(runs)
    for name in names:
        _block(runs[name]())
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_number in range(repeats):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            times[name].append(timed(runs[name]))
    return {name: 1e3 * statistics.median(values) for name, values in times.items()}


def settle(layer: keras.layers.Layer, x: object, limit: int = 200) -> int:
    """Call ``layer(x)`` until kerasfn's policy has bought all it will for
    this shape (XLA on a CPU with TensorFlow, jit on JAX); the number of calls."""
    target = "xla" if keras.backend.backend() == "tensorflow" else "functions"
    for calls in range(1, limit + 1):
        _block(layer(x))
        if eager.compiled_kinds(layer)[target]:
            return calls
    return limit


def _twin(layer: keras.layers.Layer, x: object) -> keras.layers.Layer:
    keras_class = next(c for c in type(layer).__mro__ if c.__module__.startswith("keras."))
    plain = keras_class.from_config(layer.get_config())
    plain(x)
    plain.set_weights(layer.get_weights())
    return plain


def steady_rows(name: str, make: Callable[[], keras.layers.Layer], repeats: int) -> list[dict]:
    """kerasfn after its policy settled, plain Keras eager, and Keras' compiled paths."""
    import tensorflow as tf

    x = tf.random.uniform(W1, seed=1)
    ours = make()
    calls = settle(ours, x)
    plain = _twin(ours, x)
    graph = tf.function(plain)
    xla = tf.function(plain, jit_compile=True)
    difference = float(np.max(np.abs(np.asarray(ours(x)) - np.asarray(plain(x)))))
    times = interleaved_ms({"kerasfn": lambda: ours(x), "eager": lambda: plain(x), "tf.function": lambda: graph(x),
                            "XLA": lambda: xla(x)}, repeats)
    best = min(times["tf.function"], times["XLA"])
    speedup = times["eager"] / times["kerasfn"]
    return [{
        "workload": f"{name} at W1, steady state (XLA after {calls} calls)",
        "kerasfn": f"{times['kerasfn']:.1f} ms",
        "plain": f"{times['eager']:.1f} ms",
        "compiled": f"{best:.1f} ms ({'XLA' if times['XLA'] <= times['tf.function'] else 'tf.function'}; "
                    f"graph {times['tf.function']:.1f})",
        "ratio": f"{speedup:.1f}x faster; {times['kerasfn'] / best:.2f}x of best compiled",
        "target": ">= 10x eager and <= 1.1x best compiled",
        "met": "yes" if speedup >= 10 and times["kerasfn"] <= 1.1 * best else "no",
        "diff": f"{difference:.1e}",
    }]


def shape_sweep_row() -> dict:
    """One LSTM(16) over 40 distinct (batch, time) shapes, 2 calls each, from a cold start."""
    eager.forget_compiled()
    ours = LSTM(16)
    plain = keras.layers.LSTM(16)
    totals = {"ours": 0.0, "plain": 0.0}
    worst = 0.0
    for batch, steps in SHAPES_40:
        x = np.random.default_rng(batch * steps).uniform(-1, 1, (batch, steps, 8)).astype("float32")
        if not plain.built:
            ours(x)
            plain(x)
            plain.set_weights(ours.get_weights())
        for _ in range(2):
            totals["plain"] += timed(lambda: plain(x))
            start = time.perf_counter()
            got = np.asarray(ours(x))
            totals["ours"] += time.perf_counter() - start
            worst = max(worst, float(np.max(np.abs(got - np.asarray(plain(x))))))
    return _sequence_row("one LSTM(16) over 40 distinct (batch, time) shapes, 2 calls each", totals, worst)


def config_cycle_row() -> dict:
    """``x | layer_lstm(u)`` cycling u over 20 values, 3 rounds (a new layer each call), from a cold start."""
    from kerasfn import layer_lstm

    eager.forget_compiled()
    x = np.random.default_rng(0).uniform(-1, 1, (32, 50, 8)).astype("float32")
    totals = {"ours": 0.0, "plain": 0.0}
    for _ in range(3):
        for units in UNITS_20:
            totals["plain"] += timed(lambda: keras.layers.LSTM(units)(x))
            totals["ours"] += timed(lambda: x | layer_lstm(units))
    return _sequence_row("`x | layer_lstm(u)`, u cycling over 20 values, 3 rounds (new layer each call)", totals, None)


def _sequence_row(workload: str, totals: dict, difference: float | None) -> dict:
    return {
        "workload": workload,
        "kerasfn": f"{totals['ours']:.2f} s",
        "plain": f"{totals['plain']:.2f} s",
        "compiled": "",
        "ratio": f"{totals['plain'] / totals['ours']:.2f}x faster",
        "target": "never slower than plain eager",
        "met": "yes" if totals["ours"] <= totals["plain"] else "no",
        "diff": "" if difference is None else f"{difference:.1e}",
    }


# -- memory (each in its own process) ------------------------------------------


def _rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def memory_workload(kind: str) -> float:
    """RSS growth (MiB) over 100 shapes (one LSTM(16), 2 calls each) and 50
    configs (new layers, 3 calls each), after a warm-up; kerasfn with every
    call compiled (its policy's worst case for memory), or plain Keras."""
    from kerasfn import layer_lstm

    if kind == "kerasfn":
        eager.COSTS.trace, eager.COSTS.xla, eager.COSTS.frozen = 0.0, 0.0, True
        make, make_units = (lambda: LSTM(16)), (lambda units: layer_lstm(units))
    else:
        make, make_units = (lambda: keras.layers.LSTM(16)), (lambda units: keras.layers.LSTM(units))
    rng = np.random.default_rng(0)

    def data(batch: int, steps: int) -> np.ndarray:
        return rng.uniform(-1, 1, (batch, steps, 8)).astype("float32")

    layer = make()
    for _ in range(3):  # warm-up: TensorFlow's and Keras' one-time allocations
        _block(layer(data(3, 5)))
        _block(make_units(5)(data(3, 5)))
    start = _rss_mib()
    for index in range(100):
        x = data(2 + index % 37, 3 + (index * 7) % 61)
        for _ in range(2):
            _block(layer(x))
    x = data(4, 12)
    for units in range(6, 56):
        for _ in range(3):
            _block(make_units(units)(x))
    return _rss_mib() - start


def memory_row(repeats: int) -> dict:
    growth = {}
    for kind in ("plain", "kerasfn"):
        samples = []
        for _ in range(max(1, repeats)):
            result = subprocess.run([sys.executable, __file__, "--memory", kind], capture_output=True, text=True,
                                    timeout=1800)
            samples.append(float(result.stdout.strip().splitlines()[-1]))
        growth[kind] = statistics.median(samples)
    extra = growth["kerasfn"] - growth["plain"]
    return {
        "workload": "native memory over 100 shapes and 50 configs (RSS growth after warm-up; kerasfn with "
                    "every call compiled)",
        "kerasfn": f"{growth['kerasfn']:.1f} MiB",
        "plain": f"{growth['plain']:.1f} MiB",
        "compiled": "",
        "ratio": f"{extra:+.1f} MiB",
        "target": "kerasfn's extra < 10 MiB",
        "met": "yes" if extra < 10 else "no",
        "diff": "",
    }


# -- JAX (in its own process) -------------------------------------------------------


def jax_rows_here(repeats: int) -> list[dict]:
    import jax

    rows = []
    for name, make in [("JAX: LSTM(128)", lambda: LSTM(128)), ("JAX: GRU(128)", lambda: GRU(128))]:
        x = jax.numpy.asarray(np.random.default_rng(1).uniform(0, 1, W1).astype("float32"))
        ours = make()
        calls = settle(ours, x)
        plain = _twin(ours, x)
        trainable = [v.value for v in plain.trainable_variables]
        non_trainable = [v.value for v in plain.non_trainable_variables]
        jitted = jax.jit(plain.stateless_call)
        times = interleaved_ms({"ours": lambda: ours(x), "jit": lambda: jitted(trainable, non_trainable, x)[0],
                                "eager": lambda: plain(x)}, repeats)
        ours_ms, jit_ms, eager_ms = times["ours"], times["jit"], times["eager"]
        difference = float(np.max(np.abs(np.asarray(ours(x)) - np.asarray(plain(x)))))
        rows.append({
            "workload": f"{name} at W1, steady state (jitted after {calls} calls)",
            "kerasfn": f"{ours_ms:.1f} ms",
            "plain": f"{eager_ms:.1f} ms",
            "compiled": f"{jit_ms:.1f} ms (`jax.jit(layer.stateless_call)`)",
            "ratio": f"{eager_ms / ours_ms:.1f}x faster; {ours_ms / jit_ms:.2f}x of jax.jit",
            "target": "<= 1.2x jax.jit(stateless_call)",
            "met": "yes" if ours_ms <= 1.2 * jit_ms else "no",
            "diff": f"{difference:.1e}",
        })
    return rows


def jax_rows(repeats: int) -> list[dict]:
    if importlib.util.find_spec("jax") is None:
        return []
    environment = {**os.environ, "KERAS_BACKEND": "jax"}
    result = subprocess.run([sys.executable, __file__, "--jax-rows", str(repeats)], capture_output=True, text=True,
                            env=environment, timeout=1800)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


# -- the table --------------------------------------------------------------------


COLUMNS = [("workload", "workload"), ("kerasfn", "kerasfn"), ("plain", "plain Keras eager"),
           ("compiled", "Keras' best compiled"), ("ratio", "kerasfn"), ("target", "target"), ("met", "met"),
           ("diff", "max abs diff")]


def table(rows: list[dict]) -> str:
    lines = ["| " + " | ".join(title for _, title in COLUMNS) + " |", "|" + " --- |" * len(COLUMNS)]
    for row in rows:
        lines.append("| " + " | ".join(str(row[key]).replace("|", "\\|") for key, _ in COLUMNS) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9, help="timed calls per steady-state row (median taken)")
    parser.add_argument("--quick", action="store_true", help="5 repeats, one memory run each")
    parser.add_argument("--no-write", action="store_true", help=f"print only; do not write {RESULTS.name}")
    parser.add_argument("--memory", choices=["plain", "kerasfn"], help=argparse.SUPPRESS)
    parser.add_argument("--jax-rows", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.memory:
        print(memory_workload(options.memory))
        return
    if options.jax_rows:
        print(json.dumps(jax_rows_here(options.jax_rows)))
        return
    repeats = 5 if options.quick else options.repeats
    rows = [
        *steady_rows("LSTM(128)", lambda: LSTM(128), repeats),
        *steady_rows("GRU(128)", lambda: GRU(128), repeats),
        *steady_rows("Bidirectional(LSTM(128))", lambda: Bidirectional(keras.layers.LSTM(128)), repeats),
        shape_sweep_row(),
        config_cycle_row(),
        memory_row(1 if options.quick else 3),
        *jax_rows(repeats),
    ]
    sys.path.insert(0, str(Path(__file__).parent))
    from lstm import machine  # the one machine description of bench/

    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    report = (
        f"# Eager-core benchmark\n\nCommand: `python bench/{Path(__file__).name}"
        f"{' --quick' if options.quick else ''}` (steady-state rows: median of {repeats} calls, the ways timed "
        f"in rotating rounds; sequence rows: total seconds from a cold start, kerasfn and plain Keras interleaved call by call)\n\n"
        f"Machine: {machine()}; shared with other jobs while this ran, so absolute times are noisy and only "
        f"the ratios (taken in one process, interleaved) carry over.\n\nRun: {stamp}\n\n{table(rows)}\n"
    )
    print(report)
    if not options.no_write:
        RESULTS.write_text(report)
        print(f"written to {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
