"""Training on two devices with the engines Keras already has.

TensorFlow: ``tf.distribute.MirroredStrategy`` over two logical CPUs.  JAX:
``keras.distribution.DataParallel``, and ``ModelParallel`` with a layout that
splits an LSTM's and a Dense layer's kernels over the two devices.  The model
is built with pipes and holds a custom layer whose ``call()`` pipes; it is
trained (``fit``), evaluated, used to predict, saved and reloaded, and every
number is compared with the same model trained on one device from the same
initial weights.

Devices must be split before the engine starts, so each backend's runs happen
in a fresh process (``distributed_worker.py``).  Each test runs in the CI pass
of its own backend (``KERAS_BACKEND``) and is skipped in the others.

Several processes: the launch scripts users copy (``examples/distributed``)
run as 2 processes on localhost, talking over loopback ports picked free at
run time (TensorFlow ``MultiWorkerMirroredStrategy`` with ``TF_CONFIG``, JAX
``keras.distribution.initialize`` with CPU collectives, PyTorch DDP over
gloo with ``torchrun``), and as 1 process.  Deterministic by construction:
every process builds the model from the same seed, the data is not shuffled,
the model has no dropout, and the 2 processes' shares of each step make the
1-process run's batch (the global batch), so the averaged gradients are the
same up to float32 round-off.  Every worker's final weights must equal the
others' and the 1-process run's; the chief's saved model reloads in a fresh
process and predicts the same numbers.  Each run is bounded
(:data:`PROCESS_LIMIT`): a hung collective fails the test, and every process
started (with its children) is killed at the end, whatever happened.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import keras
import numpy as np
import pytest

WORKER = Path(__file__).with_name("distributed_worker.py")
EXAMPLES = Path(__file__).parents[2] / "examples" / "distributed"
# The launcher's own tests use no backend: they run in the TensorFlow pass only.
BACKEND_NEUTRAL = pytest.mark.skipif(keras.backend.backend() != "tensorflow",
                                     reason="about the test launcher, not a backend: runs in the TensorFlow pass")
#: Seconds one multi-process run may take (a loaded 2-core machine takes about a minute).
PROCESS_LIMIT = 420
# Two devices compute the same sums in another order: float32 round-off only.
TOLERANCE = dict(rtol=1e-5, atol=1e-6)


def _run_worker(backend, tmp_path):
    env = dict(os.environ, KERAS_BACKEND=backend, TF_CPP_MIN_LOG_LEVEL="3",
               XLA_FLAGS="--xla_force_host_platform_device_count=2", CUDA_VISIBLE_DEVICES="")
    result = subprocess.run([sys.executable, str(WORKER), backend, str(tmp_path)],
                            capture_output=True, text=True, timeout=600, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def _assert_same_numbers(single, distributed):
    for key in ("loss", "evaluate", "predict"):
        np.testing.assert_allclose(distributed[key], single[key], **TOLERANCE, err_msg=key)
    assert len(distributed["weights"]) == len(single["weights"]) == 10
    for got, want in zip(distributed["weights"], single["weights"]):
        np.testing.assert_allclose(got, want, **TOLERANCE)
    # Training moved the weights: equal numbers are not two untrained models.
    assert single["loss"][0] != single["loss"][1]
    # The reloaded model predicts what the trained one did.
    np.testing.assert_allclose(distributed["reloaded_predict"], distributed["predict"], **TOLERANCE)


@pytest.mark.skipif(keras.backend.backend() != "tensorflow",
                    reason="TensorFlow's MirroredStrategy: runs in the CI pass with KERAS_BACKEND=tensorflow")
def test_mirrored_strategy_on_two_logical_cpus_matches_one_device(tmp_path):
    report = _run_worker("tensorflow", tmp_path)
    mirrored = report["mirrored"]
    assert mirrored["devices"] == 2
    # Every variable is mirrored: one full copy on each device.
    assert [count for count, _ in mirrored["placement"]] == [2] * 10
    assert [count for count, _ in mirrored["reloaded_placement"]] == [2] * 10
    _assert_same_numbers(report["single"], mirrored)


@pytest.mark.skipif(keras.backend.backend() != "jax",
                    reason="keras.distribution runs on JAX: runs in the CI pass with KERAS_BACKEND=jax")
def test_jax_data_parallel_and_model_parallel_on_two_devices_match_one_device(tmp_path):
    report = _run_worker("jax", tmp_path)
    data_parallel, model_parallel = report["data_parallel"], report["model_parallel"]
    assert data_parallel["devices"] == model_parallel["devices"] == 2

    # DataParallel replicates every variable: each device holds all of it.
    shapes = [np.shape(w) for w in report["single"]["weights"]]
    assert data_parallel["placement"] == [[2, list(s)] for s in shapes]

    # ModelParallel splits the encoder LSTM's kernel (3, 32) and the head's
    # kernel (4, 2) by columns; the other variables stay whole on both devices.
    split = {0: [3, 16], 8: [4, 1]}
    expected = [[2, split.get(i, list(s))] for i, s in enumerate(shapes)]
    assert model_parallel["placement"] == expected
    assert model_parallel["reloaded_placement"] == expected

    _assert_same_numbers(report["single"], data_parallel)
    _assert_same_numbers(report["single"], model_parallel)


# -- several processes ---------------------------------------------------------


def free_ports(count):
    """``count`` loopback ports free now (held open together, so they differ)."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for held in sockets:
            held.bind(("localhost", 0))
        return [held.getsockname()[1] for held in sockets]
    finally:
        for held in sockets:
            held.close()


def _descendants(pid):
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _kill_everything(processes):
    for process in processes:
        # torchrun's workers may start sessions of their own: their ids are collected first.
        for pid in _descendants(process.pid) + [process.pid]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    for process in processes:
        process.wait()


def run_processes(commands, cwd, limit=PROCESS_LIMIT):
    """Run ``commands`` (a list of ``(argv, extra_env)``) at once, each in a
    session of its own; fail as soon as one fails or when ``limit`` seconds
    pass, and kill every process and its children at the end in any case."""
    env = {key: value for key, value in os.environ.items() if key not in ("KERAS_BACKEND", "XLA_FLAGS", "TF_CONFIG")}
    env.update(TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="", PYTHONUNBUFFERED="1")
    logs, processes = [], []
    try:
        for index, (argv, extra_env) in enumerate(commands):
            logs.append(open(Path(cwd) / f"process{index}.log", "w+"))
            processes.append(subprocess.Popen(argv, env={**env, **extra_env}, cwd=cwd, stdout=logs[-1],
                                              stderr=subprocess.STDOUT, start_new_session=True))
        deadline = time.monotonic() + limit
        while any(process.poll() is None for process in processes):
            failed = [process for process in processes if process.returncode not in (None, 0)]
            if failed or time.monotonic() > deadline:
                break
            time.sleep(0.5)
    finally:
        _kill_everything(processes)
        outputs = []
        for log in logs:
            log.seek(0)
            outputs.append(log.read())
            log.close()
    if any(process.returncode != 0 for process in processes):
        why = "ran past the time limit" if all(p.returncode in (0, -signal.SIGKILL) for p in processes) else "failed"
        tails = "\n".join(f"--- process {i} (exit {p.returncode}):\n{out[-3000:]}"
                          for i, (p, out) in enumerate(zip(processes, outputs)))
        pytest.fail(f"a process {why}:\n{tails}")


def _reports(folder, count):
    return [json.loads((Path(folder) / f"worker{index}.json").read_text()) for index in range(count)]


def _reloaded_predictions(script, saved_models, folder):
    """What each saved model predicts once loaded in a fresh process (all at once)."""
    run_processes([([sys.executable, str(script), "--reload", str(saved), "--report", str(folder / saved.stem)], {})
                   for saved in saved_models], cwd=folder)
    return [json.loads((folder / saved.stem / "reloaded.json").read_text())["predict"] for saved in saved_models]


def _assert_processes_agree(workers, single, reloaded_predict):
    """Every worker ends with the one-process run's numbers; the saved model predicts them in a fresh process."""
    assert [worker["processes"] for worker in workers] == [len(workers)] * len(workers)
    assert single["processes"] == 1
    assert single["loss"][0] != single["loss"][1]  # training moved the weights
    for worker in workers:
        for key in ("loss", "evaluate", "predict"):
            np.testing.assert_allclose(worker[key], single[key], **TOLERANCE, err_msg=key)
        assert len(worker["weights"]) == len(single["weights"]) == 10
        for got, want in zip(worker["weights"], single["weights"]):
            np.testing.assert_allclose(got, want, **TOLERANCE)
    np.testing.assert_allclose(reloaded_predict, workers[0]["predict"], **TOLERANCE)


@pytest.mark.skipif(keras.backend.backend() != "tensorflow",
                    reason="TensorFlow's MultiWorkerMirroredStrategy: runs in the CI pass with KERAS_BACKEND=tensorflow")
def test_tensorflow_multi_worker_on_two_processes_matches_one_process(tmp_path):
    script = EXAMPLES / "tensorflow_multi_worker.py"
    workers = [f"localhost:{port}" for port in free_ports(2)]
    run_processes([
        ([sys.executable, str(script), "--save", str(tmp_path / "model.keras"), "--report", str(tmp_path / "two")],
         {"TF_CONFIG": json.dumps({"cluster": {"worker": workers}, "task": {"type": "worker", "index": index}})})
        for index in range(2)
    ] + [([sys.executable, str(script), "--save", str(tmp_path / "single.keras"), "--report", str(tmp_path / "one")],
          {})], cwd=tmp_path)
    workers, (single,) = _reports(tmp_path / "two", 2), _reports(tmp_path / "one", 1)
    assert [worker["replicas"] for worker in workers] == [2, 2] and single["replicas"] == 1
    # Only the chief's file is left (the other worker saved to a temporary folder it removed).
    assert sorted(path.name for path in tmp_path.glob("*.keras")) == ["model.keras", "single.keras"]
    (reloaded,) = _reloaded_predictions(script, [tmp_path / "model.keras"], tmp_path)
    _assert_processes_agree(workers, single, reloaded)


@pytest.mark.skipif(keras.backend.backend() != "jax",
                    reason="keras.distribution runs on JAX: runs in the CI pass with KERAS_BACKEND=jax")
def test_jax_data_parallel_and_model_parallel_on_two_processes_match_one_process(tmp_path):
    script = EXAMPLES / "jax_multi_process.py"
    data, model = free_ports(2)

    def process(port, index, layout, folder):
        return ([sys.executable, str(script), f"--layout={layout}", "--save", str(tmp_path / f"{folder}.keras"),
                 "--report", str(tmp_path / folder)],
                {"KERAS_DISTRIBUTION_JOB_ADDRESSES": f"localhost:{port}", "KERAS_DISTRIBUTION_NUM_PROCESSES": "2",
                 "KERAS_DISTRIBUTION_PROCESS_ID": str(index)})

    run_processes([process(data, index, "data", "data") for index in range(2)]
                  + [([sys.executable, str(script), "--save", str(tmp_path / "one.keras"),
                       "--report", str(tmp_path / "one")], {})], cwd=tmp_path)
    run_processes([process(model, index, "model", "model") for index in range(2)], cwd=tmp_path)
    (single,) = _reports(tmp_path / "one", 1)
    data_parallel, model_parallel = _reports(tmp_path / "data", 2), _reports(tmp_path / "model", 2)
    assert single["devices"] == 1
    assert [worker["devices"] for worker in data_parallel + model_parallel] == [2] * 4
    shapes = [list(np.shape(w)) for w in single["weights"]]
    # DataParallel: a whole copy of every variable on each process's device.
    assert all(worker["placement"] == [[2, s] for s in shapes] for worker in data_parallel)
    # ModelParallel: the encoder LSTM's kernel (3, 32) and the head's (4, 2)
    # are split by columns between the two processes; the rest is copied.
    split = {0: [3, 16], 8: [4, 1]}
    assert all(worker["placement"] == [[2, split.get(i, s)] for i, s in enumerate(shapes)]
               for worker in model_parallel)
    assert sorted(path.name for path in tmp_path.glob("*.keras")) == ["data.keras", "model.keras", "one.keras"]
    reloaded = _reloaded_predictions(script, [tmp_path / "data.keras", tmp_path / "model.keras"], tmp_path)
    _assert_processes_agree(data_parallel, single, reloaded[0])
    _assert_processes_agree(model_parallel, single, reloaded[1])


@pytest.mark.skipif(keras.backend.backend() != "torch",
                    reason="PyTorch's DistributedDataParallel: runs in the CI pass with KERAS_BACKEND=torch")
def test_torch_ddp_on_two_processes_matches_one_process(tmp_path):
    script = EXAMPLES / "torch_ddp.py"

    def torchrun(processes, port, name):
        return ([sys.executable, "-m", "torch.distributed.run", f"--nproc-per-node={processes}",
                 f"--master-port={port}", str(script), "--save", str(tmp_path / f"{name}.keras"),
                 "--report", str(tmp_path / name)], {})

    two, one = free_ports(2)
    run_processes([torchrun(2, two, "two"), torchrun(1, one, "one")], cwd=tmp_path)
    workers, (single,) = _reports(tmp_path / "two", 2), _reports(tmp_path / "one", 1)
    assert sorted(path.name for path in tmp_path.glob("*.keras")) == ["one.keras", "two.keras"]
    (reloaded,) = _reloaded_predictions(script, [tmp_path / "two.keras"], tmp_path)
    _assert_processes_agree(workers, single, reloaded)


@pytest.mark.skipif(keras.backend.backend() != "torch",
                    reason="PyTorch's DistributedDataParallel: runs in the CI pass with KERAS_BACKEND=torch")
def test_torch_ddp_step_runs_the_lstms_on_the_fused_kernel(monkeypatch):
    """The training step of torch_ddp.py, in a one-process group: both LSTMs
    (the encoder and the one the custom layer pipes into) run on torch's
    fused kernel through the DDP wrapper, and every weight gets a gradient."""
    import torch
    import torch.distributed as dist

    monkeypatch.syspath_prepend(str(EXAMPLES))
    import piped_model

    calls = []
    fused_lstm = torch.lstm
    monkeypatch.setattr(torch, "lstm", lambda *args, **kwargs: calls.append(1) or fused_lstm(*args, **kwargs))
    dist.init_process_group("gloo", store=dist.HashStore(), rank=0, world_size=1)
    try:
        model = piped_model.build_model()
        ddp_model = torch.nn.parallel.DistributedDataParallel(model)
        x, y = (torch.from_numpy(a[:8]) for a in piped_model.training_data())
        calls.clear()  # building the model ran the layers on shapes alone
        torch.nn.functional.mse_loss(ddp_model(x, training=True), y).backward()
    finally:
        dist.destroy_process_group()
    assert len(calls) == 2
    assert all(w.value.grad is not None and torch.any(w.value.grad != 0) for w in model.trainable_weights)


@BACKEND_NEUTRAL
def test_a_hung_worker_fails_the_run_within_its_limit_and_every_process_is_killed(tmp_path):
    """What a hung collective looks like: one process waits forever, here
    with a child in a session of its own (as torchrun's workers may be)."""
    grandchild_pid = tmp_path / "grandchild.pid"
    hang = ("import subprocess, sys, time; child = subprocess.Popen([sys.executable, '-c', 'import time; "
            "time.sleep(600)'], start_new_session=True); open(sys.argv[1], 'w').write(str(child.pid)); time.sleep(600)")
    with pytest.raises(pytest.fail.Exception, match=r"(?s)ran past the time limit.*process 0 \(exit -9\)"):
        run_processes([([sys.executable, "-c", hang, str(grandchild_pid)], {}),
                       ([sys.executable, "-c", "print('done')"], {})], cwd=tmp_path, limit=5)
    pid = int(grandchild_pid.read_text())
    # SIGKILL takes effect when the process next runs: on a loaded machine, give it a few seconds.
    deadline = time.monotonic() + 10
    while not _gone(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _gone(pid)


def _gone(pid):
    """The process has ended (exited, or a zombie waiting to be reaped)."""
    try:
        return "Z" in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1][:3]
    except FileNotFoundError:
        return True


@BACKEND_NEUTRAL
def test_a_failing_worker_stops_the_others_at_once(tmp_path):
    # The other process is killed (exit -9) instead of waiting out the limit.
    with pytest.raises(pytest.fail.Exception, match=r"(?s)a process failed.*exit 3.*process 1 \(exit -9\)"):
        run_processes([([sys.executable, "-c", "import sys; sys.exit(3)"], {}),
                       ([sys.executable, "-c", "import time; time.sleep(600)"], {})], cwd=tmp_path)
