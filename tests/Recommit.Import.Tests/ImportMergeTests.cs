using Recommit.Import.Formats;
using Recommit.Usage;

namespace Recommit.Import.Tests;

public class ImportMergeTests
{
    [Fact]
    public void The_same_bucket_file_imported_twice_is_counted_once_and_the_duplicates_reported()
    {
        var merge = new ImportMerge();
        var once = UsageFormats.Read(Fixtures.Path("console-usage.csv"), null, Fixtures.Options);
        merge.Add(once.Import, once.Format.Merge);
        var again = UsageFormats.Read(Fixtures.Path("console-usage.csv"), null, Fixtures.Options);
        merge.Add(again.Import, again.Format.Merge);
        var cube = merge.Cube();
        Assert.Equal(once.Import.Cube!.TotalTokens(TokenKind.UncachedInput), cube.TotalTokens(TokenKind.UncachedInput));
        Assert.Equal(once.Import.Cube.Count, merge.DuplicateCells);
    }

    [Fact]
    public void Request_logs_split_across_files_add_up()
    {
        var a = Fixtures.Temp("timestamp,model,input_tokens,output_tokens\n2026-08-05T01:00:00Z,claude-opus-5,10,1\n");
        var b = Fixtures.Temp("timestamp,model,input_tokens,output_tokens\n2026-08-05T13:00:00Z,claude-opus-5,5,1\n");
        var merge = new ImportMerge();
        foreach (var path in new[] { a, b })
        {
            var (format, import) = UsageFormats.Read(path, null, Fixtures.Options);
            merge.Add(import, format.Merge);
        }
        Assert.Equal(15, merge.Cube().TotalTokens(TokenKind.UncachedInput));
        Assert.Equal(0, merge.DuplicateCells);
    }

    [Fact]
    public void A_bucket_file_replaces_what_earlier_logs_added_and_later_logs_add_to_it()
    {
        const string header = "timestamp,model,input_tokens\n";
        var logA = Fixtures.Temp(header + "2026-08-05T01:00:00Z,claude-opus-5,10\n2026-08-06T01:00:00Z,claude-opus-5,4\n");
        var buckets = Fixtures.Temp("date,model,token_kind,tokens\n2026-08-05,claude-opus-5,uncached_input,7\n");
        var spend = Fixtures.Temp("month,model,list_usd\n2026-08,claude-opus-5,12.50\n");
        var logC = Fixtures.Temp(header + "2026-08-05T09:00:00Z,claude-opus-5,5\n");
        var merge = new ImportMerge();
        foreach (var path in new[] { logA, buckets, spend, logC })
        {
            var (format, import) = UsageFormats.Read(path, null, Fixtures.Options);
            merge.Add(import, format.Merge);
        }

        var cube = merge.Cube();
        Assert.Equal(12, CubeAssert.Tokens(cube, k => k.Day == new DateOnly(2026, 8, 5)));
        Assert.Equal(4, CubeAssert.Tokens(cube, k => k.Day == new DateOnly(2026, 8, 6)));
        Assert.Equal(1, merge.DuplicateCells);
        Assert.True(merge.HasSpend);
    }

    [Fact]
    public void Logs_that_add_up_past_the_import_limit_across_files_are_refused_naming_the_files()
    {
        const string header = "timestamp,model,input_tokens\n";
        // 6 × 10¹⁷ tokens a file: each file alone is within the limit of 10¹⁸, the two together are not.
        var big = string.Concat(Enumerable.Repeat("2026-08-05T01:00:00Z,claude-opus-5,200000000000000000\n", 3));
        var a = Fixtures.Temp(header + big);
        var b = Fixtures.Temp(header + big);
        var merge = new ImportMerge();
        var first = UsageFormats.Read(a, null, Fixtures.Options);
        merge.Add(first.Import, first.Format.Merge);
        var second = UsageFormats.Read(b, null, Fixtures.Options);
        merge.Add(second.Import, second.Format.Merge);

        var e = Assert.Throws<ImportException>(merge.Cube);
        Assert.Contains(b, e.Message, StringComparison.Ordinal);
        Assert.Contains("more than 1,000,000,000,000,000,000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_whose_tokens_add_up_past_the_import_limit_is_refused_naming_it()
    {
        var path = Fixtures.Temp("timestamp,model,input_tokens\n" + string.Concat(Enumerable.Repeat("2026-08-05T01:00:00Z,claude-opus-5,999999999999999999\n", 5)));

        var e = Assert.Throws<ImportException>(() => UsageFormats.Read(path, null, Fixtures.Options));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("adds up to", e.Message, StringComparison.Ordinal);
    }
}
