"""kerasfn.port.__main__, the command ``python -m kerasfn.port``: where it writes the translation, what
it refuses (a missing file, a file that is not UTF-8 unless told, overwriting its input or an edited port,
a translation that does not parse), and that it loads neither TensorFlow nor Keras."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kerasfn.port import translate
from kerasfn.port.__main__ import main


def test_command_writes_the_script_beside_the_r_file(tmp_path, capsys):
    script = tmp_path / "train.R"
    script.write_text("library(keras3)\nm <- keras_model_sequential(input_shape = 3)\nm ~ 1\n")
    assert main([str(script)]) == 0
    first, _, rest = (tmp_path / "train.py").read_text().partition("\n")
    assert rest == translate(script.read_text()).python
    assert first.startswith("# Translated from train.R by python -m kerasfn.port (sha256 ")
    out = capsys.readouterr().out
    assert "2 of 3 R code lines translated without a note (67%); 1 left for a person:" in out
    assert "line 3: kept as R: R formula (`~`)" in out


def test_command_writes_to_stdout_with_dash_and_reads_rmd(tmp_path, capsys, rmd):
    notebook = tmp_path / "n.Rmd"
    notebook.write_text(rmd)
    assert main([str(notebook), "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out == translate(rmd, rmd=True).python
    assert "line 9: kept as R" in captured.err


def test_command_rejects_a_missing_file(tmp_path, capsys):
    with pytest.raises(SystemExit) as error:
        main([str(tmp_path / "missing.R")])
    assert error.value.code == 2
    assert "no such file" in capsys.readouterr().err


def test_the_translator_imports_neither_tensorflow_nor_keras(tmp_path):
    # kerasfn/__init__ loads Keras; the translator's own modules must not: loaded under an empty parent package
    script = tmp_path / "s.R"
    script.write_text("library(keras3)\nmodel <- keras_model_sequential(input_shape = 3) |> layer_dense(1)\n")
    package = Path(kerasfn_port_dir()).parent
    code = (
        "import sys, types\n"
        f"parent = types.ModuleType('kerasfn'); parent.__path__ = [{str(package)!r}]\n"
        "sys.modules['kerasfn'] = parent\n"
        "from kerasfn.port.__main__ import main\n"
        f"assert main([{str(script)!r}]) == 0\n"
        "loaded = sorted(name for name in sys.modules if name.split('.')[0] in ('tensorflow', 'keras', 'jax', 'torch'))\n"
        "print('LOADED', loaded)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "LOADED []" in done.stdout


def kerasfn_port_dir() -> str:
    import kerasfn.port

    return str(Path(kerasfn.port.__file__).parent)


def test_command_reads_a_latin1_file_only_when_told(tmp_path, capsys):
    script = tmp_path / "latin.R"
    script.write_bytes('x <- "caf\u00e9"\n'.encode("latin-1"))
    with pytest.raises(SystemExit) as error:
        main([str(script)])
    assert error.value.code == 2
    message = capsys.readouterr().err.strip().splitlines()[-1]
    assert "is not utf-8 text (byte 0xe9 at offset 9): give its encoding, e.g. --encoding latin-1" in message
    assert not (tmp_path / "latin.py").exists()
    assert main([str(script), "--encoding", "latin-1"]) == 0
    assert 'x = "caf\u00e9"' in (tmp_path / "latin.py").read_text(encoding="utf-8")


def test_command_never_overwrites_its_input_nor_an_edited_port(tmp_path, capsys):
    script = tmp_path / "model.py"
    script.write_text("x <- 1\n")
    with pytest.raises(SystemExit):
        main([str(script)])
    assert script.read_text() == "x <- 1\n"
    r_script = tmp_path / "train.R"
    r_script.write_text("x <- 1\n")
    assert main([str(r_script)]) == 0
    port = tmp_path / "train.py"
    assert main([str(r_script)]) == 0  # its own unedited output: replaced
    port.write_text(port.read_text() + "y = 2  # a person's edit\n")
    edited = port.read_text()
    r_script.write_text("x <- 3\n")
    with pytest.raises(SystemExit) as error:
        main([str(r_script)])
    assert error.value.code == 2
    assert "--force" in capsys.readouterr().err
    assert port.read_text() == edited
    assert main([str(r_script), "--force"]) == 0
    assert port.read_text().endswith("x = 3\n")
    hand_written = tmp_path / "other.py"
    hand_written.write_text("print('mine')\n")
    with pytest.raises(SystemExit):
        main([str(r_script), "-o", str(hand_written)])
    assert hand_written.read_text() == "print('mine')\n"


def test_command_writes_nothing_when_the_translation_does_not_parse(tmp_path, capsys, monkeypatch):
    import kerasfn.port.__main__ as command
    from kerasfn.port import Translation

    script = tmp_path / "s.R"
    script.write_text("x <- 1\n")
    monkeypatch.setattr(command, "translate", lambda source, rmd: Translation("x = (\n", (), (1,)))
    assert command.main([str(script)]) == 1
    assert "does not parse as Python" in capsys.readouterr().err
    assert not (tmp_path / "s.py").exists()
