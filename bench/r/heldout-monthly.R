# Writes the held-out monthly collection for the A3 check (bench/Recommit.Bench/M3/HeldOutData.cs): every monthly
# (frequency 12) series shipped by the R packages named below, one column of a multi-series object each, in long
# format series_id,period,value. Series with missing or negative values, dummies (two distinct values or fewer) and
# duplicates (Seatbelts' drivers is UKDriverDeaths; sunspots is part of sunspot.month) are left out.
# Usage: Rscript heldout-monthly.R OUT.csv
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
packages <- c("datasets", "forecast", "tseries", "AER")
skip <- c("datasets/sunspots", "datasets/Seatbelts/drivers", "datasets/Seatbelts/law")
rows <- list()
for (p in packages) {
  suppressPackageStartupMessages(requireNamespace(p, quietly = TRUE))
  items <- sub(" .*", "", data(package = p)$results[, "Item"])
  for (name in sort(unique(items))) {
    e <- new.env()
    ok <- tryCatch({ suppressWarnings(data(list = name, package = p, envir = e)); exists(name, envir = e) },
                   error = function(x) FALSE)
    if (!ok) next
    x <- get(name, envir = e)
    if (!is.ts(x) || frequency(x) != 12) next
    m <- as.matrix(x)
    for (j in seq_len(ncol(m))) {
      id <- if (ncol(m) == 1) paste(p, name, sep = "/") else paste(p, name, colnames(m)[j], sep = "/")
      v <- as.numeric(m[, j])
      if (id %in% skip || anyNA(v) || any(v < 0) || length(unique(v)) <= 2) next
      rows[[length(rows) + 1]] <- data.frame(series_id = id, period = seq_along(v), value = v)
    }
  }
}
write.csv(do.call(rbind, rows), out, row.names = FALSE, quote = FALSE)
