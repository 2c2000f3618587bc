"""The vignettes run, and the committed pages match their sources.

Each vignette source is executed (a block that raises fails its test, showing
the block).  The committed page must equal the fresh rendering except for the
output blocks, whose training numbers may differ slightly between machines;
every figure the page shows must be a real PNG in vignettes/figures/.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest

from kerasfn.docs.vignettes import VIGNETTES, VignetteError, render, sources, without_outputs

EXPECTED = ["forecasting", "getting-started", "performance-and-cudnn", "porting-r-scripts", "sequence-models"]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_every_vignette_has_a_source_and_an_index_line() -> None:
    assert [source.stem for source in sources()] == EXPECTED
    index = (VIGNETTES / "README.md").read_text()
    for name in EXPECTED:
        assert f"({name}.md)" in index


@pytest.mark.parametrize("source", sources(), ids=lambda source: source.stem)
def test_vignette_runs_and_its_page_is_current(source: Path, tmp_path: Path) -> None:
    fresh = render(source, figures_dir=tmp_path)
    page = VIGNETTES / f"{source.stem}.md"
    assert page.exists(), f"{page} is missing: run `python -m kerasfn.docs vignettes`"
    committed = page.read_text()
    assert without_outputs(committed) == without_outputs(fresh), (
        f"{page.name} is stale: run `python -m kerasfn.docs vignettes`"
    )
    shown = re.findall(r"\]\(figures/([^)]+\.png)\)", committed)
    assert sorted(shown) == sorted(figure.name for figure in tmp_path.glob("*.png"))
    for name in shown:
        width, height = png_size(VIGNETTES / "figures" / name)
        assert width >= 300 and height >= 150
        assert (VIGNETTES / "figures" / name).stat().st_size > 5_000, f"{name} looks empty"


def test_a_failing_block_fails_the_vignette_and_shows_the_block(tmp_path: Path) -> None:
    source = tmp_path / "broken.md"
    source.write_text("# Broken\n\n```python\nx = 1\n```\n\n```python\ny = x + undefined_name\n```\n")
    with pytest.raises(VignetteError, match=r"(?s)'broken', python block 2 raised NameError.*y = x \+ undefined_name"):
        render(source, figures_dir=tmp_path)


def test_rendering_shows_outputs_figures_and_leaves_r_blocks_unrun(tmp_path: Path) -> None:
    source = tmp_path / "demo.md"
    source.write_text(
        "# Demo\n\n"
        "```r\nstop('R is not run')\n```\n\n"
        "```python\nfrom matplotlib.figure import Figure\nprint('hello')\n1 + 1\n```\n\n"
        "```python\nfigure = Figure()\nfigure.subplots().plot([0, 1])\nsave_figure(figure, 'line')\n"
        "show_markdown('| a |\\n| - |')\n```\n"
    )
    page = render(source, figures_dir=tmp_path / "figures")
    assert "```r\nstop('R is not run')\n```\n" in page
    assert "```text\n## hello\n## 2\n```\n" in page
    assert "![line](figures/demo-line.png)" in page
    assert "<!-- output -->\n| a |\n| - |\n<!-- /output -->\n" in page
    assert png_size(tmp_path / "figures" / "demo-line.png") == (640, 480)
    assert "## hello" not in without_outputs(page) and "| a |\n" not in without_outputs(page)


def test_save_figure_rejects_a_label_that_is_not_a_file_name(tmp_path: Path) -> None:
    source = tmp_path / "label.md"
    source.write_text("```python\nfrom matplotlib.figure import Figure\nsave_figure(Figure(), '../x')\n```\n")
    with pytest.raises(VignetteError, match=r"`label` must be lowercase letters, digits and '-'; received '\.\./x'\."):
        render(source, figures_dir=tmp_path)
