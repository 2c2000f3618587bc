"""kerasfn: R keras3's functional, pipe-friendly layer API, in Python, on Keras 3.

``x | layer_lstm(4)`` is R's ``x |> layer_lstm(4)``; every ``layer_*``
function dispatches on its first argument (see :mod:`kerasfn.rcall.dispatch`).

``import kerasfn`` starts Keras (quietly: :mod:`kerasfn.startup`) and loads
the whole vocabulary (:mod:`kerasfn.exports`).  One process skips both: the
translator's command, ``python -m kerasfn.port script.R``, which reads and
writes text only.
"""

import sys as _sys

__version__ = "0.1.0"


def _runs_translator_only(argv: list[str]) -> bool:
    """Whether this process is ``python -m kerasfn.port ...`` (``argv``: ``sys.orig_argv``).

    Python imports this package before it runs the translator's command, which
    needs neither Keras nor TensorFlow: loading them would add seconds to every
    translation.  ``sys.argv[0]`` is ``"-m"`` only while Python locates the
    module to run; anything unrecognised loads everything, as usual.
    """
    if _sys.argv[:1] != ["-m"]:
        return False
    for position, argument in enumerate(argv[1:], start=1):
        if argument.startswith("-m"):  # `-m kerasfn.port` or `-mkerasfn.port`
            module = argument[2:] or "".join(argv[position + 1:position + 2])
            return module in ("kerasfn.port", "kerasfn.port.__main__")
    return False


if not _runs_translator_only(getattr(_sys, "orig_argv", [])):
    from kerasfn.startup import MissingBackendError as _MissingBackendError
    from kerasfn.startup import initialize_backend as _initialize_backend
    from kerasfn.startup import quiet_native_startup as _quiet_native_startup

    with _quiet_native_startup():  # Keras is imported here, before the API
        try:
            _initialize_backend()
        except _MissingBackendError as _error:  # one line naming the extra, not Keras' import chain
            raise _error.with_traceback(None) from None

    import keras as _keras

    from kerasfn.rcall import internals as _internals

    if _keras.backend.backend() != "tensorflow":  # Keras may import TensorFlow later: quietly too
        _internals.import_tensorflow_later_within(_quiet_native_startup)

    from kerasfn.exports import *  # noqa: F403  (the whole vocabulary)
    from kerasfn.exports import __all__  # noqa: F401
