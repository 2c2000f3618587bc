"""kerasfn.__main__: ``python -m kerasfn``, the README's first command, runs the seed examples and prints
only its own output.  One run, in a fresh process, shared by the tests below."""

import os
import subprocess
import sys

import pytest


@pytest.fixture(scope="module")
def demo() -> subprocess.CompletedProcess:
    # As a user runs it: their environment, without the quiet log level the test run may have set
    environment = {key: value for key, value in os.environ.items() if key != "TF_CPP_MIN_LOG_LEVEL"}
    return subprocess.run([sys.executable, "-m", "kerasfn"], capture_output=True, text=True, env=environment,
                          timeout=300)


def test_demo_runs_the_seed_examples(demo):
    assert demo.returncode == 0, demo.stderr
    for line in ["shape(output) -> shape(32, 4)", "shape(whole_seq_output) -> shape(32, 10, 4)",
                 "shape(final_memory_state) -> shape(32, 4)", "shape(final_carry_state) -> shape(32, 4)"]:
        assert line in demo.stdout
    assert "seq2seq" in demo.stdout and "shape(predict(model, x))" in demo.stdout


def test_the_demo_prints_only_its_own_output(demo):
    # On JAX and PyTorch too: there Keras' predict() imports TensorFlow (its tf.data support), quietly.
    assert demo.returncode == 0, demo.stderr
    assert demo.stderr == ""
