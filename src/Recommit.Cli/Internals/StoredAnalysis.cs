using System.CommandLine;
using Recommit.Pricing;
using Recommit.Storage.Analyses;

namespace Recommit.Cli.Internals;

/// <summary>
/// <c>recommit analyze --account NAME [--store S]</c>: analyses a stored account with its latest contract and stored
/// usage through the same <see cref="AnalysisRunner"/> the web app uses, stores the analysis, and writes the reports
/// like a file-based analysis.
/// </summary>
internal static class StoredAnalysis
{
    public static int Run(ParseResult parse, string? storeOption, string accountName, Storage.Analyses.AnalysisOptions options, string? outDir, bool asJson)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var (record, result) = Task.Run(async () =>
        {
            var store = await CliStore.OpenAsync(storeOption);
            await using var db = store.Open();
            var account = await CliStore.AccountAsync(db, accountName);
            var runner = new AnalysisRunner(db, PriceBook.Default);
            var queued = await runner.QueueAsync(account.Id, options);
            stderr.WriteLine($"analysis {queued.Id} of account {account.Name} ({store.Description}), {options.Paths:N0} paths…");
            var analysis = await runner.RunAsync(queued.Id);
            var stored = await db.Analyses.FindAsync(queued.Id);
            return (stored!, analysis);
        }).GetAwaiter().GetResult();
        if (record.Status != AnalysisStatus.Done || result is null) throw new InputException($"account {accountName}: {record.Progress}");
        var dir = outDir ?? (asJson ? null : "recommit-report");
        var files = dir is null ? [] : ReportOutput.Write(result, dir);
        if (asJson) stdout.Write(record.ResultJson);
        else AnalysisSummary.Write(CliInputs.PlainConsole(stdout), result, files);
        return ExitCodes.Success;
    }
}
