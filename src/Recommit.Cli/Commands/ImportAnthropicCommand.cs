using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Recommit.Import;
using Recommit.Import.AdminApi;
using Recommit.Pricing;
using Recommit.Usage;
using Spectre.Console;

using Recommit.Cli.Internals;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit import anthropic</c>: pulls the Admin API messages usage report, or with <c>--usage-source analytics</c>
/// the beta analytics usage endpoint (and, when asked, the cost report and the analytics cost for the effective
/// discount) into the canonical usage CSV, resumably. The Admin key comes from
/// <c>ANTHROPIC_ADMIN_KEY</c> or <c>--key-file</c>, never from the command line, and is never printed.
/// </summary>
internal static class ImportAnthropicCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create() => Create(Environment.GetEnvironmentVariable);

    /// <summary>Creates the command reading environment variables through <paramref name="environment"/> (tests pass their own).</summary>
    public static Command Create(Func<string, string?> environment)
    {
        var from = new Option<string>("--from") { Description = "First UTC day to pull (yyyy-MM-dd, or an RFC 3339 time)", Required = true };
        var to = new Option<string?>("--to") { Description = "Last UTC day to pull, inclusive (yyyy-MM-dd), or an RFC 3339 end time (exclusive); default: now" };
        var bucket = new Option<string>("--bucket") { Description = "Bucket width: 1d (31 per page), 1h (168) or 1m (1440; 256 with --usage-source analytics); all are summed to UTC days", DefaultValueFactory = _ => "1d" };
        bucket.AcceptOnlyFromAmong("1d", "1h", "1m");
        var usageSource = new Option<string>("--usage-source")
        {
            Description = "Where usage comes from: messages (the usage report; every dimension, any start day) or analytics (the beta analytics " +
                "usage endpoint, for Enterprise organisations or read:analytics keys; from 2026-01-01, no workspace or service tier, so batch is priced as standard)",
            DefaultValueFactory = _ => "messages",
        };
        usageSource.AcceptOnlyFromAmong("messages", "analytics");
        var groupBy = new Option<string[]>("--group-by")
        {
            Description = "Usage dimensions to group by (repeat or comma-separate): " + string.Join(", ", AdminQuery.UsageDimensions) +
                "; default: " + string.Join(",", AdminQuery.DefaultUsageGroupBy) + " (model is always included). With --usage-source analytics: " +
                string.Join(", ", AdminQuery.AnalyticsUsageDimensions) + "; default: " + string.Join(",", AdminQuery.DefaultAnalyticsUsageGroupBy),
            AllowMultipleArgumentsPerToken = true,
        };
        var cost = new Option<bool>("--cost") { Description = "Also pull the cost report (amounts in cents) into <out>.spend.csv" };
        var analytics = new Option<bool>("--analytics-cost", "--analytics") { Description = "Also pull the beta analytics cost (list and post-discount amounts) and report the effective discount" };
        var baseUrl = new Option<string?>("--base-url") { Description = "API base URL (default https://api.anthropic.com/); plain http only to a loopback address" };
        var keyFile = new Option<string?>("--key-file") { Description = "File holding the Admin API key (default: the ANTHROPIC_ADMIN_KEY environment variable)" };
        var output = new Option<string>("--out") { Description = "Canonical usage CSV to write; <out>.cursor.json keeps an interrupted pull resumable", Required = true };
        var savePages = new Option<string?>("--save-pages") { Description = "Keep the raw JSON pages in this folder for offline re-import" };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON" };
        // A key typed on the command line is refused without echoing it (a parse error would print the value).
        var keyOnCommandLine = new Option<string?>("--key", "--admin-key", "--api-key") { Hidden = true };
        var noResolve = new Option<bool>("--no-resolve") { Description = "Keep model ids exactly as the API reports them (do not map or flag them through the price book)" };

        var command = new Command("anthropic", "Pull usage (and cost) from the Anthropic Admin API into the canonical usage CSV; rerun the same command to resume an interrupted pull");
        foreach (var o in new Option[] { from, to, bucket, usageSource, groupBy, cost, analytics, baseUrl, keyFile, output, savePages, json, noResolve, keyOnCommandLine })
            command.Options.Add(o);

        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            return CliContext.Guard(parse, stderr, () =>
            {
                if (parse.GetResult(keyOnCommandLine) is not null)
                    throw new AdminApiException($"the Admin API key is never taken on the command line (it would stay in shell history); set {AdminKey.EnvironmentVariable} or pass --key-file FILE");
                var source = parse.GetValue(usageSource) == "analytics" ? UsageSource.Analytics : UsageSource.Messages;
                var request = new PullRequest(
                    ParseStart(parse.GetValue(from)!),
                    parse.GetValue(to) is { } t ? ParseEnd(t) : null,
                    parse.GetValue(bucket) ?? "1d",
                    GroupBy(parse.GetValue(groupBy), source),
                    parse.GetValue(cost),
                    parse.GetValue(analytics))
                { UsageSource = source };
                request.Validate(); // before asking for a key, so a bad range is reported first
                var key = parse.GetValue(keyFile) is { } kf ? AdminKey.FromFile(kf)
                    : AdminKey.FromEnvironment(environment)
                      ?? throw new AdminApiException($"no Admin API key: set {AdminKey.EnvironmentVariable} or pass --key-file FILE (the key is never taken on the command line)");
                var options = new AdminApiOptions
                {
                    BaseUrl = BaseUrl(parse.GetValue(baseUrl)),
                    Log = line => stderr.WriteLine($"recommit: {line}"),
                };
                var outPath = parse.GetValue(output)!;
                var resolver = parse.GetValue(noResolve) ? null : PriceBookResolver();
                var asJson = parse.GetValue(json);

                using var client = new AnthropicAdminClient(key, options);
                PullResult result;
                if (!asJson && ReferenceEquals(Terminal.Unwrap(stdout), Console.Out) && !Console.IsOutputRedirected)
                {
                    result = AnsiConsole.Progress().AutoClear(true).Start(ctx =>
                    {
                        var task = ctx.AddTask("Admin API pages", maxValue: 1);
                        task.IsIndeterminate = true;
                        return AdminPull.RunAsync(client, request, outPath, parse.GetValue(savePages), resolver, p =>
                        {
                            task.Description = string.Create(CultureInfo.InvariantCulture, $"request {p.Request}/{p.Requests} {p.Endpoint}: {p.Pages} pages, {p.Buckets:N0} buckets, {p.Results:N0} results");
                            task.Value = (double)p.Request / p.Requests;
                        }).GetAwaiter().GetResult();
                    });
                }
                else
                {
                    result = AdminPull.RunAsync(client, request, outPath, parse.GetValue(savePages), resolver).GetAwaiter().GetResult();
                }

                if (asJson) WriteJson(stdout, result, outPath);
                else WriteText(stdout, result, outPath);
                return ExitCodes.Success;
            });
        });
        return command;
    }

    /// <summary>
    /// Maps API model ids through the price book (<see cref="AnalysisInputs.Resolver"/>), built on first use, so pulls
    /// with --no-resolve never load it.
    /// </summary>
    private static ModelNameResolver PriceBookResolver()
    {
        ModelNameResolver? resolve = null;
        return (string name, out string canonical) => (resolve ??= AnalysisInputs.Resolver(PriceBook.Default))(name, out canonical);
    }

    private static DateTimeOffset ParseStart(string text) =>
        TryDay(text, out var d) ? new DateTimeOffset(InWindow(d, "--from", text).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
        : TryInstant(text, out var t) ? t
        : throw new AdminApiException($"--from: '{Clip(text)}' is not a date (yyyy-MM-dd) or an RFC 3339 time");

    private static DateTimeOffset ParseEnd(string text) =>
        TryDay(text, out var d) ? new DateTimeOffset(InWindow(d, "--to", text).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
        : TryInstant(text, out var t) ? t
        : throw new AdminApiException($"--to: '{Clip(text)}' is not a date (yyyy-MM-dd) or an RFC 3339 time");

    /// <summary>A day of the range, refused when no Claude usage can have it (docs/input-safety.md, "Accepted dates").</summary>
    private static DateOnly InWindow(DateOnly day, string option, string text) => UsageWindow.Contains(day) ? day
        : throw new AdminApiException($"{option} {Clip(text.Trim())}: outside the days Claude API usage can have ({UsageWindow.First:yyyy-MM-dd}..{UsageWindow.Last:yyyy-MM-dd})");

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static bool TryInstant(string text, out DateTimeOffset t) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out t) && text.Trim().Length > 10;

    private static List<string> GroupBy(string[]? values, UsageSource source)
    {
        var (known, defaults) = source == UsageSource.Analytics
            ? (AdminQuery.AnalyticsUsageDimensions, AdminQuery.DefaultAnalyticsUsageGroupBy)
            : (AdminQuery.UsageDimensions, AdminQuery.DefaultUsageGroupBy);
        if (values is null || values.Length == 0) return [.. defaults];
        var dims = new List<string> { "model" };
        foreach (var v in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!known.Contains(v))
                throw new AdminApiException($"--group-by: '{Clip(v)}' is not one of {string.Join(", ", known)}" +
                    (source == UsageSource.Analytics ? " (the dimensions of --usage-source analytics)" : ""));
            if (!dims.Contains(v)) dims.Add(v);
        }
        return dims;
    }

    private static Uri BaseUrl(string? text)
    {
        if (text is null) return AdminApiOptions.DefaultBaseUrl;
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new AdminApiException($"--base-url: '{Clip(text)}' is not an http(s) URL");
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
            throw new AdminApiException("--base-url: plain http is only allowed to a loopback address (the Admin key would travel unencrypted)");
        return uri;
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static void WriteText(TextWriter w, PullResult r, string outPath)
    {
        var rep = r.Usage.Report;
        w.WriteLine($"Pulled {r.PagesFetched} page(s) this run, {r.PagesTotal} in all{(r.Resumed ? " (resumed an interrupted pull)" : "")}.");
        w.WriteLine($"Usage source: {SourceText(r.UsageSource)}");
        w.WriteLine($"Usage: {rep.RowsRead:N0} rows read, {rep.Accepted:N0} accepted, {rep.Rejected:N0} rejected" +
            (rep.Duplicates > 0 ? $", {rep.Duplicates:N0} duplicates replaced" : "") + $" → {outPath} ({r.Usage.Cube.Count:N0} cells" +
            (r.Usage.Cube.DayRange is { } range ? $", {range.First:yyyy-MM-dd}..{range.Last:yyyy-MM-dd}" : "") + ")");
        w.WriteLine($"Tokens: {Total(r.Usage.Cube, TokenKind.UncachedInput):N0} uncached input, {Total(r.Usage.Cube, TokenKind.CacheWrite5m) + Total(r.Usage.Cube, TokenKind.CacheWrite1h):N0} cache writes, " +
            $"{Total(r.Usage.Cube, TokenKind.CacheRead):N0} cache reads, {Total(r.Usage.Cube, TokenKind.Output):N0} output, {Total(r.Usage.Cube, TokenKind.WebSearch):N0} web searches");
        foreach (var x in rep.RejectedRows.Take(10)) w.WriteLine($"  rejected {x}");
        if (rep.UnknownModels.Length > 0) w.WriteLine($"Models not in the price book (imported, flagged): {string.Join(", ", rep.UnknownModels)}");
        if (r.Cost is { } c) w.WriteLine($"Cost report: {c.BilledUsd} as reported ({c.Report.RowsRead:N0} rows read, {c.Report.Accepted:N0} accepted, {c.Report.Rejected:N0} rejected)");
        if (r.Analytics is { } a)
        {
            w.WriteLine($"Analytics cost: {a.BilledUsd} after discount, {a.ListUsd} at list ({a.Report.RowsRead:N0} rows read, {a.Report.Accepted:N0} accepted, {a.Report.Rejected:N0} rejected)");
            if (a.EffectiveDiscount is { } d) w.WriteLine($"Effective discount: {(d * 100m).ToString("0.00", CultureInfo.InvariantCulture)} %");
        }
        if (r.Cost is not null || r.Analytics is not null) w.WriteLine($"Spend by month and model → {AdminPull.SpendPath(outPath)}");
        if (r.AnalyticsNote is { } note) w.WriteLine($"Note: {note}");
        foreach (var n in r.UsageNotes) w.WriteLine($"Note: {n}");
    }

    private static long Total(UsageCube cube, TokenKind kind) => cube.TotalTokens(kind);

    private static string SourceText(UsageSource source) => source == UsageSource.Analytics
        ? "analytics (GET /v1/organizations/analytics/usage, beta)"
        : "messages (GET /v1/organizations/usage_report/messages)";

    private static void WriteJson(TextWriter w, PullResult r, string outPath)
    {
        var rep = r.Usage.Report;
        var doc = new Dictionary<string, object?>
        {
            ["out"] = outPath,
            ["pages_fetched"] = r.PagesFetched,
            ["pages_total"] = r.PagesTotal,
            ["resumed"] = r.Resumed,
            ["usage_source"] = r.UsageSource == UsageSource.Analytics ? "analytics" : "messages",
            ["usage_notes"] = r.UsageNotes,
            ["usage"] = Report(rep),
            ["cells"] = r.Usage.Cube.Count,
            ["tokens"] = Enum.GetValues<TokenKind>().ToDictionary(k => k.Name(), k => r.Usage.Cube.TotalTokens(k)),
            ["cost_report"] = r.Cost is { } c ? new Dictionary<string, object?> { ["billed_usd"] = c.BilledUsd, ["report"] = Report(c.Report) } : null,
            ["analytics"] = r.Analytics is { } a ? new Dictionary<string, object?>
            {
                ["billed_usd"] = a.BilledUsd,
                ["list_usd"] = a.ListUsd,
                ["effective_discount"] = a.EffectiveDiscount,
                ["report"] = Report(a.Report),
            } : null,
            ["note"] = r.AnalyticsNote,
        };
        w.WriteLine(JsonSerializer.Serialize(doc, Indented));
    }

    private static Dictionary<string, object?> Report(ImportReport rep) => new()
    {
        ["rows_read"] = rep.RowsRead,
        ["accepted"] = rep.Accepted,
        ["rejected"] = rep.Rejected,
        ["duplicates"] = rep.Duplicates,
        ["rejected_rows"] = rep.RejectedRows.Take(100).Select(x => x.ToString()).ToArray(),
        ["unknown_models"] = rep.UnknownModels.ToArray(),
    };
}
