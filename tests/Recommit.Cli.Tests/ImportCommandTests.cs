using System.Text.Json;

namespace Recommit.Cli.Tests;

public class ImportCommandTests
{
    private const string ConsoleUsage =
        "usage_date_utc,model_version,api_key,workspace,usage_type,context_window,usage_input_tokens_no_cache,usage_input_tokens_cache_write_5m,usage_input_tokens_cache_write_1h,usage_input_tokens_cache_read,usage_output_tokens,web_search_count,inference_geo,speed\n" +
        "2026-08-05,claude-opus-5,Closer App,Default,standard,≤ 200k,46981,15969,0,0,16932,0,global,\n" +
        "2026-08-06,claude-opus-5,Closer App,Default,standard,≤ 200k,-1,0,0,0,5,0,global,\n";

    private const string Gateway =
        "ts,llm,prompt,completion\n2026-08-05T10:00:00Z,claude-opus-5,10,20\n2026-08-05T23:00:00-05:00,claude-opus-5,1,2\n";

    private static string Temp(string text, string extension = ".csv")
    {
        var dir = Path.Combine(Path.GetTempPath(), "recommit-cli-import-tests");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = RecommitCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Import_detects_the_console_export_and_writes_the_canonical_csv_with_a_summary()
    {
        var file = Temp(ConsoleUsage);
        var output = Temp("");
        var (code, _, err) = Run("import", file, "--out", output);
        Assert.Equal(0, code);
        Assert.Contains("(console-usage): 2 rows read, 1 accepted, 1 rejected", err, StringComparison.Ordinal);
        Assert.Contains($"{file}:3: usage_input_tokens_no_cache", err, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output);
        Assert.Equal("date,model,token_kind,tokens,service_tier,context_band,channel,workspace,inference_geo,speed", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("2026-08-05,claude-opus-5,output,16932,", StringComparison.Ordinal));
    }

    [Fact]
    public void Strict_mode_turns_a_rejected_row_into_exit_2_and_writes_nothing()
    {
        var output = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");
        var (code, _, err) = Run("import", Temp(ConsoleUsage), "--strict", "--out", output);
        Assert.Equal(2, code);
        Assert.Contains("--strict", err, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void An_output_that_cannot_be_written_is_refused_and_leaves_nothing_behind()
    {
        // The target is a folder holding a file: the write must fail with a message, and the folder stay as it was.
        var folder = Directory.CreateTempSubdirectory("recommit-cli-out-").FullName;
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "kept");
        var (code, _, err) = Run("import", Temp(ConsoleUsage), "--out", folder);

        Assert.Equal(2, code);
        Assert.Contains("is a folder; give a file name", err, StringComparison.Ordinal);
        Assert.Equal("kept", File.ReadAllText(Path.Combine(folder, "keep.txt")));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(folder)!, $".{Path.GetFileName(folder)}.*.tmp"));
    }

    [Fact]
    public void Json_summary_lists_each_file_with_its_reconciliation()
    {
        var (code, stdout, _) = Run("import", Temp(ConsoleUsage), "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var file = doc.RootElement.GetProperty("files")[0];
        Assert.Equal("console-usage", file.GetProperty("format").GetString());
        Assert.Equal(2, file.GetProperty("rowsRead").GetInt64());
        Assert.Equal(1, file.GetProperty("accepted").GetInt64());
        Assert.Equal(1, file.GetProperty("rejected").GetInt64());
        Assert.Equal(3, file.GetProperty("rejections")[0].GetProperty("line").GetInt64());
    }

    [Fact]
    public void The_same_export_given_twice_merges_without_double_counting()
    {
        var file = Temp(ConsoleUsage);
        var output = Temp("");
        var (code, _, err) = Run("import", file, file, "--out", output);
        Assert.Equal(0, code);
        Assert.Contains("held by more than one file", err, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(output), l => l.StartsWith("2026-08-05,claude-opus-5,output,16932,", StringComparison.Ordinal));
    }

    [Fact]
    public void Gateway_log_with_other_column_names_imports_through_map()
    {
        var output = Temp("");
        var (code, _, err) = Run("import", Temp(Gateway), "--map", "timestamp=ts,model=llm,input=prompt,output=completion", "--out", output);
        Assert.Equal(0, code);
        Assert.Contains("(gateway): 2 rows read, 2 accepted, 0 rejected", err, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output);
        Assert.Contains(lines, l => l.StartsWith("2026-08-05,claude-opus-5,uncached_input,10,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2026-08-06,claude-opus-5,uncached_input,1,", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_format_name_and_unrecognised_content_exit_2_with_a_message()
    {
        var (code, _, err) = Run("import", Temp(ConsoleUsage), "--format", "excel");
        Assert.Equal(2, code);
        Assert.Contains("unknown format 'excel'", err, StringComparison.Ordinal);
        (code, _, err) = Run("import", Temp("a,b\n1,2\n"));
        Assert.Equal(2, code);
        Assert.Contains("cannot tell the format", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_exits_2_naming_it()
    {
        var (code, _, err) = Run("import", "/no/such/file.csv");
        Assert.Equal(2, code);
        Assert.Contains("/no/such/file.csv", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Console_cost_export_is_written_as_spend_only()
    {
        var cost = "usage_date_utc,model,workspace,api_key,usage_type,context_window,token_type,cost_usd,list_price_usd,cost_type,inference_geo,speed,api_key_id,api_key_status\n" +
                   "2026-08-05,Claude Sonnet 4.5,Default,demo-key,message,≤ 200k,input_cache_read,0.10,1.00,token,not_available,,apikey_01AAA,archived\n";
        var (code, stdout, err) = Run("import", Temp(cost));
        Assert.Equal(0, code);
        Assert.StartsWith("month,model,list_usd\n2026-08,", stdout, StringComparison.Ordinal);
        Assert.Contains("spend only", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_anthropic_routes_to_its_own_command()
    {
        var (_, _, err) = Run("import", "anthropic");
        Assert.DoesNotContain("cannot tell the format", err, StringComparison.Ordinal);
        Assert.DoesNotContain("no such file", err, StringComparison.Ordinal);
    }
}
