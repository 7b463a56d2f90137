using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Recommit.Cli.Commands;

namespace Recommit.Cli.Tests;

public sealed class ImportAnthropicCommandTests : IDisposable
{
    private const string Key = "sk-ant-admin01-CLITESTKEY-0123456789abcdefghijklmnopqrstuv";
    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-cli-anthropic-").FullName;
    private readonly UsageStub _stub = new(Key);

    private string Out => Path.Combine(_dir, "usage.csv");

    /// <summary>Runs <c>anthropic</c> as <c>RecommitCli.Run</c> runs a command, with its own environment.</summary>
    private static (int Code, string Stdout, string Stderr) Run(string[] args, Func<string, string?> environment)
    {
        var root = new RootCommand("test");
        root.Options.Add(CliContext.VerboseOption);
        root.Subcommands.Add(ImportAnthropicCommand.Create(environment));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) stderr.WriteLine($"recommit: {e.Message}");
            return (ExitCodes.BadInput, stdout.ToString(), stderr.ToString());
        }
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        var code = CliContext.Guard(parse, stderr, () => parse.Invoke(config));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static Func<string, string?> Env(string? key) => name => name == "ANTHROPIC_ADMIN_KEY" ? key : null;

    /// <summary>The arguments with <paramref name="option"/> set to <paramref name="value"/> (replaced, or added).</summary>
    private static string[] With(string[] args, string option, string value)
    {
        var list = args.ToList();
        var i = list.IndexOf(option);
        if (i >= 0) list[i + 1] = value;
        else list.AddRange([option, value]);
        return [.. list];
    }

    private string[] Args(params string[] extra) =>
        ["anthropic", "--from", "2026-03-01", "--to", "2026-04-09", "--base-url", _stub.BaseUrl.ToString(), "--out", Out, "--no-resolve", .. extra];

    [Fact]
    public void Pulls_usage_into_the_canonical_csv_and_prints_rows_read_accepted_rejected()
    {
        var (code, stdout, stderr) = Run(Args(), Env(Key));

        Assert.True(code == 0, stderr);
        Assert.Contains("Pulled 2 page(s)", stdout, StringComparison.Ordinal);
        Assert.Contains("Usage: 80 rows read, 80 accepted, 0 rejected", stdout, StringComparison.Ordinal);
        var lines = File.ReadAllLines(Out);
        Assert.Equal("date,model,token_kind,tokens,service_tier,context_band,channel,workspace,inference_geo,speed", lines[0]);
        var output = lines.Skip(1).Select(l => l.Split(',')).Where(f => f[2] == "output").Sum(f => long.Parse(f[3], CultureInfo.InvariantCulture));
        Assert.Equal(40 * 15, output);
        Assert.Contains("2026-03-01,claude-sonnet-4-5,output,10,standard,standard,anthropic,,global,standard", lines);
        Assert.False(File.Exists(Out + ".cursor.json"));
        Assert.All(_stub.Keys, k => Assert.Equal(Key, k));
    }

    [Fact]
    public void Json_summary_carries_the_token_totals()
    {
        var (code, stdout, stderr) = Run(Args("--json", "--save-pages", Path.Combine(_dir, "pages")), Env(Key));

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(600, doc.RootElement.GetProperty("tokens").GetProperty("output").GetInt64());
        Assert.Equal(6000, doc.RootElement.GetProperty("tokens").GetProperty("uncached_input").GetInt64());
        Assert.Equal(80, doc.RootElement.GetProperty("usage").GetProperty("accepted").GetInt64());
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_dir, "pages"), "*.json").Length);
    }

    [Fact]
    public void An_interrupted_pull_stops_with_a_clear_error_and_the_same_command_resumes_it()
    {
        // 70 days page as 31 + 31 + 8 buckets: the second page breaks the paging after the first was saved.
        string[] args = ["anthropic", "--from", "2026-03-01", "--to", "2026-05-09", "--base-url", _stub.BaseUrl.ToString(), "--out", Out, "--no-resolve"];
        _stub.DropNextPageOnRequest = 2;
        var first = Run(args, Env(Key));
        Assert.Equal(ExitCodes.BadInput, first.Code);
        Assert.Contains("has_more = true but sent no next_page", first.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Out + ".cursor.json"));

        var second = Run(args, Env(Key));
        Assert.True(second.Code == 0, second.Stderr);
        Assert.Contains("resumed an interrupted pull", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("Usage: 140 rows read, 140 accepted", second.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Out + ".cursor.json"));
    }

    [Fact]
    public void The_admin_key_from_a_key_file_never_appears_in_any_output()
    {
        var keyFile = Path.Combine(_dir, "admin.key");
        File.WriteAllText(keyFile, Key + "\n");
        _stub.RateLimitOnRequest = 1;

        var ok = Run(Args("--key-file", keyFile), Env(null));
        Assert.True(ok.Code == 0, ok.Stderr);
        Assert.Contains("HTTP 429", ok.Stderr, StringComparison.Ordinal); // the retry was logged

        const string wrong = "sk-ant-admin01-WRONG-zyxwvutsrqponmlkjihgfedcba9876543210";
        var refused = Run(Args("--verbose"), Env(wrong));
        Assert.Equal(ExitCodes.BadInput, refused.Code);
        Assert.Contains("HTTP 401", refused.Stderr, StringComparison.Ordinal);

        var everything = ok.Stdout + ok.Stderr + refused.Stdout + refused.Stderr +
            string.Concat(Directory.GetFiles(_dir, "*", SearchOption.AllDirectories).Where(f => f != keyFile).Select(File.ReadAllText));
        Assert.DoesNotContain(Key, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, everything, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_key_the_command_says_where_to_put_one()
    {
        var (code, _, stderr) = Run(Args(), Env(null));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("ANTHROPIC_ADMIN_KEY", stderr, StringComparison.Ordinal);
        Assert.Contains("--key-file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_on_the_command_line_is_not_an_option()
    {
        var (code, stdout, stderr) = Run(Args("--key", Key), Env(null));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("never taken on the command line", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, stdout + stderr, StringComparison.Ordinal);
        Assert.Empty(_stub.Keys); // nothing was sent
    }

    [Theory]
    [InlineData("--base-url", "http://example.com/", "loopback")]
    [InlineData("--group-by", "colour", "--group-by: 'colour'")]
    [InlineData("--from", "yesterday", "--from: 'yesterday'")]
    public void Bad_options_exit_2_with_a_message_naming_the_option(string option, string value, string message)
    {
        var (code, _, stderr) = Run(With(Args(), option, value), Env(Key));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Analytics_source_pulls_the_analytics_endpoint_and_says_what_it_cannot_tell()
    {
        var (code, stdout, stderr) = Run(Args("--usage-source", "analytics"), Env(Key));

        Assert.True(code == 0, stderr);
        Assert.Contains("Usage source: analytics (GET /v1/organizations/analytics/usage, beta)", stdout, StringComparison.Ordinal);
        // 40 days in two windows (31 + 9); per day one model row and one code-execution row without a model.
        Assert.Contains("Pulled 2 page(s)", stdout, StringComparison.Ordinal);
        Assert.Contains("Usage: 80 rows read, 40 accepted, 40 rejected", stdout, StringComparison.Ordinal);
        Assert.Contains("model: null or missing: code execution", stdout, StringComparison.Ordinal);
        Assert.Contains("Note: the analytics usage endpoint has no service_tier dimension", stdout, StringComparison.Ordinal);
        Assert.Contains("Note: the analytics usage endpoint has no workspace_id dimension", stdout, StringComparison.Ordinal);
        var requests = _stub.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(("/v1/organizations/analytics/usage", "analytics-usage-cost-2026-08-24"), (r.Path, r.Beta)));
        Assert.All(requests, r => Assert.Contains("group_by[]=speed", r.Query, StringComparison.Ordinal));
        var rows = File.ReadAllLines(Out).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(40 * 10, rows.Where(f => f[2] == "output").Sum(f => long.Parse(f[3], CultureInfo.InvariantCulture)));
        Assert.All(rows, f => Assert.Equal(("standard", ""), (f[4], f[7])));
    }

    [Theory]
    [InlineData("--analytics-cost")]
    [InlineData("--analytics")]
    public void Analytics_cost_in_either_spelling_asks_the_analytics_cost_endpoint(string flag)
    {
        var (code, stdout, stderr) = Run(Args(flag), Env(Key));

        Assert.True(code == 0, stderr);
        Assert.Contains(_stub.Requests, r => (r.Path, r.Beta) == ("/v1/organizations/analytics/cost", "analytics-usage-cost-2026-08-24"));
        Assert.Contains("Effective discount: 30.00 %", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_summary_names_the_usage_source_and_its_notes()
    {
        var analytics = Run(Args("--usage-source", "analytics", "--json"), Env(Key));
        Assert.True(analytics.Code == 0, analytics.Stderr);
        using var doc = JsonDocument.Parse(analytics.Stdout);
        Assert.Equal("analytics", doc.RootElement.GetProperty("usage_source").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("usage_notes").GetArrayLength());
        Assert.Equal(400, doc.RootElement.GetProperty("tokens").GetProperty("output").GetInt64());

        var messages = Run(["anthropic", "--from", "2026-03-01", "--to", "2026-04-09", "--base-url", _stub.BaseUrl.ToString(), "--out", Path.Combine(_dir, "m.csv"), "--no-resolve"], Env(Key));
        Assert.True(messages.Code == 0, messages.Stderr);
        Assert.Contains("Usage source: messages (GET /v1/organizations/usage_report/messages)", messages.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Note:", messages.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "2025-12-01", "2026-01-01")]
    [InlineData("--group-by", "workspace_id", "--group-by: 'workspace_id' is not one of claude_tag_category")]
    [InlineData("--bucket", "1w", "'1w'")]
    public void Analytics_source_refuses_what_its_endpoint_cannot_answer_before_asking(string option, string value, string message)
    {
        var (code, _, stderr) = Run(With(Args("--usage-source", "analytics"), option, value), Env(Key));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public void An_unknown_usage_source_is_refused()
    {
        var (code, _, stderr) = Run(Args("--usage-source", "console"), Env(Key));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("console", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Saved_pages_of_both_usage_sources_are_refused_together_by_import()
    {
        var messagesPages = Path.Combine(_dir, "messages-pages");
        var analyticsPages = Path.Combine(_dir, "analytics-pages");
        Assert.Equal(0, Run(Args("--save-pages", messagesPages), Env(Key)).Code);
        Assert.Equal(0, Run([.. Args("--save-pages", analyticsPages, "--usage-source", "analytics").Select(a => a == Out ? Path.Combine(_dir, "a.csv") : a)], Env(Key)).Code);

        var mixed = CliRun.Of(["import", .. Directory.GetFiles(messagesPages), .. Directory.GetFiles(analyticsPages)]);
        Assert.Equal(ExitCodes.BadInput, mixed.ExitCode);
        Assert.Contains("counted twice", mixed.Stderr, StringComparison.Ordinal);

        var alone = CliRun.Of(["import", .. Directory.GetFiles(analyticsPages), "--json", "--out", Path.Combine(_dir, "offline.csv")]);
        Assert.True(alone.ExitCode == 0, alone.Stderr);
        using var doc = JsonDocument.Parse(alone.Stdout);
        var file = Assert.Single(doc.RootElement.GetProperty("files").EnumerateArray());
        Assert.Equal("analytics-usage", file.GetProperty("format").GetString());
        Assert.Equal((80, 40, 40), (file.GetProperty("rowsRead").GetInt32(), file.GetProperty("accepted").GetInt32(), file.GetProperty("rejected").GetInt32()));
        Assert.Equal(File.ReadAllLines(Path.Combine(_dir, "a.csv")), File.ReadAllLines(Path.Combine(_dir, "offline.csv")));
    }

    public void Dispose()
    {
        _stub.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>
    /// A small loopback messages usage report: one bucket per day, two results (one in the default workspace), paged
    /// by the requested limit; optional 429 or missing next_page on one request; 401 echoing a wrong key.
    /// </summary>
    private sealed class UsageStub : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly string _key;
        private readonly Task _loop;
        private int _n;

        public UsageStub(string key)
        {
            _key = key;
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            var port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            BaseUrl = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(BaseUrl.ToString());
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext ctx;
                    try { ctx = await _listener.GetContextAsync(); }
                    catch (Exception) { return; }
                    _ = Task.Run(() => Handle(ctx));
                }
            });
        }

        public Uri BaseUrl { get; }
        public int RateLimitOnRequest { get; set; }
        public int DropNextPageOnRequest { get; set; }
        public System.Collections.Concurrent.ConcurrentBag<string?> Keys { get; } = [];
        public System.Collections.Concurrent.ConcurrentQueue<(string Path, string? Beta, string Query)> Requests { get; } = new();

        private void Handle(HttpListenerContext ctx)
        {
            var n = Interlocked.Increment(ref _n);
            var q = ctx.Request.QueryString;
            var key = ctx.Request.Headers["x-api-key"];
            Keys.Add(key);
            Requests.Enqueue((ctx.Request.Url!.AbsolutePath, ctx.Request.Headers["anthropic-beta"], Uri.UnescapeDataString(ctx.Request.Url.Query)));
            var analytics = ctx.Request.Url.AbsolutePath.EndsWith("/analytics/usage", StringComparison.Ordinal);
            string body;
            if (key != _key)
            {
                ctx.Response.StatusCode = 401;
                body = $"{{\"error\":{{\"message\":\"invalid x-api-key {key}\"}}}}";
            }
            else if (n == RateLimitOnRequest)
            {
                ctx.Response.StatusCode = 429;
                ctx.Response.Headers["retry-after"] = "1";
                body = "{\"error\":{\"type\":\"rate_limit_error\"}}";
            }
            else if (ctx.Request.Url.AbsolutePath.EndsWith("/analytics/cost", StringComparison.Ordinal))
            {
                // One page: a day's cost per day, 700 cents after a 30 % discount on 1000 at list.
                var from = DateTimeOffset.Parse(q["starting_at"]!, CultureInfo.InvariantCulture);
                var days = (int)(DateTimeOffset.Parse(q["ending_at"]!, CultureInfo.InvariantCulture) - from).TotalDays;
                var rows = Enumerable.Range(0, days).Select(i => from.AddDays(i)).Select(s =>
                    $"{{\"starting_at\":\"{s:yyyy-MM-dd}T00:00:00Z\",\"ending_at\":\"{s.AddDays(1):yyyy-MM-dd}T00:00:00Z\",\"group\":{{\"model\":\"claude-sonnet-4-5\",\"workspace_id\":null}}," +
                    "\"cost\":{\"amount\":\"700\",\"list_amount\":\"1000\",\"currency\":\"USD\"}}");
                body = $"{{\"data\":[{string.Join(',', rows)}],\"has_more\":false,\"next_page\":null}}";
            }
            else
            {
                var from = DateTimeOffset.Parse(q["starting_at"]!, CultureInfo.InvariantCulture);
                var days = (int)(DateTimeOffset.Parse(q["ending_at"]!, CultureInfo.InvariantCulture) - from).TotalDays;
                var limit = int.Parse(q["limit"]!, CultureInfo.InvariantCulture);
                var offset = q["page"] is { } p ? int.Parse(p[5..], CultureInfo.InvariantCulture) : 0;
                var end = Math.Min(days, offset + limit);
                var buckets = Enumerable.Range(offset, end - offset).Select(i =>
                {
                    var s = from.AddDays(i);
                    if (analytics)
                        return $"{{\"starting_at\":\"{s:yyyy-MM-dd}T00:00:00Z\",\"ending_at\":\"{s.AddDays(1):yyyy-MM-dd}T00:00:00Z\",\"results\":[" +
                            "{\"model\":\"claude-sonnet-4-5\",\"context_window\":\"0-200k\",\"inference_geo\":\"global\",\"speed\":\"standard\",\"product\":\"chat\",\"requests\":3,\"uncached_input_tokens\":100,\"cache_creation\":{\"ephemeral_5m_input_tokens\":0,\"ephemeral_1h_input_tokens\":0},\"cache_read_input_tokens\":0,\"output_tokens\":10,\"server_tool_use\":{\"web_search_requests\":0}}," +
                            "{\"model\":null,\"context_window\":null,\"inference_geo\":null,\"speed\":null,\"product\":null,\"requests\":2,\"uncached_input_tokens\":0,\"output_tokens\":0}]}";
                    return $"{{\"starting_at\":\"{s:yyyy-MM-dd}T00:00:00Z\",\"ending_at\":\"{s.AddDays(1):yyyy-MM-dd}T00:00:00Z\",\"results\":[" +
                        "{\"uncached_input_tokens\":100,\"cache_creation\":{\"ephemeral_5m_input_tokens\":0,\"ephemeral_1h_input_tokens\":0},\"cache_read_input_tokens\":0,\"output_tokens\":10,\"server_tool_use\":{\"web_search_requests\":0},\"model\":\"claude-sonnet-4-5\",\"workspace_id\":null,\"service_tier\":\"standard\",\"context_window\":\"0-200k\",\"inference_geo\":\"global\"}," +
                        "{\"uncached_input_tokens\":50,\"cache_creation\":null,\"cache_read_input_tokens\":7,\"output_tokens\":5,\"model\":\"claude-opus-4-1\",\"workspace_id\":\"wrkspc_A\",\"service_tier\":\"batch\",\"context_window\":\"0-200k\",\"inference_geo\":\"global\"}]}";
                });
                var more = end < days;
                var next = more && n != DropNextPageOnRequest ? $",\"next_page\":\"page_{end}\"" : "";
                body = $"{{\"data\":[{string.Join(',', buckets)}],\"has_more\":{(more ? "true" : "false")}{next}}}";
            }
            var bytes = Encoding.UTF8.GetBytes(body);
            ctx.Response.ContentType = "application/json";
            ctx.Response.ContentLength64 = bytes.Length;
            ctx.Response.OutputStream.Write(bytes);
            ctx.Response.Close();
        }

        public void Dispose()
        {
            try { _listener.Stop(); _listener.Close(); } catch (Exception) { }
            try { _loop.Wait(TimeSpan.FromSeconds(2)); } catch (Exception) { }
        }
    }
}
