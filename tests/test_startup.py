"""kerasfn.startup: importing kerasfn prints only what the user's own code causes, and leaves their log level as it was.

Each check needs a fresh Python process, and starting one costs a TensorFlow
import: the checks that need nothing but the user's default environment
share one process (:func:`default_session`).
"""

import os
import shutil
import subprocess
import sys

import keras
import pytest

from kerasfn.startup import STARTUP_NOISE

#: Written to stderr by the shared session once ``import kerasfn`` has returned.
_AFTER_THE_IMPORT = "-- after the import --"

#: The user's default environment: import kerasfn, print the log level the user
#: had, then do what must still print afterwards (a Python warning; on
#: TensorFlow, a native warning from tf.data).
_DEFAULT_SESSION = f"""
import os, sys
import kerasfn
print(os.environ.get("TF_CPP_MIN_LOG_LEVEL"))
sys.stderr.flush()
os.write(2, b"{_AFTER_THE_IMPORT}\\n")
if {keras.backend.backend() == "tensorflow"}:
    # tf.data warns (native code, W level) when a cached dataset is not read to its end
    import gc, tensorflow as tf
    iterator = iter(tf.data.Dataset.range(10).cache()); next(iterator); del iterator; gc.collect()
import warnings
warnings.warn("about your code")
"""

_TF_DATA_WARNING = "did not fully read the dataset being cached"


def _run(code, **env):
    environment = {key: value for key, value in os.environ.items() if key != "TF_CPP_MIN_LOG_LEVEL"}
    environment.update(env)
    return subprocess.run([sys.executable, *code], capture_output=True, text=True, env=environment, timeout=300)


@pytest.fixture(scope="module")
def default_session():
    """``(stdout, stderr during the import, stderr after it)`` of one fresh process running :data:`_DEFAULT_SESSION`."""
    result = _run(["-c", _DEFAULT_SESSION])
    assert result.returncode == 0, result.stderr
    during, marker, after = result.stderr.partition(_AFTER_THE_IMPORT + "\n")
    assert marker, result.stderr
    return result.stdout, during, after


def test_import_prints_nothing(default_session):
    _, during, _ = default_session
    assert during == ""


def test_after_the_import_python_warnings_and_nothing_else_show(default_session):
    # Every line after the import is one the session's own code caused: nothing is printed at exit either.
    _, _, after = default_session
    lines = after.splitlines()
    assert lines[-1].endswith("UserWarning: about your code")
    assert [line for line in lines[:-1] if _TF_DATA_WARNING not in line] == []


@pytest.mark.skipif(keras.backend.backend() != "tensorflow", reason="a TensorFlow warning")
def test_tensorflows_later_warnings_still_show(default_session):
    _, _, after = default_session
    assert _TF_DATA_WARNING in after


def test_native_logs_the_user_asked_for_are_kept():
    result = _run(["-c", "import os, kerasfn; print(os.environ.get('TF_CPP_MIN_LOG_LEVEL'))"], TF_CPP_MIN_LOG_LEVEL="0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"  # the user's log level, as it was
    if "tensorflow" not in result.stderr.lower() and not any(STARTUP_NOISE.match(line) for line in result.stderr.splitlines()):
        pytest.skip("this TensorFlow build prints no start-up lines")
    assert any(STARTUP_NOISE.match(line) for line in result.stderr.splitlines())


@pytest.mark.parametrize("line, noise", [
    ("WARNING: All log messages before absl::InitializeLog() is called are written to STDERR", True),
    ("I0000 00:00:1795314599.904129    9568 port.cc:153] oneDNN custom operations are on.", True),
    ("E0000 00:00:1795313151.199682   12594 cuda_platform.cc:52] failed call to cuInit: INTERNAL: CUDA error", True),
    ("E0000 00:00:1795313151.199682   12594 op_kernel.cc:52] a real error", False),
    ("UserWarning: something about the user's code", False),
])
def test_only_start_up_lines_are_dropped(line, noise):
    assert bool(STARTUP_NOISE.match(line)) == noise


# -- Import hygiene: a process without stderr, output replayed on failure, the user's log level --------


def test_import_works_in_a_process_without_stderr():
    # `2>&-` closes file descriptor 2 (Python then sets sys.stderr to None): plain `import keras` works there
    script = f'{sys.executable} -c "import kerasfn, sys; print(sys.stderr is None)" 2>&-'
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=300,
                            env={k: v for k, v in os.environ.items() if k != "TF_CPP_MIN_LOG_LEVEL"})
    assert result.returncode == 0
    assert result.stdout.strip() == "True"


@pytest.fixture(scope="module")
def quiet_session_without_sys_stderr():
    """One fresh process of a user who set ``TF_CPP_MIN_LOG_LEVEL=3`` and whose ``sys.stderr`` is ``None``
    (pythonw and some daemons: file descriptor 2 exists, ``sys.stderr`` is ``None``)."""
    code = "import os, sys; sys.stderr = None; import kerasfn; print(os.environ.get('TF_CPP_MIN_LOG_LEVEL'))"
    return _run(["-c", code], TF_CPP_MIN_LOG_LEVEL="3")


def test_import_works_with_sys_stderr_none(quiet_session_without_sys_stderr):
    result = quiet_session_without_sys_stderr
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "3"


#: Stands in for TensorFlow's native code printing during Keras' import: a
#: start-up line, then a message, then what the test's argument says.
_NATIVE_PRINTS_THEN = """
import os, sys
class _NativeImport:
    def find_spec(self, name, path=None, target=None):
        if name == "keras":
            os.write(2, b"I0000 00:00:1795314599.904129    9568 port.cc:153] oneDNN custom operations are on.\\n")
            os.write(2, b"F0000 cpu_feature_guard.cc:1] The TensorFlow library was compiled to use AVX instructions\\n")
            {then}
sys.meta_path.insert(0, _NativeImport())
import kerasfn
"""


def test_a_fatal_message_is_replayed_when_the_process_dies_during_the_import():
    result = _run(["-c", _NATIVE_PRINTS_THEN.format(then="os.abort()")])
    assert result.returncode != 0
    assert "compiled to use AVX instructions" in result.stderr
    assert "oneDNN custom operations are on" in result.stderr  # everything, unfiltered


def test_what_was_printed_is_replayed_when_the_import_fails():
    result = _run(["-c", _NATIVE_PRINTS_THEN.format(then="raise RuntimeError('no AVX')")])
    assert result.returncode == 1
    assert "compiled to use AVX instructions" in result.stderr
    assert "oneDNN custom operations are on" in result.stderr
    assert result.stderr.rstrip().endswith("RuntimeError: no AVX")


def test_the_users_log_level_is_as_it_was_after_the_import(default_session, quiet_session_without_sys_stderr):
    # Unset stays unset, 3 stays 3 (and 0 stays 0: test_native_logs_the_user_asked_for_are_kept)
    stdout, _, _ = default_session
    assert stdout.splitlines()[0] == "None"
    assert quiet_session_without_sys_stderr.returncode == 0, quiet_session_without_sys_stderr.stderr
    assert quiet_session_without_sys_stderr.stdout.strip() == "3"


_BLOCK_IMPORT = """
import sys
class _NotInstalled:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == {package!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
sys.meta_path.insert(0, _NotInstalled())
import kerasfn
"""


@pytest.mark.parametrize("backend", ["jax", "torch"])
def test_a_backend_that_is_not_installed_names_the_extra_to_install(backend):
    result = _run(["-c", _BLOCK_IMPORT.format(package=backend)], KERAS_BACKEND=backend)
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert f'KERAS_BACKEND is "{backend}"' in last
    assert f'pip install "kerasfn[{backend}]"' in last and f'pip install -e ".[{backend}]"' in last
    assert "keras/src" not in result.stderr  # not Keras' import chain
    assert len(result.stderr.strip().splitlines()) <= 5


def test_a_users_pytest_file_with_a_star_import_collects_only_the_users_tests(pytester):
    # R's test_on_batch() is kerasfn's function, not a test: pytest would call it with a fixture `object`
    pytester.makepyfile(test_users_model="from kerasfn import *\n\n\ndef test_mine():\n    assert True\n")
    result = pytester.runpytest_inprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_where_python_is_embedded_the_start_up_lines_are_captured_in_a_file():
    # R's reticulate and uWSGI set sys.executable to their own program, which must not be run as the
    # filter; `true` stands for it (it exits at once, reading nothing)
    host = f"import sys; sys.executable = {shutil.which('true')!r}\n"
    result = _run(["-c", host + "import warnings, kerasfn; warnings.warn('about your code')"])
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().endswith("UserWarning: about your code")
    assert not any(STARTUP_NOISE.match(line) for line in result.stderr.splitlines())
    replayed = _run(["-c", host + _NATIVE_PRINTS_THEN.format(then="raise RuntimeError('no AVX')")])
    assert "compiled to use AVX instructions" in replayed.stderr and "oneDNN custom operations are on" in replayed.stderr



def test_the_translators_command_loads_neither_keras_nor_a_backend(tmp_path):
    script = tmp_path / "script.R"
    script.write_text("library(keras3)\nmodel <- keras_model_sequential() |> layer_dense(1)\n")
    result = _run(["-X", "importtime", "-m", "kerasfn.port", str(script), "-o", "-"])
    assert result.returncode == 0, result.stderr
    assert "keras_model_sequential() | layer_dense(1)" in result.stdout
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "kerasfn.port" in imported
    assert not imported & {"keras", "tensorflow", "jax", "torch", "kerasfn.api"}


@pytest.mark.parametrize("argv", [
    ["python", "-c", "import kerasfn"],
    ["python", "-m", "kerasfn"],
    ["python", "-m", "kerasfn.portable"],
    ["python", "script.py", "-m", "kerasfn.port"],
])
def test_every_other_process_loads_everything_on_import(argv, monkeypatch):
    import kerasfn

    monkeypatch.setattr(sys, "argv", ["-m" if "-m" in argv[1:2] else argv[1]])
    assert not kerasfn._runs_translator_only(argv)


@pytest.mark.parametrize("argv", [
    ["python", "-m", "kerasfn.port", "a.R"],
    ["python", "-X", "importtime", "-mkerasfn.port", "a.R"],
])
def test_the_translators_command_is_recognised(argv, monkeypatch):
    import kerasfn

    monkeypatch.setattr(sys, "argv", ["-m"])
    assert kerasfn._runs_translator_only(argv)
