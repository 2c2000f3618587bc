"""kerasfn.docs.docstring: a docstring read as an R help page, its first line the title, each
``Header:`` line starting a section, and an argument section's ``name: text`` items with their
continuation lines joined."""

from __future__ import annotations

from kerasfn.docs.docstring import parse


def layer_demo(units: int, activation: str | None = None, **kwargs: object) -> None:
    """A demo layer

    Description:
        Makes nothing.

    Arguments:
        units: Positive integer, dimensionality
            of the output space.
        activation: Activation function.
        **kwargs: Passed on.

    Value:
        None.
    """


def test_title_and_sections() -> None:
    page = parse(layer_demo)
    assert page.title == "A demo layer"
    assert list(page.sections) == ["Description", "Arguments", "Value"]
    assert page.sections["Description"] == "Makes nothing."


def test_argument_items_join_their_continuation_lines() -> None:
    assert parse(layer_demo).items("Arguments") == [
        ("units", "Positive integer, dimensionality of the output space."),
        ("activation", "Activation function."),
        ("**kwargs", "Passed on."),
    ]
    assert parse(layer_demo).items("See also") == []
