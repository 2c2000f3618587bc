"""kerasfn.port.control: R's control flow as Python's: ``if``/``else`` branches that return, ``for``
over R's 1-based sequences, ``while``/``repeat`` with ``break``/``next``, ``tryCatch()`` and ``try()``.

Expected Python follows the README's porting rules; a value checked is what R with R keras3 printed for the R code,
quoted beside the assertion."""

from __future__ import annotations

from kerasfn.port import translate


def test_return_and_if_else_branches(body, run):
    r = "f <- function(x) {\n  if (x > 0) {\n    return('pos')\n  } else if (x < 0) 'neg' else 'zero'\n}"
    assert body(r) == (
        "def f(x):\n    if x > 0:\n        return \"pos\"\n    elif x < 0:\n        return \"neg\"\n"
        "    else:\n        return \"zero\""
    )
    f = run(r)["f"]
    assert (f(3), f(-1), f(0)) == ("pos", "neg", "zero")


def test_for_over_one_to_n_and_seq_len_iterate_r_values(body):
    assert body("for (i in 1:n) print(i)") == "for i in range(1, n + 1):\n    print_(i)"
    assert body("for (i in seq_len(n)) x[i] <- i") == "for i in range(1, n + 1):\n    x[i - 1] = i"
    assert body("for (i in seq_along(v)) NULL") == "for i in range(1, len(v) + 1):\n    None"


def test_while_repeat_break_next(body, run):
    r = "i <- 0\nrepeat {\n  i <- i + 1\n  if (i == 2) next\n  if (i > 3) break\n}\nwhile (i > 0) i <- i - 1\n"
    assert body(r) == (
        "i = 0\nwhile True:\n    i = i + 1\n    if i == 2:\n        continue\n    if i > 3:\n        break\n"
        "while i > 0:\n    i = i - 1"
    )
    assert run(r)["i"] == 0


def test_trycatch_and_try_become_python_try(run, printed):
    # R: x is 2; the handler prints "boom" then "done"; r is a "try-error" (None here, with a note)
    r_source = ("x <- tryCatch({\n  y <- 1\n  y + 1\n}, error = function(e) NA)\n"
                "tryCatch(stop('boom'), error = function(e) cat(conditionMessage(e), '\\n'), finally = cat('done\\n'))\n"
                "r <- try(stop('no'), silent = TRUE)\n")
    assert printed(r_source) == "boom \ndone\n"
    namespace = run(r_source)
    assert (namespace["x"], namespace["r"]) == (2, None)
    assert [(note.line, note.kept) for note in translate(r_source).notes if "try" in note.reason] == [(6, False)]
    assert translate("tryCatch(f(), warning = function(w) 1)\n").notes[0].kept
