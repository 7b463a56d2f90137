using Recommit.Import.Formats;
using Recommit.Import.Internals;
using Recommit.Usage;

namespace Recommit.Import.Cloud;

/// <summary>
/// AWS Cost and Usage Report 2.0 lines for Claude on Amazon Bedrock (CSV or Parquet). Reads
/// <c>line_item_usage_type</c> (see <see cref="BedrockUsageType"/>), <c>line_item_usage_amount</c>,
/// <c>line_item_usage_start_date</c> (→ UTC day), optionally <c>pricing_unit</c>, <c>line_item_line_item_type</c>,
/// <c>line_item_product_code</c>, <c>line_item_currency_code</c>, <c>line_item_usage_account_id</c> (→ workspace) and
/// <c>identity_line_item_id</c> + <c>identity_time_interval</c> (the natural key for duplicates). Channel bedrock.
/// Units: with <see cref="TokenUnitScale.Auto"/> the <c>pricing_unit</c> decides (<c>1K tokens</c> → ×1,000; a
/// token or count unit → ×1); without that column the amount is taken as tokens. <c>--bedrock-units thousands</c>
/// forces ×1,000. Lines that are not Claude usage (other services, tax, credits, refunds) are passed over and counted.
/// </summary>
internal static class BedrockCur
{
    public const string FormatName = "bedrock-cur";

    private static readonly string[] UsageLineTypes = ["", "usage", "discountedusage", "savingsplancoveredusage"];

    public static bool Detect(FileSniff sniff) =>
        sniff.Container is FileContainer.Csv or FileContainer.Parquet && sniff.Has("line_item_usage_type", "line_item_usage_amount");

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
        var usageType = table.Required("line_item_usage_type");
        var amount = table.Required("line_item_usage_amount");
        var start = table.Required("line_item_usage_start_date");
        var unit = table.Optional("pricing_unit");
        var lineType = table.Optional("line_item_line_item_type");
        var product = table.Optional("line_item_product_code");
        var currencyCode = table.Optional("line_item_currency_code");
        var account = table.Optional("line_item_usage_account_id");
        var id = table.Optional("identity_line_item_id");
        var interval = table.Optional("identity_time_interval");
        var resource = table.Optional("line_item_resource_id");
        var operation = table.Optional("line_item_operation");
        var fixedScale = options.BedrockUnits == TokenUnitScale.Auto ? (long?)null : TokenUnits.Scale(options.BedrockUnits);

        while (table.Read())
        {
            options.Cancellation.ThrowIfCancellationRequested();
            var line = table.Line;
            if (!table.HasAllColumns) { diag.Read(); diag.Reject(line, $"expected {table.ColumnCount} fields, found {table.FieldCount}"); continue; }
            var type = table.Get(usageType).Trim();
            var productCode = table.Get(product).Trim();
            var looksClaude = type.Contains("claude", StringComparison.OrdinalIgnoreCase);
            if (!looksClaude || !UsageLineTypes.Contains(table.Get(lineType).Trim().ToLowerInvariant())
                || (productCode.Length > 0 && !productCode.StartsWith("AmazonBedrock", StringComparison.OrdinalIgnoreCase)))
            {
                diag.Skip();
                continue;
            }
            diag.Read();
            currency.Check(table.Get(currencyCode), line);
            if (!BedrockUsageType.TryParse(type, out var parsed)) { diag.Reject(line, $"line_item_usage_type: '{FieldParsers.Clip(type, 80)}' is not {{region}}-{{model}}-{{token type}}[-tier][-cross-region-global]"); continue; }
            if (!FieldParsers.TryParseUtcDay(table.Get(start), out var day, out var dateError)) { diag.Reject(line, $"line_item_usage_start_date: {dateError}"); continue; }
            var multiplier = fixedScale ?? TokenUnits.Multiplier(table.Get(unit));
            if (multiplier is null) { diag.Reject(line, $"pricing_unit: '{FieldParsers.Clip(table.Get(unit))}' is not a token unit (tokens, 1K tokens, 1M tokens)"); continue; }
            if (!TokenUnits.TryTokens(table.Get(amount), multiplier.Value, out var tokens, out var amountError)) { diag.Reject(line, $"line_item_usage_amount: {amountError}"); continue; }

            var stored = ModelNames.Resolve(parsed.Model, options.Resolver, diag);
            var ws = table.Get(account).Trim();
            var sourceKey = id >= 0 && table.Get(id).Trim().Length > 0
                ? table.Get(id).Trim() + "\u001f" + table.Get(interval).Trim()
                : string.Join('\u001f', table.Get(start).Trim(), type, ws, table.Get(resource).Trim(), table.Get(operation).Trim());
            if (cells.Set(sourceKey, new UsageKey(day, Channel.Bedrock, ws, stored, parsed.Tier, ContextBand.Standard, InferenceGeo.Global, Speed.Standard, parsed.Kind), tokens))
                diag.Duplicate();
            diag.Accept();
        }
        return new UsageImport(cells.Build(), diag.ToReport());
    }
}
