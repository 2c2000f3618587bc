"""The README's set-up commands are what CI runs."""

import re
import builtins
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _readme_commands():
    return re.findall(r"```bash\n(.+?)\n```", (ROOT / "README.md").read_text())


def test_readme_has_exactly_two_setup_commands():
    setup = (ROOT / "README.md").read_text().split("## Set-up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.+?)\n```", setup)
    assert commands == [
        'python -m pip install -e . && python -m kerasfn',
        'python -m pip install -e ".[test]" && python -m pytest',
    ]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    test_command = _readme_commands()[1]
    assert test_command in ci


def test_demo_runs_the_seed_examples():
    result = subprocess.run([sys.executable, "-m", "kerasfn"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for line in ["shape(output) -> shape(32, 4)", "shape(whole_seq_output) -> shape(32, 10, 4)",
                 "shape(final_memory_state) -> shape(32, 4)", "shape(final_carry_state) -> shape(32, 4)"]:
        assert line in result.stdout
    assert "seq2seq" in result.stdout and "shape(predict(model, x))" in result.stdout


def _readme_python_blocks():
    return re.findall(r"```python\n(.+?)\n```", (ROOT / "README.md").read_text(), re.S)


def test_readme_example_runs_trains_and_plots(tmp_path, monkeypatch):
    example = (ROOT / "README.md").read_text().split("## Example", 1)[1]
    code = re.search(r"```python\n(.+?)\n```", example, re.S)[1]
    assert code == _readme_python_blocks()[0]
    assert len(code.splitlines()) <= 12
    monkeypatch.chdir(tmp_path)
    namespace = {}
    exec(builtins.compile(code, "README.md", "exec"), namespace)
    import matplotlib.figure

    assert namespace["shape"](namespace["outputs"]) == (None, 1)
    assert len(namespace["history"].history["loss"]) == 2
    assert isinstance(namespace["plot"](namespace["history"]), matplotlib.figure.Figure)
    assert (tmp_path / "history.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_every_other_python_block_in_the_readme_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for number, code in enumerate(_readme_python_blocks()[1:], start=2):
        exec(builtins.compile(code, f"README.md python block {number}", "exec"), {})
