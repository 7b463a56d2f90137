using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Recommit.Cli.Internals;
using Recommit.Import;
using Recommit.Import.Canonical;
using Recommit.Import.ClickHouse;
using Recommit.Import.Formats;
using Recommit.Import.Gateway;
using Recommit.Import.Output;
using Recommit.Usage;
using Spectre.Console;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit import clickhouse</c>: runs one aggregate query on a ClickHouse server's HTTP interface over a table of
/// request logs and writes the daily cube it returns as the canonical usage CSV. The password comes from
/// <c>--password-file</c>, never from the command line, and is never printed.
/// </summary>
internal static class ImportClickHouseCommand
{
    private const int RejectionsShown = 10;

    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The server's HTTP interface, such as http://127.0.0.1:8123", Required = true };
        var database = new Option<string?>("--database") { Description = "Database (default: the user's default database)" };
        var table = new Option<string?>("--table") { Description = "Table, view or Distributed table of request logs (one row per request)" };
        var preset = new Option<string?>("--preset") { Description = "A known layout: " + string.Join("; ", ClickHousePreset.All.Select(p => $"{p.Name} ({p.Description})")) };
        var map = new Option<string?>("--map") { Description = "logical=column pairs as for gateway logs, e.g. timestamp=ts,input=prompt_tokens,output=completion_tokens,workspace=team" };
        var where = new Option<string[]>("--where") { Description = "Keep rows whose COLUMN=VALUE (or COLUMN!=VALUE); repeat it: values of one column are alternatives, different columns all hold. Values are data, never SQL" };
        var from = new Option<string?>("--from") { Description = "First UTC day read (yyyy-MM-dd)" };
        var to = new Option<string?>("--to") { Description = "Last UTC day read, inclusive (yyyy-MM-dd)" };
        var final = new Option<bool>("--final") { Description = "Read the table with FINAL (a ReplacingMergeTree whose rows are rewritten)" };
        var user = new Option<string?>("--user") { Description = "User name (default: the server's default user)" };
        var passwordFile = new Option<string?>("--password-file") { Description = "File whose first line is the password (never on the command line)" };
        var compress = new Option<string?>("--compress") { Description = "yes|no: gzip the server's answer (default: only from a server that is not on this machine)" };
        compress.AcceptOnlyFromAmong("yes", "no");
        var output = new Option<string?>("--out") { Description = "Write the canonical usage CSV here (default: stdout)" };
        var strict = new Option<bool>("--strict") { Description = "Fail (exit 2) and write nothing when any row is rejected" };
        var json = new Option<bool>("--json") { Description = "Print the import summary as JSON on stdout" };
        // A password typed on the command line is refused without echoing it.
        var passwordOnCommandLine = new Option<string?>("--password") { Hidden = true };

        var command = new Command("clickhouse", "Aggregate request logs inside a ClickHouse server (only the daily cube crosses the network) into the canonical usage CSV");
        foreach (var o in new Option[] { url, database, table, preset, map, where, from, to, final, user, passwordFile, compress, output, strict, json, passwordOnCommandLine })
            command.Options.Add(o);

        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            return CliContext.Guard(parse, stderr, () =>
            {
                if (parse.GetResult(passwordOnCommandLine) is not null)
                    throw new ImportException("--password: a password is never taken on the command line (it would stay in shell history); pass --password-file FILE");
                var known = parse.GetValue(preset) is { } p ? ClickHousePreset.Find(p) : null;
                var tableName = parse.GetValue(table);
                if (tableName is null && known is null) throw new ImportException("--table: name the table of request logs (or give --preset)");
                var request = new ClickHouseRequest
                {
                    Url = ParseUrl(parse.GetValue(url)!),
                    Database = parse.GetValue(database),
                    Table = tableName ?? "",
                    ColumnMap = GatewayLog.ParseMap(parse.GetValue(map)),
                    Filters = [.. (parse.GetValue(where) ?? []).Select(ClickHouseFilter.Parse)],
                    From = Day(parse.GetValue(from), "--from"),
                    To = Day(parse.GetValue(to), "--to"),
                    Final = parse.GetValue(final),
                    User = parse.GetValue(user),
                    Compress = parse.GetValue(compress) is { } c ? c == "yes" : null,
                };
                if (known is not null) request = known.ApplyTo(request, tableGiven: tableName is not null);
                request.Validate(); // before the password file is read, so a bad option is reported first
                if (parse.GetValue(passwordFile) is { } pf) request = request with { Password = ClickHousePassword.FromFile(pf) };

                var importOptions = new ImportOptions { Resolver = ImportCommand.Resolver(stderr) };
                var result = ReferenceEquals(Terminal.Unwrap(stderr), Console.Error) && !Console.IsErrorRedirected
                    ? WithProgress(request, importOptions)
                    : ClickHouseImport.Read(request, importOptions);
                var report = result.Import.Report;
                var failed = parse.GetValue(strict) && report.Rejected > 0;
                var outPath = parse.GetValue(output);
                var asJson = parse.GetValue(json);
                if (!failed)
                {
                    if (outPath is not null) AtomicFile.WriteText(outPath, w => CanonicalUsageCsv.Write(result.Import.Cube, w));
                    else if (!asJson) CanonicalUsageCsv.Write(result.Import.Cube, stdout);
                }
                if (asJson) stdout.WriteLine(Json(result, failed ? null : outPath, failed));
                else WriteSummary(result, failed ? null : outPath, stderr);
                if (failed)
                    throw new ImportException($"--strict: {report.Rejected:N0} rows rejected (first: {report.RejectedRows.FirstOrDefault()?.Reason}); nothing written");
                return ExitCodes.Success;
            });
        });
        return command;
    }

    /// <summary>
    /// Runs the import under a spinner on the terminal: the server aggregates first (nothing arrives until it has), then
    /// the answer's megabytes as they are read; the spinner is cleared before the summary.
    /// </summary>
    private static ClickHouseResult WithProgress(ClickHouseRequest request, ImportOptions options)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        ClickHouseResult? result = null;
        console.Progress().AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var table = Terminal.Safe(request.Table);
                var task = ctx.AddTask(Markup.Escape($"{table}: the server is aggregating"), maxValue: 1);
                task.IsIndeterminate = true;
                var progress = new ImportCommand.ProgressSink(p => task.Description = Markup.Escape($"{table}: reading the answer, {p.Bytes / 1e6:N1} MB"));
                result = ClickHouseImport.Read(request, options with { Progress = progress });
            });
        return result!;
    }

    private static Uri ParseUrl(string text)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri))
            throw new ImportException("--url: not an absolute URL such as http://127.0.0.1:8123");
        return uri;
    }

    private static DateOnly? Day(string? text, string option) =>
        text is null ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new ImportException($"{option}: '{(text.Length <= 40 ? text : text[..40] + "…")}' is not a date (yyyy-MM-dd)");

    private static void WriteSummary(ClickHouseResult result, string? outPath, TextWriter stderr)
    {
        var report = result.Import.Report;
        stderr.WriteLine(report.Summary);
        foreach (var row in report.RejectedRows.Take(RejectionsShown)) stderr.WriteLine($"  rejected {row.Rows:N0} {(row.Rows == 1 ? "row" : "rows")}: {row.Reason}");
        if (report.RejectedRows.Length > RejectionsShown)
            stderr.WriteLine($"  … and {report.RejectedRows.Skip(RejectionsShown).Sum(r => r.Rows):N0} more rejected rows for {report.RejectedRows.Length - RejectionsShown:N0} other reasons");
        if (report.UnknownModels.Length > 0)
            stderr.WriteLine("  unknown models are imported and flagged; pricing them fails until the price book has them (add an alias or a model to the price book file)");
        stderr.WriteLine($"{result.Groups:N0} groups from the server → {result.Import.Cube.Count:N0} usage cells{(outPath is null ? "" : " → " + outPath)}; " +
            $"{result.BytesSent:N0} bytes of query sent, {result.BytesReceived:N0} bytes received{(result.Compressed ? " (gzip)" : "")}");
    }

    private static string Json(ClickHouseResult result, string? outPath, bool failed)
    {
        var r = result.Import.Report;
        var doc = new JsonObject
        {
            ["source"] = r.File,
            ["format"] = r.Format,
            ["rowsRead"] = r.RowsRead,
            ["accepted"] = r.Accepted,
            ["rejected"] = r.Rejected,
            ["reconciles"] = r.Reconciles,
            ["unknownModels"] = new JsonArray([.. r.UnknownModels.Select(m => (JsonNode?)JsonValue.Create(m))]),
            ["rejections"] = new JsonArray([.. r.RejectedRows.Select(x => (JsonNode?)new JsonObject { ["reason"] = x.Reason, ["rows"] = x.Rows })]),
            ["groups"] = result.Groups,
            ["cells"] = result.Import.Cube.Count,
            ["tokens"] = new JsonObject(Enum.GetValues<TokenKind>().Select(k => KeyValuePair.Create(k.Name(), (JsonNode?)JsonValue.Create(result.Import.Cube.TotalTokens(k))))),
            ["bytesSent"] = result.BytesSent,
            ["bytesReceived"] = result.BytesReceived,
            ["compressed"] = result.Compressed,
            ["out"] = outPath,
            ["ok"] = !failed,
        };
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
