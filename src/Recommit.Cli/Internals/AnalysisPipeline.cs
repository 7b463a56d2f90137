using Recommit.Analysis;
using Recommit.Import;

namespace Recommit.Cli.Internals;

/// <summary>
/// From files to an <see cref="AnalysisResult"/>: <see cref="AnalysisInputs.Load"/> reads the inputs, the import
/// summaries and merge notes go to stderr, and the engine runs with the options of the command line.
/// </summary>
internal static class AnalysisPipeline
{
    public static AnalysisResult Run(AnalysisRequest request, TextWriter stderr)
    {
        var files = new AnalysisFiles(request.ContractPath)
        {
            UsagePaths = request.UsagePaths,
            Format = request.Format,
            SpendPath = request.SpendPath,
            LeversPath = request.LeversPath,
            PricesPath = request.PricesPath,
            FuturePath = request.FuturePath,
        };
        var loaded = AnalysisInputs.Load(files, request.AsOf);
        foreach (var report in loaded.Imports) CliInputs.WriteImportSummary(report, stderr);
        foreach (var note in loaded.MergeNotes) stderr.WriteLine($"note: {note}");
        return Analyzer.Run(loaded.Input with
        {
            Account = request.Account ?? loaded.Input.Account,
            Paths = request.Paths,
            Seed = request.Seed,
            Threshold = request.Threshold,
        });
    }
}
