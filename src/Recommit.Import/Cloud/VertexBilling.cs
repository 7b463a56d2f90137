using Recommit.Import.Formats;
using Recommit.Import.Internals;
using Recommit.Usage;

namespace Recommit.Import.Cloud;

/// <summary>
/// Google Cloud billing export rows for Claude (the BigQuery export's columns flattened into CSV, or Parquet):
/// <c>service.description</c> (Claude services only: <c>LIKE 'Claude%'</c>), <c>sku.description</c> (see
/// <see cref="ClaudeSku"/>), <c>usage_start_time</c> (offset → UTC day), <c>usage.amount</c>, <c>usage.unit</c>,
/// optionally <c>currency</c> (one per file), <c>project.id</c> (→ workspace), <c>sku.id</c>, <c>usage_end_time</c>.
/// Dotted names may also be written with underscores. Channel vertex. Other services are passed over and counted.
/// </summary>
internal static class VertexBilling
{
    public const string FormatName = "vertex";

    public static bool Detect(FileSniff sniff) =>
        sniff.Container is FileContainer.Csv or FileContainer.Parquet
        && sniff.HasAny("service.description", "service_description")
        && sniff.HasAny("sku.description", "sku_description")
        && sniff.HasAny("usage.amount", "usage_amount");

    public static UsageImport Read(string path, ImportOptions? options = null)
    {
        using var table = TableSource.Open(path);
        return Read(table, path, options ?? ImportOptions.Default);
    }

    internal static UsageImport Read(ITableRows table, string fileName, ImportOptions options)
    {
        var diag = new ImportDiagnostics(fileName, FormatName);
        var cells = new BucketCells(fileName);
        var currency = new CurrencyGuard(fileName);
        var service = table.FindRequired(fileName, "service.description");
        var sku = table.FindRequired(fileName, "sku.description");
        var start = table.FindRequired(fileName, "usage_start_time");
        var amount = table.FindRequired(fileName, "usage.amount");
        var unit = table.Find("usage.unit");
        var currencyColumn = table.Find("currency");
        var project = table.Find("project.id");
        var skuId = table.Find("sku.id");
        var end = table.Find("usage_end_time");
        var location = table.Find("location.region", "location.location");

        while (table.Read())
        {
            options.Cancellation.ThrowIfCancellationRequested();
            var line = table.Line;
            if (!table.HasAllColumns) { diag.Read(); diag.Reject(line, $"expected {table.ColumnCount} fields, found {table.FieldCount}"); continue; }
            var serviceName = table.Get(service).Trim();
            var description = table.Get(sku).Trim();
            if (!serviceName.StartsWith("Claude", StringComparison.OrdinalIgnoreCase) && !description.StartsWith("Claude", StringComparison.OrdinalIgnoreCase))
            {
                diag.Skip();
                continue;
            }
            diag.Read();
            currency.Check(table.Get(currencyColumn), line);
            if (!ClaudeSku.TryParse(description, out var parsed)) { diag.Reject(line, $"sku.description: '{FieldParsers.Clip(description, 80)}' is not 'Claude <model> Input|Output|Cache Read|5-minute Cache Write|1-hour Cache Write'"); continue; }
            if (!FieldParsers.TryParseUtcDay(table.Get(start), out var day, out var dateError)) { diag.Reject(line, $"usage_start_time: {dateError}"); continue; }
            var multiplier = TokenUnits.Multiplier(table.Get(unit));
            if (multiplier is null) { diag.Reject(line, $"usage.unit: '{FieldParsers.Clip(table.Get(unit))}' is not a token unit (count, tokens, 1K tokens, 1M tokens)"); continue; }
            if (!TokenUnits.TryTokens(table.Get(amount), multiplier.Value, out var tokens, out var amountError)) { diag.Reject(line, $"usage.amount: {amountError}"); continue; }

            var stored = ModelNames.Resolve(parsed.Model, options.Resolver, diag);
            var ws = table.Get(project).Trim();
            var sourceKey = string.Join('\u001f', table.Get(start).Trim(), table.Get(end).Trim(), description, table.Get(skuId).Trim(), ws, table.Get(location).Trim());
            if (cells.Set(sourceKey, new UsageKey(day, Channel.Vertex, ws, stored, parsed.Tier, parsed.Band, InferenceGeo.Global, Speed.Standard, parsed.Kind), tokens))
                diag.Duplicate();
            diag.Accept();
        }
        return new UsageImport(cells.Build(), diag.ToReport());
    }
}
