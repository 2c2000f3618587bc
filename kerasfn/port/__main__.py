"""``python -m kerasfn.port script.R [-o FILE|-]``: write the kerasfn translation and report on it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kerasfn.port import translate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kerasfn.port",
        description="Translate an R keras3 script (.R, or the R chunks of an .Rmd) into a kerasfn Python script.",
    )
    parser.add_argument("script", type=Path, help="the R script or R Markdown document")
    parser.add_argument("-o", "--output", help="the Python file to write (default: SCRIPT.py; '-' for stdout)")
    options = parser.parse_args(argv)
    if not options.script.is_file():
        parser.error(f"no such file: {options.script}")
    source = options.script.read_text(encoding="utf-8")
    result = translate(source, rmd=options.script.suffix.lower() == ".rmd")
    report = result.report()
    if options.output == "-":
        sys.stdout.write(result.python)
        print(report, file=sys.stderr)
        return 0
    output = Path(options.output) if options.output else options.script.with_suffix(".py")
    output.write_text(result.python, encoding="utf-8")
    print(f"{options.script} -> {output}")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
