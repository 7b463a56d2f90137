using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Runtime.InteropServices;

namespace Recommit.Forecasting;

/// <summary>
/// Remembers fitted forecasts and backtests by their exact inputs (the history's values, the horizon and the options),
/// so an analysis re-run on the same usage with other levers, paths or seed only re-draws paths and re-runs the ledger
/// (the server's what-if, docs/method.md §4). A hit returns the very forecast the same inputs would fit, because a fit
/// depends on nothing else; new usage gives new keys. Thread-safe; holds at most <see cref="Capacity"/> entries and
/// starts afresh when full.
/// </summary>
public sealed class FitCache(int capacity = 4_096)
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _entries = new(StringComparer.Ordinal);

    /// <summary>The most entries kept before the cache is emptied.</summary>
    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "must be positive");

    /// <summary>How many fits were answered from the cache (for tests and diagnostics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    private long _hits;

    /// <summary>The forecast <see cref="Forecaster.Forecast"/> gives for these inputs, fitted at most once.</summary>
    public Forecast Forecast(double[] history, int horizon, ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(history);
        return GetOrFit(Key("forecast", [history], horizon, 0, options), () => Forecaster.Forecast(history, horizon, options));
    }

    /// <summary>The result <see cref="Backtest.RollingOrigin"/> gives for these inputs, computed at most once.</summary>
    internal BacktestResult RollingOrigin(double[] series, int horizon, int minTrain, ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        return GetOrFit(Key("backtest", [series], horizon, minTrain, options), () => Backtest.RollingOrigin([series], horizon, minTrain, options));
    }

    private T GetOrFit<T>(string key, Func<T> fit) where T : class
    {
        if (_entries.TryGetValue(key, out var known))
        {
            Interlocked.Increment(ref _hits);
            return (T)known.Value;
        }
        if (_entries.Count >= Capacity) _entries.Clear();
        return (T)_entries.GetOrAdd(key, _ => new Lazy<object>(() => fit(), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private static string Key(string kind, double[][] series, int horizon, int extra, ForecastOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var s in series)
        {
            hash.AppendData(BitConverter.GetBytes(s.Length));
            hash.AppendData(MemoryMarshal.AsBytes(s.AsSpan()));
        }
        var levels = string.Join(",", options.Levels);
        return $"{kind}:{horizon}:{extra}:{options.Frequency}:{options.Method}:{options.Intervals}:{levels}:{Convert.ToHexString(hash.GetHashAndReset())}";
    }
}
