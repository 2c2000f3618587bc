"""kerasfn.port.report: the report of a translation, each note with its R line."""

from __future__ import annotations

from kerasfn.port import translate


def test_report_lists_each_note_with_its_line(rmd):
    assert translate(rmd, rmd=True).report() == (
        "1 of 2 R code lines translated without a note (50%); 1 left for a person:\n"
        "  line 9: kept as R: R formula (`~`)"
    )
    assert translate("x <- 1").report() == (
        "1 of 1 R code lines translated without a note (100%); nothing left for a person."
    )
