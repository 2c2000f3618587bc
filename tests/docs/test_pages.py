"""kerasfn.docs.pages: what a rendered vignette page shows after a python block (its printed lines as
knitr's ``## `` lines in a text block, then links to its figures), read back per block, and the page
less those additions."""

from __future__ import annotations

from kerasfn.docs.pages import Chunk, output_block, shown_outputs, without_outputs

SOURCE = "# Demo\n\n```python\nprint('a')\nprint()\nprint('b')\n```\n\nText.\n\n```python\nplot()\n```\n"


def test_printed_lines_become_knitr_lines_in_a_text_block() -> None:
    assert output_block("a\n\nb\n") == "```text\n## a\n##\n## b\n```\n"


def test_a_page_shows_each_block_s_output_and_figures_and_reads_back() -> None:
    page = SOURCE.replace("```\n\nText.", "```\n\n" + output_block("a\n\nb\n") + "\nText.").replace(
        "plot()\n```\n", "plot()\n```\n\n![plot](figures/demo-plot.png)\n")
    assert shown_outputs(page) == [Chunk("a\n\nb\n", []), Chunk("", ["figures/demo-plot.png"])]
    assert without_outputs(page) == SOURCE
