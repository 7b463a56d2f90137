namespace Recommit.Import.AdminApi;

/// <summary>
/// Where the Admin API is and how hard to try: retries per page (429 honouring <c>retry-after</c>, 5xx, timeouts,
/// truncated or non-JSON bodies) with exponential backoff, each wait capped at <see cref="MaxDelay"/>, each attempt
/// bounded by <see cref="AttemptTimeout"/> and all attempts of one page by <see cref="PageTimeout"/>.
/// </summary>
public sealed record AdminApiOptions
{
    public static readonly Uri DefaultBaseUrl = new("https://api.anthropic.com/");

    public Uri BaseUrl { get; init; } = DefaultBaseUrl;
    public int MaxAttempts { get; init; } = 6;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan PageTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The largest page body accepted (512 MiB; a year of hourly buckets pages at about 90 MB); a larger one is refused, not read.</summary>
    public long MaxPageBytes { get; init; } = 512L << 20;

    /// <summary>Receives one line per retry or notable event; lines are already redacted.</summary>
    public Action<string>? Log { get; init; }
}
