"""``python -m kerasfn.docs site``: the documentation site, kerasfn's pkgdown, written to ``site/``.

The site has a home page (the README), the reference (every ``man/`` page,
grouped as R keras3's reference is, each with R keras3's usage next to the
Python one), the articles (the vignettes with their figures, and their
notebooks to download), one page per R-to-Python difference (the rows of the
README's tables), and a search box.

It is built with MkDocs and its Material theme (the ``docs`` extra).  Why
those: every page is already Markdown (README, ``man/``, ``vignettes/``), and
MkDocs builds Markdown as it is, where Sphinx would need MyST and a
conversion layer; Material adds a search that runs in the browser (a static
host is enough), navigation tabs and code-copy buttons; and ``mkdocs build
--strict`` turns every warning (a link to a missing page or anchor, a page
that cannot be read) into an error, so a site with a broken link is not
built.

The pages are laid out as in the repository (``man/``, ``vignettes/``,
``bench/``), so their relative links are the ones the tests already check on
GitHub; only the generated parts (the R usage, the difference pages) are
added, in a temporary folder from which MkDocs builds.  ``site/`` is
git-ignored.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kerasfn.docs import man, vignettes

__all__ = ["ROOT", "SITE", "Difference", "build", "differences", "r_usage", "stage", "write_config"]

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
_R_FUNCTIONS = ROOT / "kerasfn" / "codegen" / "rkeras3" / "functions.json"


@dataclass
class Difference:
    """One row of the README's R-to-Python tables: R's form, and what to write in Python."""

    r: str
    python: str
    table: str

    @property
    def slug(self) -> str:
        words = re.findall(r"[a-z0-9]+", re.sub(r"`[^`]*`", lambda m: m[0].replace("_", " "), self.r.lower()))
        return "-".join(words)[:60].strip("-") or "difference"


def _cells(row: str) -> list[str]:
    """The cells of a Markdown table row (``\\|`` is a pipe inside a cell)."""
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row.strip().strip("|"))]


def differences(readme: str) -> list[Difference]:
    """The rows of the README's tables under "From R to Python", in order."""
    section = readme.split("\n## From R to Python", 1)[1].split("\n## ", 1)[0]
    rows, table = [], ""
    for line in section.splitlines():
        if not line.startswith("|"):
            continue
        cells = _cells(line)
        if set("".join(cells)) <= set("- "):
            continue  # the header's underline
        if cells[0] == "R keras3":
            table = cells[1]
            continue
        rows.append(Difference(cells[0], cells[1], table))
    return rows


def _table_pipes_unescaped(markdown: str) -> str:
    """Table rows with ``\\|`` as ``|`` in code spans: GitHub needs the escape there, Python-Markdown
    (which does not split cells inside code) would show the backslash."""

    def unescaped(row: re.Match) -> str:
        return re.sub(r"`[^`]*`", lambda code: code[0].replace("\\|", "|"), row[0])

    return re.sub(r"^\|.*$", unescaped, markdown, flags=re.M)


def _difference_page(difference: Difference, number: int, total: int) -> str:
    return (
        f"# {difference.r}\n\n"
        f"Difference {number} of {total} between R keras3 and kerasfn "
        f"([all of them](index.md); from the README's [From R to Python](../index.md#from-r-to-python)).\n\n"
        f"| R keras3 | {difference.table} |\n| --- | --- |\n"
        f"| {difference.r} | {difference.python} |\n"
    )


def _r_formals() -> dict[str, list[dict]]:
    """R keras3's functions (and the model and history methods of its generics), by name."""
    catalog = json.loads(_R_FUNCTIONS.read_text())
    formals = {f["name"]: f["formals"] for f in catalog["functions"] if f.get("formals") is not None}
    for method in catalog["s3_methods"]:
        if method.get("class") in ("keras.src.models.model.Model", "keras_training_history"):
            formals.setdefault(method["generic"], method["formals"])
    return formals


def r_usage(name: str, formals: dict[str, list[dict]]) -> str | None:
    """R keras3's usage line of ``name``, as its help page shows it; ``None`` when R keras3 has no such function."""
    if name not in formals:
        return None
    arguments = [f["name"] if f["default"] is None else f"{f['name']} = {f['default']}" for f in formals[name]]
    if sum(map(len, arguments)) < 60:
        return f"{name}({', '.join(arguments)})"
    return f"{name}(\n" + "".join(f"  {argument},\n" for argument in arguments)[:-2] + "\n)"


def _with_r_usage(page: str, name: str, formals: dict[str, list[dict]]) -> str:
    usage = r_usage(name, formals)
    if usage is None:
        r_part = f"R keras3 has no `{name}`: it is kerasfn's own."
    else:
        r_part = f"```r\n{usage}\n```"
    return page.replace("\n## Usage\n\n", f"\n## R usage\n\n{r_part}\n\n## Python usage\n\n", 1)


def stage(docs: Path) -> list:
    """Lay out the site's pages in ``docs`` (an empty folder); return MkDocs' ``nav``."""
    readme = (ROOT / "README.md").read_text()
    (docs / "index.md").write_text(_table_pipes_unescaped(readme))
    shutil.copyfile(ROOT / "LICENSE", docs / "LICENSE")
    shutil.copyfile(ROOT / "CONTRIBUTING.md", docs / "CONTRIBUTING.md")
    (docs / "bench").mkdir()
    for page in sorted((ROOT / "bench").glob("*.md")):
        shutil.copyfile(page, docs / "bench" / page.name)

    (docs / "man").mkdir()
    formals = _r_formals()
    names = {man.page_file(name): name for name in man.documented()}
    for page in sorted((ROOT / "man").glob("*.md")):
        text = page.read_text()
        if page.name in names:
            text = _with_r_usage(text, names[page.name], formals)
        (docs / "man" / page.name).write_text(text)

    (docs / "vignettes").mkdir()
    for page in sorted(vignettes.VIGNETTES.glob("*.md")):
        shutil.copyfile(page, docs / "vignettes" / page.name)
    for folder in ("figures", "notebooks"):
        shutil.copytree(vignettes.VIGNETTES / folder, docs / "vignettes" / folder)

    (docs / "differences").mkdir()
    rows = differences(readme)
    slugs: list[str] = []
    for number, difference in enumerate(rows, start=1):
        slug = difference.slug
        while slug in slugs:
            slug += "-2"
        slugs.append(slug)
        (docs / "differences" / f"{slug}.md").write_text(_difference_page(difference, number, len(rows)))
    (docs / "differences" / "index.md").write_text(
        "# From R to Python\n\nWhat changes when an R keras3 script becomes Python, one page per difference "
        "(the README's tables):\n\n"
        + "".join(f"- [{row.r}]({slug}.md): {row.python}\n" for row, slug in zip(rows, slugs))
    )
    articles = [{vignettes.VIGNETTES.joinpath(f"{source.stem}.md").read_text().split("\n# ", 1)[1].split("\n")[0]:
                 f"vignettes/{source.stem}.md"} for source in vignettes.sources()]
    return [
        {"Home": "index.md"},
        {"Reference": "man/index.md"},
        {"Articles": [{"Overview": "vignettes/README.md"}, *articles]},
        {"R to Python": [{"Overview": "differences/index.md"},
                         *({row.r.replace("`", ""): f"differences/{slug}.md"} for row, slug in zip(rows, slugs))]},
        {"Contributing": "CONTRIBUTING.md"},
    ]


def write_config(path: Path, docs: Path, site_dir: Path, nav: list) -> None:
    """MkDocs' configuration: the Material theme, its search, warnings about links made errors by ``--strict``."""
    config = {
        "site_name": "kerasfn",
        "site_description": "R keras3's functional, pipe-friendly API in Python, on Keras 3",
        "docs_dir": str(docs),
        "site_dir": str(site_dir),
        "use_directory_urls": False,  # pages are files: the site also reads from a folder, without a server
        "theme": {"name": "material", "features": ["navigation.tabs", "navigation.top", "search.suggest",
                                                   "search.highlight", "content.code.copy"]},
        "plugins": ["search"],
        "markdown_extensions": ["tables", "admonition", {"toc": {"permalink": True}},
                                "pymdownx.highlight", "pymdownx.superfences"],
        "validation": {"absolute_links": "warn", "unrecognized_links": "warn", "anchors": "warn"},
        "nav": nav,
    }
    path.write_text(json.dumps(config, indent=1))  # JSON is YAML


def build(site_dir: Path = SITE) -> Path:
    """Build the site into ``site_dir`` with ``mkdocs build --strict``; return its home page.

    Raises ``RuntimeError`` with MkDocs' messages when a warning (a broken
    link, a missing page) stops the build.
    """
    with tempfile.TemporaryDirectory(prefix="kerasfn-site-") as folder:
        docs = Path(folder) / "docs"
        docs.mkdir()
        config = Path(folder) / "mkdocs.yml"
        write_config(config, docs, site_dir, stage(docs))
        completed = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config)],
                                   capture_output=True, text=True,
                                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})  # Material's notice about MkDocs 2
    if completed.returncode != 0:
        raise RuntimeError(f"mkdocs build --strict failed:\n{completed.stdout}{completed.stderr}")
    return site_dir / "index.html"
