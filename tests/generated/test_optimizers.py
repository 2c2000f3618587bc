"""kerasfn.generated.optimizers: ``optimizer_*`` pass Keras only the arguments that change it, as R keras3's
capture_args() does, and R's documented defaults where they differ from Keras'."""

import keras

from kerasfn import optimizer_loss_scale, optimizer_muon, optimizer_sgd


def test_only_arguments_that_change_keras_reach_it():
    """Like R's capture_args(), arguments at Keras' own default are not passed: LossScaleOptimizer
    refuses use_ema even when False, and R (which passes nothing) constructs it."""
    assert isinstance(optimizer_loss_scale(optimizer_sgd()).inner_optimizer, keras.optimizers.SGD)
    # R's documented defaults where they differ from Keras' (R itself, passing nothing, runs Keras' 0.004 and 5)
    muon = optimizer_muon()
    assert (muon.weight_decay, muon.ns_steps, muon.adam_lr_ratio) == (0.1, 6, 0.1)
    assert optimizer_muon(ns_steps=5.0).ns_steps == 5
