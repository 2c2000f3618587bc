"""Files, temporary paths, the environment, time and the random seed."""

from __future__ import annotations

import atexit
import datetime
import glob
import os
import random
import re
import shutil
import sys
import tempfile as _tempfile
from typing import Any

import numpy as np

from kerasfn.base_r import rng
from kerasfn.base_r._values import as_vector, scalarize, text_vector
from kerasfn.base_r.strings import paste
from kerasfn.base_r.conversions import as_character

__all__ = ["Sys_getenv", "Sys_setenv", "Sys_time", "basename", "dir_create", "dirname", "file_exists",
           "file_path", "list_files", "readLines", "set_seed", "tempdir", "tempfile", "unlink", "writeLines"]

_session_directory: str | None = None


def _paths(name: str, x: Any) -> list[str]:
    values = as_vector(x).reshape(-1).tolist()
    if not all(isinstance(v, str) for v in values):
        raise TypeError(f"`{name}` must be a character vector of paths, not {x!r}")
    return values


def tempdir() -> str:
    """The session's temporary directory, as R's tempdir()

    Description:
        A directory made on first use (named ``Rtmp...`` under the system's
        temporary directory, as R names its own) and removed when Python
        exits, as R removes its session directory.

    Arguments:
        (none)

    Value:
        The directory's path, a ``str``.

    Examples:
        >>> from kerasfn.base_r import tempdir
        >>> import os
        >>> os.path.isdir(tempdir())
        True

    See also:
        :func:`kerasfn.base_r.tempfile`
    """
    global _session_directory
    if _session_directory is None or not os.path.isdir(_session_directory):
        _session_directory = _tempfile.mkdtemp(prefix="Rtmp")
        atexit.register(shutil.rmtree, _session_directory, True)
    return _session_directory


def tempfile(pattern: Any = "file", tmpdir: str | None = None, fileext: Any = "") -> Any:
    """Names for temporary files, as R's tempfile()

    Description:
        A new path in the session's temporary directory, ``pattern``
        followed by random hexadecimal digits and ``fileext``; the file is
        not created (as in R).  Vectorised over ``pattern`` and ``fileext``.

    Arguments:
        pattern: The start of the file name.
        tmpdir: The directory (default: :func:`kerasfn.base_r.tempdir`).
        fileext: The end of the file name, such as ``".keras"``.

    Value:
        A ``str`` (a character vector for several patterns).

    Examples:
        >>> from kerasfn.base_r import tempfile
        >>> tempfile(fileext=".keras").endswith(".keras")
        True

    See also:
        :func:`kerasfn.base_r.tempdir`, :func:`kerasfn.base_r.unlink`
    """
    directory = tempdir() if tmpdir is None else tmpdir
    patterns, extensions = _paths("pattern", pattern), _paths("fileext", fileext)
    n = max(len(patterns), len(extensions))
    out = []
    for i in range(n):
        while True:
            candidate = os.path.join(directory, f"{patterns[i % len(patterns)]}{os.urandom(6).hex()}"
                                                f"{extensions[i % len(extensions)]}")
            if not os.path.exists(candidate):
                break
        out.append(candidate)
    return scalarize(text_vector(out), pattern, fileext)


def unlink(x: Any, recursive: bool = False, force: bool = False) -> int:
    """Delete files, as R's unlink()

    Description:
        Deletes the files (wildcards ``*`` and ``?`` expand, as in R); a
        directory only with ``recursive``.  Paths that do not exist are not
        an error.

    Arguments:
        x: Paths.
        recursive: Whether directories and their contents are deleted.
        force: Ignored (R's ``force`` changes permissions first).

    Value:
        0 for success, 1 for failure, as R (invisibly).

    Examples:
        >>> from kerasfn.base_r import unlink, tempfile, writeLines, file_exists
        >>> path = tempfile()
        >>> writeLines("x", path)
        >>> unlink(path), file_exists(path)
        (0, False)

    See also:
        :func:`kerasfn.base_r.file_exists`, :func:`kerasfn.base_r.tempfile`
    """
    status = 0
    for pattern in _paths("x", x):
        matches = glob.glob(os.path.expanduser(pattern)) if any(c in pattern for c in "*?[") else [
            os.path.expanduser(pattern)]
        for path in matches:
            try:
                if os.path.isdir(path) and not os.path.islink(path):
                    if recursive:
                        shutil.rmtree(path)
                    else:
                        status = 1
                elif os.path.lexists(path):
                    os.remove(path)
            except OSError:
                status = 1
    return status


def _write_atomically(path: str, text: str, append: bool) -> None:
    """Write ``text`` to ``path`` through a temporary file, so a failure leaves the old file as it was."""
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = _tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=os.path.basename(path))
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            if append and os.path.exists(path):
                with open(path, encoding="utf-8", newline="") as old:
                    shutil.copyfileobj(old, out)
            out.write(text)
        if os.path.exists(path):
            shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise


def writeLines(text: Any, con: str | None = None, sep: str = "\n") -> None:  # noqa: N802 - R's name
    """Write lines of text, as R's writeLines()

    Description:
        Writes each string followed by ``sep`` to the file ``con`` (replacing
        it; written through a temporary file, so an interrupted write
        leaves the old file intact), or to standard output when ``con`` is
        not given.

    Arguments:
        text: A string or character vector.
        con: A file path, or ``None`` for standard output.
        sep: What follows each line.

    Value:
        ``None``.

    Examples:
        >>> from kerasfn.base_r import writeLines
        >>> writeLines(["first", "second"])
        first
        second

    See also:
        :func:`kerasfn.base_r.readLines`, :func:`kerasfn.base_r.cat`
    """
    lines = ["NA" if t is None else str(t) for t in as_vector(text).reshape(-1).tolist()]
    content = "".join(line + sep for line in lines)
    if con is None:
        sys.stdout.write(content)
        return None
    if not isinstance(con, (str, os.PathLike)):
        raise TypeError(f"`con` must be a file path, not {con!r}")
    _write_atomically(os.fspath(con), content, append=False)
    return None


def readLines(con: str, n: int = -1, warn: bool = True) -> np.ndarray:  # noqa: N802 - R's name
    """Read lines of text, as R's readLines()

    Description:
        The lines of a text file (UTF-8), without their line endings; at
        most ``n`` when ``n`` is not negative.

    Arguments:
        con: A file path.
        n: How many lines (negative: all).
        warn: Ignored (R warns about a missing final newline).

    Value:
        A character vector.

    Examples:
        >>> from kerasfn.base_r import readLines, writeLines, tempfile
        >>> path = tempfile(fileext=".txt")
        >>> writeLines(["a", "b"], path)
        >>> readLines(path)
        array(['a', 'b'], dtype=object)

    See also:
        :func:`kerasfn.base_r.writeLines`
    """
    if not isinstance(con, (str, os.PathLike)):
        raise TypeError(f"`con` must be a file path, not {con!r}")
    with open(con, encoding="utf-8", newline=None) as handle:
        lines = handle.read().splitlines()
    return text_vector(lines if n < 0 else lines[:int(n)])


def list_files(path: Any = ".", pattern: str | None = None, all_files: bool = False, full_names: bool = False,
               recursive: bool = False, ignore_case: bool = False, include_dirs: bool = False) -> np.ndarray:
    """List the files in a directory, as R's list.files()

    Description:
        The names of the files in ``path`` (sorted), those whose name
        matches the regular expression ``pattern``; hidden files only with
        ``all_files``; with ``recursive``, files of subdirectories too (as
        relative paths, without the directories unless ``include_dirs``).

    Arguments:
        path: Directory path(s).
        pattern: A regular expression file names must match.
        all_files: Whether names starting with ``.`` are listed.
        full_names: Whether the directory path is prefixed.
        recursive: Whether to descend into subdirectories.
        ignore_case: Whether ``pattern`` ignores case.
        include_dirs: With ``recursive``, whether directories are listed.

    Value:
        A character vector.

    Examples:
        >>> from kerasfn.base_r import list_files, tempfile, dir_create, writeLines, file_path
        >>> folder = tempfile()
        >>> _ = dir_create(folder)
        >>> writeLines("x", file_path(folder, "b.txt")); writeLines("x", file_path(folder, "a.csv"))
        >>> list_files(folder, pattern="\\\\.txt$")
        array(['b.txt'], dtype=object)

    See also:
        :func:`kerasfn.base_r.file_exists`, :func:`kerasfn.base_r.file_path`
    """
    regex = None if pattern is None else re.compile(pattern, re.IGNORECASE if ignore_case else 0)
    found = []
    for directory in _paths("path", path):
        if not os.path.isdir(directory):
            continue
        if recursive:
            entries = []
            for root, dirs, files in os.walk(directory):
                relative = os.path.relpath(root, directory)
                names = files + (dirs if include_dirs else [])
                entries += [name if relative == "." else os.path.join(relative, name) for name in names]
        else:
            entries = os.listdir(directory)
        for entry in entries:
            name = os.path.basename(entry)
            if not all_files and name.startswith("."):
                continue
            if regex is not None and not regex.search(name):
                continue
            found.append(os.path.join(directory, entry) if full_names else entry)
    return text_vector(sorted(found))


def file_exists(*paths: Any) -> Any:
    """Do files exist, as R's file.exists()

    Description:
        Whether each path names an existing file or directory.

    Arguments:
        *paths: Paths.

    Value:
        A ``bool`` for one path, else a logical vector.

    Examples:
        >>> from kerasfn.base_r import file_exists
        >>> file_exists("/surely/not/here")
        False

    See also:
        :func:`kerasfn.base_r.unlink`, :func:`kerasfn.base_r.list_files`
    """
    names = [p for arg in paths for p in _paths("...", arg)]
    return scalarize(np.array([os.path.exists(p) for p in names], dtype=bool), *paths)


def dir_create(path: str, showWarnings: bool = True, recursive: bool = False) -> bool:  # noqa: N803 - R's name
    """Create a directory, as R's dir.create()

    Description:
        Creates the directory (its parents too with ``recursive``).  An
        existing directory is left alone and gives ``FALSE``, as in R.

    Arguments:
        path: The directory path.
        showWarnings: Ignored (R warns when the directory exists).
        recursive: Whether missing parent directories are created.

    Value:
        ``True`` when the directory was created (invisibly in R).

    Examples:
        >>> from kerasfn.base_r import dir_create, tempfile
        >>> folder = tempfile()
        >>> dir_create(folder), dir_create(folder)
        (True, False)

    See also:
        :func:`kerasfn.base_r.file_path`
    """
    (path,) = _paths("path", path)
    if os.path.exists(path):
        return False
    try:
        if recursive:
            os.makedirs(path)
        else:
            os.mkdir(path)
    except OSError:
        return False
    return True


def basename(path: Any) -> Any:
    """The last part of paths, as R's basename()

    Description:
        The file name of each path, trailing separators removed first.

    Arguments:
        path: Paths.

    Value:
        A ``str``, or a character vector.

    Examples:
        >>> from kerasfn.base_r import basename
        >>> basename("/a/b/c.txt"), basename("a/b/")
        ('c.txt', 'b')

    See also:
        :func:`kerasfn.base_r.dirname`
    """
    return scalarize(text_vector([os.path.basename(p.rstrip("/") or p) for p in _paths("path", path)]), path)


def dirname(path: Any) -> Any:
    """The directory part of paths, as R's dirname()

    Description:
        The directory of each path (``"."`` for a bare file name).

    Arguments:
        path: Paths.

    Value:
        A ``str``, or a character vector.

    Examples:
        >>> from kerasfn.base_r import dirname
        >>> dirname("/a/b/c.txt"), dirname("c.txt")
        ('/a/b', '.')

    See also:
        :func:`kerasfn.base_r.basename`
    """
    return scalarize(text_vector([os.path.dirname(p.rstrip("/") or p) or "." for p in _paths("path", path)]),
                     path)


def file_path(*parts: Any, fsep: str = "/") -> Any:
    """Build file paths, as R's file.path()

    Description:
        Joins the parts with ``/`` (vectorised, recycling as
        :func:`kerasfn.base_r.paste`).

    Arguments:
        *parts: Path components.
        fsep: The separator.

    Value:
        A ``str``, or a character vector.

    Examples:
        >>> from kerasfn.base_r import file_path
        >>> file_path("a", "b", "c.txt")
        'a/b/c.txt'

    See also:
        :func:`kerasfn.base_r.basename`, :func:`kerasfn.base_r.dirname`
    """

    return paste(*parts, sep=fsep)


def Sys_time() -> datetime.datetime:  # noqa: N802 - R's name
    """The current time, as R's Sys.time()

    Description:
        The current date and time, as a timezone-aware ``datetime``;
        subtracting two gives a ``timedelta`` (R's ``difftime``; it prints
        in Python's form, not R's "Time difference of ...").

    Arguments:
        (none)

    Value:
        A ``datetime.datetime``.

    Examples:
        >>> from kerasfn.base_r import Sys_time
        >>> start = Sys_time()
        >>> (Sys_time() - start).total_seconds() >= 0
        True

    See also:
        :func:`kerasfn.base_r.Sys_getenv`
    """
    return datetime.datetime.now().astimezone()


def Sys_getenv(x: str | None = None, unset: str = "") -> Any:  # noqa: N802 - R's name
    """Read environment variables, as R's Sys.getenv()

    Description:
        The value of the environment variable ``x`` (``unset`` when it is
        not set); all variables, as a named list, without ``x``.

    Arguments:
        x: The variable's name.
        unset: What to return when it is not set.

    Value:
        A ``str`` (a ``dict`` for all).

    Examples:
        >>> from kerasfn.base_r import Sys_getenv
        >>> Sys_getenv("SURELY_NOT_SET_ANYWHERE", unset="none")
        'none'

    See also:
        :func:`kerasfn.base_r.Sys_setenv`
    """
    if x is None:
        return dict(sorted(os.environ.items()))
    return os.environ.get(x, unset)


def Sys_setenv(**variables: Any) -> bool:  # noqa: N802 - R's name
    """Set environment variables, as R's Sys.setenv()

    Description:
        Sets each named variable to its value (as a string; ``TRUE`` is
        ``"TRUE"``, as R).

    Arguments:
        **variables: ``NAME=value`` pairs.

    Value:
        ``True`` (invisibly in R).

    Examples:
        >>> from kerasfn.base_r import Sys_setenv, Sys_getenv
        >>> Sys_setenv(KERASFN_EXAMPLE="1")
        True
        >>> Sys_getenv("KERASFN_EXAMPLE")
        '1'

    See also:
        :func:`kerasfn.base_r.Sys_getenv`
    """

    for name, value in variables.items():
        os.environ[name] = as_character(value)
    return True


def set_seed(seed: int) -> None:
    """Seed the random number generators, as R's set.seed()

    Description:
        Seeds R's own generator (Mersenne-Twister, seeded as R seeds it),
        which :func:`kerasfn.base_r.sample` and :func:`kerasfn.base_r.runif`
        draw from, so their draws are R's; and NumPy's global generator and
        Python's ``random``, so other draws repeat on every run (they are
        not R's).  For Keras weights and dropout use kerasfn's
        ``set_random_seed()``, as R keras3 scripts do (it calls this too).

    Arguments:
        seed: A whole number.

    Value:
        ``None``.

    Examples:
        >>> from kerasfn.base_r import set_seed, sample
        >>> set_seed(42); first = sample(10)
        >>> set_seed(42); bool((sample(10) == first).all())
        True
        >>> set_seed(1); sample(10).tolist()  # R's set.seed(1); sample(10)
        [9, 4, 7, 1, 2, 5, 3, 10, 6, 8]

    See also:
        :func:`kerasfn.base_r.sample`
    """
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer, float)) or int(seed) != seed:
        raise TypeError(f"`seed` must be a whole number, not {seed!r}")
    rng.set_seed(int(seed))
    np.random.seed(int(seed) % 2**32)
    random.seed(int(seed))
