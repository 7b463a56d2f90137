using System.Globalization;
using System.Text;
using Recommit.Import.Formats;
using Recommit.Import.Gateway;

namespace Recommit.Import.Tests;

/// <summary>Gateway logs: rows no usage can have are rejected one by one, and a mapping that would make the cube as large as the log is refused.</summary>
public sealed class GatewayLimitsTests
{
    [Fact]
    public void A_timestamp_of_infinity_or_outside_the_accepted_dates_rejects_its_row_not_the_import()
    {
        var path = Fixtures.Temp("timestamp,model,input_tokens,output_tokens\n2026-08-05T10:00:00Z,claude-opus-5,100,10\ninfinity,claude-opus-5,100,10\n0001-01-01T00:00:00Z,claude-opus-5,1,1\n9999-12-31,claude-opus-5,1,1\n");

        var import = GatewayLog.Read(path, Fixtures.Options);

        Assert.Equal((4L, 1L, 3L), (import.Report.RowsRead, import.Report.Accepted, import.Report.Rejected));
        Assert.Contains(import.Report.RejectedRows, r => r.Line == 3 && r.Reason.Contains("infinity is outside the accepted dates", StringComparison.Ordinal));
        Assert.Contains(import.Report.RejectedRows, r => r.Line == 4 && r.Reason.Contains("0001-01-01 is outside", StringComparison.Ordinal));
        Assert.Contains(import.Report.RejectedRows, r => r.Line == 5 && r.Reason.Contains("9999-12-31 is outside", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unbalanced_quote_is_refused_like_the_other_csv_readers()
    {
        var path = Fixtures.Temp("timestamp,model,input_tokens\n2026-08-05T10:00:00Z,\"claude-opus-5,100\n2026-08-06T10:00:00Z,claude-opus-5,100\n");

        var e = Assert.Throws<ImportException>(() => GatewayLog.Read(path, Fixtures.Options));

        Assert.Contains("unbalanced quote", e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workspace_mapped_to_a_per_request_id_is_refused_naming_its_cardinality()
    {
        var text = new StringBuilder("ts,model,prompt_tokens,completion_tokens,request_id\n");
        for (var i = 0; i < 150_000; i++) text.Append(CultureInfo.InvariantCulture, $"2026-08-05T10:00:00Z,claude-opus-5,10,1,req_{i}\n");
        var path = Fixtures.Temp(text.ToString());
        var options = Fixtures.Options with { ColumnMap = GatewayLog.ParseMap("timestamp=ts,input=prompt_tokens,output=completion_tokens,workspace=request_id") };

        var e = Assert.Throws<ImportException>(() => UsageFormats.Read(path, GatewayLog.FormatName, options));

        Assert.Contains("--map workspace=request_id", e.Message, StringComparison.Ordinal);
        Assert.Contains("distinct values, more than the 100,000 workspaces", e.Message, StringComparison.Ordinal);
    }
}
