"""kerasfn.base_r.conditions: ``stop()``, ``stopifnot()``, ``warning()`` and ``message()`` as R
signals and words them."""

from __future__ import annotations

import contextlib
import io

import numpy as np
import pytest

from kerasfn.base_r import (
    RError,
    RWarning,
    message,
    stop,
    stopifnot,
    warning,
)


def test_conditions_as_r():
    with pytest.raises(RError, match="^x must be positive, not -1$"):
        stop("x must be positive, not ", -1)  # R: conditionMessage(tryCatch(stop("x must be ...", -1), ...))
    with pytest.raises(RError, match="^x must be positive$"):
        stopifnot(**{"x must be positive": -1 > 0})  # R 4: stopifnot("x must be positive" = -1 > 0)
    with pytest.raises(RError, match="argument 2 is not TRUE"):
        stopifnot(True, False)
    with pytest.raises(RError, match="are not all TRUE"):
        stopifnot(np.array([True, False]))
    stopifnot(True, np.array([True, True]))
    with pytest.warns(RWarning, match="^careful$"):
        assert warning("care", "ful") == "careful"
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        message("done: ", 3)  # R: message("done: ", 3) writes "done: 3\n" to stderr
    assert err.getvalue() == "done: 3\n"
