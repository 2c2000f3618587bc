"""kerasfn.base_r.rng: R's Mersenne-Twister as ``set_seed()``, ``runif()`` and ``sample()`` draw from
it: exactly R's numbers for several seeds, across the generator's refills."""

from __future__ import annotations

import numpy as np
import pytest

from kerasfn.base_r import runif, sample, set_seed

# R: set.seed(s); u <- runif(3); a <- sample(1e6, 3); b <- sample(70000, 4, replace = TRUE); p <- sample(10)
R_DRAWS = [
    (1, [0.26550866314209998, 0.37212389963679016, 0.57285336335189641], [13218, 848343, 696590],
     [45025, 50453, 61257, 42709], [5, 9, 1, 6, 10, 7, 2, 4, 3, 8]),
    (42, [0.91480604349635541, 0.93707541329786181, 0.28613953478634357], [566346, 244882, 632881],
     [64110, 64809, 5403, 29293], [5, 4, 2, 9, 3, 8, 1, 10, 6, 7]),
    (-7, [0.32649485557340086, 0.53986111702397466, 0.25473622092977166], [294738, 482956, 563543],
     [11967, 22382, 35516, 29208], [10, 4, 9, 2, 6, 8, 5, 1, 7, 3]),
    (0, [0.8966972001362592, 0.26550866314209998, 0.37212389963679016], [452737, 124413, 436523],
     [69586, 11571, 25173, 32618], [6, 7, 1, 9, 5, 10, 8, 4, 2, 3]),
    (99999, [0.33523147250525653, 0.86480542807839811, 0.38861898169852793], [12086, 324341, 805735],
     [17893, 27497, 54424, 22791], [4, 8, 5, 2, 6, 10, 9, 3, 1, 7]),
]


@pytest.mark.parametrize(("seed", "uniform", "without", "with_", "permutation"), R_DRAWS)
def test_set_seed_runif_and_sample_draw_rs_numbers(seed, uniform, without, with_, permutation):
    set_seed(seed)
    assert runif(3).tolist() == uniform  # exactly R's doubles
    assert sample(1e6, 3).tolist() == without
    assert sample(70000, 4, replace=True).tolist() == with_
    assert sample(10).tolist() == permutation


def test_runif_crosses_the_twisters_refills_as_r():
    set_seed(5)  # R: set.seed(5); runif(2000)[c(624, 625, 1249, 2000)]
    assert runif(2000)[[623, 624, 1248, 1999]].tolist() == [
        0.35430852021090686, 0.77858875994570553, 0.90273281605914235, 0.041418649256229401]
    set_seed(1)  # R: set.seed(1); runif(2, -2, 5); runif(c(7, 7, 7))
    assert runif(2, -2, 5).round(7).tolist() == [-0.1414394, 0.6048673]
    assert len(runif(np.array([7, 7, 7]))) == 3


def test_sample_and_set_seed_repeat():
    set_seed(42)
    first = sample(10)
    set_seed(42)
    assert (sample(10) == first).all()
    assert len(sample(np.array([1.0, 2.0]), 5, replace=True)) == 5
    with pytest.raises(ValueError, match="larger than the population"):
        sample(3, 5)  # R: "cannot take a sample larger than the population when 'replace = FALSE'"
