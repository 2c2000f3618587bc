"""kerasfn.port.core: R names, strings and comments made safe as Python: a line end Python reads but R
does not stays inside its comment or string, R's escapes are decoded, names Python cannot use are renamed
and distinct R names stay distinct.

Expected Python follows the README's porting rules; a value checked is what R with R keras3 printed for the R code,
quoted beside the assertion."""

from __future__ import annotations

import builtins

import pytest

from kerasfn.port import translate

# Python's line ends that R does not read as line ends (str.splitlines() splits on each), and a NUL
_LINE_ENDS = ["\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("end", _LINE_ENDS, ids=[f"U+{ord(end):04X}" for end in _LINE_ENDS])
def test_a_line_end_python_reads_but_r_does_not_stays_inside_comments_and_strings(end, run, code_of):
    injected = "print('INJECTED')"
    for r_source in (f"# note{end}{injected}\n", f"x <- 1  # note{end}{injected}\n", f'x <- "a{end}{injected}"\n',
                     f"f <- function() {{\n  # note{end}{injected}\n  1\n}}\n", f"y ~ x  # {end}{injected}\n"):
        python = translate(r_source).python
        assert code_of(python) == [], (r_source, python)
        namespace: dict = {}
        exec(builtins.compile(python, "<port>", "exec"), namespace)  # runs, and prints nothing injected
    assert run(f'x <- "a{end}b"\n')["x"] == f"a{end}b"  # R's string keeps the character


def test_r_string_escapes_are_decoded_and_written_as_python_escapes(run):
    # R: nchar("\x41\u00e9\t\101") is 4; "\d" is an error ("'\d' is an unrecognized escape")
    assert run('x <- "\\x41\\u00e9\\u{e9}\\t\\101"\n')["x"] == "A\u00e9\u00e9\tA"
    result = translate('x <- "\\d"\n')
    assert [note.kept for note in result.notes] == [True]


def test_distinct_non_ascii_names_stay_distinct(run):
    namespace = run("caf\u00e9 <- 1\ncaf\u00e8 <- 2\ns <- caf\u00e9 + caf\u00e8\n")
    assert namespace["s"] == 3 and namespace["caf\u00e9"] == 1 and namespace["caf\u00e8"] == 2
    # Python reads identifiers NFKC-normalised: U+FB01 (the "fi" ligature) would merge with "fi"
    namespace = run("\ufb01x <- 1\nfix <- 2\n")
    assert namespace["fix"] == 2 and namespace["_ufb01x"] == 1


def test_names_python_cannot_use(body):
    assert body("my.data <- 1\nlambda <- 2\nlist <- 3") == "my_data = 1\nlambda_ = 2\nlist_ = 3"
    # keyword arguments only avoid Python's keywords: `max = ` stays a valid keyword argument
    assert body("y <- layer_dense(x, 4, max = 2, lambda = 1, return.x = TRUE)") == (
        "y = layer_dense(x, 4, max=2, lambda_=1, return_x=True)"
    )
