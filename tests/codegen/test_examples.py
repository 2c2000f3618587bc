"""kerasfn.codegen.examples: an example's lines run one by one as the interactive prompt runs them
(an expression's value echoed, one namespace), with what each printed; a ``+SKIP`` line shown, not run."""

from __future__ import annotations

from kerasfn.codegen.examples import run


def test_each_line_prints_what_the_prompt_shows() -> None:
    assert run(["x = [1, 2]", "x", "print('a')\n", "len(x) + 1", "x.pop()", "x"]) == [
        [], ["[1, 2]"], ["a"], ["3"], ["2"], ["[1]"]]


def test_a_skipped_line_is_not_run() -> None:
    assert run(["raise SystemExit  # doctest: +SKIP", "'after'"]) == [[], ["'after'"]]
