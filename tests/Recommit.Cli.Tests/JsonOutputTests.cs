using System.Text.Json;

namespace Recommit.Cli.Tests;

/// <summary>--json prints; it does not write or lose files behind the user's back (issue 15.6).</summary>
public class JsonOutputTests
{
    [Fact]
    public void Demo_json_without_out_leaves_the_default_report_folder_alone()
    {
        var folder = Path.Combine(Environment.CurrentDirectory, "recommit-demo");
        var before = Snapshot(folder);

        var run = CliRun.Of("demo", "--json", "--account", "contoso", "--paths", "200");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal("contoso", doc.RootElement[0].GetProperty("account").GetString());
        Assert.Equal(before, Snapshot(folder));
    }

    [Fact]
    public void Import_json_without_out_says_the_usage_was_not_written()
    {
        var run = CliRun.Of("import", Repository.PathOf("data", "demo", "contoso", "usage.csv"), "--json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.StartsWith("not written:", doc.RootElement.GetProperty("usageWritten").GetString(), StringComparison.Ordinal);
        Assert.Contains("the usage was not written anywhere (give --out FILE)", run.Stderr, StringComparison.Ordinal);
    }

    // Every file under the folder with its length and last write time; empty when the folder does not exist.
    private static string Snapshot(string folder) =>
        !Directory.Exists(folder) ? ""
        : string.Join('\n', Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{f} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f):O}"));
}
