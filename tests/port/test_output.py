"""kerasfn.port.output: the translated script's header (the imports its body uses, from kerasfn's star
import to NumPy) and black's formatting of the whole."""

from __future__ import annotations

import builtins

import black

from kerasfn.port import translate


def test_library_keras3_becomes_the_star_import_and_numpy_comes_when_used():
    assert translate("library(keras3)\nx <- c(1, 2)\n").python == (
        "import numpy as np\nfrom kerasfn import *\n\nx = np.array([1.0, 2.0])\n"
    )
    assert translate("library(keras)\n").python == "from kerasfn import *\n"


def test_the_output_is_black_formatted_python_that_compiles():
    python = translate("model <- keras_model_sequential(input_shape = c(28, 28, 1)) |> "
                       "layer_conv_2d(filters = 32, kernel_size = c(3, 3), activation = 'relu') |> "
                       "layer_max_pooling_2d(pool_size = c(2, 2)) |> layer_flatten()").python
    assert black.format_str(python, mode=black.Mode()) == python
    builtins.compile(python, "<port>", "exec")
