"""Keras docstrings, read and rewritten in R help's shape (shared by every generated family).

Keras documents its classes and functions Google-style (``Args:``,
``Returns:``, ``Example:``); R keras3's help pages have Description,
Arguments, Value, Examples and See also.  These helpers split a Keras
docstring into its sections and format items and paragraphs for the
generated R-help docstrings.
"""

from __future__ import annotations

import inspect
import re
import textwrap

__all__ = ["items", "paragraphs", "quote", "sections", "without_prompts", "wrap_item"]

_SECTION = re.compile(r"^ {0,4}([A-Z][A-Za-z ]*):\s*$")  # some Keras docstrings have a stray unindented line


def sections(doc: str) -> tuple[str, list[str], dict[str, list[str]]]:
    """Title, description lines, and the named sections of a Google-style docstring."""
    lines = inspect.cleandoc(doc or "").splitlines() or [""]
    title, body = lines[0].strip(), lines[1:]
    description: list[str] = []
    sections: dict[str, list[str]] = {}
    current = description
    for line in body:
        match = _SECTION.match(line)
        if match:
            current = sections.setdefault(match.group(1), [])
        else:
            current.append(line)
    return title, description, sections


def without_prompts(lines: list[str]) -> list[str]:
    """Keras' own examples must not become doctests here: drop their prompts."""
    return [re.sub(r"^(\s*)(>>>|\.\.\.) ?", r"\1", line) for line in lines]


def items(lines: list[str]) -> dict[str, str]:
    """``name: text`` items of an Args-like section (continuations joined)."""
    lines = [line for line in lines if line.strip()]
    margin = min((len(line) - len(line.lstrip()) for line in lines), default=0)
    items: dict[str, list[str]] = {}
    name = None
    for line in (line[margin:] for line in lines):
        match = re.match(r"^(\*{0,2}\w+)\s*(?:\([^)]*\))?:\s?(.*)$", line)
        if match and not line.startswith(" "):
            name = match.group(1).lstrip("*")
            items[name] = [match.group(2).strip()]
        elif name is not None and line.strip():
            items[name].append(line.strip())
    return {key: " ".join(part for part in value if part) for key, value in items.items()}


def wrap_item(name: str, text: str) -> list[str]:
    return textwrap.wrap(
        f"{name}: {text}", width=76, initial_indent=" " * 8, subsequent_indent=" " * 12,
        break_on_hyphens=False, break_long_words=False,
    )


def paragraphs(lines: list[str], indent: int = 8) -> list[str]:
    text = textwrap.dedent("\n".join(without_prompts(lines))).strip("\n")
    return [(" " * indent + line).rstrip() for line in text.splitlines()]


def quote(lines: list[str]) -> str:
    lines = [line[4:] if line.startswith("    ") else line for line in lines]  # sections at 4, content at 8
    text = "\n".join(lines).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return textwrap.indent(f'"""{text}\n"""', "    ").replace("\n    \n", "\n\n")
