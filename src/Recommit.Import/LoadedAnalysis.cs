using System.Collections.Immutable;
using Recommit.Analysis;

namespace Recommit.Import;

/// <summary>
/// The inputs of an analysis read from its files: what <see cref="Analyzer.Run"/> takes (set the account, paths,
/// seed and threshold with <c>with</c>), each file's import report (rows read = accepted + rejected) and what the
/// merge of several usage files did, in sentences for the user.
/// </summary>
public sealed record LoadedAnalysis(AnalysisInput Input, ImmutableArray<ImportReport> Imports, ImmutableArray<string> MergeNotes);
