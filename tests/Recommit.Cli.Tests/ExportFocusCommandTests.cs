using Recommit.Reports.Focus;

namespace Recommit.Cli.Tests;

/// <summary>
/// <c>recommit export focus</c> end to end on the FOCUS appendix's spend agreement A1 (a contract named with a formula,
/// quotes, a comma and markup), both datasets, and the errors it reports.
/// </summary>
public sealed class ExportFocusCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-focus-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "fixtures", "fees", .. parts]);

    [Fact]
    public void Cost_and_usage_of_spend_agreement_A1_bills_972_unused_in_the_final_month()
    {
        var outPath = Path.Combine(_dir, "a1.csv");

        var run = CliRun.Of("export", "focus", "--contract", Fixture("a1-contract.json"), "--spend", Fixture("a1-spend.csv"), "--through", "2026-03", "--out", outPath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("4 FOCUS cost-and-usage rows", run.Stdout, StringComparison.Ordinal);
        var csv = File.ReadAllText(outPath);
        Assert.Empty(FocusRules.Validate(csv, FocusDataset.CostAndUsage));
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("972.00,\"'=AwesomeCorp, \"\"spend\"\" <agreement>\",", lines[4], StringComparison.Ordinal);
        Assert.Contains(",2026-04-01T00:00:00Z,2026-03-01T00:00:00Z,Usage,,Unused commitment at the end of the true-up period,One-Time,2026-04-01T00:00:00Z,2025-04-01T00:00:00Z,", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_commitment_with_an_analysis_adds_the_projected_position()
    {
        var outPath = Path.Combine(_dir, "cc.csv");

        var run = CliRun.Of("export", "focus", "--dataset", "contract-commitment", "--contract", Fixture("a1-contract.json"),
            "--analysis", Fixture("analysis"), "--out", outPath);

        Assert.Equal(0, run.ExitCode);
        var csv = File.ReadAllText(outPath);
        Assert.Empty(FocusRules.Validate(csv, FocusDataset.ContractCommitment));
        // Actual 285 list then P50 100 + 100: 485 list × 0.8 = 388 consumed against 1,200, a position of −812.
        Assert.EndsWith(",388.00,-812.00\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_dataset_or_a_missing_analysis_is_bad_input()
    {
        var dataset = CliRun.Of("export", "focus", "--dataset", "billing", "--contract", Fixture("a1-contract.json"), "--out", Path.Combine(_dir, "x.csv"));
        var analysis = CliRun.Of("export", "focus", "--dataset", "contract-commitment", "--contract", Fixture("a1-contract.json"),
            "--analysis", _dir, "--out", Path.Combine(_dir, "x.csv"));

        Assert.Equal(2, dataset.ExitCode);
        Assert.Equal(2, analysis.ExitCode);
        Assert.Contains("analysis.json: file not found", analysis.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "x.csv")));
    }
}
