namespace Recommit.Cli.Tests;

/// <summary>
/// The input edge (issue 16, issue 15 items 4 and 5): wrong option values and wrong files give exit 2 and one sentence
/// that names the real problem; values the importers accept never crash a later verb.
/// </summary>
public sealed class InputEdgeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-edge-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Demo(string file) => Repository.PathOf("data", "demo", "contoso", file);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string[] Analyze(params string[] extra) =>
        ["analyze", "--usage", Demo("usage.csv"), "--contract", Demo("contract.json"), "--paths", "100", "--json", .. extra];

    private static void AssertBadInput(CliRun run, string expected)
    {
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected failure", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_threshold_written_as_a_whole_percent_is_refused_and_its_percent_form_accepted()
    {
        AssertBadInput(CliRun.Of(Analyze("--threshold", "5")), "write 5% or 0.05");

        var percent = CliRun.Of(Analyze("--threshold", "5%"));
        Assert.True(percent.ExitCode == 0, percent.Stderr);
        Assert.Contains("\"threshold\": 0.05", percent.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN", "is not a number")]
    [InlineData("Infinity", "is not a number")]
    [InlineData("-0.1", "strictly between 0 and 1")]
    [InlineData("0", "strictly between 0 and 1")]
    [InlineData("100%", "strictly between 0 and 1")]
    public void Thresholds_outside_zero_to_one_are_refused(string value, string expected) =>
        AssertBadInput(CliRun.Of(Analyze("--threshold", value)), expected);

    [Theory]
    [InlineData("100000000")]
    [InlineData("0")]
    [InlineData("-5")]
    public void Path_counts_outside_the_bounds_are_refused(string paths) =>
        AssertBadInput(CliRun.Of(["analyze", "--usage", Demo("usage.csv"), "--contract", Demo("contract.json"), "--paths", paths]), "--paths:");

    [Theory]
    [InlineData("2030-01-01", "more than 92 days after the last usage day")]
    [InlineData("2020-01-01", "no usage before it")]
    public void An_as_of_date_far_outside_the_usage_is_refused(string asOf, string expected) =>
        AssertBadInput(CliRun.Of(Analyze("--as-of", asOf)), expected);

    [Theory]
    [InlineData("2028-01-01", "after all the usage")]
    [InlineData("2023-04-01", "before the usage starts")]
    public void A_contract_that_misses_the_usage_entirely_is_refused(string start, string expected)
    {
        var contract = Write("contract.json",
            $"{{\"name\":\"Early\",\"start\":\"{start}\",\"periods\":[{{\"months\":12,\"commitment\":100000}}],\"committedDiscount\":0.2,\"overageDiscount\":0,\"carryover\":{{\"fraction\":0,\"cap\":0}},\"billing\":\"arrears\",\"priceProtection\":false}}");

        AssertBadInput(CliRun.Of(["analyze", "--usage", Demo("usage.csv"), "--contract", contract, "--paths", "100"]), expected);
        AssertBadInput(CliRun.Of(["ledger", "--usage", Demo("usage.csv"), "--contract", contract]), expected);
    }

    [Theory]
    [InlineData("--from", "2020-01-01")]
    [InlineData("--from", "2099-01-01")]
    [InlineData("--to", "9999-12-31")]
    public void An_admin_api_range_outside_the_days_usage_can_have_is_refused_before_any_request(string option, string day)
    {
        string[] args = option == "--from"
            ? ["import", "anthropic", "--from", day, "--out", Path.Combine(_dir, "api.csv"), "--base-url", "http://127.0.0.1:9/"]
            : ["import", "anthropic", "--from", "2026-01-01", "--to", day, "--out", Path.Combine(_dir, "api.csv"), "--base-url", "http://127.0.0.1:9/"];
        AssertBadInput(CliRun.Of(args), $"{option} {day}");
        Assert.Contains("outside the days Claude API usage can have", CliRun.Of(args).Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_dated_before_its_model_was_released_is_flagged()
    {
        var usage = Write("early.csv", "date,model,token_kind,tokens\n2026-01-05,claude-opus-5,output,1000\n2026-08-05,claude-opus-5,output,1000\n");

        var run = CliRun.Of("price", "--usage", usage);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("1,000 tokens of claude-opus-5 are dated from 2026-01-05, before the model's release on 2026-07-24", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--contract")]
    [InlineData("--levers")]
    [InlineData("--prices")]
    public void A_configuration_file_that_never_ends_is_refused_after_its_size_cap(string option)
    {
        string[] args = option == "--contract"
            ? ["analyze", "--usage", Demo("usage.csv"), "--contract", "/dev/zero"]
            : ["analyze", "--usage", Demo("usage.csv"), "--contract", Demo("contract.json"), option, "/dev/zero"];
        AssertBadInput(CliRun.Of(args), $"{option} /dev/zero: the file is larger than");
    }

    [Fact]
    public void A_folder_given_as_a_file_is_named_as_a_folder_by_every_verb()
    {
        AssertBadInput(CliRun.Of("import", _dir), $"{_dir}: is a folder, not a file");
        AssertBadInput(CliRun.Of("price", "--usage", _dir), $"{_dir}: is a folder, not a file");
        AssertBadInput(CliRun.Of("ledger", "--usage", _dir, "--contract", Demo("contract.json")), $"{_dir}: is a folder, not a file");
        AssertBadInput(CliRun.Of("analyze", "--usage", Demo("usage.csv"), "--contract", _dir), $"--contract {_dir}: is a folder, not a file");
        AssertBadInput(CliRun.Of("forecast", "--input", _dir, "--horizon", "3"), $"--input {_dir}: is a folder, not a file");
    }

    [Fact]
    public void A_missing_file_has_one_wording_across_verbs()
    {
        var missing = Path.Combine(_dir, "missing.csv");
        foreach (var args in new[]
        {
            new[] { "import", missing },
            ["price", "--usage", missing],
            ["ledger", "--usage", missing, "--contract", Demo("contract.json")],
            ["ledger", "--spend", missing, "--contract", Demo("contract.json")],
            ["analyze", "--usage", missing, "--contract", Demo("contract.json")],
            ["analyze", "--usage", Demo("usage.csv"), "--contract", missing],
            ["forecast", "--input", missing, "--horizon", "3"],
        })
            AssertBadInput(CliRun.Of(args), $"{missing}: file not found");
    }

    [Fact]
    public void A_device_or_pipe_given_as_a_usage_file_is_refused_with_what_it_is()
    {
        AssertBadInput(CliRun.Of("import", "/dev/zero"), "/dev/zero: the file is mostly NUL bytes");
        // Saved pages are streamed: the first NUL byte is refused where it stands, nothing of the device is held.
        AssertBadInput(CliRun.Of("import", "/dev/zero", "--format", "usage-report"), "/dev/zero:1: malformed JSON");
    }

    [Theory]
    [InlineData("date,model,token_kind,tokens\n")]
    [InlineData("timestamp,model,input_tokens,output_tokens\n")]
    [InlineData("month,model,list_usd\n")]
    public void A_file_with_only_a_header_is_no_data_rows(string header) =>
        AssertBadInput(CliRun.Of("import", Write("header.csv", header)), "no data rows");

    [Fact]
    public void A_utf16_file_is_refused_with_save_as_utf8_and_a_utf8_bom_is_read()
    {
        const string text = "date,model,token_kind,tokens\n2026-08-05,claude-opus-5,output,5\n";
        var utf16 = Path.Combine(_dir, "utf16.csv");
        File.WriteAllText(utf16, text, System.Text.Encoding.Unicode);
        AssertBadInput(CliRun.Of("import", utf16), "the file is UTF-16; save it as UTF-8");

        var bom = Path.Combine(_dir, "bom.csv");
        File.WriteAllText(bom, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var run = CliRun.Of("import", bom);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("1 rows read, 1 accepted", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_that_is_not_utf8_is_reported_at_its_own_line()
    {
        var path = Path.Combine(_dir, "latin1.csv");
        var lines = string.Concat(Enumerable.Range(0, 40).Select(i => $"2026-08-{1 + i % 28:00},claude-opus-5,output,{i}\n"));
        File.WriteAllBytes(path, [.. System.Text.Encoding.ASCII.GetBytes("date,model,token_kind,tokens\n" + lines), .. "2026-08-05,caf"u8, 0xE9, .. ",output,5\n"u8]);

        AssertBadInput(CliRun.Of("import", path), $"{path}:42: a byte that is not UTF-8");
    }

    [Theory]
    [InlineData("date,model,token_kind\n2026-08-05,claude-opus-5,output\n", "looks like the usage format but lacks the required column(s) 'tokens'")]
    [InlineData("month,model\n2026-08,opus\n", "looks like the spend format but lacks the required column(s) 'list_usd'")]
    public void A_recognisable_file_missing_a_required_column_names_the_column(string text, string expected) =>
        AssertBadInput(CliRun.Of("import", Write("missing-column.csv", text)), expected);

    [Fact]
    public void Analyze_out_on_an_existing_file_is_refused_with_a_sentence()
    {
        var file = Write("not-a-folder", "keep");
        AssertBadInput(CliRun.Of(Analyze("--out", file)), "is a file; give a folder for the report files");
        Assert.Equal("keep", File.ReadAllText(file));
    }

    [Fact]
    public void Dates_no_claude_usage_can_have_are_rejected_as_rows_and_later_verbs_do_not_crash()
    {
        var usage = Write("dates.csv", "date,model,token_kind,tokens\n0001-01-01,claude-opus-5,output,5\n2026-08-05,claude-opus-5,output,5\n9999-12-31,claude-opus-5,output,5\n");

        var import = CliRun.Of("import", usage);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("3 rows read, 1 accepted, 2 rejected", import.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{usage}:2: date: 0001-01-01 is outside the accepted dates 2023-03-14..", import.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{usage}:4: date: 9999-12-31 is outside the accepted dates", import.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Of("price", "--usage", usage).ExitCode);
        Assert.Equal(0, CliRun.Of("ledger", "--usage", usage, "--contract", Demo("contract.json")).ExitCode);
    }

    [Fact]
    public void Token_counts_that_would_overflow_later_sums_are_rejected_as_rows()
    {
        var usage = Write("huge.csv", "date,model,token_kind,tokens\n2026-08-05,claude-opus-5,output,5000000000000000000\n2026-08-06,claude-opus-5,output,5000000000000000000\n2026-08-07,claude-opus-5,output,5\n");

        var price = CliRun.Of("price", "--usage", usage);
        Assert.True(price.ExitCode == 0, price.Stderr);
        Assert.Contains("3 rows read, 1 accepted, 2 rejected", price.Stderr, StringComparison.Ordinal);
        Assert.Contains("is too large (at most 1,000,000,000,000,000 in one row)", price.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Of("ledger", "--usage", usage, "--contract", Demo("contract.json")).ExitCode);
    }

    [Theory]
    [InlineData("9223372036854775807")]
    [InlineData("79228162514264337593543950335")]
    public void Extreme_list_dollars_are_rejected_as_rows_and_the_ledger_runs(string amount)
    {
        var spend = Write("spend.csv", $"month,model,list_usd\n2026-01,opus,{amount}\n2026-02,opus,1000\n");

        var run = CliRun.Of("ledger", "--spend", spend, "--contract", Demo("contract.json"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("list_usd:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_in_names_are_shown_escaped_never_sent_to_the_terminal()
    {
        var usage = Write("esc.csv", "date,model,token_kind,tokens\n2026-08-05,claude-\u001b]0;pwned\u0007\u001b[2J,output,5\nnot-a-date\u001b[31m,claude-opus-5,output,5\n");

        var run = CliRun.Of("import", usage);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Stderr + run.Stdout);
        Assert.DoesNotContain('\u0007', run.Stderr + run.Stdout);
        Assert.Contains("\\u001B", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_that_a_spreadsheet_would_run_as_formulas_are_neutralised_and_reimport_unchanged()
    {
        var usage = Write("formula.csv", "date,model,token_kind,tokens,workspace\n2026-08-05,claude-opus-5,output,5,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n2026-08-05,claude-opus-5,output,7,@SUM(A1)\n2026-08-05,claude-opus-5,output,9,-team\n");
        var exported = Path.Combine(_dir, "exported.csv");

        Assert.Equal(0, CliRun.Of("import", usage, "--out", exported).ExitCode);
        var text = File.ReadAllText(exported);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",", text, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(A1),", text, StringComparison.Ordinal);
        Assert.Contains(",'-team,", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", text, StringComparison.Ordinal);

        var again = Path.Combine(_dir, "again.csv");
        Assert.Equal(0, CliRun.Of("import", exported, "--out", again).ExitCode);
        Assert.Equal(text, File.ReadAllText(again));
    }

    [Fact]
    public void Forecast_series_ids_that_a_spreadsheet_would_run_are_neutralised_and_negative_numbers_kept()
    {
        var input = Write("series.csv", "series_id,period,value\n" + string.Concat(Enumerable.Range(1, 12).Select(i => $"=cmd|' /C calc'!A0,{i},{100 + i}\n")));
        var output = Path.Combine(_dir, "forecast.csv");

        Assert.Equal(0, CliRun.Of("forecast", "--input", input, "--horizon", "2", "--out", output).ExitCode);

        var lines = File.ReadAllLines(output);
        Assert.StartsWith("'=cmd|' /C calc'!A0,1,", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith('='));
    }

    [Fact]
    public void Import_out_never_writes_through_a_link_at_the_old_temporary_name_or_at_the_target()
    {
        var victim = Write("victim.txt", "precious");
        var output = Path.Combine(_dir, "res.csv");
        File.CreateSymbolicLink(output + ".tmp", victim);

        Assert.Equal(0, CliRun.Of("import", Demo("usage.csv"), "--out", output).ExitCode);
        Assert.Equal("precious", File.ReadAllText(victim));
        Assert.StartsWith("date,model,token_kind,tokens", File.ReadAllText(output), StringComparison.Ordinal);

        // A link at the target itself is replaced by the new file, not written through.
        var linked = Path.Combine(_dir, "linked.csv");
        File.CreateSymbolicLink(linked, victim);
        Assert.Equal(0, CliRun.Of("import", Demo("usage.csv"), "--out", linked).ExitCode);
        Assert.Equal("precious", File.ReadAllText(victim));
        Assert.Null(new FileInfo(linked).LinkTarget);
        Assert.DoesNotContain(Directory.GetFiles(_dir, "*.tmp"), f => new FileInfo(f).LinkTarget is null);
    }

    [Fact]
    public void Analyze_out_that_fails_partway_leaves_the_previous_report_set_untouched()
    {
        var outDir = Path.Combine(_dir, "report");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "analysis.json"), "old json");
        File.WriteAllText(Path.Combine(outDir, "burn-down.svg"), "old svg");
        // A folder where report.md belongs: the move of that one file fails after others could have been moved.
        Directory.CreateDirectory(Path.Combine(outDir, "report.md"));

        var run = CliRun.Of(["analyze", "--usage", Demo("usage.csv"), "--contract", Demo("contract.json"), "--paths", "100", "--out", outDir]);

        AssertBadInput(run, $"--out {outDir}: cannot write the files");
        Assert.Contains("the files already there are untouched", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("old json", File.ReadAllText(Path.Combine(outDir, "analysis.json")));
        Assert.Equal("old svg", File.ReadAllText(Path.Combine(outDir, "burn-down.svg")));
        Assert.False(File.Exists(Path.Combine(outDir, "report.html")));
        Assert.Empty(Directory.GetDirectories(outDir, ".recommit-staging-*"));
    }

    [Fact]
    public void Analyze_out_replaces_the_whole_report_set_and_leaves_no_staging_folder()
    {
        var outDir = Path.Combine(_dir, "fresh");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "analysis.json"), "old json");
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "the user's own file");

        var run = CliRun.Of(["analyze", "--usage", Demo("usage.csv"), "--contract", Demo("contract.json"), "--paths", "100", "--out", outDir]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("{", File.ReadAllText(Path.Combine(outDir, "analysis.json")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "report.html")));
        Assert.Equal("the user's own file", File.ReadAllText(Path.Combine(outDir, "notes.txt")));
        Assert.Empty(Directory.GetDirectories(outDir, ".recommit-staging-*"));
    }
}
