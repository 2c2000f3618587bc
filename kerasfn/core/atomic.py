"""Files written whole or not at all: what kerasfn saves replaces the old file only once it is complete.

Keras opens its target before writing, so a save that fails midway (a full
disk, Ctrl-C, a model whose config cannot be serialised) leaves a truncated
file where a good one was.  Every kerasfn writer goes through
:func:`replacing` instead: the writer writes into a new hidden folder beside
the target, under the target's own name (so a writer that adds files of its
own, weight shards beside a ``.weights.json``, writes them there too), and
only when it has returned is each entry it wrote renamed over the entry of
the same name beside the target.  A rename within one folder is atomic; on
any failure, the hidden folder is removed and nothing beside the target has
changed.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import keras

__all__ = ["ModelCheckpoint", "refuse_to_overwrite", "replacing", "write_model", "write_weights"]


def refuse_to_overwrite(filepath: str | os.PathLike, overwrite: bool) -> None:
    """R's ``confirm_overwrite()`` outside an interactive session: an existing file is an error."""
    if os.path.exists(filepath) and not overwrite:
        raise FileExistsError(f"`filepath` {os.fspath(filepath)!r} exists; pass overwrite=True to replace it.")


@contextmanager
def replacing(path: str | os.PathLike) -> Iterator[str]:
    """``with replacing(path) as staged: write(staged)``: ``path`` is replaced only if the block completes.

    ``staged`` has ``path``'s file name, in a new hidden folder beside
    ``path``.  When the block returns, every entry in that folder replaces
    the entry of the same name beside ``path`` (a folder merges into an
    existing folder, entry by entry, so files already there that the
    writer did not write stay).  When the block raises anything, a
    ``KeyboardInterrupt`` too, the folder is removed, nothing beside
    ``path`` changes, and the error names ``path``: an ``OSError`` is raised
    again with ``path`` as its file name; any other error gets a note.
    A ``path`` that is a symbolic link has the file it points to replaced,
    as a write through the link would.  A URL (``gs://...``, ``s3://...``)
    is written as it is: an object store replaces an object only once its
    upload completes.
    """
    if "://" in os.fspath(path):
        yield os.fspath(path)
        return
    destination = os.path.realpath(path)
    folder, name = os.path.split(destination)
    staging = None
    try:
        staging = tempfile.mkdtemp(prefix=f".{name[:64]}.", suffix=".partial", dir=folder)  # within NAME_MAX
        yield os.path.join(staging, name)
        for entry in sorted(os.listdir(staging)):
            _move(os.path.join(staging, entry), os.path.join(folder, entry))
    except OSError as error:
        if error.errno is None:
            _note(error, path)
            raise
        raise OSError(error.errno, error.strerror, os.fspath(path)) from error
    except BaseException as error:
        _note(error, path)
        raise
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)


def _note(error: BaseException, path: str | os.PathLike) -> None:
    if hasattr(error, "add_note"):  # Python 3.11 and later
        error.add_note(f"Writing {os.fspath(path)!r} did not complete; what was there is unchanged.")


def _move(source: str, target: str) -> None:
    """Rename ``source`` over ``target``; a folder onto a folder entry by entry."""
    if os.path.isdir(source) and os.path.isdir(target) and not os.path.islink(target):
        for entry in sorted(os.listdir(source)):
            _move(os.path.join(source, entry), os.path.join(target, entry))
        return
    if os.path.isfile(target):  # the replaced file's permissions, as a write into it would have kept
        os.chmod(source, stat.S_IMODE(os.stat(target).st_mode))
    os.replace(source, target)


def write_model(model: keras.Model, filepath: str | os.PathLike, **kwargs: Any) -> None:
    """``model.save(filepath, overwrite=True, **kwargs)``, replacing ``filepath`` only when complete."""
    with replacing(filepath) as staged:
        model.save(staged, overwrite=True, **kwargs)


def write_weights(model: keras.Model, filepath: str | os.PathLike, **kwargs: Any) -> None:
    """``model.save_weights(filepath, overwrite=True, **kwargs)``, replacing ``filepath`` only when complete."""
    with replacing(filepath) as staged:
        model.save_weights(staged, overwrite=True, **kwargs)


class _WholeFileSaves:
    """The model a checkpoint saves, whose ``save()`` and ``save_weights()``
    (what Keras' ``ModelCheckpoint`` calls) write whole files; every other
    attribute is the model's own."""

    def __init__(self, model: keras.Model) -> None:
        self._saved_model = model

    def __getattr__(self, name: str) -> Any:
        return getattr(self._saved_model, name)

    def save(self, filepath: str | os.PathLike, overwrite: bool = True, **kwargs: Any) -> None:
        write_model(self._saved_model, filepath, **kwargs)

    def save_weights(self, filepath: str | os.PathLike, overwrite: bool = True, **kwargs: Any) -> None:
        write_weights(self._saved_model, filepath, **kwargs)


class ModelCheckpoint(keras.callbacks.ModelCheckpoint):
    """Keras' ``ModelCheckpoint``, each checkpoint written whole or not at all.

    A save that fails or is interrupted leaves the previous checkpoint as it
    was (Keras' own truncates it first).  Everything else is Keras'.
    """

    @property
    def model(self) -> Any:
        model = super().model
        return None if model is None else _WholeFileSaves(model)
