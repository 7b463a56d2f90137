using System.Net.Http.Headers;
using System.Text;
using Recommit.Import.Tests.ClickHouse;

namespace Recommit.Cli.Tests;

/// <summary>
/// <c>recommit import clickhouse</c> as a user runs it: exit codes, the one-line errors, what is written. The tests
/// that need a server use the throw-away one scripts/test starts (RECOMMIT_TEST_CLICKHOUSE); without it they skip
/// locally and fail in CI.
/// </summary>
public sealed class ImportClickHouseCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-cli-clickhouse-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "usage.csv");

    [Fact]
    public void An_unreachable_server_exits_2_with_one_line_and_leaves_the_output_file_as_it_was()
    {
        File.WriteAllText(Out, "kept");

        var run = CliRun.Of("import", "clickhouse", "--url", "http://127.0.0.1:1", "--table", "requests", "--out", Out);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("recommit: clickhouse://127.0.0.1:1/requests: cannot reach the ClickHouse server at http://127.0.0.1:1: connection refused (is the server running, and is this its HTTP port?)", line);
        Assert.Equal("kept", File.ReadAllText(Out));
        Assert.Equal([Out], Directory.GetFiles(_dir));
    }

    [Fact]
    public void A_password_on_the_command_line_is_refused_without_echoing_it()
    {
        var run = CliRun.Of("import", "clickhouse", "--url", "http://127.0.0.1:1", "--table", "requests", "--password", "hunter2-secret");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--password-file", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", run.Stderr + run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--table", "requests;DROP TABLE t", "--table: 'requests;DROP TABLE t' is not a plain name")]
    [InlineData("--where", "x) OR (1=1", "--where: 'x) OR (1' is not a plain name")]
    [InlineData("--from", "2026-13-01", "--from: '2026-13-01' is not a date")]
    [InlineData("--preset", "langfuse", "--preset: 'langfuse' is not one of helicone")]
    [InlineData("--url", "ftp://127.0.0.1:1", "--url: 'ftp://127.0.0.1:1' is not an http(s) URL")]
    public void Bad_options_exit_2_naming_the_option_before_anything_is_sent(string option, string value, string message)
    {
        // The URL is a closed port: were anything sent, the message would be that the server cannot be reached.
        var args = new List<string> { "import", "clickhouse", "--url", "http://127.0.0.1:1", "--table", "t" };
        var i = args.IndexOf(option);
        if (i >= 0) args[i + 1] = value;
        else args.AddRange([option, value]);

        var run = CliRun.Of([.. args]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("recommit: " + message, run.Stderr, StringComparison.Ordinal);
    }

    [ClickHouseFact]
    public void Imports_a_table_into_the_canonical_csv_and_strict_writes_nothing_when_rows_are_rejected()
    {
        var server = Environment.GetEnvironmentVariable(ClickHouseFactAttribute.UrlVariable)
            ?? throw new InvalidOperationException($"{ClickHouseFactAttribute.UrlVariable} is not set: scripts/test starts the ClickHouse test server");
        var table = $"cli_{Guid.NewGuid():N}";
        Execute(server, $"CREATE TABLE {table} (ts DateTime('UTC'), model String, prompt_tokens Int64, completion_tokens Int64) ENGINE = MergeTree ORDER BY ts");
        Execute(server, $"INSERT INTO {table} VALUES ('2026-08-05 10:00:00','claude-opus-5',100,10), ('2026-08-05 12:00:00','claude-opus-5',-1,10)");
        string[] args = ["import", "clickhouse", "--url", server, "--table", table, "--map", "timestamp=ts,input=prompt_tokens,output=completion_tokens", "--out", Out];

        var run = CliRun.Of(args);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(
            "date,model,token_kind,tokens,service_tier,context_band,channel,workspace,inference_geo,speed\n" +
            "2026-08-05,claude-opus-5,uncached_input,100,standard,standard,anthropic,,global,standard\n" +
            "2026-08-05,claude-opus-5,output,10,standard,standard,anthropic,,global,standard\n",
            File.ReadAllText(Out));
        Assert.Contains($"clickhouse://{new Uri(server).Authority}/{table} (clickhouse): 2 rows read, 1 accepted, 1 rejected", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("rejected 1 row: input: '-1' is negative", run.Stderr, StringComparison.Ordinal);

        File.Delete(Out);
        var strict = CliRun.Of([.. args, "--strict"]);
        Assert.Equal(ExitCodes.BadInput, strict.ExitCode);
        Assert.Contains("--strict: 1 rows rejected", strict.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Out));
    }

    private static void Execute(string server, string sql)
    {
        using var client = new HttpClient();
        using var content = new StringContent(sql, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = client.PostAsync(server, content).GetAwaiter().GetResult();
        Assert.True(response.IsSuccessStatusCode, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
    }
}
