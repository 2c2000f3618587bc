"""kerasfn.api.custom_classes: R keras3's custom-class constructors (Model, Loss, Metric, Callback,
LearningRateSchedule, Constraint, custom_metric) and their new_*_class aliases.

Each returns a real Keras subclass; models using them save and load with
``custom_objects`` (a list, as in R: ``load_model(path, custom_objects = list(TwoLayer))``).
R semantics from rstudio/keras3 R/Model.R, R/Loss.R, R/Metric.R, R/Callback.R,
R/LearningRateSchedule.R, R/Constraint.R and inst/python/kerastools/callback.py (a dict a
callback method returns is added to logs).
"""

import keras
import numpy as np
import pytest

from kerasfn import (
    Callback,
    Constraint,
    Layer,
    LearningRateSchedule,
    Loss,
    Metric,
    Model,
    compile,
    custom_metric,
    fit,
    keras_input,
    keras_model_sequential,
    layer_dense,
    load_model,
    new_callback_class,
    new_layer_class,
    new_learning_rate_schedule_class,
    new_loss_class,
    new_metric_class,
    new_model_class,
    op_convert_to_tensor,
    save_model,
)


def test_r_aliases_are_the_constructors():
    assert new_layer_class is Layer and new_model_class is Model and new_loss_class is Loss
    assert new_metric_class is Metric and new_callback_class is Callback
    assert new_learning_rate_schedule_class is LearningRateSchedule


def _two_layer_model_class():
    def initialize(self, units=4, **kwargs):
        self.hidden = layer_dense(units=units, activation="relu")
        self.out = layer_dense(units=1)

    return Model("TwoLayer", initialize=initialize, call=lambda self, x: self.out(self.hidden(x)))


def test_model_class_trains_saves_and_loads(tmp_path, uniform_data):
    x, y = uniform_data
    TwoLayer = _two_layer_model_class()
    model = TwoLayer(units=5, name="two")
    assert isinstance(model, keras.Model) and model.name == "two"
    model | compile(optimizer="sgd", loss="mse", run_eagerly=True)
    history = model | fit(x, y, epochs=2, batch_size=8, verbose=0)
    assert len(history.history["loss"]) == 2 and model.hidden.units == 5
    path = str(tmp_path / "two.keras")
    model.save(path)
    loaded = load_model(path, custom_objects=[TwoLayer])
    assert type(loaded) is TwoLayer and loaded.hidden.units == 5
    np.testing.assert_allclose(loaded.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-6)


def test_ported_super_initialize_keeps_the_keywords():
    """kerasfn.port keeps R's super$initialize(...) as super(type(self), self).__init__(**kwargs)."""

    def initialize(self, scale=1.0, **kwargs):
        super(type(self), self).__init__(**kwargs)
        self.scale = scale

    Scaled = Loss("Scaled", initialize=initialize, call=lambda self, y_true, y_pred: self.scale * (y_pred - y_true))
    loss = Scaled(scale=2.0, name="scaled_loss", reduction="sum")
    assert (loss.name, loss.reduction, loss.scale) == ("scaled_loss", "sum", 2.0)


def _mse(self, y_true, y_pred):
    return self.scale * keras.ops.mean(keras.ops.square(y_true - y_pred), axis=-1)


def test_loss_class_computes_like_keras_and_takes_r_default_formals():
    Scaled = Loss("ScaledMSE", initialize=lambda self, scale=1.0: setattr(self, "scale", scale), call=_mse)
    y_true, y_pred = np.array([[0.0, 1.0], [1.0, 1.0]]), np.array([[1.0, 1.0], [1.0, 3.0]])
    expected = float(keras.losses.MeanSquaredError()(y_true, y_pred))
    assert float(Scaled()(y_true, y_pred)) == pytest.approx(expected)
    # R's default formals: name = NULL, reduction = "sum_over_batch_size", dtype = NULL
    summed = Scaled(scale=2.0, reduction="sum", name="s")
    expected_sum = float(keras.losses.MeanSquaredError(reduction="sum")(y_true, y_pred))
    assert float(summed(y_true, y_pred)) == pytest.approx(2 * expected_sum)
    assert summed.get_config() == {"name": "s", "reduction": "sum", "dtype": None, "scale": 2.0}


def _total_metric():
    def initialize(self):
        self.total = self.add_variable(shape=(), initializer="zeros", name="total")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.total.assign_add(keras.ops.sum(y_pred))

    return Metric("Total", initialize=initialize, update_state=update_state, result=lambda self: op_convert_to_tensor(self.total))


def test_metric_class_accumulates_and_resets():
    metric = _total_metric()(name="total", dtype="float32")
    metric.update_state(np.zeros(2), np.array([1.0, 2.0]))
    metric.update_state(np.zeros(1), np.array([4.0]))
    assert float(metric.result()) == 7.0 and metric.name == "total"
    metric.reset_state()
    assert float(metric.result()) == 0.0


def test_compiled_custom_loss_and_metric_save_and_load(tmp_path, uniform_data):
    x, y = uniform_data
    Scaled = Loss("ScaledMSE", initialize=lambda self, scale=1.0: setattr(self, "scale", scale), call=_mse)
    Total = _total_metric()
    model = keras_model_sequential(input_shape=3) | layer_dense(1)
    model | compile(optimizer="sgd", loss=Scaled(scale=3.0), metrics=[Total(name="total")], run_eagerly=True)
    model | fit(x, y, verbose=0)
    path = str(tmp_path / "custom.keras")
    model | save_model(path)
    loaded = load_model(path, custom_objects=[Scaled, Total])
    assert type(loaded.loss).__name__ == "ScaledMSE" and loaded.loss.scale == 3.0
    np.testing.assert_allclose(loaded.evaluate(x, y, verbose=0, return_dict=True)["loss"],
                               model.evaluate(x, y, verbose=0, return_dict=True)["loss"], rtol=1e-6)


def test_callback_methods_get_zero_based_epochs_and_returned_dicts_join_logs(uniform_data):
    x, y = uniform_data
    seen = []

    def on_epoch_end(self, epoch, logs=None):
        seen.append(epoch)
        return {"double_loss": 2 * logs["loss"]}

    Recorder = Callback("Recorder", on_epoch_end=on_epoch_end,
                        on_train_begin=lambda self, logs=None: seen.append("begin"))
    model = keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse", run_eagerly=True)
    history = model | fit(x, y, epochs=2, callbacks=[Recorder()], verbose=0)
    assert seen == ["begin", 0, 1]  # R's are 1, 2: Python counts from 0
    assert history.history["double_loss"] == pytest.approx([2 * v for v in history.history["loss"]])


def test_learning_rate_schedule_drives_the_optimizer_and_serializes():
    Halving = LearningRateSchedule("Halving", initialize=lambda self, rate=0.1: setattr(self, "rate", rate),
                                   call=lambda self, step: self.rate * keras.ops.power(0.5, keras.ops.cast(step, "float32")))
    schedule = Halving(rate=0.4)
    assert float(schedule(2)) == pytest.approx(0.1)
    assert schedule.get_config() == {"rate": 0.4}
    optimizer = keras.optimizers.SGD(learning_rate=schedule)
    config = keras.saving.serialize_keras_object(optimizer)
    assert config["config"]["learning_rate"]["class_name"] == "Halving"
    restored = keras.saving.deserialize_keras_object(config, custom_objects={"Halving": Halving})
    assert float(restored.learning_rate) == pytest.approx(0.4)  # the schedule at step 0, restored with rate=0.4


def test_constraint_is_applied_after_each_step(uniform_data):
    x, _ = uniform_data
    NonNegative = Constraint("NonNegative", call=lambda self, w: keras.ops.relu(w))
    layer = layer_dense(units=4, kernel_constraint=NonNegative(), kernel_initializer=keras.initializers.Constant(-1.0))
    model = keras_model_sequential(input_shape=3) | layer | compile(optimizer="sgd", loss="mse", run_eagerly=True)
    model | fit(x, np.zeros((8, 4)), verbose=0)
    assert float(np.min(layer.kernel.numpy())) >= 0.0


def test_from_config_member_is_a_class_method_and_inherit_extends():
    Base = Loss("Base", call=lambda self, y_true, y_pred: y_pred - y_true,
                from_config=lambda cls, config: cls(name="from_config"))
    assert Base.from_config({}).name == "from_config"
    Child = Loss("Child", inherit=Base)
    assert issubclass(Child, Base) and float(Child()(np.zeros(2), np.ones(2))) == 1.0


def test_constructor_errors_name_the_argument():
    with pytest.raises(ValueError, match=r"`classname` must be a valid class name; received 'my loss'"):
        Loss("my loss", call=lambda self, y_true, y_pred: y_pred)
    with pytest.raises(TypeError, match=r"`classname` must be a string; received 3"):
        Metric(3)
    with pytest.raises(TypeError, match=r"`inherit` must be a subclass of keras.Loss; received <class 'int'>"):
        Loss("Bad", inherit=int)
    with pytest.raises(TypeError, match=r"`public` must be a dict of members; received"):
        Model("Bad", public=["call"])


def test_custom_metric_names_a_function_for_the_logs(uniform_data):
    x, y = uniform_data
    mean_pred = custom_metric("mean_pred", lambda y_true, y_pred: keras.ops.mean(y_pred))
    assert mean_pred.__name__ == "mean_pred"
    model = keras_model_sequential(input_shape=3) | layer_dense(1) | compile(loss="mse", metrics=[mean_pred],
                                                                            run_eagerly=True)
    history = model | fit(x, y, verbose=0)
    assert history.history["mean_pred"][0] == pytest.approx(float(np.mean(model.predict(x, verbose=0))), rel=0.2)
    with pytest.raises(TypeError, match=r"`metric_fn` must be a function of \(y_true, y_pred\); received 3"):
        custom_metric("three", 3)


def test_a_model_class_without_initialize_wraps_a_functional_graph(tmp_path, uniform_data):
    """R keras3's custom train_step guide: CustomModel <- new_model_class("CustomModel",
    train_step = ...); model <- CustomModel(inputs, outputs).  R printed class(model)[1:2] as
    "<r-globalenv>.CustomModel" "keras.src.models.functional.Functional", took
    CustomModel(inputs = inputs, outputs = outputs) too, and after compile(metrics = "mae") and
    fit(), names(history$metrics) was "mae" "loss"."""
    x, y = uniform_data
    steps = []

    def train_step(self, *args):  # (data) on TensorFlow and PyTorch, (state, data) on JAX
        steps.append(type(self).__name__)
        return super(type(self), self).train_step(*args)

    CustomModel = new_model_class("CustomModel", train_step=train_step)
    inputs = keras_input(shape=3)
    outputs = inputs | layer_dense(1)
    model = CustomModel(inputs, outputs)
    assert [klass.__name__ for klass in type(model).__mro__[:2]] == ["CustomModel", "Functional"]
    assert type(CustomModel(inputs=inputs, outputs=outputs)) is CustomModel
    model | compile(optimizer="adam", loss="mse", metrics="mae")
    history = model | fit(x, y, epochs=1, verbose=0)
    assert sorted(history.history) == ["loss", "mae"] and steps and set(steps) == {"CustomModel"}
    path = str(tmp_path / "custom.keras")
    model | save_model(path)
    loaded = load_model(path, custom_objects=[CustomModel])
    assert type(loaded) is CustomModel
    np.testing.assert_allclose(loaded.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-6)
