namespace Recommit.Analysis.Notes;

/// <summary>A lever's source model has no usage in the history, so the lever changes nothing.</summary>
public sealed record LeverWithoutUsageNote(string Lever, string Model) : AnalysisNote
{
    /// <summary>The code <c>lever-without-usage</c>.</summary>
    public const string CodeName = "lever-without-usage";

    /// <inheritdoc />
    public override string Code => CodeName;
}
