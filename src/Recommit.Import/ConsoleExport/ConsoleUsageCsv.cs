using Recommit.Import.Formats;
using Recommit.Import.Internals;
using Recommit.Usage;

namespace Recommit.Import.ConsoleExport;

/// <summary>
/// The Claude Console usage export (REFERENCE-anthropic.md §3):
/// <c>usage_date_utc,model_version,api_key,workspace,usage_type,context_window,usage_input_tokens_no_cache,
/// usage_input_tokens_cache_write_5m,usage_input_tokens_cache_write_1h,usage_input_tokens_cache_read,
/// usage_output_tokens,web_search_count,inference_geo,speed</c>. One row is one day × model × key × workspace ×
/// type × band; each token column becomes a cell of its token kind. An older single
/// <c>usage_input_tokens_cache_write</c> column is read as 5-minute writes. A row seen twice (same natural key) is a
/// duplicate: replaced, counted, not added.
/// </summary>
internal static class ConsoleUsageCsv
{
    public const string FormatName = "console-usage";

    private static readonly (string Column, TokenKind Kind)[] TokenColumns =
    [
        ("usage_input_tokens_no_cache", TokenKind.UncachedInput),
        ("usage_input_tokens_cache_write_5m", TokenKind.CacheWrite5m),
        ("usage_input_tokens_cache_write", TokenKind.CacheWrite5m),
        ("usage_input_tokens_cache_write_1h", TokenKind.CacheWrite1h),
        ("usage_input_tokens_cache_read", TokenKind.CacheRead),
        ("usage_output_tokens", TokenKind.Output),
        ("web_search_count", TokenKind.WebSearch),
    ];

    public static bool Detect(FileSniff sniff) =>
        sniff.Container == FileContainer.Csv && sniff.Has("usage_date_utc", "model_version", "usage_output_tokens");

    public static UsageImport Read(string path, ImportOptions? options = null)
    {
        using var reader = FileText.Open(path);
        return Read(reader, path, options);
    }

    public static UsageImport Read(TextReader text, string fileName, ImportOptions? options = null)
    {
        options ??= ImportOptions.Default;
        var diag = new ImportDiagnostics(fileName, FormatName);
        var cells = new BucketCells(fileName);
        using var csv = CsvTable.Open(text, fileName);
        var date = csv.Required("usage_date_utc");
        var model = csv.Required("model_version");
        var apiKey = csv.Optional("api_key");
        var workspace = csv.Optional("workspace");
        var usageType = csv.Optional("usage_type");
        var context = csv.Optional("context_window");
        var geo = csv.Optional("inference_geo");
        var speed = csv.Optional("speed");
        var tokenColumns = TokenColumns.Select(t => (Ordinal: csv.Optional(t.Column), t.Column, t.Kind))
            .Where(t => t.Ordinal >= 0 && !(t.Column == "usage_input_tokens_cache_write" && csv.Optional("usage_input_tokens_cache_write_5m") >= 0)).ToArray();
        if (tokenColumns.Length == 0) throw new ImportException(fileName, 1, "no token columns (usage_input_tokens_no_cache, usage_output_tokens, …)");

        var counts = new long[tokenColumns.Length];
        while (csv.Read())
        {
            options.Cancellation.ThrowIfCancellationRequested();
            diag.Read();
            var line = csv.Line;
            if (!csv.HasAllColumns) { diag.Reject(line, $"expected {csv.ColumnCount} fields, found {csv.FieldCount}"); continue; }
            if (!FieldParsers.TryParseUtcDay(csv.Get(date), out var day, out var dateError)) { diag.Reject(line, $"usage_date_utc: {dateError}"); continue; }
            var name = csv.Get(model).Trim();
            if (name.Length == 0) { diag.Reject(line, "model_version: empty"); continue; }
            if (!ConsoleLabels.TryTier(csv.Get(usageType), out var tier)) { diag.Reject(line, $"usage_type: '{FieldParsers.Clip(csv.Get(usageType))}' is not standard, batch or priority"); continue; }
            if (!ConsoleLabels.TryBand(csv.Get(context), out var band)) { diag.Reject(line, $"context_window: '{FieldParsers.Clip(csv.Get(context))}' is not a context label such as '≤ 200k' or '> 200k'"); continue; }
            if (!ConsoleLabels.TryGeo(csv.Get(geo), out var g)) { diag.Reject(line, $"inference_geo: '{FieldParsers.Clip(csv.Get(geo))}' is not global, us or not_available"); continue; }
            if (!ConsoleLabels.TrySpeed(csv.Get(speed), out var s)) { diag.Reject(line, $"speed: '{FieldParsers.Clip(csv.Get(speed))}' is not standard or fast"); continue; }
            string? error = null;
            for (var i = 0; i < tokenColumns.Length && error is null; i++)
            {
                var raw = csv.Get(tokenColumns[i].Ordinal);
                if (string.IsNullOrWhiteSpace(raw)) { counts[i] = 0; continue; }
                if (!FieldParsers.TryParseCount(raw, out counts[i], out var countError)) error = $"{tokenColumns[i].Column}: {countError}";
            }
            if (error is not null) { diag.Reject(line, error); continue; }

            var ws = csv.Get(workspace).Trim();
            var stored = ModelNames.Resolve(name, options.Resolver, diag);
            var sourceKey = string.Join('\u001f', day.DayNumber, name, csv.Get(apiKey).Trim(), ws, tier, band, g, s);
            var duplicate = false;
            for (var i = 0; i < tokenColumns.Length; i++)
                duplicate |= cells.Set(sourceKey, new UsageKey(day, Channel.Anthropic, ws, stored, tier, band, g, s, tokenColumns[i].Kind), counts[i]);
            if (duplicate) diag.Duplicate();
            diag.Accept();
        }
        return new UsageImport(cells.Build(), diag.ToReport());
    }
}
