"""kerasfn.codegen.package: the generated package's ``__init__`` gathers every generated module and nothing else."""

from kerasfn.codegen import generate, package
from kerasfn.codegen.families import families


def test_the_generated_package_gathers_every_generated_module_and_nothing_else():
    assert (generate.PACKAGE / "__init__.py").read_text() == package.render(), "run python -m kerasfn.codegen"
    written = {f"{module}.py" for module in generate.modules()} | {
        rule.path(part).name for rule in families() for part in rule.parts()}
    assert {path.name for path in generate.PACKAGE.glob("*.py")} == written | {"__init__.py"}
