# R's forecast package on the M3 monthly series, for the Recommit M3 bench check (QUALITY.md A2, A3, S3).
# Usage: Rscript bench/r/m3.R DATA_DIR OUT_PREFIX [CORES] [METHODS]
# METHODS: comma-separated among thetaf, ets, auto.arima (default all three).
# Writes OUT_PREFIX-forecasts.csv (method,series_id,step,mean,lo80,hi80,lo95,hi95) and
# OUT_PREFIX-times.csv (method,seconds,cpu_seconds,cores): wall and CPU time (including forked workers) of each
# method over all series.
suppressPackageStartupMessages({ library(forecast); library(parallel) })
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; prefix <- args[2]
cores <- if (length(args) >= 3) as.integer(args[3]) else 2L
wanted <- if (length(args) >= 4) strsplit(args[4], ",")[[1]] else c("thetaf", "ets", "auto.arima")
meta <- read.csv(file.path(dir, "m3_monthly_meta.csv"), stringsAsFactors = FALSE)
train <- read.csv(file.path(dir, "m3_monthly_train.csv"), stringsAsFactors = FALSE)
split_train <- split(train, train$series_id)
series <- lapply(seq_len(nrow(meta)), function(i) {
  m <- meta[i, ]
  d <- split_train[[m$series_id]]
  d <- d[order(d$period), ]
  ts(d$value, frequency = m$frequency, start = c(m$start_year, m$start_period))
})
h <- 18L
methods <- list(
  thetaf = function(y) thetaf(y, h = h, level = c(80, 95)),
  ets = function(y) forecast(ets(y), h = h, level = c(80, 95)),
  auto.arima = function(y) forecast(auto.arima(y), h = h, level = c(80, 95))
)[wanted]
rows <- list(); times <- list()
for (name in names(methods)) {
  f <- methods[[name]]
  t0 <- proc.time()
  fc <- mclapply(series, f, mc.cores = cores)
  t1 <- proc.time()
  elapsed <- t1[["elapsed"]] - t0[["elapsed"]]
  cpu <- sum(t1[c("user.self", "sys.self", "user.child", "sys.child")] - t0[c("user.self", "sys.self", "user.child", "sys.child")])
  times[[name]] <- data.frame(method = name, seconds = elapsed, cpu_seconds = cpu, cores = cores)
  rows[[name]] <- do.call(rbind, lapply(seq_along(fc), function(i) {
    x <- fc[[i]]
    data.frame(method = name, series_id = meta$series_id[i], step = seq_len(h),
               mean = as.numeric(x$mean), lo80 = as.numeric(x$lower[, 1]), hi80 = as.numeric(x$upper[, 1]),
               lo95 = as.numeric(x$lower[, 2]), hi95 = as.numeric(x$upper[, 2]))
  }))
  message(sprintf("%s: %.1f s wall, %.1f s CPU", name, elapsed, cpu))
  # Written after each method so a long auto.arima run leaves the others usable.
  write.csv(do.call(rbind, rows), paste0(prefix, "-forecasts.csv"), row.names = FALSE)
  write.csv(do.call(rbind, times), paste0(prefix, "-times.csv"), row.names = FALSE)
}
