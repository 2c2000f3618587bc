"""kerasfn.port.parser: R read by R's grammar: raw strings as the strings they stand for, and the R
chunks of an R Markdown document with its line numbers (eval = FALSE and unclosed chunks are not code).

Expected Python follows the README's porting rules; a value checked is what R with R keras3 printed for the R code,
quoted beside the assertion."""

from __future__ import annotations

from kerasfn.port import translate


def test_r_raw_strings_are_strings_of_their_value(run, code_of):
    # R 4.5: r"(a\b)" is the 3-character string a\b; dashes and other brackets delimit too
    assert run('x <- r"(a\\b)"\n')["x"] == "a\\b"
    assert run("x <- R'[say \"hi\")]'\n")["x"] == 'say "hi")'
    namespace = run('x <- r"--{a)"}--"\ny <- 2\n')
    assert (namespace["x"], namespace["y"]) == ('a)"', 2)
    python = translate('rx <- r"(a\\b)"; print(rx)\n# r"(not a string)"\n').python
    assert "rx = r\n" not in python
    assert code_of(python) == ["print_"]


def test_rmd_chunks_keep_their_line_numbers(rmd):
    result = translate(rmd, rmd=True)
    assert [note.line for note in result.notes] == [9]
    assert "z = 3" not in result.python
    assert result.code_lines == (8, 9)


def test_unclosed_r_markdown_fences_are_not_code(rmd):
    rmd = "```{r}\nx <- 1\n```\n" + "```{r}\ny <- 2\n" * 3
    assert translate(rmd, rmd=True).python == "x = 1\n"
