"""kerasfn.generated.learning_rate_schedules: ``learning_rate_schedule_*`` give R's values step by step, and
optimizers take them.  What R keras3 printed (/work/shared/rkeras/run.sh, this Keras):

    lr <- learning_rate_schedule_exponential_decay(0.2, decay_steps = 40, decay_rate = 0.5, staircase = TRUE)
    sapply(c(0, 39, 40, 79, 80, 200), function(s) as.numeric(lr(s)))
    # 0.2 0.2 0.1 0.1 0.05 0.00625
"""

import numpy as np
import pytest

from kerasfn import (
    learning_rate_schedule_exponential_decay,
    learning_rate_schedule_piecewise_constant_decay,
    optimizer_adam,
)


def test_schedule_values_per_step_match_r():
    schedule = learning_rate_schedule_exponential_decay(0.2, decay_steps=40, decay_rate=0.5, staircase=True)
    values = [float(schedule(step)) for step in (0, 39, 40, 79, 80, 200)]
    np.testing.assert_allclose(values, [0.2, 0.2, 0.1, 0.1, 0.05, 0.00625], rtol=1e-6)
    piecewise = learning_rate_schedule_piecewise_constant_decay(boundaries=[2], values=[1.0, 0.5])
    assert [float(piecewise(step)) for step in (0, 2, 3)] == [1.0, 1.0, 0.5]
    assert optimizer_adam(learning_rate=schedule).learning_rate is not None
    assert optimizer_adam(0.01).learning_rate.numpy() == pytest.approx(0.01)  # R: optimizer_adam(0.01)
