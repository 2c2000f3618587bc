"""``python -m kerasfn.docs [man] [vignettes] [site]``: regenerate the documentation
(``man`` and ``vignettes`` when no target is named; ``site`` builds the
documentation site into the git-ignored ``site/`` from them)."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

TARGETS = ("man", "vignettes", "site")
DEFAULT_TARGETS = ("man", "vignettes")


def main(targets: list[str]) -> None:
    unknown = [target for target in targets if target not in TARGETS]
    if unknown:
        raise SystemExit(f"usage: python -m kerasfn.docs [man] [vignettes] [site]; unknown target(s): {', '.join(unknown)}")
    targets = targets or list(DEFAULT_TARGETS)
    if "man" in targets:
        from kerasfn.docs import man

        print(f"man/: {len(man.write_all())} pages")
    if "vignettes" in targets:
        from kerasfn.docs import vignettes

        print(f"vignettes/: {len(vignettes.render_all())} vignettes and their notebooks")
    if "site" in targets:
        import time

        from kerasfn.docs import site

        start = time.perf_counter()
        home = site.build()
        print(f"site/: built in {time.perf_counter() - start:.0f} s; serve it with "
              f"`python -m http.server -d site` and open http://localhost:8000 (search needs a server), "
              f"or open {home}")


if __name__ == "__main__":
    main(sys.argv[1:])
