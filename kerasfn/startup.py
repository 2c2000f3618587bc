"""A quiet start: TensorFlow's native start-up log lines are not printed.

Importing TensorFlow 2.21 writes absl INFO lines (oneDNN, CUDA stubs, CPU
features) and, on a machine without a GPU, an error-looking "failed call
to cuInit" to the process's stderr from C++, before ``TF_CPP_MIN_LOG_LEVEL``
applies, so no environment variable silences them.  kerasfn imports Keras
with stderr captured, then writes back every line that is not one of those
start-up lines (Python warnings, other native warnings and errors pass).

A user who sets ``TF_CPP_MIN_LOG_LEVEL`` to 0 or 1 asked for native logs
and gets them untouched; one who imported TensorFlow before kerasfn has
seen them already.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Iterator

__all__ = ["STARTUP_NOISE", "quiet_native_startup"]

STARTUP_NOISE = re.compile(
    r"^(WARNING: All log messages before absl::InitializeLog\(\) is called are written to STDERR"
    r"|I\d{4} [\d:.]+ +\d+ \w+\.cc:\d+\] "
    r"|E\d{4} [\d:.]+ +\d+ cuda_\w+\.cc:\d+\] failed call to cuInit"
    r"|To enable the following instructions: .*rebuild TensorFlow with the appropriate compiler flags)"
)


def _user_wants_native_logs() -> bool:
    level = os.environ.get("TF_CPP_MIN_LOG_LEVEL")
    return level is not None and level.strip() in ("0", "1")


@contextlib.contextmanager
def quiet_native_startup() -> Iterator[None]:
    """Run the block (Keras' and TensorFlow's import) with their start-up lines filtered from stderr."""
    if "tensorflow" in sys.modules or _user_wants_native_logs():
        yield
        return
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # later INFO/WARNING lines from native code too
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as capture:
        os.dup2(capture.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            capture.seek(0)
            for line in capture.read().decode(errors="replace").splitlines(keepends=True):
                if not STARTUP_NOISE.match(line):
                    sys.stderr.write(line)
            sys.stderr.flush()


def initialize_backend() -> None:
    """Load Keras and let TensorFlow look for devices now, inside the quiet block
    (the cuInit line comes when devices are first listed, not at import)."""
    import keras

    if keras.backend.backend() == "tensorflow":
        import tensorflow as tf

        tf.config.list_physical_devices()
