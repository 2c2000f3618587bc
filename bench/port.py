"""Translation speed of ``kerasfn.port``: a 100-line script, and how time grows with size.

``python bench/port.py`` prints, for the corpus script repeated to several sizes, the time
of ``translate()`` and the share spent in black; and the time of the command in a fresh
process (which also loads kerasfn's package, and through it Keras) and without
kerasfn's package (the translator's modules alone).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kerasfn import port
from kerasfn.port import translate

SCRIPT = (Path(__file__).parent.parent / "tests" / "port" / "corpus" / "02_sequential_classifier.R").read_text()


def lines(n: int) -> str:
    """About ``n`` lines of R: the corpus script repeated."""
    body = SCRIPT.splitlines()
    return "\n".join((body * (n // len(body) + 1))[:n]) + "\n"


def timed(function, *args) -> float:  # noqa: ANN001
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        function(*args)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    translate("x <- 1\n")  # the parser's first load
    black_time = {"seconds": 0.0}
    original = port.formatted

    def counted(python: str) -> str:
        start = time.perf_counter()
        try:
            return original(python)
        finally:
            black_time["seconds"] += time.perf_counter() - start

    print("| R lines | translate() s | of which black s | s per 1000 lines |")
    print("| ---: | ---: | ---: | ---: |")
    for n in (100, 1000, 4000, 16000):
        source = lines(n)
        port.formatted = counted
        black_time["seconds"] = 0.0
        start = time.perf_counter()
        translate(source)
        total = time.perf_counter() - start
        port.formatted = original
        print(f"| {n} | {total:.2f} | {black_time['seconds']:.2f} | {1000 * total / n:.2f} |")
    with tempfile.TemporaryDirectory() as directory:
        script = Path(directory) / "s.R"
        script.write_text(lines(100))
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kerasfn.port", str(script), "-o", "-"], check=True,
                       capture_output=True)
        print(f"\n`python -m kerasfn.port` on 100 lines, fresh process: {time.perf_counter() - start:.2f} s")
        # the translator alone: kerasfn's package __init__ (which loads Keras) replaced by an empty package
        package = Path(port.__file__).parent.parent
        code = (f"import sys, types\nparent = types.ModuleType('kerasfn'); parent.__path__ = [{str(package)!r}]\n"
                f"sys.modules['kerasfn'] = parent\nfrom kerasfn.port.__main__ import main\n"
                f"main([{str(script)!r}, '-o', '-'])\n")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        print(f"the same without loading kerasfn's package (the translator's own cost): "
              f"{time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
