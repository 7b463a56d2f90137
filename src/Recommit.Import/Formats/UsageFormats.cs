using System.Text;
using Recommit.Import.AdminApi;
using Recommit.Import.Canonical;
using Recommit.Import.Cloud;
using Recommit.Import.ConsoleExport;
using Recommit.Import.Gateway;

namespace Recommit.Import.Formats;

/// <summary>
/// The registry of importable file formats: the <c>--format</c> names, detection from content (first match in
/// list order, specific formats before the gateway catch-all). <c>usage-report</c>, <c>analytics-usage</c>, <c>cost-report</c> and <c>analytics</c> (alias
/// <c>analytics-cost</c>) are the Admin API's saved pages.
/// </summary>
public static class UsageFormats
{
    /// <summary>Other names <c>--format</c> accepts: <c>analytics-cost</c> is the analytics cost pages (<c>analytics</c>).</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase) { ["analytics-cost"] = AnalyticsJson.FormatName };

    private static readonly IUsageFileFormat[] Formats =
    [
        new UsageFileFormat(CanonicalUsageCsv.FormatName, "Recommit's canonical usage CSV (date,model,token_kind,tokens,…)",
            s => s.Container == FileContainer.Csv && s.Has("date", "model", "token_kind", "tokens"),
            (path, o) => FileImport.Of(CanonicalUsageCsv.Read(path, o.Resolver))),
        new UsageFileFormat(SpendCsv.FormatName, "Monthly spend CSV (month,model,list_usd): spend only, no tokens",
            s => s.Container == FileContainer.Csv && s.Has("month", "model", "list_usd"),
            (path, _) => FileImport.Of(SpendCsv.Read(path))),
        new UsageFileFormat(ConsoleUsageCsv.FormatName, "Claude Console usage export (usage_date_utc,model_version,…)",
            ConsoleUsageCsv.Detect, (path, o) => FileImport.Of(ConsoleUsageCsv.Read(path, o))),
        new UsageFileFormat(ConsoleCostCsv.FormatName, "Claude Console cost export (…,token_type,cost_usd,list_price_usd,…): spend only",
            ConsoleCostCsv.Detect, (path, o) => FileImport.Of(ConsoleCostCsv.Read(path, o))),
        new UsageFileFormat(FocusBilling.FormatName, "FOCUS 1.x cost and usage rows (CSV or Parquet); Claude rows only",
            FocusBilling.Detect, (path, o) => FileImport.Of(FocusBilling.Read(path, o))),
        new UsageFileFormat(BedrockCur.FormatName, "AWS CUR 2.0 (CSV or Parquet); Amazon Bedrock Claude lines only",
            BedrockCur.Detect, (path, o) => FileImport.Of(BedrockCur.Read(path, o))),
        new UsageFileFormat(VertexBilling.FormatName, "Google Cloud billing export rows (CSV or Parquet); Claude services only",
            VertexBilling.Detect, (path, o) => FileImport.Of(VertexBilling.Read(path, o))),
        // Before usage-report: an analytics usage page has the same envelope and tells itself apart by analytics-only keys.
        new UsageFileFormat(AnalyticsUsageJson.FormatName, "Anthropic Usage and Cost Analytics API usage pages (saved JSON; no workspace or service tier)",
            s => s.Container == FileContainer.Json && AnalyticsUsageJson.Looks(Encoding.UTF8.GetBytes(s.Text)),
            (path, o) => FileImport.Of(AnalyticsUsageJson.Read(path, o.Resolver))),
        new UsageFileFormat("usage-report", "Anthropic Admin API messages usage report pages (saved JSON)",
            s => s.Container == FileContainer.Json && UsageReportJson.Looks(Encoding.UTF8.GetBytes(s.Text)),
            (path, o) => FileImport.Of(UsageReportJson.Read(path, o.Resolver))),
        new UsageFileFormat("cost-report", "Anthropic Admin API cost report pages (saved JSON): spend only",
            s => s.Container == FileContainer.Json && CostReportJson.Looks(Encoding.UTF8.GetBytes(s.Text)),
            (path, o) => FileImport.Of(CostReportJson.Read(path, o.Resolver))),
        new UsageFileFormat("analytics", "Anthropic Usage and Cost Analytics API cost rows (saved JSON; alias analytics-cost): spend only",
            s => s.Container == FileContainer.Json && AnalyticsJson.Looks(Encoding.UTF8.GetBytes(s.Text)),
            (path, o) => FileImport.Of(AnalyticsJson.Read(path, o.Resolver))),
        new UsageFileFormat(GatewayLog.FormatName, "Gateway request log, one row per request (CSV, JSON lines or Parquet)",
            GatewayLog.Detect, (path, o) => FileImport.Of(GatewayLog.Read(path, o)), CrossFileMerge.Add),
    ];

    /// <summary>Every format, in detection order.</summary>
    public static IReadOnlyList<IUsageFileFormat> All => Formats.AsReadOnly();

    public static IReadOnlyList<string> Names => [.. All.Select(f => f.Name)];

    /// <summary>The format with this name; an <see cref="ImportException"/> listing the names when there is none.</summary>
    public static IUsageFileFormat Find(string name)
    {
        var wanted = Aliases.GetValueOrDefault(name.Trim(), name.Trim());
        return All.FirstOrDefault(f => f.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new ImportException($"unknown format '{name}'; the formats are {string.Join(", ", Names)} (and analytics-cost, another name for analytics)");
    }

    /// <summary>The columns each tabular format must have, to name the missing ones when a file has most of them.</summary>
    private static readonly (string Format, string[] Required)[] RequiredColumns =
    [
        (CanonicalUsageCsv.FormatName, ["date", "model", "token_kind", "tokens"]),
        (SpendCsv.FormatName, ["month", "model", "list_usd"]),
        (ConsoleUsageCsv.FormatName, ["usage_date_utc", "model_version", "usage_output_tokens"]),
        (ConsoleCostCsv.FormatName, ["usage_date_utc", "model", "token_type", "list_price_usd"]),
        (FocusBilling.FormatName, ["ChargePeriodStart", "BilledCost", "BillingCurrency", "ConsumedQuantity"]),
        (BedrockCur.FormatName, ["line_item_usage_type", "line_item_usage_amount", "line_item_usage_start_date"]),
    ];

    /// <summary>The format whose required columns the file has the most of (at least half, and at least two), with those it lacks.</summary>
    private static (string Format, string[] Missing)? NearMiss(FileSniff sniff)
    {
        if (sniff.Container is not (FileContainer.Csv or FileContainer.Parquet)) return null;
        return RequiredColumns
            .Select(f => (f.Format, Have: f.Required.Count(sniff.Columns.Contains), Missing: f.Required.Where(c => !sniff.Columns.Contains(c)).ToArray(), f.Required.Length))
            .Where(f => f.Missing.Length > 0 && f.Have >= 2 && f.Have * 2 >= f.Length)
            .OrderByDescending(f => (double)f.Have / f.Length)
            .Select(f => ((string, string[])?)(f.Format, f.Missing))
            .FirstOrDefault();
    }

    /// <summary>The first format that recognises the file; an <see cref="ImportException"/> naming the file when none does.</summary>
    public static IUsageFileFormat Detect(string path)
    {
        var sniff = FileSniff.Of(path);
        if (sniff.Container == FileContainer.Empty) throw new ImportException(path, null, "the file is empty");
        return Detect(sniff);
    }

    public static IUsageFileFormat Detect(FileSniff sniff)
    {
        foreach (var format in All)
            if (format.Detect(sniff)) return format;
        var seen = string.Join(", ", sniff.Columns.Take(12));
        if (NearMiss(sniff) is { } near)
            throw new ImportException(sniff.Path, 1, $"looks like the {near.Format} format but lacks the required column(s) {string.Join(", ", near.Missing.Select(m => $"'{m}'"))} " +
                $"(found: {(seen.Length == 0 ? "none" : seen)})");
        throw new ImportException(sniff.Path, null,
            $"cannot tell the format from the content ({sniff.Container}; columns: {(seen.Length == 0 ? "none" : seen)}); pass --format with one of {string.Join(", ", Names)}");
    }

    /// <summary>
    /// Reads several files, each with the named or detected format. Saved usage-report pages are read together in one
    /// pass (<see cref="UsageReportJson.ReadMany"/>), so a bucket that two files hold counts once while different hours of
    /// one day in different files add up; a per-day merge of separately read pages could not tell those apart. Saved
    /// analytics usage pages are read together likewise (<see cref="AnalyticsUsageJson.ReadMany"/>). Messages usage
    /// pages and analytics usage pages that both hold usage are refused together: they report the same tokens, so
    /// merging them would count them twice. <paramref name="readOne"/> reads any other file (the CLI passes one that
    /// shows progress).
    /// </summary>
    public static IEnumerable<(IUsageFileFormat Format, FileImport Import)> ReadAll(IReadOnlyList<string> paths, string? format, ImportOptions options,
        Func<string, IUsageFileFormat, ImportOptions, FileImport>? readOne = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        var formats = paths.Select(p =>
        {
            InputFile.MustExist(p);
            return format is null ? Detect(p) : Find(format);
        }).ToList();
        var pages = PagesOf(paths, formats, UsageReportJson.FormatName);
        var analyticsPages = PagesOf(paths, formats, AnalyticsUsageJson.FormatName);
        var messages = pages.Count > 0 ? UsageReportJson.ReadMany(pages, options.Resolver) : null;
        var analytics = analyticsPages.Count > 0 ? AnalyticsUsageJson.ReadMany(analyticsPages, options.Resolver) : null;
        // A page of empty buckets carries no analytics-only key and is detected as a messages page: only usage counts.
        if (messages is { Report.RowsRead: > 0 } && analytics is { Report.RowsRead: > 0 })
            throw new ImportException(analyticsPages[0], null,
                $"analytics usage pages cannot be imported together with messages usage report pages such as {pages[0]}: both report the same tokens, " +
                "so they would be counted twice; import one kind or the other");
        if (messages is not null) yield return (formats.First(f => f.Name == UsageReportJson.FormatName), FileImport.Of(messages));
        if (analytics is not null) yield return (formats.First(f => f.Name == AnalyticsUsageJson.FormatName), FileImport.Of(analytics));
        for (var i = 0; i < paths.Count; i++)
        {
            if (formats[i].Name is UsageReportJson.FormatName or AnalyticsUsageJson.FormatName) continue;
            yield return (formats[i], readOne is null ? formats[i].Read(paths[i], options) : readOne(paths[i], formats[i], options));
        }
    }

    private static List<string> PagesOf(IReadOnlyList<string> paths, List<IUsageFileFormat> formats, string name) =>
        [.. paths.Where((_, i) => formats[i].Name == name)];

    /// <summary>Reads a file with the named format, or the detected one when <paramref name="format"/> is null.</summary>
    public static (IUsageFileFormat Format, FileImport Import) Read(string path, string? format, ImportOptions options)
    {
        InputFile.MustExist(path);
        var f = format is null ? Detect(path) : Find(format);
        return (f, f.Read(path, options));
    }
}
