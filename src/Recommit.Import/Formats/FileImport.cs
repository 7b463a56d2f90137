using Recommit.Usage;

namespace Recommit.Import.Formats;

/// <summary>
/// What one file gave: a usage cube (token facts) or, for files that carry dollars without tokens, a spend table;
/// always the reconciliation report.
/// </summary>
public sealed record FileImport(UsageCube? Cube, SpendTable? Spend, ImportReport Report)
{
    public static FileImport Of(UsageImport usage) => new(usage.Cube, null, usage.Report);

    public static FileImport Of(SpendImport spend) => new(null, spend.Spend, spend.Report);
}
