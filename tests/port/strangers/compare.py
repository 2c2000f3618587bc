"""Compare what a translated script prints with what R keras3 printed, section by section.

Used by ``bench/port_corpus.py`` (the corpus figures) and ``tests/port/test_strangers.py``
(scripts that must stay passing); the one place the comparison is defined.

Sections.  Each corpus script prints a marker line ``## ---- section: NAME`` before each of
its sections; :func:`split_sections` cuts an output at those lines.  Text before the first
marker is ignored (R's and Python's start-up messages).  A section the Python output lacks
(the script stopped earlier) does not match.

Lines.  Within a section, lines are compared after normalising whitespace: leading and
trailing blanks dropped, every run of blanks made one space, empty lines dropped.  A line
is cut into numbers and the text between them.  Numbers (``12``, ``-0.5``, ``1e-04``,
``3.25e+02``; a leading sign belongs to the number only where no letter or digit precedes
it) match when they are within 1e-4 of each other relative to the larger one (or both are
below 1e-8 in size, so ``0`` matches ``1.2e-09``); ``NA``/``NaN``/``Inf`` are text.  The text
between numbers must be equal.  So R's ``[1] 0.1234568`` and a Python ``[1] 0.12345678``
match, ``1e-04`` and ``0.0001`` match, while ``(2, 3)`` and ``2 3`` do not: what R prints
is the target, brackets and all.
"""

from __future__ import annotations

import math
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

MARKER = re.compile(r"## ---- section: (\S+)[ \t]*$")
NUMBER = re.compile(r"(?<![A-Za-z0-9_.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![A-Za-z0-9_])")
RELATIVE_TOLERANCE = 1e-4
ZERO = 1e-8


def read_list(path: Path) -> list[str]:
    """The script names a list file holds, one a line (``#`` lines are comments); [] if there is no file."""
    if not Path(path).is_file():
        return []
    return [line.strip() for line in Path(path).read_text().splitlines() if line.strip() and not line.startswith("#")]


def split_sections(output: str) -> dict[str, list[str]]:
    """The lines of ``output`` under each section marker, in order (text before the first marker dropped)."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in output.splitlines():
        marker = MARKER.search(line)
        if marker:
            if current is not None and line[:marker.start()].strip():
                current.append(line[:marker.start()])  # output printed without a final newline
            current = sections.setdefault(marker.group(1), [])
        elif current is not None:
            current.append(line)
    return sections


def normalise(lines: list[str]) -> list[str]:
    """Lines with blanks collapsed and empty lines dropped."""
    return [" ".join(line.split()) for line in lines if line.strip()]


def _pieces(line: str) -> tuple[list[str], list[float]]:
    texts, numbers, position = [], [], 0
    for match in NUMBER.finditer(line):
        texts.append(line[position:match.start()])
        numbers.append(float(match.group()))
        position = match.end()
    texts.append(line[position:])
    return texts, numbers


def _close(a: float, b: float) -> bool:
    if abs(a) < ZERO and abs(b) < ZERO:
        return True
    return math.isclose(a, b, rel_tol=RELATIVE_TOLERANCE, abs_tol=0.0)


def lines_match(r_line: str, py_line: str) -> bool:
    """Whether two normalised lines match: same text between numbers, numbers within tolerance."""
    if r_line == py_line:
        return True
    r_texts, r_numbers = _pieces(r_line)
    py_texts, py_numbers = _pieces(py_line)
    return (r_texts == py_texts and len(r_numbers) == len(py_numbers)
            and all(_close(a, b) for a, b in zip(r_numbers, py_numbers)))


@dataclass(frozen=True)
class SectionResult:
    """One section's comparison: ``first_difference`` is None when it matches, else
    ``(R's line, Python's line)`` at the first line that differs (``"<missing>"`` where one
    side has no such line or the section)."""

    name: str
    first_difference: tuple[str, str] | None

    @property
    def matches(self) -> bool:
        return self.first_difference is None


def compare_section(name: str, r_lines: list[str], py_lines: list[str] | None) -> SectionResult:
    """Compare one section's lines (``py_lines`` None: Python never reached the section)."""
    if py_lines is None:
        r = normalise(r_lines)
        return SectionResult(name, (r[0] if r else "<empty>", "<missing: the script stopped before this section>"))
    r, py = normalise(r_lines), normalise(py_lines)
    for index in range(max(len(r), len(py))):
        r_line = r[index] if index < len(r) else "<missing>"
        py_line = py[index] if index < len(py) else "<missing>"
        if not lines_match(r_line, py_line):
            return SectionResult(name, (r_line, py_line))
    return SectionResult(name, None)


def compare_outputs(r_output: str, py_output: str) -> list[SectionResult]:
    """Each of R's sections compared with the Python output's section of the same name."""
    r_sections, py_sections = split_sections(r_output), split_sections(py_output)
    return [compare_section(name, lines, py_sections.get(name)) for name, lines in r_sections.items()]


@dataclass(frozen=True)
class ScriptResult:
    """A corpus script translated, run and compared: ``translate_error`` / ``run_error`` hold the
    exception's last line (None when that step succeeded); ``ran_to_end`` is the Python's exit
    status 0; ``sections`` R's sections compared."""

    name: str
    translate_error: str | None
    ran_to_end: bool
    run_error: str | None
    sections: tuple[SectionResult, ...]
    translate_seconds: float
    run_seconds: float

    @property
    def matching(self) -> int:
        return sum(section.matches for section in self.sections)

    @property
    def passes(self) -> bool:
        return self.translate_error is None and self.ran_to_end and self.matching == len(self.sections)


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


RECORDED = Path(__file__).resolve().parent


def scripts_folder() -> Path:
    """Where the corpus's R scripts are: ``$KERASFN_STRANGERS_SCRIPTS``, else ``shared/port_strangers``
    beside the checkout.  The scripts are other people's code, so they are kept out of this
    repository; what R printed running them (``NAME.Rout``) and the lists are recorded here."""
    default = RECORDED.parents[3] / "shared" / "port_strangers"
    return Path(os.environ.get("KERASFN_STRANGERS_SCRIPTS", default))


def translate_run_compare(script, timeout: float = 300.0, keep_dir=None) -> ScriptResult:
    """Translate the R script ``script`` (its ``NAME.Rout`` recorded here) with ``kerasfn.port.translate``,
    run the Python in a fresh interpreter in a temporary directory (``TF_CPP_MIN_LOG_LEVEL=3``,
    at most ``timeout`` seconds), and compare what it prints with the ``.Rout``, section by
    section.  ``keep_dir``: where to also write the translation (``NAME.py``) and its stderr."""
    from kerasfn.port import translate  # here, not at the top: the comparison alone needs no kerasfn


    script = Path(script)
    r_output = (RECORDED / f"{script.stem}.Rout").read_text()
    r_sections = split_sections(r_output)
    never = tuple(compare_section(name, lines, None) for name, lines in r_sections.items())
    started = time.perf_counter()
    try:
        python = translate(script.read_text(), rmd=script.suffix == ".Rmd").python
    except Exception as error:  # the translator failing on a script is a figure, not a crash
        return ScriptResult(script.stem, f"{type(error).__name__}: {error}", False, None, never,
                            time.perf_counter() - started, 0.0)
    translate_seconds = time.perf_counter() - started
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore", PYTHONHASHSEED="0")
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / f"{script.stem}.py"
        path.write_text(python)
        started = time.perf_counter()
        try:
            done = subprocess.run([sys.executable, path.name], cwd=work, env=env, capture_output=True,
                                  text=True, timeout=timeout)
            stdout, stderr, returncode = done.stdout, done.stderr, done.returncode
        except subprocess.TimeoutExpired as expired:
            stdout = expired.stdout.decode() if isinstance(expired.stdout, bytes) else (expired.stdout or "")
            stderr, returncode = f"TimeoutExpired: ran past {timeout:g} s", None
        run_seconds = time.perf_counter() - started
    if keep_dir is not None:
        keep = Path(keep_dir)
        keep.mkdir(parents=True, exist_ok=True)
        (keep / f"{script.stem}.py").write_text(python)
        (keep / f"{script.stem}.pyout").write_text(stdout)
        (keep / f"{script.stem}.pyerr").write_text(stderr)
    ran = returncode == 0
    return ScriptResult(script.stem, None, ran, None if ran else _last_line(stderr) or f"exit status {returncode}",
                        tuple(compare_outputs(r_output, stdout)), translate_seconds, run_seconds)
