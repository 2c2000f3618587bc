"""Reading saved files back: a file that is missing, truncated or not what it should be is reported as such.

Keras answers a damaged file with whatever its reader hits first: a bare
``JSONDecodeError`` or ``BadZipFile`` that names no file, h5py's "Unable to
synchronously open file", or "File not found" for a file that exists.  Each
kerasfn loader checks its file first and reads it inside
:func:`reading`, so the user gets a ``ValueError`` that names the file and
says what is wrong with it.
"""

from __future__ import annotations

import json
import os
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from kerasfn.rcall.converters import describe

__all__ = ["check_model_archive", "check_weights_file", "read_config", "reading"]


def _existing(name: str, path: Any, what: str) -> str:
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"`{name}` must be the path of {what}; received {describe(path)}.")
    if not os.path.exists(path):
        raise FileNotFoundError(f"`{name}` {os.fspath(path)!r} does not exist.")
    return os.fspath(path)


def _damaged(name: str, path: str, problem: str) -> ValueError:
    return ValueError(f"`{name}` {path!r} {problem}.")


def _json(name: str, path: str, text: bytes, what: str) -> Any:
    if not text.strip():
        raise _damaged(name, path, f"is empty: not {what}")
    try:
        return json.loads(text.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise _damaged(name, path, f"is not {what}: not text ({error})") from None
    except json.JSONDecodeError as error:
        raise _damaged(name, path, f"is not {what}: not valid JSON: {error} (truncated or corrupt?)") from None


def check_model_archive(name: str, path: Any) -> str:
    """The path of a ``.keras`` file (or a folder, which Keras reads itself),
    after checking it is a Keras archive with a readable configuration."""
    path = _existing(name, path, "a saved model")
    if os.path.isdir(path) or not path.endswith(".keras"):
        return path
    if not zipfile.is_zipfile(path):
        size = os.path.getsize(path)
        problem = "is empty" if size == 0 else f"is not a .keras archive ({size} bytes; truncated or corrupt?)"
        raise _damaged(name, path, problem)
    with reading(name, path), zipfile.ZipFile(path) as archive:
        if "config.json" not in archive.namelist():
            raise _damaged(name, path, "is not a .keras archive: a zip file without the model's config.json")
        config = _json(name, path, archive.read("config.json"), "a .keras archive (its config.json)")
    if not isinstance(config, dict) or "class_name" not in config:
        raise _damaged(name, path, "is not a .keras archive: its config.json is not a Keras configuration")
    return path


def check_weights_file(name: str, path: Any) -> str:
    """The path of a weights file (``.weights.h5``, ``.weights.json`` with its
    shards, or a ``.keras`` archive), after checking it can be opened."""
    path = _existing(name, path, "a weights file")
    if path.endswith(".keras"):
        return check_model_archive(name, path)
    if path.endswith(".json"):
        with open(path, "rb") as file:
            _json(name, path, file.read(), "a weights index")
        return path
    import h5py

    try:
        with h5py.File(path, "r"):
            pass
    except OSError as error:
        size = os.path.getsize(path)
        kind = "empty" if size == 0 else "truncated" if "truncated" in str(error) else "not an HDF5 weights file"
        raise _damaged(name, path, f"is {kind} ({size} bytes; h5py: {error})") from None
    return path


def read_config(name: str, path: Any) -> str:
    """The text of a JSON model configuration file, checked to be one."""
    path = _existing(name, path, "a model configuration")
    with open(path, "rb") as file:
        text = file.read()
    config = _json(name, path, text, "a model configuration")
    if not isinstance(config, dict) or "class_name" not in config:
        raise _damaged(name, path, f"is JSON but not a Keras model configuration ({describe(config)})")
    return text.decode("utf-8")


@contextmanager
def reading(name: str, path: str) -> Iterator[None]:
    """Reading ``path`` inside this block: damage found on the way (a bad
    checksum, a cut compressed stream, HDF5 data that cannot be read) is a
    ``ValueError`` naming the file; any other error is left as it is."""
    try:
        yield
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise _damaged(name, path, f"is corrupt ({type(error).__name__}: {error})") from error
    except OSError as error:
        if error.errno is not None:  # the system's own errors (permissions, ...) already name the file
            raise
        raise _damaged(name, path, f"cannot be read (truncated or corrupt?): {error}") from error
