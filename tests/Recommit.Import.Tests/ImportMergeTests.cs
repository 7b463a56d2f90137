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
}
