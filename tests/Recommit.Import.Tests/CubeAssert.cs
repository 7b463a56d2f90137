using Recommit.Usage;

namespace Recommit.Import.Tests;

internal static class CubeAssert
{
    public static long Tokens(UsageCube cube, Func<UsageKey, bool> where) => cube.Cells().Where(c => where(c.Key)).Sum(c => c.Tokens);

    public static long Tokens(UsageCube cube, string model, TokenKind kind) => Tokens(cube, k => k.Model == model && k.Kind == kind);

    public static void Reconciles(ImportReport report)
    {
        Assert.True(report.Reconciles, $"rows read {report.RowsRead} != accepted {report.Accepted} + rejected {report.Rejected}");
        Assert.Equal(Math.Min(report.Rejected, ImportDiagnostics.MaxKeptRejections), report.RejectedRows.Length);
        foreach (var row in report.RejectedRows)
        {
            Assert.False(string.IsNullOrWhiteSpace(row.File));
            Assert.True(row.Line >= 1, $"line {row.Line}");
            Assert.False(string.IsNullOrWhiteSpace(row.Reason));
        }
    }
}
