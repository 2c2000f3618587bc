"""Issue 12 (1): importing kerasfn or running the demo prints only kerasfn's own output."""

import os
import subprocess
import sys

import pytest

from kerasfn.startup import STARTUP_NOISE


def _run(code, **env):
    environment = {key: value for key, value in os.environ.items() if key != "TF_CPP_MIN_LOG_LEVEL"}
    environment.update(env)
    return subprocess.run([sys.executable, *code], capture_output=True, text=True, env=environment, timeout=300)


def test_the_demo_prints_only_its_own_output():
    result = _run(["-m", "kerasfn"])
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "shape(output) -> shape(32, 4)" in result.stdout


def test_native_logs_the_user_asked_for_are_kept():
    result = _run(["-c", "import kerasfn"], TF_CPP_MIN_LOG_LEVEL="0")
    if "tensorflow" not in result.stderr.lower() and not any(STARTUP_NOISE.match(line) for line in result.stderr.splitlines()):
        pytest.skip("this TensorFlow build prints no start-up lines")
    assert any(STARTUP_NOISE.match(line) for line in result.stderr.splitlines())


def test_import_prints_nothing_but_python_warnings_still_show():
    assert _run(["-c", "import kerasfn"]).stderr == ""
    result = _run(["-c", "import warnings, kerasfn; warnings.warn('about your code')"])
    assert result.stderr.strip().endswith("UserWarning: about your code")


@pytest.mark.parametrize("line, noise", [
    ("WARNING: All log messages before absl::InitializeLog() is called are written to STDERR", True),
    ("I0000 00:00:1795314599.904129    9568 port.cc:153] oneDNN custom operations are on.", True),
    ("E0000 00:00:1795313151.199682   12594 cuda_platform.cc:52] failed call to cuInit: INTERNAL: CUDA error", True),
    ("E0000 00:00:1795313151.199682   12594 op_kernel.cc:52] a real error", False),
    ("UserWarning: something about the user's code", False),
])
def test_only_start_up_lines_are_dropped(line, noise):
    assert bool(STARTUP_NOISE.match(line)) == noise
