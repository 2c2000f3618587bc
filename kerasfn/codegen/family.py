"""Generate a family of R keras3 functions (``op_*``, ``loss_*``, ...) from the R catalog.

The layer functions come from :mod:`kerasfn.codegen.generate`; every other
family R keras3 exports is generated here, from two sources:

* R keras3's own definition (:mod:`kerasfn.codegen.rkeras3`): the name, the
  formals and their defaults (translated by :mod:`kerasfn.codegen.rdefaults`),
  and the converter each argument declares (:mod:`kerasfn.codegen.converters`);
* the Keras object the R function calls (``keras.ops.sum``), whose
  docstring becomes the R-help docstring.

A :class:`Family` states the family's one rule: which decorator gives its
functions R's call semantics, and what the body does with the Keras object.
``python -m kerasfn.codegen`` writes each family's module (or modules, for a
family split as R keras3 splits its sources) under ``kerasfn/generated/``,
with every function's example run at generation time.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keras

import kerasfn
from kerasfn.codegen import docstrings, examples, rkeras3
from kerasfn.codegen.converters import converters_for
from kerasfn.codegen.rdefaults import python_default, python_name
from kerasfn.rcall import converters

__all__ = ["Family", "Parameter", "keras_object", "parameters", "render", "write"]

PACKAGE = Path(__file__).resolve().parents[1] / "generated"

#: R keras3's own arguments, which Keras does not have (so its docs say nothing of them).
R_ONLY_ARGUMENTS = {
    "zero_indexed": ("R keras3's choice between its 1-based indices (R's default) and 0-based "
                     "ones. Accepted so that ported calls run, and ignored: indices here, given "
                     "and returned, are always 0-based (R's ``zero_indexed = TRUE``)."),
}


@dataclass(frozen=True)
class Parameter:
    """One Python parameter made from an R formal."""

    name: str
    r_name: str
    default: str | None  # Python source text; None: no default (required)
    r_default: str | None  # R's text, for the docstring when it is not a literal


def keras_object(target: str) -> Any:
    """The Keras object an R target names: ``keras$ops$sum`` or ``ops$sum`` -> ``keras.ops.sum``."""
    path = target.replace("$", ".").split(".")
    if path[0] != "keras":
        path = ["keras", *path]
    obj: Any = importlib.import_module("keras")
    for part in path[1:]:
        obj = getattr(obj, part)
    return obj


def parameters(function: rkeras3.RFunction, optional: frozenset[str] = frozenset()) -> list[Parameter]:
    """Python parameters for R's formals (``...`` left out; the caller adds ``**kwargs``).

    An R formal without a default stays required in Python while no
    defaulted parameter precedes it; after one (or when named in
    ``optional``: a dual form's ``y_true``), it defaults to ``None`` and its
    converter is wrapped in ``required()`` by :func:`converters_for`.
    """
    result, seen_default = [], False
    for r_name, r_default in function.formals:
        if r_name == "...":
            continue
        default = python_default(r_default, function.converters.get(r_name))
        if r_default is not None and default is None:
            default = "None"  # not a literal (an option lookup): the docstring says what R computes
        if r_default is None and (seen_default or r_name in optional):
            default = "None"
        seen_default = seen_default or default is not None
        result.append(Parameter(python_name(r_name), r_name, default, r_default))
    return result


@dataclass(frozen=True)
class Family:
    """One family of R keras3 functions and the rule they share.

    ``decorator`` is the source text of the decorator factory (called with
    the converters dict), ``body`` the function body given the R function,
    its parameters and the Keras object's source text, ``value`` the Value
    section, and ``example`` doctest source lines (or ``None``).
    """

    name: str
    title: str
    rule: str
    names: Callable[[], list[str]]
    imports: tuple[str, ...]
    decorator: str
    body: Callable[[rkeras3.RFunction, list[Parameter], str], list[str]]
    value: Callable[[rkeras3.RFunction], list[str]]
    example: Callable[[rkeras3.RFunction], list[str] | None] = lambda function: None
    target: Callable[[rkeras3.RFunction], str] = lambda function: function.targets[0]
    optional: Callable[[rkeras3.RFunction], frozenset[str]] = lambda function: frozenset()
    see_also: Callable[[rkeras3.RFunction], list[str]] = lambda function: []
    extra_converters: dict[str, str] = field(default_factory=dict)
    #: R's rule that arguments after ``...`` can only be given by name: make them keyword-only.
    named_after_dots: bool = False
    #: The decorator factory of one function, where it differs from the
    #: family's (a function whose subject is not the family's: ``op_scan(f, ...)``).
    decorator_of: Callable[[rkeras3.RFunction], str | None] = lambda function: None
    #: The Keras object a function stands for where ``compile()`` takes it
    #: (source text, or ``None``): R keras3 resolves its own wrappers so.
    stands_for: Callable[[rkeras3.RFunction], str | None] = lambda function: None
    #: The final converters of one function, given those R declares and
    #: kerasfn's checks (where R's converter means something else in Python).
    adjust_converters: Callable[[rkeras3.RFunction, dict[str, str]], dict[str, str]] = (
        lambda function, converters: converters)
    #: The part of the family a function's module belongs to, where the family is split into
    #: several modules as R keras3 splits its sources (``"numpy"``: ``ops_numpy.py``,
    #: R's ``R/ops-numpy.R``); ``""``: the family's main module.
    part_of: Callable[[rkeras3.RFunction], str] = lambda function: ""
    #: Functions of the family's main module that R writes by hand in terms of the generated
    #: ones (R keras3's deprecated spellings): their source text, and the names it defines.
    appendix: str = ""
    appendix_names: tuple[str, ...] = ()

    def parts(self) -> dict[str, list[rkeras3.RFunction]]:
        """The family's functions by part (the main one first), each in name order."""
        functions = [rkeras3.function(name) for name in self.names()]
        parts: dict[str, list[rkeras3.RFunction]] = {}
        for part in sorted({self.part_of(function) for function in functions}):
            parts[part] = [function for function in functions if self.part_of(function) == part]
        return parts

    def module_name(self, part: str = "") -> str:
        return f"{self.name}_{part}" if part else self.name

    def path(self, part: str = "") -> Path:
        return PACKAGE / f"{self.module_name(part)}.py"

    def module(self, part: str = "") -> str:
        return f"kerasfn.generated.{self.module_name(part)}"


def _keras_reference(target: str) -> str:
    path = target.replace("$", ".").split(".")
    return ".".join(path if path[0] == "keras" else ["keras", *path])


def _signature(function: rkeras3.RFunction, params: list[Parameter], named_after_dots: bool = False) -> str:
    parts = [f"{p.name}: Any" + ("" if p.default is None else f" = {p.default}") for p in params]
    r_names = [name for name, _ in function.formals]
    if named_after_dots and "..." in r_names:
        after = r_names[r_names.index("...") + 1:]
        first = next((i for i, p in enumerate(params) if p.r_name in after), None)
        if first is not None:
            parts.insert(first, "*")
    if any(name == "..." for name, _ in function.formals):
        parts.append("**kwargs: Any")
    return f"def {function.name}(\n" + "".join(f"    {part},\n" for part in parts) + ") -> Any:"


def _converters(family: Family, function: rkeras3.RFunction, params: list[Parameter]) -> dict[str, str]:
    fake = [inspect.Parameter(p.name, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                              default=inspect.Parameter.empty if p.default is None else ast.literal_eval(p.default)
                              if "inf" not in p.default else 0.0)
            for p in params]
    converters = converters_for(function.name, fake, {p.name: _r_value(p) for p in params})
    converters = {**converters, **{k: v for k, v in family.extra_converters.items() if k in {p.name for p in params}}}
    return family.adjust_converters(function, converters)


def _r_value(p: Parameter) -> Any:
    """The default as the converter choice sees it: R's ``0`` or ``2`` is a
    double (a number, ``as_number``), only ``0L`` an integer."""
    if not p.default or "inf" in p.default:
        return None
    value = ast.literal_eval(p.default)
    if type(value) is int and p.r_default is not None and re.fullmatch(r"-?\d+", p.r_default.strip()):
        return float(value)
    return value


def _examples(family: Family, function: rkeras3.RFunction, run: bool) -> list[str]:
    source = family.example(function)
    if not source:
        return []
    if not run:
        return [">>> pass  # regenerating"]
    text = []
    for line, printed in zip(source, examples.run(source)):
        text.append(f">>> {line}")
        text += printed
    return text


def _docstring(family: Family, function: rkeras3.RFunction, params: list[Parameter], target: str,
               run_examples: bool) -> list[str]:
    try:
        doc = keras_object(target).__doc__
    except AttributeError:
        doc = None
    title, description, sections = docstrings.sections(doc or "")
    arguments = {}
    for name in ("Args", "Arguments"):
        arguments.update(docstrings.items(sections.get(name, [])))
    out = [(title or function.name).rstrip("."), "", "Description:"]
    out += docstrings.paragraphs(description) or [f"        See ``{_keras_reference(target)}``."]
    out += ["", *textwrap.wrap(family.rule, width=76, initial_indent=" " * 8, subsequent_indent=" " * 8,
                                break_on_hyphens=False, break_long_words=False), "", "Arguments:"]
    for p in params:
        text = (arguments.get(p.name) or arguments.get(p.r_name) or R_ONLY_ARGUMENTS.get(p.name)
                or f"See ``{_keras_reference(target)}``.")
        if p.r_default is not None and python_default(p.r_default) is None:
            text += f" (R's default: ``{p.r_default}``.)"
        out += docstrings.wrap_item(p.name, text)
    if any(name == "..." for name, _ in function.formals):
        out += docstrings.wrap_item("**kwargs", f"Passed on to ``{_keras_reference(target)}``.")
    out += ["", "Value:"] + [f"        {line}".rstrip() for line in family.value(function)]
    example = _examples(family, function, run_examples)
    if example:
        out += ["", "Examples:"] + [f"        {line}".rstrip() for line in example]
    out += ["", "See also:", f"        The Keras object: ``{_keras_reference(target)}``."]
    out += [f"        {line}" for line in family.see_also(function)]
    return out


def _function(family: Family, function: rkeras3.RFunction, run_examples: bool) -> str:
    params = parameters(function, family.optional(function))
    target = family.target(function)
    converters = _converters(family, function, params)
    decorator = f"@{family.decorator_of(function) or family.decorator}({{{', '.join(f'{k!r}: {v}' for k, v in converters.items())}}})"
    keras_object = family.stands_for(function)
    lines = [*([f"@stands_for({keras_object})"] if keras_object else []), decorator,
             _signature(function, params, family.named_after_dots),
             docstrings.quote(_docstring(family, function, params, target, run_examples)),
             *family.body(function, params, _keras_reference(target))]
    return "\n".join(lines)


def _converter_imports(sources: list[str]) -> list[str]:
    used = sorted({name for text in sources for name in re.findall(r"\b(as_\w+|required)\(?", text)
                   if name in converters.__all__})
    return ["from kerasfn.rcall.converters import (", *[f"    {name}," for name in used], ")"] if used else []


def _used(imports: tuple[str, ...], sources: list[str]) -> list[str]:
    """``imports`` (import lines, ``""`` between groups) less the names ``sources`` never use."""
    used = {word for text in sources for word in re.findall(r"\b\w+\b", text)}
    kept = []
    for line in imports:
        if line.startswith("from ") and " import " in line:
            module, _, names = line.partition(" import ")
            names = [name for name in names.split(", ") if name in used]
            if names:
                kept.append(f"{module} import {', '.join(names)}")
        elif not line.startswith("import ") or line.split()[-1] in used:
            kept.append(line)
    while kept and kept[-1] == "":  # no group separator left dangling
        kept.pop()
    return [line for i, line in enumerate(kept) if line or (i and kept[i - 1])]


def render(family: Family, part: str = "", run_examples: bool = True) -> str:
    """The text of the generated module of ``family``'s ``part``."""
    functions = family.parts()[part]
    bodies = [_function(family, function, run_examples) for function in functions]
    if family.appendix and not part:
        bodies.append(family.appendix.strip("\n"))
    title = family.title if not part else f"{family.title[:-1]}: the ``keras.src.ops.{part}`` ones."
    header = textwrap.dedent(f'''\
        # Generated by `python -m kerasfn.codegen` from kerasfn/codegen/families/{family.name}.py; do not edit.
        """{title}

        Generated by ``python -m kerasfn.codegen`` from ``kerasfn/codegen/families/{family.name}.py``;
        do not edit.  Sources: R keras3's definitions ({rkeras3.SOURCE}) and the
        installed Keras {keras.__version__}.
        """

        # ruff: noqa: E501
        from __future__ import annotations

        from typing import Any

        ''')
    exported = sorted([function.name for function in functions] + list(family.appendix_names if not part else ()))
    names = "".join(f"    {name!r},\n" for name in exported)
    imports = [*_used(family.imports, bodies), *_converter_imports(bodies)]
    return header + "\n".join(imports) + f"\n\n__all__ = [\n{names}]\n" + "".join(f"\n\n{body}\n" for body in bodies)


def write(family: Family) -> list[Path]:
    """Regenerate ``family``'s modules: first without examples (so the
    functions exist to run them), then with them."""
    PACKAGE.mkdir(exist_ok=True)
    parts = family.parts()
    for part in parts:
        family.path(part).write_text(render(family, part, run_examples=False))
    importlib.invalidate_caches()
    for part in parts:
        module = importlib.reload(importlib.import_module(family.module(part)))
        for name in module.__all__:  # examples import from kerasfn, which lists a new family only once generated
            setattr(kerasfn, name, getattr(module, name))
    for part in parts:
        family.path(part).write_text(render(family, part))
    return [family.path(part) for part in parts]
