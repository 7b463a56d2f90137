using System.Globalization;
using System.Text;
using System.Text.Json;
using Recommit.Import.AdminApi;
using Recommit.Usage;

namespace Recommit.Import.Tests.AdminApi;

/// <summary>
/// Saved pages are streamed one <c>data[]</c> item at a time through a 64 KiB window (docs/input-safety.md, "Size
/// caps"): pages many windows long reconcile and keep the page's own line numbers in every rejection and refusal, an
/// item over the item cap and an endless source are refused without being held.
/// </summary>
public sealed class StreamedPageTests
{
    /// <summary>
    /// A usage-report page of <paramref name="days"/> daily buckets, each result on its own line: line 1 is
    /// <c>{"data":[</c>, bucket d opens on line 2 + d·(results + 2), its result j is on the line after that plus j,
    /// and a line closes it.
    /// </summary>
    private static string UsagePage(int days, int results, Func<int, int, string>? count = null)
    {
        var sb = new StringBuilder("{\"data\":[\n");
        var day = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var d = 0; d < days; d++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{{\"starting_at\":\"{day.AddDays(d):yyyy-MM-dd}T00:00:00Z\",\"ending_at\":\"{day.AddDays(d + 1):yyyy-MM-dd}T00:00:00Z\",\"results\":[\n");
            for (var j = 0; j < results; j++)
                sb.Append(CultureInfo.InvariantCulture, $"{{\"model\":\"claude-opus-5\",\"workspace_id\":\"wrkspc_{j}\",\"uncached_input_tokens\":{count?.Invoke(d, j) ?? "1"},\"output_tokens\":2}}{(j < results - 1 ? "," : "")}\n");
            sb.Append(d < days - 1 ? "]},\n" : "]}\n");
        }
        return sb.Append("],\"has_more\":false,\"next_page\":null}\n").ToString();
    }

    [Fact]
    public void A_page_many_windows_long_reconciles_and_a_late_rejection_names_its_own_line()
    {
        // 80 days × 40 results ≈ 0.35 MB, more than five windows; day 57, result 13 is negative.
        var text = UsagePage(80, 40, (d, j) => d == 57 && j == 13 ? "-4" : "1");
        Assert.True(text.Length > 4 * 65536);
        var path = Fixtures.Temp(text, ".json");

        var import = UsageReportJson.Read(path);

        var r = import.Report;
        Assert.Equal((3200L, 3199L, 1L), (r.RowsRead, r.Accepted, r.Rejected));
        Assert.Equal(3199, import.Cube.TotalTokens(TokenKind.UncachedInput));
        Assert.Equal(6398, import.Cube.TotalTokens(TokenKind.Output));
        var rejected = Assert.Single(r.RejectedRows);
        Assert.Equal(path, rejected.File);
        Assert.Equal(2 + 57 * 42 + 1 + 13, rejected.Line);
        Assert.Contains("data[57].results[13].uncached_input_tokens: -4 is negative", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_deep_in_a_large_page_is_refused_with_the_line_it_is_on()
    {
        // Day 50, result 7 has a stray "x" after its input count.
        var text = UsagePage(60, 40, (d, j) => d == 50 && j == 7 ? "1 x" : "1");
        var e = Assert.Throws<ImportException>(() => UsageReportJson.Parse(Encoding.UTF8.GetBytes(text), "deep.json"));
        Assert.StartsWith($"deep.json:{2 + 50 * 42 + 1 + 7}: malformed JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cost_page_many_windows_long_sums_every_row_and_names_a_late_rejection_by_line()
    {
        var sb = new StringBuilder("{\"data\":[\n");
        for (var d = 0; d < 300; d++)
        {
            var hour = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(d);
            sb.Append(CultureInfo.InvariantCulture, $"{{\"starting_at\":\"{hour:yyyy-MM-ddTHH}:00:00Z\",\"ending_at\":\"{hour.AddHours(1):yyyy-MM-ddTHH}:00:00Z\",\"results\":[\n");
            for (var j = 0; j < 10; j++)
                sb.Append(CultureInfo.InvariantCulture, $"{{\"amount\":\"{(d == 299 && j == 9 ? "-1" : "100")}\",\"currency\":\"USD\",\"model\":\"claude-opus-5\",\"description\":\"{new string('d', 40)}\"}}{(j < 9 ? "," : "")}\n");
            sb.Append(d < 299 ? "]},\n" : "]}\n");
        }
        sb.Append("]}");
        var path = Fixtures.Temp(sb.ToString(), ".json");

        var import = CostReportJson.ReadDetailed([path]);

        Assert.Equal((3000L, 2999L, 1L), (import.Report.RowsRead, import.Report.Accepted, import.Report.Rejected));
        Assert.Equal(2999m, import.BilledUsd.Value);
        Assert.Equal(2 + 299 * 12 + 1 + 9, import.Report.RejectedRows[0].Line);
    }

    [Fact]
    public void An_item_larger_than_the_item_cap_is_refused_with_its_index_and_line_before_the_source_ends()
    {
        using var endless = new EndlessStream("{\"has_more\":true,\n\"data\":[\n{\"starting_at\":\"2026-01-01T00:00:00Z\",\"results\":[", "{\"model\":\"m\",\"output_tokens\":1},");
        var e = Assert.Throws<ImportException>(() => JsonPageReader.Read(endless, "endless.json", long.MaxValue, "usage report", (ref Utf8JsonReader r, JsonSource _, int _) => r.SkipWhole()));
        Assert.Equal("endless.json:3: data[0] is larger than 64 MiB, the most one bucket or row of a page may be", e.Message);
        Assert.InRange(endless.Served, JsonPageReader.MaxItemBytes, JsonPageReader.MaxItemBytes + (1 << 20));
    }

    [Fact]
    public void An_endless_page_of_small_buckets_is_read_one_bucket_at_a_time_up_to_the_page_cap()
    {
        const string bucket = "{\"starting_at\":\"2026-01-01T00:00:00Z\",\"results\":[{\"model\":\"m\",\"output_tokens\":1}]}";
        using var endless = new EndlessStream("{\"data\":[", bucket + ",\n");
        var items = 0;
        long largest = 0;
        var e = Assert.Throws<ImportException>(() => JsonPageReader.Read(endless, "pipe", JsonPage.MaxUnsizedBytes, "usage report", (ref Utf8JsonReader r, JsonSource _, int _) =>
        {
            items++;
            var start = r.TokenStartIndex;
            r.SkipWhole();
            largest = Math.Max(largest, r.BytesConsumed - start);
        }));
        Assert.Equal("pipe: the file is larger than 64 MiB, the most one saved API page may be; is it a saved page?", e.Message);
        // Every bucket before the cap was read as it came, each one bucket long.
        Assert.True(items > 500_000, $"{items} buckets");
        Assert.Equal(bucket.Length, largest);
    }

    /// <summary>A stream with no length: a prefix, then one chunk repeated forever; counts the bytes served.</summary>
    private sealed class EndlessStream(string prefix, string repeat) : Stream
    {
        private readonly byte[] _prefix = Encoding.UTF8.GetBytes(prefix);
        private readonly byte[] _repeat = Encoding.UTF8.GetBytes(repeat);

        public long Served { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++, Served++)
                buffer[offset + i] = Served < _prefix.Length ? _prefix[Served] : _repeat[(Served - _prefix.Length) % _repeat.Length];
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
