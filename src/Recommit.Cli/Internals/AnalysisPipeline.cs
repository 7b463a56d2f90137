using Recommit.Analysis;
using Recommit.Import;
using Recommit.Time;

namespace Recommit.Cli.Internals;

/// <summary>
/// From files to an <see cref="AnalysisResult"/>: <see cref="AnalysisInputs.Load"/> reads the inputs, the import
/// summaries and merge notes go to stderr, the contract and --as-of are checked against the usage's days, and the
/// engine runs with the options of the command line.
/// </summary>
internal static class AnalysisPipeline
{
    public static AnalysisResult Run(AnalysisRequest request, TextWriter stderr)
    {
        UsageInputs.RequireOne(request.Files.UsagePaths, request.Files.SpendPath);
        var loaded = AnalysisInputs.Load(request.Files, request.AsOf);
        UsageInputs.Report(loaded.Usage, stderr);
        CheckAgainstUsage(request, loaded.Input, stderr);
        return Analyzer.Run(loaded.Input with
        {
            Account = request.Account ?? loaded.Input.Account,
            Paths = request.Paths,
            Seed = request.Seed,
            Threshold = request.Threshold,
            Assumptions = CliInputs.Assumptions(request.AssumptionsPath),
            Scenarios = CliInputs.Scenarios(request.ScenariosPath),
        });
    }

    /// <summary>The contract and --as-of against the usage's days; usage dated before its model's release is flagged.</summary>
    private static void CheckAgainstUsage(AnalysisRequest request, AnalysisInput input, TextWriter stderr)
    {
        (DateOnly First, DateOnly Last)? days = input.Usage?.DayRange is { } range ? range
            : input.Spend is { Rows.Length: > 0 } spend ? (spend.Rows.Min(r => r.Month).FirstDay, spend.Rows.Max(r => r.Month).LastDay) : null;
        if (days is not { } d) return;
        OptionChecks.Overlap(input.Contract, request.Files.ContractPath, YearMonth.Of(d.First), YearMonth.Of(d.Last));
        OptionChecks.AsOf(request.AsOf, d.First, d.Last);
        if (input.Usage is { } cube) OptionChecks.WarnBeforeRelease(cube, input.PriceBook, stderr);
    }
}
