namespace Recommit.Import.AdminApi;

/// <summary>
/// Saved pages of the Admin API cost report (<c>GET /v1/organizations/cost_report</c>, REFERENCE-anthropic.md §2.2):
/// <c>amount</c> is a decimal string in cents ("123.45" = $1.23); <c>currency</c> must be USD (anything else refuses
/// the file). Each result is one row; dollars are summed by month (of the bucket's UTC day) and model — the model id,
/// or the description for lines without one (code execution, sessions). The reference does not say whether the
/// amount is before or after a negotiated discount, so the table holds the amounts as reported; the analytics API
/// (<see cref="AnalyticsJson"/>) gives list and post-discount amounts side by side.
/// </summary>
internal static class CostReportJson
{
    public const string FormatName = "cost-report";

    /// <summary>Reads one saved page as a spend table.</summary>
    public static SpendImport Read(string path, ModelNameResolver? resolver = null) => ReadDetailed([path], resolver).ToSpendImport();

    /// <summary>Reads several saved pages (a bucket repeated across files replaces the earlier copy), with the billed total.</summary>
    public static CostImport ReadDetailed(IReadOnlyList<string> paths, ModelNameResolver? resolver = null) =>
        CostReader.Read([.. paths.Select(JsonPage.OnDisk)], UsageReportJson.ReportName(paths), FormatName, analytics: false, resolver);

    /// <summary>Reads a page held in memory; <paramref name="fileName"/> names it in messages.</summary>
    public static CostImport Parse(byte[] json, string fileName, ModelNameResolver? resolver = null) =>
        CostReader.Read([JsonPage.InMemory(json, fileName)], fileName, FormatName, analytics: false, resolver);

    /// <summary>True when the first bytes look like a cost-report page: a data envelope with amount and currency but no list amount.</summary>
    public static bool Looks(ReadOnlySpan<byte> head) =>
        JsonHead.StartsWithObject(head) && head.IndexOf("\"data\""u8) >= 0 && head.IndexOf("\"amount\""u8) >= 0
        && head.IndexOf("\"list_amount\""u8) < 0 && head.IndexOf("\"cost\""u8) < 0;
}
