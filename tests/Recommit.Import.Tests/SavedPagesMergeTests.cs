using Recommit.Import.Formats;
using Recommit.Usage;

namespace Recommit.Import.Tests;

public sealed class SavedPagesMergeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-pages-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Page(string name, string hourStart, string hourEnd, long output)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, $$"""
            {"data":[{"starting_at":"{{hourStart}}","ending_at":"{{hourEnd}}","results":[
              {"uncached_input_tokens":0,"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},
               "cache_read_input_tokens":0,"output_tokens":{{output}},"server_tool_use":{"web_search_requests":0},
               "model":"claude-sonnet-4-5","workspace_id":null,"service_tier":"standard","context_window":"0-200k"}]}],
             "has_more":false,"next_page":null}
            """);
        return path;
    }

    private static long MergedOutput(IReadOnlyList<string> files)
    {
        var merge = new ImportMerge();
        foreach (var (format, import) in UsageFormats.ReadAll(files, null, ImportOptions.Default)) merge.Add(import, format.Merge);
        return merge.Cube().TotalTokens(TokenKind.Output);
    }

    [Fact]
    public void Different_hours_of_one_day_in_different_files_add_up()
    {
        var morning = Page("a.json", "2026-03-01T09:00:00Z", "2026-03-01T10:00:00Z", 100);
        var evening = Page("b.json", "2026-03-01T18:00:00Z", "2026-03-01T19:00:00Z", 50);
        Assert.Equal(150, MergedOutput([morning, evening]));
    }

    [Fact]
    public void The_same_bucket_saved_twice_counts_once()
    {
        var first = Page("a.json", "2026-03-01T09:00:00Z", "2026-03-01T10:00:00Z", 100);
        var again = Page("b.json", "2026-03-01T09:00:00Z", "2026-03-01T10:00:00Z", 100);
        Assert.Equal(100, MergedOutput([first, again]));
    }

    [Fact]
    public void A_rejected_row_names_the_page_file_it_is_in_not_the_first_file()
    {
        var good = Page("a.json", "2026-03-01T09:00:00Z", "2026-03-01T10:00:00Z", 100);
        var bad = Page("b.json", "2026-03-01T18:00:00Z", "2026-03-01T19:00:00Z", -5);
        var (_, import) = UsageFormats.ReadAll([good, bad], null, ImportOptions.Default).Single();
        var report = import.Report;
        Assert.Equal(2, report.RowsRead);
        Assert.Equal(1, report.Rejected);
        var row = Assert.Single(report.RejectedRows);
        Assert.Equal(bad, row.File);
        Assert.Equal(2, row.Line);
        Assert.Contains("output_tokens: -5 is negative", row.Reason, StringComparison.Ordinal);
    }
}
