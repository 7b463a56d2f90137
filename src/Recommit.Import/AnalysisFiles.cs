namespace Recommit.Import;

/// <summary>
/// The files an analysis reads: the contract (required), usage files in any importable format (several merge) or a
/// monthly spend table, and optionally levers, a price-book overlay and a given future path (a spend CSV of list
/// dollars from the as-of month).
/// </summary>
public sealed record AnalysisFiles(string ContractPath)
{
    public IReadOnlyList<string> UsagePaths { get; init; } = [];

    /// <summary>A format name for every usage file (<c>usage</c>, <c>focus</c>, …); null detects each file's format.</summary>
    public string? Format { get; init; }

    public string? SpendPath { get; init; }
    public string? LeversPath { get; init; }
    public string? PricesPath { get; init; }
    public string? FuturePath { get; init; }

    /// <summary>Refuse the usage (an <see cref="InputException"/>) when any row of it is rejected, instead of going on without it.</summary>
    public bool Strict { get; init; }
}
