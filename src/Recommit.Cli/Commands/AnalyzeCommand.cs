using System.CommandLine;
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
        var options = new AnalysisCommandOptions(storedAccounts: true);
        var outDir = new Option<string?>("--out") { Description = "Folder for report.html, report.md, analysis.json and the charts (default ./recommit-report; with --json only when given)" };
        var json = new Option<bool>("--json") { Description = "Print analysis.json to stdout" };
        var store = CliStore.Option();
        var account = CliStore.AccountOption("Analyse this stored account (its latest contract and stored usage) and store the analysis");

        var command = new Command("analyze", "The main job: gap verdict, reforecast with levers, simulation and the cost of doing nothing, as a report");
        options.AddTo(command);
        foreach (var o in new Option[] { outDir, json, store, account }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (parse.GetValue(account) is { } accountName)
                return StoredAnalysis.Run(parse, parse.GetValue(store), accountName, new Storage.Analyses.AnalysisOptions
                {
                    Paths = options.Paths(parse),
                    Seed = options.Seed(parse),
                    Threshold = options.Threshold(parse),
                    AsOf = options.AsOf(parse),
                    Levers = options.LeversPath(parse) is { } leversPath ? CliInputs.ReadText(leversPath, "--levers") : null,
                }, parse.GetValue(outDir), parse.GetValue(json));
            var request = options.Request(parse);
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

}
