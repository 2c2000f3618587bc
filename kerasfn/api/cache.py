"""Files in the Keras cache (``~/.keras``): found offline, downloaded when possible, else a clear error.

R keras3's ``dataset_mnist()`` and ``imagenet_decode_predictions()`` call
Keras, which downloads the file into its cache on first use, and afterwards
re-downloads it whenever the cached copy does not match a recorded hash.
kerasfn looks in the cache first and uses what it finds as it is, so a
machine without network works from a copied cache; when the file is not
there it lets Keras download it, and when that fails it says which file is
missing and where to put it.  ``get_file()`` is R keras3's own download
helper.
"""

from __future__ import annotations

import os
import tarfile
import urllib.parse
import zipfile
from typing import Any

import keras

from kerasfn.rcall import internals
from kerasfn.rcall.binding import r_function
from kerasfn.rcall.converters import as_bool, as_string, required

__all__ = ["DatasetNotCachedError", "cache_dir", "cached_file", "get_file"]


class DatasetNotCachedError(FileNotFoundError):
    """A file kerasfn needs is not in the Keras cache and could not be downloaded."""


def cache_dir() -> str:
    """The Keras cache directory: ``$KERAS_HOME`` when set (read now, not at
    import, so a script or test can point it elsewhere), else Keras' own."""
    return os.path.expanduser(os.environ.get("KERAS_HOME") or internals.keras_home())


def _download(fname: str, origin: str, root: str, **options: Any) -> str:
    """Keras' download into the cache (a seam: tests replace it to stay offline)."""
    return keras.utils.get_file(fname, origin, cache_dir=root, **options)


def _extraction(datadir: str, fname: str) -> tuple[str, str]:
    """Where Keras' ``get_file(extract=True)`` keeps the archive and its contents."""
    if "." in fname:
        return os.path.join(datadir, fname), os.path.join(datadir, f"{fname[:fname.find('.')]}_extracted")
    return os.path.join(datadir, f"{fname}_archive"), os.path.join(datadir, fname)


def _extract(archive: str, target: str) -> None:
    if zipfile.is_zipfile(archive):
        with zipfile.ZipFile(archive) as opened:
            opened.extractall(target)
    else:
        with tarfile.open(archive) as opened:
            opened.extractall(target, filter="data")  # no paths outside target, no devices


def cached_file(
    caller: str,
    fname: str | None = None,
    origin: str | None = None,
    file_hash: str | None = None,
    cache_subdir: str = "datasets",
    extract: bool = False,
    **options: Any,
) -> str:
    """The path of ``fname`` in the Keras cache, as ``keras.utils.get_file``
    gives it (same layout, so files Keras downloaded are found), taken
    without a hash check when present; otherwise downloaded, or a
    :class:`DatasetNotCachedError` naming the file and where it goes.
    ``caller`` names the kerasfn function in that message."""
    root = cache_dir()
    datadir = os.path.join(root, cache_subdir)
    fname = fname or os.path.basename(urllib.parse.urlsplit(origin or "").path)
    origin_name = os.path.basename(urllib.parse.urlsplit(origin or "").path) or fname
    if extract or options.pop("untar", False):
        archive, target = _extraction(datadir, fname)
        if os.path.isdir(target):
            return target
        for candidate in (archive, os.path.join(datadir, origin_name)):
            if os.path.isfile(candidate):  # an archive put there by hand: extract it as Keras would
                _extract(candidate, target)
                return target
        place = os.path.join(datadir, origin_name)
        extract = True
    else:
        place = os.path.join(datadir, fname)
        if os.path.exists(place):
            return place
    try:
        return _download(fname, origin, root, file_hash=file_hash, cache_subdir=cache_subdir, extract=extract,
                         **options)
    except Exception as error:  # any failure to fetch: say what to put where
        raise DatasetNotCachedError(
            f"{caller}: {origin_name!r} is not in the Keras cache and could not be downloaded from "
            f"{origin} ({type(error).__name__}: {error}). Download it and put it at {place!r} "
            f"(the cache is $KERAS_HOME, else ~/.keras)."
        ) from error


@r_function(None, "", {"fname": as_string, "origin": required(as_string), "cache_subdir": as_string,
                       "extract": as_bool, "force_download": as_bool, "file_hash": as_string})
def get_file(
    fname: str | None = None,
    origin: str | None = None,
    file_hash: str | None = None,
    cache_subdir: str = "datasets",
    hash_algorithm: str = "auto",
    extract: bool = False,
    archive_format: str = "auto",
    cache_dir: str | None = None,
    force_download: bool = False,
    **kwargs: Any,
) -> str:
    """Download a file from a URL if it is not already in the cache

    Description:
        R keras3's ``get_file()``: ``keras.utils.get_file``.  The file is
        kept under ``cache_dir/cache_subdir`` (by default
        ``~/.keras/datasets``) and reused on later calls; with
        ``file_hash`` a cached copy that does not match is downloaded again.

    Arguments:
        fname: Name of the file in the cache (default: the origin's name).
        origin: URL of the file (required).
        file_hash: Expected SHA-256 or MD5 hash of the file, or ``None``.
        cache_subdir: Subdirectory of the cache directory.
        hash_algorithm: ``"md5"``, ``"sha256"`` or ``"auto"``.
        extract: Whether to extract an archive (tar or zip).
        archive_format: Archive format to try when extracting.
        cache_dir: Cache directory (default ``$KERAS_HOME`` or ``~/.keras``).
        force_download: Whether to download even when the file is cached.
        **kwargs: Passed on to ``keras.utils.get_file``.

    Value:
        The path of the file (or of the extracted directory).

    Examples:
        >>> import os, pathlib, tempfile
        >>> from kerasfn import get_file
        >>> source = pathlib.Path(tempfile.mkdtemp(), "hello.txt")
        >>> _ = source.write_text("hi")
        >>> path = get_file("hello.txt", origin=source.as_uri(), cache_dir=tempfile.mkdtemp())
        Downloading data from file://...
        >>> pathlib.Path(path).read_text()
        'hi'

    See also:
        :func:`dataset_mnist` and the other ``dataset_*`` loaders.
    """
    return keras.utils.get_file(
        fname, origin, file_hash=file_hash, cache_subdir=cache_subdir, hash_algorithm=hash_algorithm,
        extract=extract, archive_format=archive_format, cache_dir=cache_dir, force_download=force_download,
        **kwargs,
    )
