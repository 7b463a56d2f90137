namespace Recommit.Import.AdminApi;

/// <summary>
/// Saved pages of the beta Usage and Cost Analytics API cost endpoint (<c>GET /v1/organizations/analytics/cost</c>,
/// REFERENCE-anthropic.md §2.4). Each row carries the post-discount, pre-credit <c>amount</c> and the list-price
/// <c>list_amount</c>, both in (fractional) cents, USD only. Rows are either
/// <c>{starting_at, ending_at, group{model, workspace_id, …}, cost{amount, list_amount, currency, requests}}</c> or
/// bucketed results with the same fields flat. The spend table holds list dollars by month and model; the effective
/// discount is 1 − Σ amount ÷ Σ list_amount. (The exact field names of this beta are unconfirmed in the reference;
/// these are the names of its documented predecessor.)
/// </summary>
internal static class AnalyticsJson
{
    public const string FormatName = "analytics";

    /// <summary>Reads one saved page as a spend table of list dollars.</summary>
    public static SpendImport Read(string path, ModelNameResolver? resolver = null) => ReadDetailed([path], resolver).ToSpendImport();

    /// <summary>Reads several saved pages with the billed and list totals and the effective discount.</summary>
    public static CostImport ReadDetailed(IReadOnlyList<string> paths, ModelNameResolver? resolver = null) =>
        CostReader.Read([.. paths.Select(JsonPage.OnDisk)], UsageReportJson.ReportName(paths), FormatName, analytics: true, resolver);

    /// <summary>Reads a page held in memory; <paramref name="fileName"/> names it in messages.</summary>
    public static CostImport Parse(byte[] json, string fileName, ModelNameResolver? resolver = null) =>
        CostReader.Read([JsonPage.InMemory(json, fileName)], fileName, FormatName, analytics: true, resolver);

    /// <summary>True when the first bytes look like an analytics cost page (a list amount beside the amount).</summary>
    public static bool Looks(ReadOnlySpan<byte> head) =>
        JsonHead.StartsWithObject(head) && head.IndexOf("\"data\""u8) >= 0 && head.IndexOf("\"list_amount\""u8) >= 0;
}
