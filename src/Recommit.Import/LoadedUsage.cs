using System.Collections.Immutable;
using Recommit.Analysis;
using Recommit.Usage;

namespace Recommit.Import;

/// <summary>
/// An account's usage read from files: a cube when any file holds tokens, else a spend table (list dollars by month
/// and model or family); each file's import report (rows read = accepted + rejected); and what the merge of several
/// files did, in sentences for the user.
/// </summary>
public sealed record LoadedUsage(UsageCube? Cube, SpendTable? Spend, ImmutableArray<ImportReport> Imports, ImmutableArray<string> MergeNotes)
{
    /// <summary>Each file's reconciliation as the analysis and its outputs state it.</summary>
    public ImmutableArray<UsageSource> Sources => [.. Imports.Select(AnalysisInputs.Source)];
}
