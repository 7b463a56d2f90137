using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Recommit.Cli.Internals;
using Recommit.Import;
using Recommit.Import.Canonical;
using Recommit.Import.Formats;
using Recommit.Import.Gateway;
using Recommit.Import.Output;
using Recommit.Pricing;
using Recommit.Storage.Usage;
using Recommit.Usage;
using Spectre.Console;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit import FILE... [--format F] [--map M] [--out FILE] [--strict] [--json]</c>: reads usage files of any
/// known format (detected from content when --format is omitted), merges them into one cube and writes the canonical
/// usage CSV. A summary per file goes to stderr (or into the --json document). <c>import anthropic</c> pulls from the
/// Admin API.
/// </summary>
internal static class ImportCommand
{
    private const int RejectionsShown = 10;

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Usage files (CSV, JSON lines or Parquet)", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string?>("--format") { Description = "Format of every file: " + string.Join("|", UsageFormats.Names) + " (default: detected from content)" };
        var map = new Option<string?>("--map") { Description = "Gateway logs: logical=column pairs, e.g. timestamp=ts,input=prompt_tokens,output=completion_tokens" };
        var output = new Option<string?>("--out") { Description = "Write the canonical usage CSV here (default: stdout)" };
        var strict = new Option<bool>("--strict") { Description = "Fail (exit 2) when any row is rejected" };
        var json = new Option<bool>("--json") { Description = "Print the import summary as JSON on stdout" };
        var store = CliStore.Option();
        var account = CliStore.AccountOption("Store the import in this account of the store (one transaction; the days it covers are replaced)");
        var bedrockUnits = new Option<string>("--bedrock-units") { Description = "Bedrock CUR usage amounts: auto (from pricing_unit), tokens or thousands", DefaultValueFactory = _ => "auto" };

        var command = new Command("import", "Import usage files (Console exports, FOCUS, Bedrock CUR, Vertex billing, gateway logs, saved API JSON) into the canonical usage CSV");
        command.Arguments.Add(files);
        command.Options.Add(format);
        command.Options.Add(map);
        command.Options.Add(output);
        command.Options.Add(strict);
        command.Options.Add(json);
        command.Options.Add(bedrockUnits);
        command.Options.Add(store);
        command.Options.Add(account);
        command.Subcommands.Add(ImportAnthropicCommand.Create());
        command.Subcommands.Add(ImportClickHouseCommand.Create());
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            return CliContext.Guard(parse, stderr, () => Run(
                parse.GetValue(files) ?? [], parse.GetValue(format), parse.GetValue(map), parse.GetValue(output),
                parse.GetValue(strict), parse.GetValue(json), parse.GetValue(bedrockUnits) ?? "auto", stdout, stderr,
                parse.GetValue(account) is { } a ? (parse.GetValue(store), a) : null));
        });
        return command;
    }

    private static int Run(string[] files, string? format, string? map, string? output, bool strict, bool json, string bedrockUnits, TextWriter stdout, TextWriter stderr,
        (string? Store, string Account)? target = null)
    {
        if (format is not null) UsageFormats.Find(format);
        // --map only means something for gateway logs.
        if (format is null && !string.IsNullOrWhiteSpace(map)) format = GatewayLog.FormatName;
        var units = bedrockUnits.Trim().ToLowerInvariant() switch
        {
            "auto" => TokenUnitScale.Auto,
            "tokens" => TokenUnitScale.Tokens,
            "thousands" or "1k" => TokenUnitScale.Thousands,
            _ => throw new ImportException($"--bedrock-units: '{bedrockUnits}' is not auto, tokens or thousands"),
        };
        var options = new ImportOptions { Resolver = Resolver(stderr), ColumnMap = GatewayLog.ParseMap(map), BedrockUnits = units };
        var merge = new ImportMerge();
        var formats = new List<string>();
        var showProgress = ReferenceEquals(Terminal.Unwrap(stderr), Console.Error) && !Console.IsErrorRedirected;
        foreach (var (f, import) in UsageFormats.ReadAll(files, format, options, showProgress ? WithProgress : null))
        {
            merge.Add(import, f.Merge);
            formats.Add(f.Name);
            if (!json) WriteSummary(import.Report, stderr);
        }

        var rejected = merge.Reports.Sum(r => r.Rejected);
        var cube = merge.Cube();
        var spend = merge.Spend();
        string? spendPath = null;
        if (!(strict && rejected > 0))
        {
            if (output is not null)
            {
                if (merge.HasUsage || !merge.HasSpend) AtomicFile.WriteText(output, w => CanonicalUsageCsv.Write(cube, w));
                if (merge.HasSpend)
                {
                    spendPath = merge.HasUsage ? Path.ChangeExtension(output, null) + ".spend.csv" : output;
                    AtomicFile.WriteText(spendPath, w => SpendCsv.Write(spend, w));
                }
            }
            else if (!json && target is null)
            {
                if (merge.HasUsage || !merge.HasSpend) CanonicalUsageCsv.Write(cube, stdout);
                else SpendCsv.Write(spend, stdout);
            }
            if (target is not null)
                StoreBatch(target.Value.Store, target.Value.Account, new UsageBatch(cube, spend, merge.Reports, formats), files, stderr);
        }

        if (json) stdout.WriteLine(Json(merge, formats, cube, spend, output, spendPath, strict && rejected > 0));
        if (json && output is null && target is null)
            stderr.WriteLine("recommit import: note: --json without --out prints the summary only; the usage was not written anywhere (give --out FILE)");
        else
        {
            if (merge.DuplicateCells > 0) stderr.WriteLine($"{merge.DuplicateCells:N0} cells held by more than one file: the later file's value kept, not added");
            stderr.WriteLine($"merged: {cube.Count:N0} usage cells" + (merge.HasSpend ? $", {spend.Rows.Length:N0} spend rows (spend only: no tokens)" : "") +
                (output is not null && !(strict && rejected > 0) ? $" → {output}" + (spendPath is not null && spendPath != output ? $" and {spendPath}" : "") : ""));
        }
        if (strict && rejected > 0)
            throw new ImportException($"--strict: {rejected:N0} rows rejected (first: {merge.Reports.SelectMany(r => r.RejectedRows).FirstOrDefault()}); nothing written");
        return ExitCodes.Success;
    }

    /// <summary>Stores the merged import in the account in one transaction, saying how many cells it holds now.</summary>
    private static void StoreBatch(string? storeOption, string accountName, UsageBatch batch, string[] files, TextWriter stderr)
    {
        Task.Run(async () =>
        {
            var store = await CliStore.OpenAsync(storeOption);
            await using var db = store.Open();
            var account = await CliStore.AccountAsync(db, accountName);
            stderr.WriteLine($"storing {batch.Cube.Count:N0} cells in account {account.Name} ({store.Description})…");
            var record = await new UsageStore(db).ImportAsync(account.Id, batch, files);
            var (cells, tokens) = await new UsageStore(db).TotalsAsync(account.Id);
            stderr.WriteLine($"stored import {record.Id}: {record.Cells:N0} cells" +
                (record.FirstDay is { } first ? $" replacing {first:yyyy-MM-dd}..{record.LastDay:yyyy-MM-dd}" : "") +
                $"; account {account.Name} now holds {cells:N0} cells, {tokens:N0} tokens");
        }).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Model names through the price book's aliases (<see cref="AnalysisInputs.Resolver"/>); when this build has no price
    /// book, names are kept as written, and a note says so.
    /// </summary>
    internal static ModelNameResolver? Resolver(TextWriter stderr)
    {
        try
        {
            return AnalysisInputs.Resolver(PriceBook.Default);
        }
        catch (NotImplementedException)
        {
            stderr.WriteLine("note: this build has no price book yet; model names are imported as written and not checked");
            return null;
        }
    }

    private static FileImport WithProgress(string file, IUsageFileFormat format, ImportOptions options)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        FileImport? result = null;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(Terminal.Safe(Path.GetFileName(file))), maxValue: Math.Max(1, new FileInfo(file).Length));
                var progress = new ProgressSink(p =>
                {
                    task.Value = p.Bytes;
                    task.Description = Markup.Escape($"{Terminal.Safe(Path.GetFileName(p.File))}: {p.Rows:N0} rows, {p.Bytes / 1e6:N0} MB");
                });
                result = format.Read(file, options with { Progress = progress });
                task.Value = task.MaxValue;
            });
        return result!;
    }

    /// <summary>Reports on the reading thread itself (a progress bar's task takes the updates).</summary>
    internal sealed class ProgressSink(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    private static void WriteSummary(ImportReport report, TextWriter stderr)
    {
        stderr.WriteLine(report.Summary);
        foreach (var row in report.RejectedRows.Take(RejectionsShown)) stderr.WriteLine($"  rejected {row}");
        if (report.Rejected > RejectionsShown) stderr.WriteLine($"  … and {report.Rejected - RejectionsShown:N0} more rejected rows");
        if (report.UnknownModels.Length > 0)
            stderr.WriteLine("  unknown models are imported and flagged; pricing them fails until the price book has them (add an alias or a model to the price book file)");
    }


    private static string Json(ImportMerge merge, List<string> formats, UsageCube cube, SpendTable spend, string? output, string? spendPath, bool failed)
    {
        var files = new JsonArray();
        for (var i = 0; i < merge.Reports.Count; i++)
        {
            var r = merge.Reports[i];
            files.Add(new JsonObject
            {
                ["file"] = r.File,
                ["format"] = formats[i],
                ["rowsRead"] = r.RowsRead,
                ["accepted"] = r.Accepted,
                ["rejected"] = r.Rejected,
                ["duplicates"] = r.Duplicates,
                ["skipped"] = r.Skipped,
                ["reconciles"] = r.Reconciles,
                ["unknownModels"] = new JsonArray([.. r.UnknownModels.Select(m => (JsonNode?)JsonValue.Create(m))]),
                ["rejections"] = new JsonArray([.. r.RejectedRows.Select(x => (JsonNode?)new JsonObject { ["file"] = x.File, ["line"] = x.Line, ["reason"] = x.Reason })]),
            });
        }
        var doc = new JsonObject
        {
            ["files"] = files,
            ["cells"] = cube.Count,
            ["spendRows"] = spend.Rows.Length,
            ["duplicateCellsAcrossFiles"] = merge.DuplicateCells,
            ["out"] = failed ? null : output,
            ["spendOut"] = failed ? null : spendPath,
            ["ok"] = !failed,
            ["usageWritten"] = failed ? "nothing written (--strict)" : output is null
                ? "not written: with --json and no --out only this summary is printed; give --out FILE to keep the usage"
                : $"written to {output}" + (spendPath is not null && spendPath != output ? $" and {spendPath}" : ""),
        };
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
