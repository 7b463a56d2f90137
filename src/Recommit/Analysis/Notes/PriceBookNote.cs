namespace Recommit.Analysis.Notes;

/// <summary>The price-book version every dollar comes from (list unless labelled billed).</summary>
public sealed record PriceBookNote(string Version) : AnalysisNote
{
    /// <summary>The code <c>price-book</c>.</summary>
    public const string CodeName = "price-book";

    /// <inheritdoc />
    public override string Code => CodeName;
}
