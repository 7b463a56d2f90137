using System.CommandLine;
using System.Globalization;
using Recommit.Analysis;
using Recommit.Cli.Internals;
using Recommit.Reports.Json;
using Spectre.Console;

namespace Recommit.Cli.Commands;

/// <summary>
/// <c>recommit analyze</c>, the main job: from usage and a contract to the gap verdict, the reforecast with levers,
/// the simulation and the cost of doing nothing, written as report.html, report.md, analysis.json and SVG charts
/// (docs/analysis.md; docs/method.md §3–6).
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var usage = new Option<string[]>("--usage") { Description = "Usage file(s) in any supported format (detected from the content; see 'recommit import --help'); several files merge", AllowMultipleArgumentsPerToken = true };
        var format = new Option<string?>("--format") { Description = "Force the usage files' format instead of detecting it" };
        var spend = new Option<string?>("--spend") { Description = "Monthly spend CSV (month,model,list_usd) when only spend is known" };
        var contract = new Option<string>("--contract") { Description = "Contract JSON file (see docs/contracts.md); required unless --account names a stored account" };
        var levers = new Option<string?>("--levers") { Description = "Levers JSON file: routing, caching, batch (see docs/levers.md)" };
        var prices = new Option<string?>("--prices") { Description = "A price-book JSON file laid over the built-in one" };
        var asOf = new Option<string?>("--as-of") { Description = "Analysis date yyyy-MM-dd (default: the day after the last usage day)" };
        var paths = new Option<int>("--paths") { Description = $"Simulated paths ({OptionChecks.MinPaths:N0}..{OptionChecks.MaxPaths:N0})", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<ulong>("--seed") { Description = "Random seed; the same seed gives the same figures", DefaultValueFactory = _ => 1UL };
        var threshold = new Option<string?>("--threshold") { Description = "Gap threshold τ: a fraction between 0 and 1 (0.10) or a percentage (10%); default 0.10" };
        var future = new Option<string?>("--future") { Description = "Replace the forecast with one given path: spend CSV of list dollars per month from the as-of month" };
        var outDir = new Option<string?>("--out") { Description = "Folder for report.html, report.md, analysis.json and the charts (default ./recommit-report; with --json only when given)" };
        var json = new Option<bool>("--json") { Description = "Print analysis.json to stdout" };
        var strict = CliInputs.StrictOption();
        var store = CliStore.Option();
        var account = CliStore.AccountOption("Analyse this stored account (its latest contract and stored usage) and store the analysis");

        var command = new Command("analyze", "The main job: gap verdict, reforecast with levers, simulation and the cost of doing nothing, as a report");
        foreach (var o in new Option[] { usage, format, spend, contract, levers, prices, asOf, paths, seed, threshold, future, outDir, json, strict, store, account }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (parse.GetValue(account) is { } accountName)
                return StoredAnalysis.Run(parse, parse.GetValue(store), accountName, new Storage.Analyses.AnalysisOptions
                {
                    Paths = OptionChecks.Paths(parse.GetValue(paths)),
                    Seed = parse.GetValue(seed),
                    Threshold = OptionChecks.Threshold(parse.GetValue(threshold)),
                    AsOf = ParseDay(parse.GetValue(asOf), "--as-of"),
                    Levers = parse.GetValue(levers) is { } leversPath ? CliInputs.ReadText(leversPath, "--levers") : null,
                }, parse.GetValue(outDir), parse.GetValue(json));
            var usagePaths = parse.GetValue(usage) ?? [];
            var spendPath = parse.GetValue(spend);
            if ((usagePaths.Length > 0) == (spendPath is not null))
                throw new InputException("give either --usage FILE... or --spend FILE (one of them, not both)");
            var request = new AnalysisRequest(parse.GetValue(contract) ?? throw new InputException("--contract: required (or --account to analyse a stored account)"))
            {
                UsagePaths = usagePaths,
                Format = parse.GetValue(format),
                SpendPath = spendPath,
                LeversPath = parse.GetValue(levers),
                PricesPath = parse.GetValue(prices),
                FuturePath = parse.GetValue(future),
                AsOf = ParseDay(parse.GetValue(asOf), "--as-of"),
                Paths = OptionChecks.Paths(parse.GetValue(paths)),
                Seed = parse.GetValue(seed),
                Threshold = OptionChecks.Threshold(parse.GetValue(threshold)),
                Strict = parse.GetValue(strict),
            };
            var asJson = parse.GetValue(json);
            var analysis = RunWithProgress(request, stdout, stderr, asJson);

            var dir = parse.GetValue(outDir) ?? (asJson ? null : "recommit-report");
            var files = dir is null ? [] : ReportOutput.Write(analysis, dir);
            if (asJson) AnalysisJson.Write(analysis, stdout);
            else AnalysisSummary.Write(CliInputs.PlainConsole(stdout), analysis, files);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static AnalysisResult RunWithProgress(AnalysisRequest request, TextWriter stdout, TextWriter stderr, bool quiet)
    {
        if (quiet || !CliInputs.IsTerminal(stdout)) return AnalysisPipeline.Run(request, stderr);
        AnalysisResult? result = null;
        AnsiConsole.Status().Start($"Analysing {request.Account ?? request.ContractPath}: importing, forecasting, simulating {request.Paths:N0} paths…",
            _ => result = AnalysisPipeline.Run(request, stderr));
        return result!;
    }

    internal static DateOnly? ParseDay(string? text, string option) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new InputException($"{option}: '{text}' is not a date (expected yyyy-MM-dd)");
}
