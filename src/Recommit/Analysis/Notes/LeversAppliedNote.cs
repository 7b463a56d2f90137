namespace Recommit.Analysis.Notes;

/// <summary>How many levers were applied (in the order routing, caching, batch; each range sampled once per path).</summary>
public sealed record LeversAppliedNote(int Count) : AnalysisNote
{
    /// <summary>The code <c>levers-applied</c>.</summary>
    public const string CodeName = "levers-applied";

    /// <inheritdoc />
    public override string Code => CodeName;
}
