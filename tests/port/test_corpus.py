"""The translator on R keras3 scripts (tests/port/corpus/): each translates, runs, and
prints what R keras3 printed running it.

Each ``NN_name.R`` (or ``.Rmd``) sits beside ``NN_name.Rout``, what the R script
printed when run with R keras3 (``shared/rkeras/run.sh``; 10 with plain
``Rscript``; for the notebook 14, the code of its evaluated chunks, less
``reticulate::use_virtualenv("r-keras")``, which fails where no such virtualenv
exists and prints nothing where it does), and ``NN_name.py``, a port written by
hand.  Two tests per script:

- the translation (``kerasfn.port.translate``) runs and prints what R printed:
  the ``.Rout``, line by line, with ``strangers/compare.py``'s comparison
  (blanks normalised, text exact, numbers within 1e-4 relative), R's ``[1]``,
  ``$name`` and quotes included.  No line is exempted: the corpus scripts draw
  their data from Keras' seeded generator or deterministic arithmetic, never print
  R's own random draws, and fit with ``verbose = 0`` (no progress bars or timings);
- the hand port runs and prints R's numbers, in R's order (its printing is
  Python's: ``(32, 4)`` where R prints ``[1] 32  4``).

``python tests/port/test_corpus.py`` prints the share of R lines translated
without a note, per script and overall.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import io
import re
import sys
from pathlib import Path

import keras
import pytest
import tensorflow as tf

import kerasfn
from kerasfn.port import Translation, translate

CORPUS = Path(__file__).parent / "corpus"
sys.path.insert(0, str(Path(__file__).parent / "strangers"))

from compare import NUMBER, compare_section  # noqa: E402

SCRIPTS = sorted(path for path in CORPUS.iterdir() if path.suffix in (".R", ".Rmd"))


def _translated(script: Path) -> Translation:
    return translate(script.read_text(), rmd=script.suffix == ".Rmd")


def _run(python: str) -> str:
    """What a script prints, run in a fresh namespace with Keras' name counters reset
    (so that layer names in summaries do not depend on what ran before).  TensorFlow
    functions run eagerly: on these tiny data sets tracing them would take most of the time."""
    keras.utils.clear_session()
    output = io.StringIO()
    tf.config.run_functions_eagerly(True)
    try:
        with contextlib.redirect_stdout(output):
            exec(builtins.compile(python, "<port>", "exec"), {"__name__": "__port__"})
    finally:
        tf.config.run_functions_eagerly(False)
    return output.getvalue()


def _missing_names(python: str) -> list[str]:
    """Names the script calls that neither it, Python, nor kerasfn defines (R keras3 vocabulary
    not yet in kerasfn)."""
    tree = ast.parse(python)
    defined = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)}
    defined |= {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
    defined |= {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                for alias in node.names}  # kerasfn.base_r's functions, imported by name
    called = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    return sorted(called - defined - set(dir(builtins)) - set(kerasfn.__all__))


def share_table() -> str:
    """The share of R code lines translated without a note, per corpus script and overall."""
    rows, total, clean = [], 0, 0
    for script in SCRIPTS:
        result = _translated(script)
        lines, noted = len(result.code_lines), len(result.noted_lines)
        total, clean = total + lines, clean + lines - noted
        rows.append(f"| {script.name} | {lines} | {lines - noted} | {result.share:.0%} |")
    header = ["| script | R code lines | translated without a note | share |", "| --- | ---: | ---: | ---: |"]
    return "\n".join(header + rows + [f"| all | {total} | {clean} | {clean / total:.0%} |"])


def test_the_corpus_has_the_kinds_of_scripts_people_port():
    assert len(SCRIPTS) >= 12
    for script in SCRIPTS:
        assert script.with_suffix(".py").is_file(), f"{script.name} has no hand port"
        assert script.with_suffix(".Rout").is_file(), f"{script.name} has no record of what R printed"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_translation_runs_and_prints_what_r_printed(script):
    result = _translated(script)
    missing = _missing_names(result.python)
    if missing:
        pytest.skip(f"needs R keras3 names kerasfn does not have yet: {missing}")
    r_output = script.with_suffix(".Rout").read_text()
    comparison = compare_section(script.name, r_output.splitlines(), _run(result.python).splitlines())
    assert comparison.matches, "first line that differs (R, translation): %r" % (comparison.first_difference,)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_hand_port_prints_the_numbers_r_printed(script):
    printed = _run(script.with_suffix(".py").read_text())
    assert printed.strip(), "the hand port prints nothing to compare"
    assert _numbers(printed) == _numbers(script.with_suffix(".Rout").read_text())


def _numbers(output: str) -> list[float]:
    """The numbers a script printed, without R's ``[1]``, ``[,2]``, ``[3,]`` position markers."""
    output = re.sub(r"\[\d*,?\d*\]", " ", output)
    return [float(number) for number in NUMBER.findall(output)]


def test_share_of_lines_translated_without_a_note():
    results = {script.name: _translated(script) for script in SCRIPTS}
    total = sum(len(result.code_lines) for result in results.values())
    clean = sum(len(result.code_lines) - len(result.noted_lines) for result in results.values())
    assert clean / total >= 0.9, share_table()
    for name, result in results.items():
        assert result.share >= 0.5, f"{name}: {result.report()}"


def test_the_notebook_notes_name_each_line_and_reason():
    result = _translated(CORPUS / "14_notebook.Rmd")
    assert [(note.line, note.kept) for note in result.notes] == [(10, False), (11, False), (19, False), (20, True)]
    assert "KERAS_BACKEND" in result.notes[0].reason
    assert result.notes[1].reason.startswith("`use_virtualenv()` is reticulate/R set-up")
    assert result.notes[2].reason == ("`data.frame()` runs kerasfn.base_r's `data_frame()`, R's semantics "
                                      "(no exact Python spelling here)")
    assert result.notes[3].reason == "R formula (`~`)"
    assert "# R: fit_formula <- loss ~ epoch" in result.python
    assert "install_keras" not in result.python  # its chunk has eval = FALSE


if __name__ == "__main__":
    print(share_table())
