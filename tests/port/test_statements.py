"""kerasfn.port.statements: R statements as Python statements: library() and set-up calls, comments
and blank lines, a statement kept as R inside a body, ``else`` on its own line, ``<<-``, ``rm()``,
graphics calls, ``with(... %as% ...)``.

Expected Python follows the README's porting rules; a value checked is what R with R keras3 printed for the R code,
quoted beside the assertion."""

from __future__ import annotations

import builtins

from kerasfn.port import translate


def test_use_backend_sets_the_environment_before_the_import_and_says_why():
    result = translate('library(keras3)\nuse_backend("jax")\n')
    assert result.python.startswith('import os\n\nos.environ["KERAS_BACKEND"] = "jax"\nfrom kerasfn import *\n')
    assert [(note.line, note.kept) for note in result.notes] == [(2, False)]


def test_reticulate_set_up_is_dropped_with_a_note():
    result = translate('library(keras3)\nreticulate::use_virtualenv("r-keras")\ninstall_keras()\n')
    assert [note.line for note in result.notes] == [2, 3]
    assert "use_virtualenv" not in result.python.replace("# port: `use_virtualenv()`", "")


def test_an_unknown_package_is_kept_as_r():
    result = translate("library(tfdatasets)\n")
    assert result.notes[0].reason == "R package `tfdatasets` has no Python counterpart here"
    assert "# R: library(tfdatasets)" in result.python


def test_comments_and_blank_lines_are_kept(body):
    assert body("# data\nx <- 1  # one\n\ny <- 2\n") == "# data\nx = 1  # one\n\ny = 2"


def test_an_untranslatable_statement_in_a_body_keeps_the_body_valid():
    result = translate("f <- function(x) {\n  y <- x ~ 1\n  z$a <<- 2\n}\n")
    assert "    # port: R formula (`~`)\n    # R: y <- x ~ 1\n    pass\n" in result.python
    reason = "`<<-` to other than a name: assign in the enclosing function by hand"
    assert f"    # port: {reason}\n    # R: z$a <<- 2\n    pass\n" in result.python
    assert [(note.line, note.kept) for note in result.notes] == [(2, True), (3, True)]
    builtins.compile(result.python, "<port>", "exec")


def test_else_on_its_own_line_inside_braces_belongs_to_the_if(run):
    # R: inside { }, `if (c)` / `return(1)` / `else` / `return(2)` is one if-else (at top level R refuses it)
    namespace = run("f <- function(c) {\n  if (c)\n    return(1)\n  else if (!c)\n    return(2)\n  else\n    3\n}\n"
                    "a <- f(TRUE)\nb <- f(FALSE)\n")
    assert (namespace["a"], namespace["b"]) == (1, 2)
    result = translate("if (x)\n  y <- 1\nelse\n  y <- 2\n")
    assert [(note.line, note.kept) for note in result.notes] == [(3, True)]


def test_super_assignment_declares_the_enclosing_name(run):
    source = ("count <- 0\nbump <- function() count <<- count + 1\nbump()\nbump()\n"
              "make <- function() {\n  n <- 0\n  inc <- function() {\n    n <<- n + 2\n    n\n  }\n  inc()\n"
              "  inc()\n}\ntwice <- make()\n")
    python = translate(source).python
    assert "    global count\n    count = count + 1\n" in python and "        nonlocal n\n" in python
    namespace = run(source)
    assert namespace["count"] == 2  # R: print(count) -> [1] 2
    assert namespace["twice"] == 4  # R: print(make()) -> [1] 4


def test_rm_removes_the_names(body, run):
    assert body("x <- 1\nrm(x)\n") == "x = 1\ndel x"
    assert "x" not in run("x <- 1\nrm(x)\n")  # R: exists("x") -> [1] FALSE
    assert translate("rm(list = ls())\n").notes[0].kept


def test_graphics_calls_draw_nothing_and_the_script_goes_on(run):
    source = "par(mfrow = c(1, 2))\nfor (i in 1:2) {\n  image(matrix(1:4, 2))\n}\nz <- 3\n"
    result = translate(source)
    code = [line for line in result.python.splitlines() if not line.lstrip().startswith("#")]
    assert not any("par(" in line or "image(" in line for line in code)
    assert run(source)["z"] == 3


def test_gradient_tape_with_as_and_tensorflow_namespace(body):
    python = body("g <- function(data) {\n  with(tf$GradientTape() %as% tape, {\n    y <- op_square(data)\n  })\n"
                  "  tape$gradient(y, data)\n}\nv <- tensorflow::tf$constant(1)\n")
    assert python == ("def g(data):\n    with tf.GradientTape() as tape:\n        y = op_square(data)\n"
                      "    return tape.gradient(y, data)\n\n\nv = tf.constant(1)")
