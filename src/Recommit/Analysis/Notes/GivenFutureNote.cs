namespace Recommit.Analysis.Notes;

/// <summary>The forecast was replaced by a given path of list dollars: one path, no uncertainty, levers not applied.</summary>
public sealed record GivenFutureNote() : AnalysisNote
{
    /// <summary>The code <c>given-future</c>.</summary>
    public const string CodeName = "given-future";

    /// <inheritdoc />
    public override string Code => CodeName;
}
