using Recommit.Import.Canonical;
using Recommit.Money;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Import.Tests;

/// <summary>Reading an analysis' inputs from files as a library call (what <c>recommit analyze</c> and the web server use).</summary>
public sealed class AnalysisInputsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-inputs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Demo(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Recommit.slnx"))) return Path.Combine(dir.FullName, "data", "demo", "northwind", file);
        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_demo_account_loads_its_contract_levers_and_usage_with_reconciled_imports()
    {
        var loaded = AnalysisInputs.Load(new AnalysisFiles(Demo("contract.json")) { UsagePaths = [Demo("usage.csv")], LeversPath = Demo("levers.json") });

        Assert.Equal("Northwind Traders", loaded.Input.Account);
        Assert.Equal(loaded.Input.Contract.Name, loaded.Input.Account);
        Assert.False(loaded.Input.Levers.IsEmpty);
        Assert.NotNull(loaded.Input.Usage);
        Assert.Null(loaded.Input.Spend);
        var report = Assert.Single(loaded.Usage.Imports);
        Assert.Equal(report.RowsRead, report.Accepted + report.Rejected);
        Assert.Equal(0, report.Rejected);
        Assert.Empty(loaded.Usage.MergeNotes);
    }

    [Fact]
    public void A_missing_contract_is_an_input_error_naming_the_file()
    {
        var e = Assert.ThrowsAny<InputException>(() => AnalysisInputs.Load(new AnalysisFiles(Path.Combine(_dir, "none.json")) { UsagePaths = [Demo("usage.csv")] }));
        Assert.Contains("none.json: file not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_future_path_must_start_in_the_as_of_month()
    {
        var future = Write("future.csv", "month,model,list_usd\n2026-12,opus,100\n2027-01,opus,110\n");
        var files = new AnalysisFiles(Demo("contract.json")) { UsagePaths = [Demo("usage.csv")], FuturePath = future };

        var e = Assert.Throws<InputException>(() => AnalysisInputs.Load(files, new DateOnly(2026, 11, 25)));
        Assert.Contains("must start with the as-of month 2026-11", e.Message, StringComparison.Ordinal);
        var loaded = AnalysisInputs.Load(files, new DateOnly(2026, 12, 1));
        Assert.Equal([new Usd(100m), new Usd(110m)], loaded.Input.Future!.Value.ToArray());
    }

    [Fact]
    public void A_spend_table_written_and_read_back_keeps_every_amount_exactly()
    {
        var spend = new SpendTable([
            new SpendRow(new YearMonth(2026, 1), "opus", new Usd(1234.5678901m)),
            new SpendRow(new YearMonth(2026, 1), "a, \"quoted\" family", new Usd(0.005m)),
        ]);
        using var text = new StringWriter();
        SpendCsv.Write(spend, text);

        var read = SpendCsv.Read(new StringReader(text.ToString()), "spend.csv");

        Assert.Equal(0, read.Report.Rejected);
        Assert.Equal(spend.Rows.OrderBy(r => r.ModelOrFamily, StringComparer.Ordinal), read.Spend.Rows.OrderBy(r => r.ModelOrFamily, StringComparer.Ordinal));
    }
}
