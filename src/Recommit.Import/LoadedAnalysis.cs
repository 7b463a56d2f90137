using Recommit.Analysis;

namespace Recommit.Import;

/// <summary>
/// The inputs of an analysis read from its files: what <see cref="Analyzer.Run"/> takes (set the account, paths, seed
/// and threshold with <c>with</c>) and the usage as read, with its import reports and merge notes.
/// </summary>
public sealed record LoadedAnalysis(AnalysisInput Input, LoadedUsage Usage);
