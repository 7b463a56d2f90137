using System.Text;
using Recommit.Import.AdminApi;
using Recommit.Time;

namespace Recommit.Import.Tests.AdminApi;

public sealed class CostJsonTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "adminapi", name);

    [Fact]
    public void Cost_report_amounts_are_cents_and_lines_without_a_model_go_by_description()
    {
        var import = CostReportJson.ReadDetailed([Fixture("cost-report-official.json")]);

        // "123.78912" cents = $1.2378912 (full precision); "250" cents = $2.50.
        var rows = import.Spend.Rows.ToDictionary(r => r.ModelOrFamily, r => r);
        Assert.Equal(1.2378912m, rows["claude-opus-5"].ListUsd.Value);
        Assert.Equal(new YearMonth(2025, 8), rows["claude-opus-5"].Month);
        Assert.Equal(2.50m, rows["Code Execution Usage"].ListUsd.Value);
        Assert.Equal(3.7378912m, import.BilledUsd.Value);
        Assert.Null(import.EffectiveDiscount);
        Assert.Equal((3L, 2L, 1L), (import.Report.RowsRead, import.Report.Accepted, import.Report.Rejected));
        Assert.Contains("data[0].results[2].amount: '-5' is negative", import.Report.RejectedRows[0].Reason, StringComparison.Ordinal);
        Assert.Equal(30, import.Report.RejectedRows[0].Line);
    }

    [Theory]
    [InlineData("{\"data\":[{\"starting_at\":\"2026-01-01T00:00:00Z\",\"results\":[{\"amount\":\"1\"}]}]")]
    [InlineData("{\"data\":[]}]")]
    [InlineData("{\"data\":7}")]
    public void A_damaged_cost_page_is_refused_naming_the_file(string text)
    {
        var e = Assert.Throws<ImportException>(() => CostReportJson.Parse(System.Text.Encoding.UTF8.GetBytes(text), "cost.json"));
        Assert.Contains("cost.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_currency_other_than_usd_refuses_the_file()
    {
        var json = Encoding.UTF8.GetBytes("{\"data\":[{\"starting_at\":\"2026-01-01T00:00:00Z\",\"ending_at\":\"2026-01-02T00:00:00Z\",\"results\":[" +
            "{\"amount\":\"100\",\"currency\":\"USD\",\"model\":\"m\"},{\"amount\":\"100\",\"currency\":\"EUR\",\"model\":\"m\"}]}]}");
        var e = Assert.Throws<ImportException>(() => CostReportJson.Parse(json, "cost.json"));
        Assert.Contains("cost.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("data[0].results[1].currency: 'EUR' is not USD", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analytics_rows_give_list_dollars_by_month_and_the_effective_discount()
    {
        var import = AnalyticsJson.ReadDetailed([Fixture("analytics-cost.json")]);

        // Feb: $70 billed of $100 list; Mar: $140 of $200. Discount = 1 − 210/300 = 0.3.
        Assert.Equal(0.3m, import.EffectiveDiscount);
        Assert.Equal(210m, import.BilledUsd.Value);
        Assert.Equal(300m, import.ListUsd!.Value.Value);
        Assert.Equal([(new YearMonth(2026, 2), 100m), (new YearMonth(2026, 3), 200m)],
            import.Spend.Rows.Select(r => (r.Month, r.ListUsd.Value)));
        Assert.Equal((3L, 2L, 1L), (import.Report.RowsRead, import.Report.Accepted, import.Report.Rejected));
        Assert.Contains("data[2].cost.amount: 'oops' is not a decimal amount of cents", import.Report.RejectedRows[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_cost_bucket_replaces_the_earlier_copy()
    {
        var dir = Directory.CreateTempSubdirectory("recommit-cost-").FullName;
        try
        {
            var a = Path.Combine(dir, "a.json");
            var b = Path.Combine(dir, "b.json");
            File.WriteAllText(a, "{\"data\":[{\"starting_at\":\"2026-01-01T00:00:00Z\",\"ending_at\":\"2026-01-02T00:00:00Z\",\"results\":[{\"amount\":\"100\",\"currency\":\"USD\",\"model\":\"m\"}]}]}");
            File.WriteAllText(b, "{\"data\":[{\"starting_at\":\"2026-01-01T00:00:00Z\",\"ending_at\":\"2026-01-02T00:00:00Z\",\"results\":[{\"amount\":\"300\",\"currency\":\"USD\",\"model\":\"m\"}]}]}");
            var import = CostReportJson.ReadDetailed([a, b]);
            Assert.Equal(3m, import.BilledUsd.Value);
            Assert.Equal(1, import.Report.Duplicates);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
