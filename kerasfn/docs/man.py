"""``man/``: one R-help-shaped Markdown page per exported name, from its docstring.

``python -m kerasfn.docs`` writes them; ``tests/docs/test_man.py`` fails when a
page differs from what the docstrings say now.  The index groups the pages
the way the R keras3 reference does, by the table :data:`GROUPS`.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable
from pathlib import Path

import kerasfn
import kerasfn.base_r
from kerasfn.api.reexports import CONSTANT_DOCS
from kerasfn.docs.docstring import HelpPage, parse

__all__ = ["GROUPS", "MAN", "SUBPACKAGE_PAGES", "documented", "documented_object", "expected_pages", "group_of",
           "page_file", "render_index", "render_page", "write_all"]

MAN = Path(__file__).resolve().parents[2] / "man"

_MODEL_VERBS = {
    "compile", "fit", "evaluate", "predict", "summary", "save_model", "load_model", "get_weights",
    "set_weights", "freeze_weights", "unfreeze_weights", "reset_state", "plot",
}
_MODELS = {"keras_input", "layer_input", "keras_model", "keras_model_sequential"}
_HELPERS = {"to_categorical", "pad_sequences", "timeseries_dataset_from_array", "set_random_seed",
            "random_uniform", "random_normal", "shape", "Shape"}


#: Functions of subpackages with a page of their own, which ``from kerasfn import *`` leaves out
#: (``kerasfn.base_r``'s R base functions would shadow Python's built-ins).
SUBPACKAGE_PAGES = ("port.translate", *(f"base_r.{name}" for name in kerasfn.base_r.__all__))


def documented() -> list[str]:
    """Every name with a page, once: the exported ones, then :data:`SUBPACKAGE_PAGES`."""
    return list(dict.fromkeys([*kerasfn.__all__, *SUBPACKAGE_PAGES]))


class _Constant:
    """A documented value that carries no docstring of its own (``newaxis`` is ``None``)."""

    def __init__(self, doc: str) -> None:
        self.__doc__ = doc


def documented_object(name: str) -> object:
    """What a page documents: ``kerasfn.<name>``, a dotted name in a subpackage."""
    if name in CONSTANT_DOCS:
        return _Constant(CONSTANT_DOCS[name])
    module, _, attribute = name.rpartition(".")
    return getattr(importlib.import_module(f"kerasfn.{module}") if module else kerasfn, attribute)


def _matching(pattern: str) -> Callable[[str], bool]:
    return lambda name: re.fullmatch(pattern, name) is not None


#: Index groups, first match wins; every exported name falls in one.
GROUPS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("RNN layers", _matching(
        r"layer_(lstm|cudnn_lstm|gru|simple_rnn|rnn|bidirectional|time_distributed|conv_lstm_\dd)"
        r"|rnn_cells?_\w+|bidirectional|time_distributed")),
    ("The LSTM core and cuDNN", _matching(r"cudnn_status|CudnnStatus|LSTMStates")),
    ("Merge layers", _matching(r"layer_(add|subtract|multiply|average|maximum|minimum|concatenate|dot)")),
    ("Convolution layers", _matching(r"layer_(\w+_)?conv_\dd(_transpose)?")),
    ("Pooling layers", _matching(r"layer_(global_)?(max|average)_pooling_\dd")),
    ("Attention layers", _matching(r"layer_(\w+_)?attention")),
    ("Normalization and regularization layers", _matching(
        r"layer_(\w+_)?normalization|layer_(\w+_)?dropout(_\dd)?|layer_gaussian_noise"
        r"|layer_activity_regularization")),
    ("Preprocessing layers", _matching(
        r"layer_(random_\w+|rescaling|resizing|center_crop|discretization|hashing|hashed_crossing"
        r"|category_encoding|integer_lookup|string_lookup|text_vectorization|feature_space"
        r"|mel_spectrogram)")),
    ("Reshaping layers", _matching(
        r"layer_(reshape|flatten|permute|repeat_vector|cropping_\dd|upsampling_\dd|zero_padding_\dd)")),
    ("Backend-specific wrappers", _matching(r"layer_(torch_module|jax_model|flax_module)_wrapper|layer_tfsm")),
    ("Core layers", _matching(r"layer_(?!input$)\w+|Layer")),  # layer_input() is R keras 2's keras_input()
    ("Operations", _matching(r"op_\w+")),
    ("Activations", _matching(r"activation_\w+")),
    ("Random tensor generators", _matching(r"random_\w+")),
    ("Configuration", _matching(r"config_\w+")),
    ("Feature space", _matching(r"feature_\w+")),
    ("Tensors and variables", _matching(r"as_tensor|all_dims|newaxis|keras_variable")),
    ("Losses", _matching(r"loss_\w+")),
    ("Metrics", _matching(r"metric_\w+")),
    ("Optimizers", _matching(r"optimizer_\w+")),
    ("Learning rate schedules", _matching(r"learning_rate_schedule_\w+")),
    ("Callbacks", _matching(r"callback_\w+")),
    ("Initializers, regularizers and constraints", _matching(r"(initializer|regularizer|constraint)_\w+")),
    ("Custom classes", _matching(
        r"Model|Loss|Metric|Callback|LearningRateSchedule|Constraint|new_\w+_class|custom_metric")),
    ("Applications", _matching(r"application_\w+|imagenet_\w+")),
    ("Datasets", _matching(r"dataset_\w+")),
    ("Model functions", _matching(
        r"get_layer|pop_layer|clone_model|count_params|(save|load)_model_(weights|config)|export_savedmodel"
        r"|(train|test|predict)_on_batch|[gs]et_state_tree|quantize_weights|adapt|[gs]et_vocabulary")),
    ("Serialization and custom objects", _matching(
        r"register_keras_serializable|with_custom_object_scope|[gs]et_custom_objects|(de)?serialize_keras_object"
        r"|get_registered_(name|object)|get_config|from_config")),
    ("Utilities", _matching(
        r"image_\w+|(text|audio)_dataset_from_directory|split_dataset|get_file|normalize|zip_lists|np_array"
        r"|array_reshape|iterate|as_iterator|iter_next|clear_session|get_source_inputs")),
    ("Models", _MODELS.__contains__),
    ("Model verbs", _MODEL_VERBS.__contains__),
    ("Helpers", _HELPERS.__contains__),
    ("Backends", _matching(r"use_backend|as_array")),
    ("Porting R scripts", _matching(r"port\.\w+")),
    ("Base R functions for ported scripts", _matching(r"base_r\.\w+")),
)


def group_of(name: str) -> str:
    """The index group of an exported name."""
    for title, member in GROUPS:
        if member(name):
            return title
    raise LookupError(f"{name!r} belongs to no group of kerasfn.docs.man.GROUPS")


def _markdown(text: str) -> str:
    """reST roles and double backticks, as Markdown."""
    text = re.sub(r":func:`~?(?:kerasfn\.)?([\w.]+)`", lambda m: _link(m[1]), text)
    text = re.sub(r":(?:class|mod|meth|attr):`~?([\w.]+)`", r"`\1`", text)
    # A ``literal`` may be wrapped over two lines of the docstring; Markdown's `code` may not.
    return re.sub(r"``(.+?)``", lambda m: "`" + re.sub(r"\s*\n\s*", " ", m[1]) + "`", text, flags=re.S)


def _link(name: str) -> str:
    if name in documented():
        return f"[`{name}()`]({page_file(name)})"
    return f"`{name}()`"


def page_file(name: str) -> str:
    """A page's file name; classes get a suffix so ``Shape`` and ``shape``
    stay two files on case-insensitive file systems."""
    return f"{name}-class.md" if inspect.isclass(documented_object(name)) else f"{name}.md"


def _usage(name: str, obj: object) -> str:
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        return name
    parameters = [str(parameter.replace(annotation=inspect.Parameter.empty))
                  for parameter in signature.parameters.values()]
    if sum(map(len, parameters)) < 60:
        return f"{name}({', '.join(parameters)})"
    return f"{name}(\n" + "".join(f"    {parameter},\n" for parameter in parameters) + ")"


def _items(page: HelpPage, section: str) -> str:
    return "\n".join(f"- `{name}`: {_markdown(text)}" for name, text in page.items(section))


def render_page(name: str) -> str:
    """The Markdown help page of one exported name."""
    obj = documented_object(name)
    page = parse(obj)
    parts = [f"# {name}: {page.title}", "## Description", _markdown(page.sections["Description"]),
             "## Usage", f"```python\n{_usage(name, obj)}\n```"]
    if page.items("Arguments"):
        parts += ["## Arguments", _items(page, "Arguments")]
    parts += ["## Value", _markdown(page.sections["Value"])]
    if "Call arguments" in page.sections:
        parts += ["## Call arguments", _items(page, "Call arguments")]
    parts += ["## Examples", f"```python\n{page.sections['Examples']}\n```",
              "## See also", _markdown(page.sections["See also"])]
    return "\n\n".join(parts) + "\n"


def render_index() -> str:
    """``man/index.md``: every page, grouped as the R reference groups them."""
    grouped: dict[str, list[str]] = {title: [] for title, _ in GROUPS}
    for name in sorted(documented(), key=str.lower):
        grouped[group_of(name)].append(name)
    parts = ["# kerasfn reference", "Generated from the docstrings by `python -m kerasfn.docs`; do not edit."]
    for title, names in grouped.items():
        if names:
            lines = [f"- [`{n}`]({page_file(n)}): {_markdown(parse(documented_object(n)).title)}" for n in names]
            parts += [f"## {title}", "\n".join(lines)]
    return "\n\n".join(parts) + "\n"


def expected_pages() -> dict[str, str]:
    """File name -> content of every page ``man/`` should hold."""
    pages = {page_file(name): render_page(name) for name in documented()}
    pages["index.md"] = render_index()
    return pages


def write_all(directory: Path = MAN) -> list[Path]:
    """Rewrite ``directory`` (default ``man/``) from the docstrings, removing
    pages of names no longer exported."""
    directory.mkdir(exist_ok=True)
    pages = expected_pages()
    for stale in directory.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
    written = []
    for file_name, content in pages.items():
        path = directory / file_name
        path.write_text(content)
        written.append(path)
    return written
