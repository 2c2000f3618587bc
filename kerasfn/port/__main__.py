"""``python -m kerasfn.port script.R [-o FILE|-] [--force] [--encoding ENC]``: write the kerasfn translation and report on it.

The written file starts with a header naming the R script and the SHA-256 of
the Python below it.  A later run replaces that file only while the hash
still matches (the translator's own, unedited output) or with ``--force``:
a port someone edited is never overwritten silently, and the R script itself
never is.  The translation is parsed as Python before anything is written,
and written atomically (a temporary file renamed over the old one).
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import os
import re
import sys
import tempfile
from pathlib import Path

from kerasfn.port import translate

_HEADER = re.compile(r"# Translated from .* by python -m kerasfn\.port \(sha256 ([0-9a-f]{64}) of what follows\)\n")


def header(script: Path, python: str) -> str:
    """The first line of a written translation: the R script's name and the hash of ``python``."""
    digest = hashlib.sha256(python.encode("utf-8")).hexdigest()
    name = script.name.encode("unicode_escape").decode("ascii")  # one line, whatever the file is called
    return f"# Translated from {name} by python -m kerasfn.port (sha256 {digest} of what follows)\n"


def unedited(path: Path) -> bool:
    """Whether ``path`` holds a translation exactly as this command wrote it."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    first, _, rest = text.partition("\n")
    match = _HEADER.fullmatch(first + "\n")
    return match is not None and hashlib.sha256(rest.encode("utf-8")).hexdigest() == match[1]


def write_atomically(path: Path, text: str) -> None:
    """``text`` into ``path``, all or nothing (an interrupted write leaves the old file)."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kerasfn.port",
        description="Translate an R keras3 script (.R, or the R chunks of an .Rmd) into a kerasfn Python script.",
    )
    parser.add_argument("script", type=Path, help="the R script or R Markdown document")
    parser.add_argument("-o", "--output", help="the Python file to write (default: SCRIPT.py; '-' for stdout)")
    parser.add_argument("--force", action="store_true",
                        help="replace OUTPUT even if it is not this command's unedited translation")
    parser.add_argument("--encoding", default="utf-8",
                        help="the R script's text encoding (default: utf-8; latin-1 reads any file)")
    options = parser.parse_args(argv)
    if not options.script.is_file():
        parser.error(f"no such file: {options.script}")
    try:
        source = options.script.read_bytes().decode(options.encoding)
    except LookupError:
        parser.error(f"unknown encoding: {options.encoding}")
    except UnicodeDecodeError as error:
        parser.error(f"{options.script} is not {options.encoding} text (byte 0x{error.object[error.start]:02x} at "
                     f"offset {error.start}): give its encoding, e.g. --encoding latin-1")
    output = None
    if options.output != "-":
        output = Path(options.output) if options.output else options.script.with_suffix(".py")
        if output.resolve() == options.script.resolve():
            parser.error(f"the output {output} is the R script itself: give another with -o")
        if output.exists() and not options.force and not unedited(output):
            parser.error(f"{output} exists and is not this command's unedited translation (edited by hand, or "
                         "another file): nothing written; --force replaces it")
    result = translate(source, rmd=options.script.suffix.lower() == ".rmd")
    try:
        ast.parse(result.python)
    except SyntaxError as error:  # a translator bug: never write a script that does not parse
        print(f"python -m kerasfn.port: the translation does not parse as Python (line {error.lineno}: "
              f"{error.msg}); nothing written", file=sys.stderr)
        return 1
    report = result.report()
    if output is None:
        sys.stdout.write(result.python)
        print(report, file=sys.stderr)
        return 0
    write_atomically(output, header(options.script, result.python) + result.python)
    print(f"{options.script} -> {output}")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
