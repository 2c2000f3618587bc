"""kerasfn.base_r.files: paths, files and the environment as R handles them: written atomically (a
failed write leaves the old file), R's temporary files, ``Sys.getenv()``/``Sys.setenv()``.

A case is (R expression, the Python port, what R printed): every expected value is what R 4 printed
for the R expression, run with ``Rscript``; the Python side prints the value with
:func:`kerasfn.base_r.print_` (or runs ``cat``), so a case checks the function and R's printed form
together."""

from __future__ import annotations

import os
import pathlib

import pytest

from kerasfn.base_r import (
    Sys_getenv,
    Sys_setenv,
    Sys_time,
    basename,
    cat,
    dir_create,
    dirname,
    file_exists,
    file_path,
    list_files,
    readLines,
    tempdir,
    tempfile,
    unlink,
    writeLines,
)

R_CASES = [
    ('basename("/a/b/c.txt")', lambda: basename("/a/b/c.txt"),
     '[1] "c.txt"'),
    ('dirname("/a/b/c.txt")', lambda: dirname("/a/b/c.txt"),
     '[1] "/a/b"'),
    ('basename("a/b/")', lambda: basename("a/b/"),
     '[1] "b"'),
    ('dirname("c.txt")', lambda: dirname("c.txt"),
     '[1] "."'),
    ('file.path("a", "b", "c.txt")', lambda: file_path("a", "b", "c.txt"),
     '[1] "a/b/c.txt"'),
    ('file.path("a", c("x", "y"))', lambda: file_path("a", ["x", "y"]),
     '[1] "a/x" "a/y"'),
]


@pytest.mark.parametrize(("r_expression", "port", "r_output"), R_CASES, ids=[c[0] for c in R_CASES])
def test_prints_what_r_prints(r_expression, port, r_output, printed_by_port):
    assert printed_by_port(r_expression, port) == r_output


def test_files_round_trip_as_in_r(tmp_path):
    folder = file_path(str(tmp_path), "out")
    assert dir_create(folder) is True and dir_create(folder) is False  # R: TRUE, then FALSE with a warning
    path = file_path(folder, "lines.txt")
    writeLines(["first", "second"], path)
    assert list(readLines(path)) == ["first", "second"]
    assert list(readLines(path, n=1)) == ["first"]
    writeLines("x", file_path(folder, "a.csv"))
    assert list(list_files(folder)) == ["a.csv", "lines.txt"]
    assert list(list_files(folder, pattern=r"\.txt$", full_names=True)) == [path]
    assert file_exists(path) is True
    assert list(file_exists(path, file_path(folder, "none"))) == [True, False]
    assert unlink(folder) == 1 and file_exists(folder)  # R: a directory needs recursive = TRUE
    assert unlink(file_path(folder, "*.csv")) == 0 and not file_exists(file_path(folder, "a.csv"))
    assert unlink(folder, recursive=True) == 0 and not file_exists(folder)


def test_tempfile_names_a_new_path_in_the_session_directory():
    first, second = tempfile(fileext=".keras"), tempfile(fileext=".keras")
    assert first != second and first.endswith(".keras") and not os.path.exists(first)
    assert dirname(first) == tempdir() and basename(first).startswith("file")
    assert os.path.basename(tempdir()).startswith("Rtmp")
    assert list(tempfile(["a", "b"])) != [] and len(tempfile(["a", "b"])) == 2


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = str(tmp_path / "keep.txt")
    writeLines("old", path)

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        writeLines(["new", "lines"], path)
    with pytest.raises(KeyboardInterrupt):
        cat("new", file=path)
    assert pathlib.Path(path).read_text() == "old\n" and sorted(os.listdir(tmp_path)) == ["keep.txt"]


def test_environment():
    assert Sys_getenv("KERASFN_SURELY_UNSET_VARIABLE", unset="none") == "none"
    try:
        assert Sys_setenv(KERASFN_BASE_R_TEST=True) is True
        assert Sys_getenv("KERASFN_BASE_R_TEST") == "TRUE"  # R: Sys.setenv(X = TRUE); Sys.getenv("X") "TRUE"
    finally:
        os.environ.pop("KERASFN_BASE_R_TEST", None)
    assert (Sys_time() - Sys_time()).total_seconds() <= 0
