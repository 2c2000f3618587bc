"""Strangers' R keras3 scripts the translator passes stay passing.

``tests/port/strangers/`` holds real R keras3 scripts that nobody on the project wrote
(R keras3's help-page examples and vignettes, the code of *Deep Learning with R*, 3rd
edition), cut to run on CPU with synthetic data, each beside ``NAME.Rout``: what R keras3
printed running it (``shared/rkeras/run.sh``).  ``PASSING.txt`` lists the scripts whose
translation runs to the end and prints what R printed in every section; each is
translated, run in a fresh interpreter and compared here (``strangers/compare.py``:
numbers within 1e-4 relative, text exact after normalising whitespace).
``bench/port_corpus.py`` measures the whole corpus.  R's numbers are the TensorFlow
backend's.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "strangers"
sys.path.insert(0, str(CORPUS))

from compare import (  # noqa: E402
    compare_outputs, lines_match, read_list, scripts_folder, split_sections, translate_run_compare)

PASSING = read_list(CORPUS / "PASSING.txt")
HELDOUT = set(read_list(CORPUS / "HELDOUT.txt"))
SCRIPTS = scripts_folder()


def test_the_comparison_takes_numbers_within_tolerance_and_text_exactly():
    assert lines_match("[1] 0.1234568", "[1] 0.12345678")
    assert lines_match("loss: 1e-04", "loss: 0.0001")
    assert lines_match("0", "1.2e-09")
    assert not lines_match("[1] 0.1234568", "[1] 0.1235")
    assert not lines_match("2 3", "(2, 3)")
    assert not lines_match("[1] 2", "[1] 2 3")


def test_sections_are_cut_at_the_markers_and_a_missing_section_does_not_match():
    r = "startup\n## ---- section: a\n[1]  1.5\n\n## ---- section: b\nx\n"
    assert split_sections(r) == {"a": ["[1]  1.5", ""], "b": ["x"]}
    results = compare_outputs(r, "## ---- section: a\n[1] 1.50001\n")
    assert [(result.name, result.matches) for result in results] == [("a", True), ("b", False)]
    assert results[1].first_difference == ("x", "<missing: the script stopped before this section>")


def test_the_corpus_lists_hold_recorded_scripts():
    scripts = {path.stem for path in CORPUS.glob("*.Rout")}
    assert len(scripts) >= 30
    assert HELDOUT <= scripts
    assert set(PASSING) <= scripts
    assert not set(PASSING) & HELDOUT


@pytest.mark.skipif(not PASSING, reason="no corpus script passes yet: PASSING.txt is empty")
@pytest.mark.skipif(not any(SCRIPTS.glob("*.R")), reason=f"the corpus's R scripts are not in {SCRIPTS} "
                    "(other people's code, kept out of this repository: set KERASFN_STRANGERS_SCRIPTS)")
@pytest.mark.skipif(os.environ.get("KERAS_BACKEND", "tensorflow") != "tensorflow",
                    reason="R's recorded outputs are the TensorFlow backend's")
@pytest.mark.parametrize("name", PASSING or ["none"])
def test_a_passing_script_still_prints_what_r_printed(name):
    result = translate_run_compare(SCRIPTS / f"{name}.R", timeout=300)
    assert result.translate_error is None, result.translate_error
    assert result.ran_to_end, result.run_error
    differing = [(s.name, s.first_difference) for s in result.sections if not s.matches]
    assert not differing, differing
