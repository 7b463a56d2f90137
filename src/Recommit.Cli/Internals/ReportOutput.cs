using System.Collections.Immutable;
using Recommit.Analysis;
using Recommit.Import.Output;
using Recommit.Reports;

namespace Recommit.Cli.Internals;

/// <summary>Writes an analysis's report set into a folder all or nothing (<see cref="AtomicFolder"/>).</summary>
internal static class ReportOutput
{
    /// <summary>The report files now in <paramref name="dir"/>, in the order <see cref="ReportWriter"/> writes them.</summary>
    public static ImmutableArray<string> Write(AnalysisResult analysis, string dir)
    {
        var written = ImmutableArray<string>.Empty;
        AtomicFolder.Write(dir, "--out", stage => written = ReportWriter.WriteAll(analysis, stage));
        return [.. written.Select(p => Path.Combine(dir, Path.GetFileName(p)))];
    }
}
