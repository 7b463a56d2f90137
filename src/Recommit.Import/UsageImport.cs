using Recommit.Usage;

namespace Recommit.Import;

/// <summary>The outcome of importing usage: the cube (its total within <see cref="TokenTotalLimit.Max"/>) and the reconciliation report.</summary>
public sealed record UsageImport(UsageCube Cube, ImportReport Report)
{
    public UsageCube Cube { get; init; } = TokenTotalLimit.Checked(Cube, Report?.File ?? "");
}

/// <summary>The outcome of importing a spend table.</summary>
public sealed record SpendImport(SpendTable Spend, ImportReport Report);

/// <summary>
/// Maps a model name as found in a file to the name stored in the cube: the price book's canonical id when it knows
/// the name, else the name itself (returning false so the importer flags it as unknown).
/// </summary>
public delegate bool ModelNameResolver(string name, out string canonical);
