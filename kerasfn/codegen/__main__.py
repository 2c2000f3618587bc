"""``python -m kerasfn.codegen``: regenerate ``kerasfn/generated/``: the layer functions, the other families, the package."""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from kerasfn.codegen import family, generate, package  # noqa: E402
from kerasfn.codegen.families import families  # noqa: E402

if __name__ == "__main__":
    for path in generate.write():
        print(f"wrote {path}")
    for rule in families():
        for path in family.write(rule):
            print(f"wrote {path}")
    print(f"wrote {package.write()}")
