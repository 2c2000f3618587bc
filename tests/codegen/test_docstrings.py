"""kerasfn.codegen.docstrings: a Keras (Google-style) docstring split into its title, description and
sections, its ``Args:`` items with continuations joined, Keras' ``>>>`` prompts dropped, and items,
paragraphs and whole docstrings laid out for the generated R-help docstrings."""

from __future__ import annotations

from kerasfn.codegen.docstrings import (
    items,
    paragraphs,
    quote,
    sections,
    without_prompts,
    wrap_item,
)

KERAS_DOC = '''Just your regular densely-connected NN layer.

    `Dense` implements the operation.

    Args:
        units: Positive integer, dimensionality of the
            output space.
        use_bias (bool): Boolean, whether the layer uses a bias vector.
        **kwargs: Base layer keyword arguments.

    Example:

    >>> layer = Dense(2)
    '''


def test_title_description_and_sections() -> None:
    title, description, named = sections(KERAS_DOC)
    assert title == "Just your regular densely-connected NN layer."
    assert [line for line in description if line] == ["`Dense` implements the operation."]
    assert list(named) == ["Args", "Example"]


def test_items_join_continuations_and_drop_types_and_stars() -> None:
    assert items(sections(KERAS_DOC)[2]["Args"]) == {
        "units": "Positive integer, dimensionality of the output space.",
        "use_bias": "Boolean, whether the layer uses a bias vector.",
        "kwargs": "Base layer keyword arguments.",
    }


def test_keras_prompts_are_dropped() -> None:
    assert without_prompts([">>> x = 1", "... y = 2", "  >>> z"]) == ["x = 1", "y = 2", "  z"]
    assert paragraphs([">>> x = 1", ""], indent=4) == ["    x = 1"]


def test_layout_for_the_generated_docstring() -> None:
    wrapped = wrap_item("units", "word " * 30)
    assert wrapped[0].startswith(" " * 8 + "units: word") and all(line.startswith(" " * 12) for line in wrapped[1:])
    assert max(len(line) for line in wrapped) <= 76
    assert quote(["Title", "    Section:", '        has """ and \\']) == (
        '    """Title\n    Section:\n        has \\"\\"\\" and \\\\\n    """')
