namespace Recommit.Analysis.Notes;

/// <summary>The correlation ρ of the simulation's joint shocks (docs/method.md §6), estimated over <see cref="Pairs"/> pairs of series (0: the default ρ, too little history to estimate it).</summary>
public sealed record ShockCorrelationNote(double Rho, int Pairs) : AnalysisNote
{
    /// <summary>The code <c>shock-correlation</c>.</summary>
    public const string CodeName = "shock-correlation";

    /// <inheritdoc />
    public override string Code => CodeName;
}
