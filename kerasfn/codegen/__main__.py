"""``python -m kerasfn.codegen``: regenerate ``kerasfn/layers/generated.py`` and ``kerasfn/families/*.py``."""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from kerasfn.codegen import family  # noqa: E402
from kerasfn.codegen.families import families  # noqa: E402
from kerasfn.codegen.generate import write  # noqa: E402

if __name__ == "__main__":
    print(f"wrote {write()}")
    for rule in families():
        print(f"wrote {family.write(rule)}")
