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
        var options = new AnalysisOptions();
        var outDir = new Option<string?>("--out") { Description = "Folder for report.html, report.md, analysis.json and the charts (default ./recommit-report; with --json only when given)" };
        var json = new Option<bool>("--json") { Description = "Print analysis.json to stdout" };

        var command = new Command("analyze", "The main job: gap verdict, reforecast with levers, simulation and the cost of doing nothing, as a report");
        options.AddTo(command);
        command.Options.Add(outDir);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
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
