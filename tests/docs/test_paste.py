"""kerasfn.docs.paste: a page's python blocks pasted into the interactive ``python`` prompt. Which blocks
are python, the statements the prompt reads (a blank line ends a compound statement, so one inside a
function body is an error), and, run as its script, what each block prints with the values the prompt
echoes, stopping at the first error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kerasfn.docs import paste
from kerasfn.docs.paste import prompt_statements, python_blocks


def test_only_python_blocks_are_pasted() -> None:
    text = "# Page\n\n```r\nx <- 1\n```\n\n```python\nx = 1\n```\n\n```text\n## 1\n```\n\n```python\nx\n```\n"
    assert python_blocks(text) == ["x = 1\n", "x\n"]


def test_a_blank_line_ends_a_compound_statement() -> None:
    assert prompt_statements("for i in range(2):\n    print(i)\n\nx = 1\ny = 2\n") == [
        "for i in range(2):\n    print(i)\n", "x = 1", "y = 2"]
    # the Enter a reader presses after pasting closes a block's last compound statement
    assert prompt_statements("for i in range(2):\n    print(i)\n") == ["for i in range(2):\n    print(i)\n"]


def test_a_blank_line_inside_a_function_fails_at_the_prompt() -> None:
    with pytest.raises(IndentationError):
        prompt_statements("def f():\n    a = 1\n\n    return a\n")


def test_the_script_keeps_what_each_block_prints_and_stops_at_an_error(tmp_path: Path) -> None:
    page, result = tmp_path / "page.md", tmp_path / "result.json"
    page.write_text("```python\nx = 2\nprint('x is', x)\nx * 3\n```\n\n```python\n1 / 0\n```\n\n```python\nx\n```\n")
    subprocess.run([sys.executable, paste.__file__, str(page), str(result)], cwd=tmp_path, check=True)
    first, second = json.loads(result.read_text())  # the third block is not run
    assert first == {"block": 1, "output": "x is 2\n6\n", "figures": []}
    assert second["block"] == 2 and second["error"] == "ZeroDivisionError: division by zero"
