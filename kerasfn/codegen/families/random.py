"""``random_*``: R keras3's ``keras.random`` functions.

Each draws when given its shape (or its tensor: ``random_shuffle(x)``);
without it, a partial call that ``shape(2, 3) | random_normal()``
completes.  ``random_seed_generator()`` makes a ``keras.random.SeedGenerator``.
"""

from __future__ import annotations

from kerasfn.codegen import rkeras3
from kerasfn.codegen.family import Family

_IGNORED = frozenset({"zero_indexed"})  # R: capture_args(ignore = "zero_indexed")

_EXAMPLES = {
    "random_uniform": ["x = random_uniform((2, 3), seed=1)", "shape(x)",
                       "bool(((as_array(x) >= 0) & (as_array(x) < 1)).all())"],
    "random_normal": ["shape(random_normal((4, 5), seed=1))"],
    "random_truncated_normal": ["bool((abs(as_array(random_truncated_normal((100,), seed=1))) <= 2).all())"],
    "random_integer": ["x = random_integer((1000,), 0, 2.5, seed=1)  # R: maxval rounded up, to 3",
                       "sorted(set(as_array(x).tolist()))"],
    "random_beta": ["shape(random_beta((2, 3), alpha=2.0, beta=3.0, seed=1))"],
    "random_binomial": ["shape(random_binomial((2, 3), counts=5, probabilities=0.5, seed=1))"],
    "random_gamma": ["shape(random_gamma((2, 3), alpha=2.0, seed=1))"],
    "random_categorical": ["logits = np.array([[-100.0, 100.0, -100.0]])",
                           "as_array(random_categorical(logits, 3, seed=1))  # R: 2 2 2, 1-based"],
    "random_dropout": ["x = random_dropout(op_ones((2, 4)), rate=0.5, seed=1)",
                       "sorted(set(as_array(x).ravel().tolist())) in ([0.0, 2.0], [2.0], [0.0])"],
    "random_shuffle": ["sorted(as_array(random_shuffle(np.arange(5), seed=1)).tolist())"],
    "random_seed_generator": ["generator = random_seed_generator(seed=1)",
                              "shape(random_normal((2,), seed=generator))"],
}


def example(function: rkeras3.RFunction) -> list[str]:
    return ["import numpy as np",
            f"from kerasfn import as_array, op_ones, random_normal, shape, {function.name}",
            *_EXAMPLES[function.name]]


def body(function: rkeras3.RFunction, params: list, target: str) -> list[str]:
    arguments = [f"{p.name}={p.name}" for p in params if p.name not in _IGNORED]
    if any(name == "..." for name, _ in function.formals):
        arguments.append("**kwargs")
    return [f"    return {target}({', '.join(arguments)})"]


def converters(function: rkeras3.RFunction, declared: dict[str, str]) -> dict[str, str]:
    if function.name == "random_integer":
        # R: maxval = function(x) as_integer(ceiling(x)): randint's bound is exclusive
        return {**declared, "maxval": "required(as_ceiling_integer)"}
    return declared


FAMILY = Family(
    name="random",
    title="R keras3's ``random_*`` functions: ``keras.random`` with R's call semantics.",
    rule=("Draws when given its shape (a tuple, ``shape(...)`` or a number) "
          "or, for ``random_shuffle``/``random_dropout``/``random_categorical``, "
          "its tensor; without it, a partial call (``shape(2, 3) | "
          "random_normal()``).  ``seed`` is a whole number or a "
          "``random_seed_generator()``."),
    names=lambda: sorted(name for name in rkeras3.exports() if name.startswith("random_")),
    imports=("import keras", "",
             "from kerasfn.rcall.subjects import constructor, tensor_function",
             "from kerasfn.rcall.tensors import as_ceiling_integer"),
    decorator="tensor_function",
    decorator_of=lambda function: "constructor" if function.name == "random_seed_generator" else None,
    body=body,
    value=lambda function: (["A ``keras.random.SeedGenerator``."] if function.name == "random_seed_generator"
                            else ["A backend tensor."]),
    example=example,
    adjust_converters=converters,
    see_also=lambda function: [":func:`set_random_seed`, :func:`random_seed_generator`."],
)
