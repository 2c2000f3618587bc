# Extract R keras3's exported functions into functions.json: the R half of
# kerasfn's catalog (names, formals and defaults, the converter each wrapper
# declares in capture_args(), and the Python object it calls).
#
# Run with the real R keras3 installed (../shared/rkeras):
#   ../shared/rkeras/run.sh kerasfn/codegen/rkeras3/extract.R <keras3 commit>
# Tests and CI never run this: they read the committed JSON.
library(keras3)
ns <- asNamespace("keras3")
commit <- commandArgs(trailingOnly = TRUE)[1]
out <- file.path("kerasfn", "codegen", "rkeras3", "functions.json")

deparse1_or_null <- function(x) if (identical(x, quote(expr = ))) NULL else paste(deparse(x, width.cutoff = 500L), collapse = " ")

# the S3 method R dispatches to for a Keras model, layer or history
s3_method <- function(name) {
  for (cls in c("keras.src.models.model.Model", "keras.src.layers.layer.Layer",
                "keras_training_history", "keras.src.callbacks.history.History", "default")) {
    m <- utils::getS3method(name, cls, optional = TRUE)
    if (!is.null(m)) return(list(fn = m, cls = cls))
  }
  NULL
}

walk <- function(expr, visit) {
  visit(expr)
  if (is.call(expr) || is.pairlist(expr)) for (part in as.list(expr)) if (!missing(part)) walk(part, visit)
}

describe <- function(name, fn = get(name, envir = ns)) {
  info <- list(name = name, kind = if (is.function(fn)) "function" else class(fn)[1])
  if (!is.function(fn)) return(info)
  method <- NULL
  if (any(grepl("UseMethod", deparse(body(fn))))) {
    method <- s3_method(name)
    info$s3_method <- if (is.null(method)) NULL else method$cls
  }
  impl <- if (is.null(method)) fn else method$fn
  fmls <- formals(impl)
  info$formals <- lapply(names(fmls), function(arg) list(name = arg, default = deparse1_or_null(fmls[[arg]])))
  converters <- list(); targets <- character(); ignore <- NULL
  walk(body(impl), function(e) {
    if (is.call(e) && identical(e[[1]], as.name("capture_args")) && length(e) >= 2) {
      spec <- e[[2]]
      if (is.call(spec) && identical(spec[[1]], as.name("list")))
        for (arg in names(spec)[-1]) if (nzchar(arg)) converters[[arg]] <<- deparse1_or_null(spec[[arg]])
      if (!is.null(e$ignore)) ignore <<- eval(e$ignore)
    }
    if (is.call(e) && identical(e[[1]], as.name("$"))) {
      text <- deparse1_or_null(e)
      if (grepl("^(keras|ops|keras\\$ops|tf)\\$", text)) targets <<- c(targets, text)
    }
  })
  info$converters <- converters
  info$ignore <- ignore
  info$targets <- unique(targets)
  info
}

exports <- sort(getNamespaceExports("keras3"))
# S3 methods of base/stats generics (predict(), summary(), plot(), print()) for Keras classes
s3 <- getNamespaceInfo(ns, "S3methods")
s3 <- s3[grepl("keras|history", s3[, 2]), , drop = FALSE]
methods <- lapply(seq_len(nrow(s3)), function(i) {
  info <- describe(paste(s3[i, 1], s3[i, 2], sep = "."), get(s3[i, 3], envir = ns))
  c(info, list(generic = s3[i, 1], class = s3[i, 2]))
})
result <- list(
  source = "rstudio/keras3",
  commit = commit,
  version = as.character(packageVersion("keras3")),
  functions = lapply(exports, describe),
  s3_methods = methods
)
jsonlite::write_json(result, out, auto_unbox = TRUE, pretty = TRUE, null = "null")
cat("wrote", length(exports), "exports to", out, "\n")
