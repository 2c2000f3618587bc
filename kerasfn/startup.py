"""A quiet start: TensorFlow's native start-up log lines are not printed.

Importing TensorFlow 2.21 writes absl INFO lines (oneDNN, CUDA stubs, CPU
features) and, on a machine without a GPU, an error-looking "failed call
to cuInit" to the process's stderr from C++, before ``TF_CPP_MIN_LOG_LEVEL``
applies, so no environment variable silences them.  kerasfn imports Keras
with the process's stderr (file descriptor 2) sent through a pipe to a small
filter process, which writes back every line that is not one of those
start-up lines (Python warnings, other native warnings and errors pass)
once the import has succeeded.  When the import fails, or the process dies
during it (TensorFlow aborts on a CPU it was not built for), the filter
writes back everything that was printed, unfiltered.  Where no filter
process can be started (Python embedded in another program, such as R's
reticulate, or a sandbox), the lines are captured in a temporary file
instead (written back the same way, except after the process has died).

TensorFlow reads ``TF_CPP_MIN_LOG_LEVEL`` once, at its first native log
line, during the import.  Where the user has not set it, kerasfn sets it to
1 for the import and removes it afterwards: the process keeps TensorFlow's
native warnings and errors (level 1 hides INFO lines only, such as XLA's
"Compiled cluster using XLA!" on the first ``fit()``), and ``os.environ``
and child processes see the user's environment unchanged.

On JAX and PyTorch, Keras imports TensorFlow only when it first needs it
(at the first ``fit()`` or ``predict()``); ``import kerasfn`` makes that
later import run inside :func:`quiet_native_startup` too
(:func:`kerasfn.rcall.internals.import_tensorflow_later_within`).

A user who sets ``TF_CPP_MIN_LOG_LEVEL`` to 0 or 1 asked for native logs
and gets them untouched; one who imported TensorFlow before kerasfn has
seen them already.  A process without stderr (``2>&-``, ``pythonw``, some
daemons) is left as it is.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator

__all__ = ["STARTUP_NOISE", "MissingBackendError", "initialize_backend", "quiet_native_startup"]

STARTUP_NOISE = re.compile(
    r"^(WARNING: All log messages before absl::InitializeLog\(\) is called are written to STDERR"
    r"|I\d{4} [\d:.]+ +\d+ \w+\.cc:\d+\] "
    r"|E\d{4} [\d:.]+ +\d+ cuda_\w+\.cc:\d+\] failed call to cuInit"
    r"|To enable the following instructions: .*rebuild TensorFlow with the appropriate compiler flags)"
)

#: Written by kerasfn into the captured stream once the import has succeeded:
#: without it, the filter writes back everything (the import failed or the process died).
_IMPORT_SUCCEEDED = b"\0kerasfn: import succeeded\0\n"

#: The filter process's program: it reads the captured stream from stdin and
#: writes to stdout, the process's original stderr.
_FILTER_PROGRAM = """
import re, sys
noise = re.compile({pattern!r}.encode())
done = {done!r}
captured = sys.stdin.buffer.readlines()
succeeded = bool(captured) and captured[-1] == done
kept = [line for line in captured[:-1] if not noise.match(line)] if succeeded else captured
sys.stdout.buffer.write(b"".join(kept))
sys.stdout.buffer.flush()
"""

_LOG_LEVEL = "TF_CPP_MIN_LOG_LEVEL"


def _user_wants_native_logs() -> bool:
    level = os.environ.get(_LOG_LEVEL)
    return level is not None and level.strip() in ("0", "1")


def _has_stderr() -> bool:
    """Whether file descriptor 2 is open (not under ``2>&-``)."""
    try:
        os.fstat(2)
    except OSError:
        return False
    return True


def _flush_stderr() -> None:
    if sys.stderr is not None:  # None under pythonw, or with stderr closed
        sys.stderr.flush()


def _write_back(saved: int, captured: bytes, succeeded: bool) -> None:
    """The temporary-file fallback's filter: the same rule as the filter process's."""
    lines = captured.splitlines(keepends=True)
    kept = [line for line in lines if not STARTUP_NOISE.match(line.decode(errors="replace"))] if succeeded else lines
    os.write(saved, b"".join(kept))


#: An interpreter's file name: where Python is embedded (R's reticulate, uWSGI),
#: ``sys.executable`` may be the host program, which must not be run as the filter.
_INTERPRETER = re.compile(r"^(python|pypy)[\d.]*(\.exe)?$", re.IGNORECASE)


def _start_filter(saved: int) -> subprocess.Popen | None:
    """The filter process, writing to ``saved`` (the original stderr); ``None``
    where no process can be started (no interpreter to run, a sandbox)."""
    if not sys.executable or not _INTERPRETER.match(os.path.basename(sys.executable)):
        return None
    program = _FILTER_PROGRAM.format(pattern=STARTUP_NOISE.pattern, done=_IMPORT_SUCCEEDED)
    try:
        return subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", program],
            stdin=subprocess.PIPE, stdout=saved, stderr=saved,
            start_new_session=True,  # a Ctrl-C during the import stops the import, not the filter
        )
    except OSError:
        return None


@contextlib.contextmanager
def _native_log_level_for_import() -> Iterator[None]:
    """``TF_CPP_MIN_LOG_LEVEL=1`` while TensorFlow reads it, then the user's
    environment as it was (see the module docstring)."""
    if _LOG_LEVEL in os.environ:
        yield
        return
    os.environ[_LOG_LEVEL] = "1"
    try:
        yield
    finally:
        os.environ.pop(_LOG_LEVEL, None)


@contextlib.contextmanager
def quiet_native_startup() -> Iterator[None]:
    """Run the block (Keras' and TensorFlow's import) with their start-up lines filtered from stderr."""
    if "tensorflow" in sys.modules or _user_wants_native_logs() or not _has_stderr():
        yield
        return
    with _native_log_level_for_import():
        _flush_stderr()
        saved = os.dup(2)
        filter_process = _start_filter(saved)
        capture = tempfile.TemporaryFile() if filter_process is None else None
        os.dup2(filter_process.stdin.fileno() if capture is None else capture.fileno(), 2)
        succeeded = False
        try:
            yield
            succeeded = True
        finally:
            _flush_stderr()
            if filter_process is not None:
                if succeeded:
                    os.write(2, _IMPORT_SUCCEEDED)
                os.dup2(saved, 2)
                filter_process.stdin.close()
                with contextlib.suppress(subprocess.TimeoutExpired):  # a child of the import holding the pipe
                    filter_process.wait(timeout=5)
            else:
                os.dup2(saved, 2)
                capture.seek(0)
                _write_back(saved, capture.read(), succeeded)
                capture.close()
            os.close(saved)


class MissingBackendError(ModuleNotFoundError):
    """The Keras backend chosen is not installed."""


#: The package each backend imports first, and the extra that installs it.
_BACKEND_EXTRAS = {"jax": "jax", "jaxlib": "jax", "torch": "torch"}


def _missing_backend(error: ModuleNotFoundError) -> MissingBackendError | None:
    """A one-line error naming the extra to install, for a backend package
    Keras could not import; ``None`` for any other missing module."""
    package = (error.name or "").partition(".")[0]
    extra = _BACKEND_EXTRAS.get(package)
    if extra is None:
        return None
    chosen = os.environ.get("KERAS_BACKEND")
    source = f'KERAS_BACKEND is "{chosen}"' if chosen else "Keras' configured backend (~/.keras/keras.json) is " + extra
    return MissingBackendError(
        f'{source}, but {package} is not installed: pip install "kerasfn[{extra}]" '
        f'(in a kerasfn source checkout: pip install -e ".[{extra}]"), or choose another backend.',
        name=package,
    )


def initialize_backend() -> None:
    """Load Keras and let TensorFlow look for devices now, inside the quiet block
    (the cuInit line comes when devices are first listed, not at import)."""
    try:
        import keras
    except ModuleNotFoundError as error:
        missing = _missing_backend(error)
        if missing is None:
            raise
        raise missing from None

    if keras.backend.backend() == "tensorflow":
        import tensorflow as tf

        tf.config.list_physical_devices()
