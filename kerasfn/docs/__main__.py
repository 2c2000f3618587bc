"""``python -m kerasfn.docs [man|vignettes]``: regenerate the documentation."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def main(targets: list[str]) -> None:
    targets = targets or ["man", "vignettes"]
    if "man" in targets:
        from kerasfn.docs import man

        print(f"man/: {len(man.write_all())} pages")
    if "vignettes" in targets:
        from kerasfn.docs import vignettes

        print(f"vignettes/: {len(vignettes.render_all())} vignettes")


if __name__ == "__main__":
    main(sys.argv[1:])
