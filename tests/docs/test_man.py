"""kerasfn.docs.man: man/ holds one current page per exported name, each an R help page, and an index."""

import inspect

import pytest

import kerasfn
from kerasfn.docs import man
from kerasfn.docs.docstring import REQUIRED_SECTIONS, parse

EXPECTED = man.expected_pages()


@pytest.mark.parametrize("file_name", sorted(EXPECTED))
def test_page_exists_and_is_current(file_name):
    path = man.MAN / file_name
    assert path.exists(), f"man/{file_name} is missing: run `python -m kerasfn.docs man`"
    assert path.read_text() == EXPECTED[file_name], f"man/{file_name} is stale: run `python -m kerasfn.docs man`"


def test_no_pages_for_names_no_longer_exported():
    assert sorted(p.name for p in man.MAN.glob("*.md")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", kerasfn.__all__)
def test_docstring_is_an_r_help_page(name):
    obj = man.documented_object(name)
    page = parse(obj)
    assert page.title and not page.title.endswith("."), f"{name}: title {page.title!r} (R titles have no full stop)"
    try:
        takes_arguments = bool(inspect.signature(obj).parameters)
    except (TypeError, ValueError):  # a value (newaxis), not a function
        takes_arguments = False
    required = [section for section in REQUIRED_SECTIONS if section != "Arguments" or takes_arguments]
    missing = [section for section in required if not page.sections.get(section, "").strip()]
    assert not missing, f"{name} lacks {missing}"
    assert ">>>" in page.sections["Examples"]


@pytest.mark.parametrize("name", [n for n in kerasfn.__all__ if callable(getattr(kerasfn, n))])
def test_every_parameter_is_documented(name):
    obj = getattr(kerasfn, name)
    try:
        parameters = inspect.signature(obj).parameters.values()
    except (TypeError, ValueError):
        pytest.skip("no signature")
    documented = {item.lstrip("*") for item, _ in parse(obj).items("Arguments")}
    undocumented = [p.name for p in parameters if p.name not in documented and p.name != "self"]
    assert not undocumented, f"{name}: {undocumented} have no entry under Arguments"


def test_index_groups_every_name_like_the_r_reference():
    index = (man.MAN / "index.md").read_text()
    for name in kerasfn.__all__:
        assert f"[`{name}`]({man.page_file(name)})" in index
    for group in ["## RNN layers", "## Core layers", "## Merge layers", "## Models", "## Model verbs", "## Helpers"]:
        assert group in index
    assert man.group_of("layer_lstm") == "RNN layers"
    assert man.group_of("layer_dense") == "Core layers"
    assert man.group_of("fit") == "Model verbs"
    assert man.group_of("pad_sequences") == "Helpers"
    assert man.group_of("layer_input") == man.group_of("keras_input") == "Models"


def test_index_lists_each_page_once():
    index = (man.MAN / "index.md").read_text()
    entries = [line.split("]")[0] for line in index.splitlines() if line.startswith("- [")]
    assert len(entries) == len(set(entries)) == len(set(kerasfn.__all__)) + len(man.SUBPACKAGE_PAGES)


def test_code_wrapped_over_two_docstring_lines_stays_one_code_span():
    # op_sum's description wraps ``x | f(...)`` over two lines of its docstring.
    assert man._markdown("a ``x |\n    f(...)`` is ``f(x, ...)``.") == "a `x | f(...)` is `f(x, ...)`."
    assert "`x | f(...)` is `f(x, ...)`" in (man.MAN / "op_sum.md").read_text()


def test_page_shape():
    page = (man.MAN / "layer_lstm.md").read_text()
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert headings == ["## Description", "## Usage", "## Arguments", "## Value", "## Call arguments",
                        "## Examples", "## See also"]
    assert "    use_cudnn='auto',\n" in page
    assert "[`layer_gru()`](layer_gru.md)" in page


def test_write_all_writes_every_page_and_removes_stale_ones(tmp_path):
    (tmp_path / "layer_removed_long_ago.md").write_text("stale")
    written = man.write_all(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(EXPECTED) == sorted(p.name for p in written)
    assert (tmp_path / "layer_lstm.md").read_text() == EXPECTED["layer_lstm.md"]


def test_docs_command_rejects_an_unknown_target():
    from kerasfn.docs.__main__ import main

    with pytest.raises(SystemExit, match="unknown target.*: vignette$"):
        main(["man", "vignette"])
