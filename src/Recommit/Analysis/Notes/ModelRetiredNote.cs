namespace Recommit.Analysis.Notes;

/// <summary>A forecast model retires inside the horizon: its usage after that is priced at its last list price.</summary>
public sealed record ModelRetiredNote(string Model, DateOnly Retired) : AnalysisNote
{
    /// <summary>The code <c>model-retired</c>.</summary>
    public const string CodeName = "model-retired";

    /// <inheritdoc />
    public override string Code => CodeName;
}
