"""``python -m kerasfn.docs [man] [vignettes]``: regenerate the documentation
(both when no target is named)."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

TARGETS = ("man", "vignettes")


def main(targets: list[str]) -> None:
    unknown = [target for target in targets if target not in TARGETS]
    if unknown:
        raise SystemExit(f"usage: python -m kerasfn.docs [man] [vignettes]; unknown target(s): {', '.join(unknown)}")
    targets = targets or list(TARGETS)
    if "man" in targets:
        from kerasfn.docs import man

        print(f"man/: {len(man.write_all())} pages")
    if "vignettes" in targets:
        from kerasfn.docs import vignettes

        print(f"vignettes/: {len(vignettes.render_all())} vignettes")


if __name__ == "__main__":
    main(sys.argv[1:])
