namespace Recommit.Import.ClickHouse;

/// <summary>
/// Table layouts people run, so that <c>--preset NAME</c> needs no <c>--map</c>. A preset names the table, the columns
/// and the filters; options given beside it win (a <c>--table</c>, a <c>--map</c> entry, more <c>--where</c> filters).
/// </summary>
public sealed record ClickHousePreset(string Name, string Table, IReadOnlyDictionary<string, string> ColumnMap, IReadOnlyList<ClickHouseFilter> Filters, bool Final, string Description)
{
    /// <summary>
    /// Helicone's request log, <c>request_response_rmt</c>: Anthropic rows only (by <c>provider</c>, any case),
    /// <c>prompt_tokens</c> as uncached input (Anthropic's <c>input_tokens</c>, which leave the cached tokens out),
    /// cache writes (5-minute) and reads in their own columns. The table is a ReplacingMergeTree whose rows Helicone
    /// rewrites, so it is read with <c>FINAL</c>: a row rewritten and not yet merged still counts once.
    /// </summary>
    public static readonly ClickHousePreset Helicone = new(
        "helicone",
        "request_response_rmt",
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["timestamp"] = "request_created_at",
            ["model"] = "model",
            ["input"] = "prompt_tokens",
            ["output"] = "completion_tokens",
            ["cache_write_5m"] = "prompt_cache_write_tokens",
            ["cache_read"] = "prompt_cache_read_tokens",
        },
        [new ClickHouseFilter("provider", "anthropic", IgnoreCase: true)],
        Final: true,
        "Helicone's request_response_rmt: Anthropic rows by provider; prompt, completion, cache write and cache read tokens");

    public static IReadOnlyList<ClickHousePreset> All { get; } = [Helicone];

    public static ClickHousePreset Find(string name) =>
        All.FirstOrDefault(p => p.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ImportException($"--preset: '{(name.Length <= 40 ? name : name[..40] + "…")}' is not one of {string.Join(", ", All.Select(p => p.Name))}");

    /// <summary>The request with this preset's table, columns, filters and FINAL filled in where the request leaves them open.</summary>
    public ClickHouseRequest ApplyTo(ClickHouseRequest request, bool tableGiven)
    {
        var map = new Dictionary<string, string>(ColumnMap, StringComparer.OrdinalIgnoreCase);
        foreach (var (logical, column) in request.ColumnMap) map[logical] = column;
        return request with
        {
            Table = tableGiven ? request.Table : Table,
            ColumnMap = map,
            Filters = [.. Filters, .. request.Filters],
            Final = request.Final || Final,
        };
    }
}
