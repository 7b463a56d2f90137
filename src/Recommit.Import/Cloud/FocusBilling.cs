using Recommit.Import.Formats;
using Recommit.Import.Internals;
using Recommit.Usage;

namespace Recommit.Import.Cloud;

/// <summary>
/// FOCUS 1.x cost-and-usage rows for Claude (CSV or Parquet). A row is Claude usage when <c>ChargeCategory</c> is
/// Usage (or absent) and <c>ServiceName</c>, <c>ChargeDescription</c>, <c>SkuId</c>, <c>SkuPriceDetails</c> or
/// <c>PublisherName</c> names Claude or Anthropic; other rows are passed over and counted. Model and token kind come
/// from a Bedrock usage type (<c>USE1-Claude4.6Sonnet-input-tokens</c>) or a Google SKU description
/// (<c>Claude Opus 5 Input</c>) found in <c>SkuId</c>, <c>ChargeDescription</c> or <c>SkuPriceDetails</c>; tokens from
/// <c>ConsumedQuantity</c> × the <c>ConsumedUnit</c> multiplier; the day from <c>ChargePeriodStart</c> (→ UTC);
/// the channel from <c>ServiceProviderName</c> (FOCUS 1.3) or <c>ProviderName</c>: AWS → bedrock, Google → vertex,
/// Microsoft → marketplace, Anthropic → anthropic. <c>BillingCurrency</c> must be one currency per file.
/// <c>SubAccountName</c> (or <c>SubAccountId</c>) → workspace. <c>ListCost</c>/<c>BilledCost</c> are checked as
/// numbers but not stored (dollars are derived from tokens).
/// </summary>
internal static class FocusBilling
{
    public const string FormatName = "focus";

    public static bool Detect(FileSniff sniff) =>
        sniff.Container is FileContainer.Csv or FileContainer.Parquet
        && sniff.Has("ChargePeriodStart", "BilledCost", "BillingCurrency") && sniff.HasAny("ConsumedQuantity", "ServiceName");

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
        var periodStart = table.FindRequired(fileName, "ChargePeriodStart");
        var quantity = table.FindRequired(fileName, "ConsumedQuantity");
        var unit = table.Find("ConsumedUnit");
        var billingCurrency = table.FindRequired(fileName, "BillingCurrency");
        var category = table.Find("ChargeCategory");
        var serviceName = table.Find("ServiceName");
        var description = table.Find("ChargeDescription");
        var skuId = table.Find("SkuId");
        var skuPriceDetails = table.Find("SkuPriceDetails");
        var publisher = table.Find("PublisherName");
        var provider = table.Find("ServiceProviderName", "ProviderName");
        var subAccount = table.Find("SubAccountName", "SubAccountId");
        var listCost = table.Find("ListCost");
        var billedCost = table.Find("BilledCost");
        var keyColumns = new[] { "ChargePeriodEnd", "ResourceId", "SkuPriceId", "SubAccountId", "RegionId", "ChargeFrequency" }.Select(n => table.Find(n)).ToArray();

        while (table.Read())
        {
            options.Cancellation.ThrowIfCancellationRequested();
            var line = table.Line;
            if (!table.HasAllColumns) { diag.Read(); diag.Reject(line, $"expected {table.ColumnCount} fields, found {table.FieldCount}"); continue; }
            var cat = table.Get(category).Trim();
            var texts = new[] { table.Get(skuId), table.Get(description), table.Get(skuPriceDetails) };
            var about = string.Join(' ', texts) + " " + table.Get(serviceName) + " " + table.Get(publisher);
            var claude = about.Contains("claude", StringComparison.OrdinalIgnoreCase) || about.Contains("anthropic", StringComparison.OrdinalIgnoreCase);
            if (!claude || (cat.Length > 0 && !cat.Equals("Usage", StringComparison.OrdinalIgnoreCase)))
            {
                diag.Skip();
                continue;
            }
            diag.Read();
            currency.Check(table.Get(billingCurrency), line);
            if (!TryModelAndKind(texts, out var model, out var kind, out var tier, out var band))
            { diag.Reject(line, "cannot tell the model and token type from SkuId, ChargeDescription or SkuPriceDetails"); continue; }
            if (!FieldParsers.TryParseUtcDay(table.Get(periodStart), out var day, out var dateError)) { diag.Reject(line, $"ChargePeriodStart: {dateError}"); continue; }
            var multiplier = TokenUnits.Multiplier(table.Get(unit));
            if (multiplier is null) { diag.Reject(line, $"ConsumedUnit: '{FieldParsers.Clip(table.Get(unit))}' is not a token unit (Tokens, 1K Tokens, 1M Tokens)"); continue; }
            if (!TokenUnits.TryTokens(table.Get(quantity), multiplier.Value, out var tokens, out var quantityError)) { diag.Reject(line, $"ConsumedQuantity: {quantityError}"); continue; }
            if (listCost >= 0 && !IsAmountOrBlank(table.Get(listCost))) { diag.Reject(line, $"ListCost: '{FieldParsers.Clip(table.Get(listCost))}' is not an amount"); continue; }
            if (billedCost >= 0 && !IsAmountOrBlank(table.Get(billedCost))) { diag.Reject(line, $"BilledCost: '{FieldParsers.Clip(table.Get(billedCost))}' is not an amount"); continue; }

            var stored = ModelNames.Resolve(model, options.Resolver, diag);
            var ws = table.Get(subAccount).Trim();
            var channel = ChannelOf(table.Get(provider));
            var sourceKey = string.Join('\u001f', [table.Get(periodStart).Trim(), .. texts, ws, table.Get(provider), .. keyColumns.Select(table.Get)]);
            if (cells.Set(sourceKey, new UsageKey(day, channel, ws, stored, tier, band, InferenceGeo.Global, Speed.Standard, kind), tokens))
                diag.Duplicate();
            diag.Accept();
        }
        return new UsageImport(cells.Build(), diag.ToReport());
    }

    internal static Channel ChannelOf(string provider)
    {
        var p = provider.Trim().ToLowerInvariant();
        if (p.Contains("amazon", StringComparison.Ordinal) || p.Contains("aws", StringComparison.Ordinal)) return Channel.Bedrock;
        if (p.Contains("google", StringComparison.Ordinal) || p.Contains("gcp", StringComparison.Ordinal)) return Channel.Vertex;
        if (p.Contains("microsoft", StringComparison.Ordinal) || p.Contains("azure", StringComparison.Ordinal) || p.Contains("marketplace", StringComparison.Ordinal)) return Channel.Marketplace;
        return Channel.Anthropic;
    }

    private static bool TryModelAndKind(string[] texts, out string model, out TokenKind kind, out ServiceTier tier, out ContextBand band)
    {
        foreach (var text in texts)
        {
            foreach (var word in text.Split([' ', '"', ',', ':', '{', '}', '/', ';'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (BedrockUsageType.TryParse(word, out var usageType) && usageType.IsClaude)
                {
                    (model, kind, tier, band) = (usageType.Model, usageType.Kind, usageType.Tier, ContextBand.Standard);
                    return true;
                }
            }
            if (ClaudeSku.TryParse(text, out var sku))
            {
                (model, kind, tier, band) = (sku.Model, sku.Kind, sku.Tier, sku.Band);
                return true;
            }
        }
        (model, kind, tier, band) = ("", default, default, default);
        return false;
    }

    private static bool IsAmountOrBlank(string s) =>
        string.IsNullOrWhiteSpace(s) || decimal.TryParse(s.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
}
