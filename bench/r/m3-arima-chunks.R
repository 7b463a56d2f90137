# R's auto.arima on the M3 monthly series in chunks of 50, for when m3.R's auto.arima (all series in one mclapply)
# does not finish: each chunk is written as it completes, so the run can be stopped and restarted, and a second process
# can work from the other end. Usage: Rscript bench/r/m3-arima-chunks.R DATA_DIR OUT_DIR [reverse]
# OUT_DIR gets chunk-NNNN.csv (m3.R's forecast columns) and times.txt (first series, wall s, CPU s per chunk). To use
# the result, append the chunks' rows to the cache's m3-r-<hash>-forecasts.csv and a line
# "auto.arima",<CPU s>,<CPU s>,1 to its -times.csv (artifacts/bench/).
suppressPackageStartupMessages({ library(forecast) })
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; outdir <- args[2]
meta <- read.csv(file.path(dir, "m3_monthly_meta.csv"), stringsAsFactors = FALSE)
train <- read.csv(file.path(dir, "m3_monthly_train.csv"), stringsAsFactors = FALSE)
split_train <- split(train, train$series_id)
h <- 18L
dir.create(outdir, showWarnings = FALSE)
starts <- seq(1, nrow(meta), by = 50)
if (length(args) >= 3 && args[3] == "reverse") starts <- rev(starts)
for (start in starts) {
  out <- file.path(outdir, sprintf("chunk-%04d.csv", start))
  if (file.exists(out)) next
  idx <- start:min(nrow(meta), start + 49)
  t0 <- proc.time()
  rows <- do.call(rbind, lapply(idx, function(i) {
    m <- meta[i, ]
    d <- split_train[[m$series_id]]; d <- d[order(d$period), ]
    y <- ts(d$value, frequency = m$frequency, start = c(m$start_year, m$start_period))
    x <- forecast(auto.arima(y), h = h, level = c(80, 95))
    data.frame(method = "auto.arima", series_id = m$series_id, step = seq_len(h),
               mean = as.numeric(x$mean), lo80 = as.numeric(x$lower[, 1]), hi80 = as.numeric(x$upper[, 1]),
               lo95 = as.numeric(x$lower[, 2]), hi95 = as.numeric(x$upper[, 2]))
  }))
  t1 <- proc.time()
  write.csv(rows, out, row.names = FALSE)
  cat(sprintf("%d %.1f %.1f\n", start, t1[["elapsed"]] - t0[["elapsed"]], sum(t1[c("user.self","sys.self")] - t0[c("user.self","sys.self")])), file = file.path(outdir, "times.txt"), append = TRUE)
}
