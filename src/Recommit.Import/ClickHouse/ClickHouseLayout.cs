using Recommit.Import.Gateway;
using Recommit.Usage;

namespace Recommit.Import.ClickHouse;

/// <summary>
/// Which of the table's columns hold the request log's logical columns (the gateway importer's names and defaults,
/// or the request's <c>--map</c>): timestamp, model, optional workspace and tier, and the token counts present.
/// </summary>
internal sealed record ClickHouseLayout(
    ClickHouseColumn Timestamp,
    ClickHouseColumn Model,
    ClickHouseColumn? Workspace,
    ClickHouseColumn? Tier,
    IReadOnlyList<(string Name, TokenKind Kind, ClickHouseColumn Column)> Counts,
    IReadOnlyList<(ClickHouseFilter Filter, ClickHouseColumn Column)> Filters)
{
    /// <summary>Matches the request's map and the default names against the table's columns (from <c>DESCRIBE TABLE</c>).</summary>
    public static ClickHouseLayout Resolve(ClickHouseRequest request, IReadOnlyList<ClickHouseColumn> columns)
    {
        var byName = new Dictionary<string, ClickHouseColumn>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in columns) byName.TryAdd(c.Name, c);
        string Found() => string.Join(", ", columns.Take(20).Select(c => c.Name)) + (columns.Count > 20 ? ", …" : "");

        ClickHouseColumn? Pick(string logical, string[] defaults)
        {
            if (request.ColumnMap.TryGetValue(logical, out var named))
                return byName.GetValueOrDefault(named)
                    ?? throw new ImportException(request.SourceName, null, $"--map {logical}={named}: the table has no column '{named}' (found: {Found()})");
            return defaults.Select(byName.GetValueOrDefault).FirstOrDefault(c => c is not null);
        }
        ClickHouseColumn Need(string logical) =>
            Pick(logical, GatewayColumns.Others[logical])
            ?? throw new ImportException(request.SourceName, null, $"no {logical} column (looked for {string.Join(", ", GatewayColumns.Others[logical])}; found: {Found()}); name it with --map {logical}=COLUMN");

        var timestamp = Need(GatewayColumns.Timestamp);
        var model = Need(GatewayColumns.Model);
        var workspace = Pick(GatewayColumns.Workspace, GatewayColumns.Others[GatewayColumns.Workspace]);
        var tier = Pick(GatewayColumns.Tier, GatewayColumns.Others[GatewayColumns.Tier]);
        var counts = new List<(string, TokenKind, ClickHouseColumn)>();
        foreach (var (name, kind, defaults) in GatewayColumns.Counts)
            if (Pick(name, defaults) is { } c) counts.Add((name, kind, c));
        if (counts.Count == 0)
            throw new ImportException(request.SourceName, null, $"no token count column (looked for {string.Join(", ", GatewayColumns.Counts.SelectMany(c => c.Defaults))}; found: {Found()}); name them with --map input=COLUMN,output=COLUMN");

        var filters = request.Filters.Select(f => (f, byName.GetValueOrDefault(f.Column)
            ?? throw new ImportException(request.SourceName, null, $"--where {f.Column}: the table has no column '{f.Column}' (found: {Found()})"))).ToList();
        return new ClickHouseLayout(timestamp, model, workspace, tier, counts, filters);
    }
}
