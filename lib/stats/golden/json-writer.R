# The JSON writer shared by the make-golden-*.R scripts (base R only; no jsonlite needed).
# Numbers are written with 17 significant digits (sprintf("%.17g")), which round-trips doubles
# exactly; NA becomes null; ±Inf stops the script (the engine never returns it, so neither may
# the reference). A vector of length 1 is a scalar unless marked with arr() / as_array();
# a matrix becomes an array of rows; a named list an object, an unnamed list an array.
num <- function(x) {
  if (is.na(x)) return("null")
  if (is.infinite(x)) stop("non-finite value in golden output")
  sprintf("%.17g", x)
}
to_json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x))) {
      parts <- mapply(function(k, v) paste0('"', k, '":', to_json(v)), names(x), x)
      return(paste0("{", paste(parts, collapse = ","), "}"))
    }
    return(paste0("[", paste(vapply(x, to_json, ""), collapse = ","), "]"))
  }
  if (is.matrix(x)) return(to_json(lapply(seq_len(nrow(x)), function(i) unname(x[i, ]))))
  if (length(x) == 0) return("[]")
  if (is.character(x)) {
    s <- paste0('"', gsub('"', '\\\\"', x), '"')
  } else if (is.logical(x)) {
    s <- ifelse(is.na(x), "null", ifelse(x, "true", "false"))
  } else {
    s <- vapply(as.numeric(x), num, "")
  }
  if (length(x) == 1 && is.null(attr(x, "array"))) return(s)
  paste0("[", paste(s, collapse = ","), "]")
}
arr <- function(x) structure(x, array = TRUE) # force a JSON array even for length 1
as_array <- arr
