"""The translator measured on strangers' R keras3 scripts: ``bench/PORT_CORPUS.md``.

Usage::

    python bench/port_corpus.py [CORPUS] [--heldout] [--only NAME ...] [--timeout S] [--keep DIR] [--out FILE]

``CORPUS`` (default ``tests/port/strangers``) holds ``NAME.R`` scripts beside ``NAME.Rout``,
what R keras3 printed.  Each script is translated with ``kerasfn.port.translate``, the Python
run in a fresh interpreter in a temporary directory, and its output compared with R's
section by section (``tests/port/strangers/compare.py`` defines the comparison: numbers within
1e-4 relative, text exact after normalising whitespace).

The scripts listed in ``CORPUS/HELDOUT.txt`` are the held-out part: left out unless
``--heldout``, and then reported separately, in totals and per-script counts only (no
differing lines or errors, so that nobody tunes the translator on them).  ``--only`` measures
the named scripts and prints the table instead of writing ``--out``.  ``--keep DIR`` writes
each worked script's translation, output and stderr there.
"""

from __future__ import annotations

import argparse
import datetime
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "port" / "strangers"))

from compare import RECORDED, ScriptResult, read_list, scripts_folder, translate_run_compare  # noqa: E402


def corpus_parts(corpus: Path) -> tuple[list[Path], list[Path]]:
    """The worked and the held-out scripts of ``corpus`` (those with a ``.Rout`` recorded in tests/port/strangers)."""
    heldout = set(read_list(RECORDED / "HELDOUT.txt"))
    scripts = sorted(path for path in corpus.glob("*.R") if (RECORDED / f"{path.stem}.Rout").is_file())
    return [s for s in scripts if s.stem not in heldout], [s for s in scripts if s.stem in heldout]


def _cell(text: str, width: int = 90) -> str:
    text = " ".join(text.split()).replace("|", "\\|").replace("`", "'")
    return text if len(text) <= width else text[:width - 1] + "…"


def _totals(results: list[ScriptResult]) -> str:
    sections = sum(len(result.sections) for result in results)
    matching = sum(result.matching for result in results)
    translated = sum(result.translate_error is None for result in results)
    ran = sum(result.ran_to_end for result in results)
    passing = sum(result.passes for result in results)
    return (f"{len(results)} scripts: {translated} translated without error, {ran} ran to the end, "
            f"{passing} match R in every section; {matching} of {sections} sections match R "
            f"({matching / sections:.0%})" if sections else f"{len(results)} scripts")


def worked_table(results: list[ScriptResult]) -> list[str]:
    rows = ["| script | translated | ran to the end | sections matching | first difference (R / Python) | error |",
            "| --- | --- | --- | ---: | --- | --- |"]
    for result in results:
        first = next((s for s in result.sections if not s.matches), None)
        difference = (f"{first.name}: R `{_cell(first.first_difference[0], 60)}` / "
                      f"Py `{_cell(first.first_difference[1], 60)}`") if first else ""
        error = result.translate_error or result.run_error or ""
        rows.append(f"| {result.name} | {'yes' if result.translate_error is None else 'no'} | "
                    f"{'yes' if result.ran_to_end else 'no'} | {result.matching} / {len(result.sections)} | "
                    f"{difference} | {_cell(error)} |")
    return rows


def heldout_table(results: list[ScriptResult]) -> list[str]:
    rows = ["| script | translated | ran to the end | sections matching |", "| --- | --- | --- | ---: |"]
    rows += [f"| {r.name} | {'yes' if r.translate_error is None else 'no'} | {'yes' if r.ran_to_end else 'no'} | "
             f"{r.matching} / {len(r.sections)} |" for r in results]
    return rows


def _commit() -> str:
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "kerasfn"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return head + (" (with uncommitted changes under kerasfn/)" if dirty else "")


def _measure(scripts: list[Path], timeout: float, keep: Path | None) -> list[ScriptResult]:
    results = []
    for script in scripts:
        result = translate_run_compare(script, timeout=timeout, keep_dir=keep)
        print(f"{result.name}: translated {result.translate_error is None}, ran {result.ran_to_end}, "
              f"{result.matching}/{len(result.sections)} sections "
              f"({result.translate_seconds:.1f} s + {result.run_seconds:.1f} s)", flush=True)
        results.append(result)
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=scripts_folder(),
                        help="the folder of the R scripts (default: $KERASFN_STRANGERS_SCRIPTS or ../shared/port_strangers)")
    parser.add_argument("--heldout", action="store_true", help="also measure the held-out part (reported apart)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="measure these worked scripts and print the table")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per script run (default 300)")
    parser.add_argument("--keep", type=Path, help="folder for the worked scripts' translations and outputs")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "PORT_CORPUS.md")
    args = parser.parse_args(argv)

    worked, heldout = corpus_parts(args.corpus)
    if args.only:
        known = {script.stem: script for script in worked}
        unknown = [name for name in args.only if name not in known]
        if unknown:
            parser.error(f"--only: not a worked script of {args.corpus}: {', '.join(unknown)}")
        print("\n".join(worked_table(_measure([known[name] for name in args.only], args.timeout, args.keep))))
        return
    commit = _commit()  # before measuring: the tree may change while the scripts run
    worked_results = _measure(worked, args.timeout, args.keep)
    heldout_results = _measure(heldout, args.timeout, None) if args.heldout else []

    lines = ["# `kerasfn.port` on strangers' R keras3 scripts", "",
             f"Measured {datetime.date.today().isoformat()} on commit {commit} with "
             f"`python bench/port_corpus.py{' --heldout' if args.heldout else ''}`.",
             "The corpus, its sources and the edits made to each script: `tests/port/strangers/` "
             "(each script's header). A section matches when every line R printed in it is printed by the "
             "translation, numbers within 1e-4 relative (`tests/port/strangers/compare.py`).", "",
             "## Worked part", "", _totals(worked_results), ""] + worked_table(worked_results)
    if args.heldout:
        lines += ["", "## Held-out part", "", _totals(heldout_results), ""] + heldout_table(heldout_results)
    else:
        lines += ["", f"Held-out part ({len(heldout)} scripts, `HELDOUT.txt`): not measured in this run."]
    text = "\n".join(lines) + "\n"
    temporary = args.out.with_suffix(".tmp")
    temporary.write_text(text)
    temporary.replace(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
