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
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import keras
import numpy as np
import pytest

WORKER = Path(__file__).with_name("distributed_worker.py")
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
