"""Issue 5 (2): every Examples section runs, and shows the output it gets."""

import doctest

import pytest

import kerasfn
from kerasfn.docs.docstring import parse

FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@pytest.mark.parametrize("name", kerasfn.__all__)
def test_examples_run_and_match(name):
    examples = parse(getattr(kerasfn, name)).sections.get("Examples", "")
    assert ">>>" in examples, f"{name} has no runnable example"
    test = doctest.DocTestParser().get_doctest(examples, {}, name, f"kerasfn.{name}", 0)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    report = []
    runner.run(test, out=report.append)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, "".join(report)
