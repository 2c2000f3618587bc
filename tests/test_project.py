"""The repository's own files: the README's set-up commands are what CI runs and its examples run; relative
links in the README, man/ and vignettes/ lead to files that exist; the README shows bench/RESULTS.md's table."""

import ast
import builtins
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _readme_commands():
    return re.findall(r"```bash\n(.+?)\n```", (ROOT / "README.md").read_text())


def test_readme_has_exactly_two_setup_commands():
    setup = (ROOT / "README.md").read_text().split("## Set-up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.+?)\n```", setup)
    assert commands == [
        'python -m pip install -e . && python -m kerasfn',
        'python -m pip install -e ".[test]" && python -m pytest',
    ]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    test_command = _readme_commands()[1]
    assert test_command in ci


def _readme_python_blocks():
    return re.findall(r"```python\n(.+?)\n```", (ROOT / "README.md").read_text(), re.S)


def test_readme_example_runs_trains_and_plots(tmp_path, monkeypatch):
    example = (ROOT / "README.md").read_text().split("## Example", 1)[1]
    code = re.search(r"```python\n(.+?)\n```", example, re.S)[1]
    assert code == _readme_python_blocks()[0]
    assert len(code.splitlines()) <= 12
    monkeypatch.chdir(tmp_path)
    namespace = {}
    exec(builtins.compile(code, "README.md", "exec"), namespace)
    import matplotlib.figure

    assert namespace["shape"](namespace["outputs"]) == (None, 1)
    assert len(namespace["history"].history["loss"]) == 2
    assert isinstance(namespace["plot"](namespace["history"]), matplotlib.figure.Figure)
    assert (tmp_path / "history.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_every_other_python_block_in_the_readme_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for number, code in enumerate(_readme_python_blocks()[1:], start=2):
        exec(builtins.compile(code, f"README.md python block {number}", "exec"), {})


PAGES = [ROOT / "README.md", *sorted((ROOT / "man").glob("*.md")), *sorted((ROOT / "vignettes").glob("*.md"))]
_LINK = re.compile(r"\]\((?P<target>[^)\s#]+)(?:#[^)]*)?\)")


def relative_links(page: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", page.read_text(), flags=re.S)  # code blocks hold no links
    return [m["target"] for m in _LINK.finditer(text) if not re.match(r"[a-z]+:", m["target"])]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_relative_links_resolve(page):
    broken = [target for target in relative_links(page) if not (page.parent / target).exists()]
    assert not broken, f"{page.relative_to(ROOT)} links to missing files: {broken}"


def test_the_readme_links_the_reference_and_the_vignettes():
    links = relative_links(ROOT / "README.md")
    assert "man/index.md" in links and "vignettes/README.md" in links


def test_a_missing_target_is_reported(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("[here](there.md) and [web](https://example.org) and ```\n[code](not-a-link.md)\n```\n")
    assert relative_links(page) == ["there.md"]


def test_the_readme_shows_the_latest_bench_table():
    def table_rows(text):
        return [line for line in text.splitlines() if line.startswith("| ")]

    readme = (ROOT / "README.md").read_text().split("## Benchmarks", 1)[1].split("\n## ", 1)[0]
    results = (ROOT / "bench" / "RESULTS.md").read_text()
    assert table_rows(readme) and table_rows(readme) == table_rows(results), (
        "README's Benchmarks table differs from bench/RESULTS.md: copy the new table into the README"
    )


def test_the_readme_has_getting_help_a_license_and_links_the_notebooks():
    readme = (ROOT / "README.md").read_text()
    assert "\n## Getting help\n" in readme and "\n## License\n" in readme
    links = relative_links(ROOT / "README.md")
    assert "LICENSE" in links and any(link.startswith("vignettes/notebooks/") for link in links)
    license_text = (ROOT / "LICENSE").read_text()  # pyproject.toml says Apache-2.0: its full text
    assert "Apache License\n                           Version 2.0, January 2004" in license_text
    assert "END OF TERMS AND CONDITIONS" in license_text


# Words about how kerasfn was specified ("the seed pages", "seed 001"), which mean nothing to a reader;
# random seeds are fine.
_INTERNAL = re.compile(r"seed (page|example|\d{3})|seeds' |seed's |seed-\d{3}|seed pages", re.I)


def test_no_project_internal_words_in_what_users_read():
    files = [ROOT / "README.md", *(ROOT / "man").glob("*.md"), *(ROOT / "vignettes").rglob("*.md"),
             *(ROOT / "vignettes").rglob("*.ipynb"), *(ROOT / "kerasfn").rglob("*.py")]
    found = [str(path.relative_to(ROOT)) for path in files
             if _INTERNAL.search(path.read_text())]
    assert not found, f"project-internal 'seed' wording in {found}"


# The package's layers, bottom to top, and what each may import (README's and CONTRIBUTING.md's table).
_MAY_IMPORT = {
    "rcall": {"rcall"},
    "core": {"core", "rcall"},
    "api": {"api", "core", "rcall", "base_r"},
    "generated": {"generated", "api", "core", "rcall"},
    "exports": {"exports", "generated", "api", "core", "rcall"},
    "base_r": {"base_r"},
    "port": {"port", "base_r"},
    "startup": set(),
}
# Imports inside a function, each for a reason other than an import circle.
_DEFERRED = {
    ("kerasfn/__init__.py", "kerasfn.startup"): "Keras starts quietly before the API loads",
    ("kerasfn/__init__.py", "kerasfn.exports"): "the translator's command never loads Keras",
    ("kerasfn/__init__.py", "kerasfn.rcall.internals"): "the translator's command never loads Keras",
    ("kerasfn/__main__.py", "kerasfn"): "the demo imports the package when run, not when imported",
    ("kerasfn/core/kernels/__init__.py", "kerasfn.core.kernels.torch"): "torch's kernels load on PyTorch only",
    ("kerasfn/docs/__main__.py", "kerasfn.docs.man"): "each target loads its own extra's packages",
    ("kerasfn/docs/__main__.py", "kerasfn.docs.vignettes"): "each target loads its own extra's packages",
    ("kerasfn/docs/__main__.py", "kerasfn.docs.site"): "each target loads its own extra's packages",
}


def _kerasfn_imports(path: Path) -> list[tuple[str, bool]]:
    """``(module, at_top_level)`` for each import of a kerasfn module in ``path``."""
    tree = ast.parse(path.read_text())
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts)  # a package's own: "kerasfn.rcall.__init__"
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[:-node.level] + ([node.module] if node.module else []))
            modules = [f"{base}.{alias.name}" if _is_module(f"{base}.{alias.name}") else base for alias in node.names]
        else:
            continue
        found += [(module, id(node) in top_level) for module in modules if module.split(".")[0] == "kerasfn"]
    return found


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


_SOURCES = sorted((ROOT / "kerasfn").rglob("*.py"))


@pytest.mark.parametrize("path", _SOURCES, ids=lambda path: str(path.relative_to(ROOT)))
def test_the_package_imports_one_way(path):
    relative = path.relative_to(ROOT / "kerasfn")
    layer = relative.parts[0].removesuffix(".py")
    for module, at_top_level in _kerasfn_imports(path):
        if not at_top_level:
            key = (str(path.relative_to(ROOT)), module)
            assert key in _DEFERRED, f"{key[0]} imports {module} inside a function"
        if layer in _MAY_IMPORT:
            imported = module.split(".")[1] if "." in module else "kerasfn"
            assert imported in _MAY_IMPORT[layer], f"{relative} (in {layer}/) imports {module}"
