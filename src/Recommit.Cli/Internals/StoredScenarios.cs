using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Recommit.Analysis;
using Recommit.Cli.Commands;
using Recommit.Pricing;
using Recommit.Storage.Scenarios;

namespace Recommit.Cli.Internals;

/// <summary>
/// <c>recommit scenarios|quote --account NAME [--store S]</c>: values the renegotiation packages of a stored account on
/// its stored usage and contract through the same <see cref="ScenarioRunner"/> the API's <c>POST …/scenarios</c> and
/// <c>…/quotes</c> use, which stores the scenario and the quote (docs/negotiation.md; docs/method.md §7–§9).
/// </summary>
internal static class StoredScenarios
{
    /// <summary>
    /// The analysis with its negotiation that <c>scenarios</c> and <c>quote</c> render: from the stored account when
    /// <c>--account</c> is given (with the stored run), else from the files.
    /// </summary>
    public static (AnalysisResult Analysis, ScenarioRun? Stored) Analyse(ParseResult parse, AnalysisCommandOptions options, NegotiationOptions negotiating, bool quiet)
    {
        var stderr = parse.InvocationConfiguration.Error;
        if (options.Account(parse) is { } accountName)
        {
            var run = Run(options.Store(parse), accountName, negotiating.Stored(options.Stored(parse), parse), stderr);
            return (run.Analysis, run);
        }
        var request = negotiating.Apply(options.Request(parse), parse);
        return (AnalyzeCommand.RunWithProgress(request, parse.InvocationConfiguration.Output, stderr, quiet), null);
    }

    private static ScenarioRun Run(string? storeOption, string accountName, ScenarioOptions options, TextWriter stderr) =>
        Task.Run(async () =>
        {
            var store = await CliStore.OpenAsync(storeOption);
            await using var db = store.Open();
            var account = await CliStore.AccountAsync(db, accountName);
            var versions = db.ContractVersions.Where(c => c.AccountId == account.Id);
            var version = options.Analysis.ContractVersion ?? await versions.MaxAsync(c => (int?)c.Version)
                ?? throw new InputException($"--account: account {account.Name} has no contract stored yet (add one with 'recommit accounts contract')");
            if (!await versions.AnyAsync(c => c.Version == version))
                throw new InputException($"--contract-version: account {account.Name} has no contract version {version} (see 'recommit accounts show {account.Name}')");
            stderr.WriteLine($"valuing packages for account {account.Name} ({store.Description}), contract v{version}, {options.Analysis.Paths:N0} paths…");
            return await new ScenarioRunner(db, PriceBook.Default).RunAsync(account.Id, options with { Analysis = options.Analysis with { ContractVersion = version } });
        }).GetAwaiter().GetResult();

    /// <summary>The line a table ends with: where the run was stored.</summary>
    public static string StoredLine(ScenarioRun run) =>
        $"Stored as scenario {run.Scenario.Id} and quote {run.Quote.Id} of account {CliText.Safe(run.Analysis.Account)}: {CliText.Safe(run.Scenario.Name)}.";
}
