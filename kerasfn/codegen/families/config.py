"""``config_*``: R keras3's ``keras.config`` functions (plain functions, no subject)."""

from __future__ import annotations

from kerasfn.codegen import rkeras3
from kerasfn.codegen.family import Family

_GETTERS = {"config_backend": "config_backend() in ('tensorflow', 'jax', 'torch', 'numpy')",
            "config_dtype_policy": "config_dtype_policy().name",
            "config_is_nnx_enabled": "isinstance(config_is_nnx_enabled(), bool)"}
#: Setters shown by setting a value and then restoring the one before.
_SETTERS = {"config_set_epsilon": ("config_epsilon", "1e-5"),
            "config_set_floatx": ("config_floatx", "'float64'"),
            "config_set_image_data_format": ("config_image_data_format", "'channels_first'"),
            "config_set_max_epochs": ("config_max_epochs", "2"),
            "config_set_max_steps_per_epoch": ("config_max_steps_per_epoch", "5")}
_TOGGLES = {"flash_attention": "config_is_flash_attention_enabled",
            "interactive_logging": "config_is_interactive_logging_enabled",
            "traceback_filtering": "config_is_traceback_filtering_enabled"}
#: Changes that cannot be undone in one process: not run by the example.
_ONE_WAY = {"config_set_backend": "config_set_backend('jax')  # reloads Keras: set it before building anything",
            "config_enable_unsafe_deserialization": "config_enable_unsafe_deserialization()  # for the rest of the session"}


def example(function: rkeras3.RFunction) -> list[str]:
    name = function.name
    lines = [f"from kerasfn import {name}"]
    if name in _SETTERS:
        getter, value = _SETTERS[name]
        return [f"from kerasfn import {getter}, {name}", f"before = {getter}()", f"{name}({value})",
                f"{getter}()", f"{name}(before)"]
    if name == "config_set_dtype_policy":
        return ["from kerasfn import config_dtype_policy, config_set_dtype_policy",
                "before = config_dtype_policy()", "config_set_dtype_policy('mixed_float16')",
                "config_dtype_policy().name", "config_set_dtype_policy(before)"]
    switch = name.removeprefix("config_enable_").removeprefix("config_disable_")
    if switch in _TOGGLES:
        query, enabling = _TOGGLES[switch], name.startswith("config_enable_")
        other = f"config_{'disable' if enabling else 'enable'}_{switch}"
        return [f"from kerasfn import {query}, {name}, {other}", f"before = bool({query}())",
                f"{name}()", f"bool({query}())",
                f"{other}() if before is {not enabling} else None  # as before"]
    if name in _ONE_WAY:
        return [*lines, f"callable({name})  # {_ONE_WAY[name]}"]
    return [*lines, _GETTERS.get(name, f"{name}()")]


FAMILY = Family(
    name="config",
    title="R keras3's ``config_*`` functions: ``keras.config``.",
    rule="A plain function of Keras' global configuration (no subject, no partial calls).",
    names=lambda: sorted(name for name in rkeras3.exports() if name.startswith("config_")),
    imports=("import keras", "", "from kerasfn.rcall.subjects import constructor"),
    decorator="constructor",
    body=lambda function, params, target: [
        f"    return {target}({', '.join(f'{p.name}={p.name}' for p in params)})"
    ],
    value=lambda function: ["What ``keras.config`` returns (``None`` for a setter)."],
    example=example,
    see_also=lambda function: [":func:`use_backend`."],
    # a setter's value may be None (Keras: no limit); Python itself reports it missing
    adjust_converters=lambda function, converters: {
        name: converter.removeprefix("required(").removesuffix(")") if converter.startswith("required(") else converter
        for name, converter in converters.items() if converter != "required()"},
)
