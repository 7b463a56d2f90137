using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Recommit.Import.AdminApi;

namespace Recommit.Import.Tests.AdminApi;

/// <summary>A fault the stub injects into the answer to one request (numbered from 1 over all requests).</summary>
public enum StubFault
{
    RateLimited,
    ServerError,
    Slow,
    TruncatedConnection,
    TruncatedJson,
    NotJson,
    MissingNextPage,
    Unauthorized,
}

/// <summary>
/// A loopback Admin API on 127.0.0.1 (HttpListener) serving the documented shapes: the messages usage report, the cost
/// report, the analytics cost rows and the analytics usage buckets, paged with has_more/next_page, with empty buckets and
/// the default workspace (null workspace_id). The analytics usage endpoint refuses (HTTP 400) what the real one does: no
/// beta header, a start before 2026-01-01, a range over 31 days, a page larger than the width allows, or a
/// workspace_id / service_tier grouping. Faults are injected on chosen request numbers. The data is a pure function of the bucket, so
/// the expected totals are computed independently of the reader (<see cref="ExpectedUsage"/>).
/// </summary>
public sealed class AdminApiStub : IDisposable
{
    public static readonly string[] Models = ["claude-sonnet-4-5", "claude-opus-4-1", "claude-haiku-4-5"];
    public static readonly string?[] Workspaces = [null, "wrkspc_01A", "wrkspc_01B"];
    public static readonly string[] Tiers = ["standard", "batch", "priority_on_demand"];

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    public AdminApiStub(string expectedKey)
    {
        ExpectedKey = expectedKey;
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            try
            {
                _listener.Prefixes.Clear();
                _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                _listener.Start();
                BaseUrl = new Uri($"http://127.0.0.1:{port}/");
                break;
            }
            catch (HttpListenerException) when (attempt < 5) { }
        }
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseUrl { get; private set; } = null!;
    public string ExpectedKey { get; }
    public ConcurrentDictionary<int, StubFault> Faults { get; } = new();
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(2);
    public ConcurrentQueue<(string Path, string Query, string? Key, string? Version, string? Beta)> Requests { get; } = new();

    /// <summary>About one bucket in this many has no usage (served as <c>results: []</c>).</summary>
    public const int EmptyEvery = 11;

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            _ = Task.Run(() => HandleAsync(ctx));
        }
    }

    private async Task HandleAsync(HttpListenerContext ctx)
    {
        var n = Interlocked.Increment(ref _requests);
        var req = ctx.Request;
        var res = ctx.Response;
        Requests.Enqueue((req.Url!.AbsolutePath, req.Url.Query, req.Headers["x-api-key"], req.Headers["anthropic-version"], req.Headers["anthropic-beta"]));
        try
        {
            Faults.TryGetValue(n, out var fault);
            var hasFault = Faults.ContainsKey(n);
            if (req.Headers["x-api-key"] != ExpectedKey || (hasFault && fault == StubFault.Unauthorized))
            {
                // Like some gateways, echo what was sent: the client must redact it.
                await Write(res, 401, $"{{\"type\":\"error\",\"error\":{{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key {req.Headers["x-api-key"]}\"}}}}");
                return;
            }
            if (hasFault)
            {
                switch (fault)
                {
                    case StubFault.RateLimited:
                        res.Headers["retry-after"] = "1";
                        await Write(res, 429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}");
                        return;
                    case StubFault.ServerError:
                        await Write(res, 500, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"internal\"}}");
                        return;
                    case StubFault.Slow:
                        await Task.Delay(SlowDelay);
                        break;
                }
            }
            if (req.Url.AbsolutePath.EndsWith("/analytics/usage", StringComparison.Ordinal) && AnalyticsUsageRefusal(req) is { } refusal)
            {
                await Write(res, 400, $"{{\"type\":\"error\",\"error\":{{\"type\":\"invalid_request_error\",\"message\":\"{refusal}\"}}}}");
                return;
            }
            var body = Answer(req.Url.AbsolutePath, req.QueryString, hasFault && fault == StubFault.MissingNextPage);
            if (body is null) { await Write(res, 404, "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\"}}"); return; }
            var bytes = Encoding.UTF8.GetBytes(body);
            if (hasFault && fault == StubFault.TruncatedConnection)
            {
                res.StatusCode = 200;
                res.ContentType = "application/json";
                res.ContentLength64 = bytes.Length;
                await res.OutputStream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                await res.OutputStream.FlushAsync();
                res.Abort();
                return;
            }
            if (hasFault && fault == StubFault.TruncatedJson) { await Write(res, 200, body[..(body.Length / 2)]); return; }
            if (hasFault && fault == StubFault.NotJson) { await Write(res, 200, "<html><body>502 Bad Gateway</body></html>"); return; }
            await Write(res, 200, body);
        }
        catch (Exception)
        {
            try { res.Abort(); } catch (Exception) { }
        }
    }

    private static async Task Write(HttpListenerResponse res, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        res.StatusCode = status;
        res.ContentType = "application/json";
        res.ContentLength64 = bytes.Length;
        await res.OutputStream.WriteAsync(bytes);
        res.Close();
    }

    private static string? Answer(string path, System.Collections.Specialized.NameValueCollection q, bool dropNextPage)
    {
        var from = DateTimeOffset.Parse(q["starting_at"]!, CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse(q["ending_at"]!, CultureInfo.InvariantCulture);
        var width = q["bucket_width"] ?? q["time_bucket_width"] ?? "1d";
        var step = width switch { "1h" => TimeSpan.FromHours(1), "1m" => TimeSpan.FromMinutes(1), _ => TimeSpan.FromDays(1) };
        var limit = int.TryParse(q["limit"], out var l) ? l : 7;
        var offset = q["page"] is { } p ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(p["page_".Length..])), CultureInfo.InvariantCulture) : 0;
        var total = (int)((to - from).Ticks / step.Ticks);
        var data = new JsonArray();
        JsonNode? next = null;
        var hasMore = false;
        if (path.EndsWith("/analytics/cost", StringComparison.Ordinal))
        {
            // Flat analytics rows, one per day × model, not paged.
            for (var i = 0; i < total; i++)
            {
                var s = from + step * i;
                foreach (var m in Models)
                    data.Add(new JsonObject
                    {
                        ["starting_at"] = Rfc(s),
                        ["ending_at"] = Rfc(s + step),
                        ["group"] = new JsonObject { ["model"] = m, ["workspace_id"] = null },
                        ["cost"] = new JsonObject { ["amount"] = "8000.5", ["list_amount"] = "10000.625", ["currency"] = "USD", ["requests"] = 12 },
                    });
            }
        }
        else
        {
            var end = Math.Min(total, offset + limit);
            for (var i = offset; i < end; i++)
            {
                var s = from + step * i;
                var results = new JsonArray();
                if (path.EndsWith("/usage_report/messages", StringComparison.Ordinal)) foreach (var r in UsageResults(s)) results.Add(r);
                else if (path.EndsWith("/cost_report", StringComparison.Ordinal)) foreach (var r in CostResults(s)) results.Add(r);
                else if (path.EndsWith("/analytics/usage", StringComparison.Ordinal)) foreach (var r in AnalyticsUsageResults(s)) results.Add(r);
                else return null;
                data.Add(new JsonObject { ["ending_at"] = Rfc(s + step), ["results"] = results, ["starting_at"] = Rfc(s) });
            }
            hasMore = end < total;
            if (hasMore) next = "page_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(end.ToString(CultureInfo.InvariantCulture)));
        }
        var root = new JsonObject { ["data"] = data, ["has_more"] = hasMore };
        if (!dropNextPage) root["next_page"] = next;
        return root.ToJsonString();
    }

    private static string Rfc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The token counts of one result, a pure function of the bucket start and the result's dimensions.</summary>
    public static (long Uncached, long W5m, long W1h, long Read, long Output, long Web) Counts(DateTimeOffset bucket, int model, int workspace, int tier)
    {
        var h = (bucket.UtcTicks / TimeSpan.TicksPerMinute) % 9973 + model * 131 + workspace * 17 + tier * 3;
        return (1000 + h, 10 * (h % 7), 5 * (h % 3), 300 + h % 101, 200 + h % 53, h % 4);
    }

    private static bool Empty(DateTimeOffset bucket)
    {
        var m = bucket.UtcTicks / TimeSpan.TicksPerMinute;
        return (m / 60 * 3 + m / 1440 + m) % EmptyEvery == 0;
    }

    private static IEnumerable<JsonObject> UsageResults(DateTimeOffset s)
    {
        if (Empty(s)) yield break;
        for (var m = 0; m < Models.Length; m++)
            for (var w = 0; w < Workspaces.Length; w++)
                for (var t = 0; t < Tiers.Length; t++)
                {
                    var c = Counts(s, m, w, t);
                    yield return new JsonObject
                    {
                        ["account_id"] = null,
                        ["api_key_id"] = null,
                        ["cache_creation"] = new JsonObject { ["ephemeral_1h_input_tokens"] = c.W1h, ["ephemeral_5m_input_tokens"] = c.W5m },
                        ["cache_read_input_tokens"] = c.Read,
                        ["context_window"] = "0-200k",
                        ["inference_geo"] = "not_available",
                        ["model"] = Models[m],
                        ["output_tokens"] = c.Output,
                        ["server_tool_use"] = new JsonObject { ["web_search_requests"] = c.Web },
                        ["service_account_id"] = null,
                        ["service_tier"] = Tiers[t],
                        ["uncached_input_tokens"] = c.Uncached,
                        ["workspace_id"] = Workspaces[w],
                    };
                }
    }

    /// <summary>The context windows the analytics usage results are split by (the tier argument of <see cref="Counts"/>).</summary>
    public static readonly string[] ContextWindows = ["0-200k", "200k-1M"];

    private static string? AnalyticsUsageRefusal(HttpListenerRequest req)
    {
        var q = req.QueryString;
        if (req.Headers["anthropic-beta"] != "analytics-usage-cost-2026-08-24") return "the anthropic-beta header analytics-usage-cost-2026-08-24 is required";
        var from = DateTimeOffset.Parse(q["starting_at"]!, CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse(q["ending_at"]!, CultureInfo.InvariantCulture);
        if (from < new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) return "starting_at must not be before 2026-01-01T00:00:00Z";
        if (to - from > TimeSpan.FromDays(31)) return "the range may span at most 31 days";
        var max = q["bucket_width"] switch { "1d" => 31, "1h" => 168, "1m" => 256, _ => 0 };
        if (max == 0 || !int.TryParse(q["limit"], out var limit) || limit < 1 || limit > max) return "limit is out of range for bucket_width";
        var groups = q.GetValues("group_by[]") ?? [];
        if (groups.Any(g => g is "workspace_id" or "service_tier")) return "group_by[] has an unknown dimension";
        return null;
    }

    /// <summary>Analytics usage rows of one bucket: model × context window, flat, plus a code-execution row with no model.</summary>
    private static IEnumerable<JsonObject> AnalyticsUsageResults(DateTimeOffset s)
    {
        if (Empty(s)) yield break;
        for (var m = 0; m < Models.Length; m++)
            for (var w = 0; w < ContextWindows.Length; w++)
            {
                var c = Counts(s, m, 0, w);
                yield return AnalyticsRow(Models[m], ContextWindows[w], 7, c);
            }
        yield return AnalyticsRow(null, null, 3, default);
    }

    private static JsonObject AnalyticsRow(string? model, string? window, int requests, (long Uncached, long W5m, long W1h, long Read, long Output, long Web) c) => new()
    {
        ["cache_creation"] = new JsonObject { ["ephemeral_1h_input_tokens"] = c.W1h, ["ephemeral_5m_input_tokens"] = c.W5m },
        ["cache_read_input_tokens"] = c.Read,
        ["claude_tag_category"] = null,
        ["claude_tag_user_id"] = null,
        ["context_window"] = window,
        ["inference_geo"] = model is null ? null : "global",
        ["model"] = model,
        ["output_tokens"] = c.Output,
        ["product"] = null,
        ["rbac_group_id"] = null,
        ["requests"] = requests,
        ["server_tool_use"] = new JsonObject { ["web_search_requests"] = c.Web },
        ["slack_channel_id"] = null,
        ["speed"] = model is null ? null : "standard",
        ["uncached_input_tokens"] = c.Uncached,
    };

    /// <summary>The totals a correct import of analytics usage over [from, to) must find, per kind, and its bucket count with usage.</summary>
    public static (long[] Sums, int Buckets) ExpectedAnalyticsUsage(DateTimeOffset from, DateTimeOffset to, TimeSpan step)
    {
        var sums = new long[6];
        var buckets = 0;
        for (var s = from; s < to; s += step)
        {
            if (Empty(s)) continue;
            buckets++;
            for (var m = 0; m < Models.Length; m++)
                for (var w = 0; w < ContextWindows.Length; w++)
                {
                    var c = Counts(s, m, 0, w);
                    sums[0] += c.Uncached; sums[1] += c.W5m; sums[2] += c.W1h; sums[3] += c.Read; sums[4] += c.Output; sums[5] += c.Web;
                }
        }
        return (sums, buckets);
    }

    private static IEnumerable<JsonObject> CostResults(DateTimeOffset s)
    {
        foreach (var m in Models)
            yield return new JsonObject
            {
                ["amount"] = "12345.678",
                ["context_window"] = "0-200k",
                ["cost_type"] = "tokens",
                ["currency"] = "USD",
                ["description"] = "Usage - Output Tokens",
                ["inference_geo"] = "global",
                ["model"] = m,
                ["service_tier"] = "standard",
                ["token_type"] = "output_tokens",
                ["workspace_id"] = null,
            };
    }

    /// <summary>The totals a correct import of [from, to) must find, per kind (uncached, 5m, 1h, read, output, web).</summary>
    public static long[] ExpectedUsage(DateTimeOffset from, DateTimeOffset to, TimeSpan step)
    {
        var sums = new long[6];
        for (var s = from; s < to; s += step)
        {
            if (Empty(s)) continue;
            for (var m = 0; m < Models.Length; m++)
                for (var w = 0; w < Workspaces.Length; w++)
                    for (var t = 0; t < Tiers.Length; t++)
                    {
                        var c = Counts(s, m, w, t);
                        sums[0] += c.Uncached; sums[1] += c.W5m; sums[2] += c.W1h; sums[3] += c.Read; sums[4] += c.Output; sums[5] += c.Web;
                    }
        }
        return sums;
    }

    /// <summary>A client of this stub with quick retries (1 ms backoff, 20 ms cap) that logs into <paramref name="log"/>.</summary>
    public AnthropicAdminClient Client(string key, int attempts, TimeSpan attemptTimeout, Action<string> log) => new(AdminKey.Of(key), new AdminApiOptions
    {
        BaseUrl = BaseUrl,
        MaxAttempts = attempts,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        AttemptTimeout = attemptTimeout,
        Log = log,
    });

    public int RequestCount => Volatile.Read(ref _requests);

    public void Dispose()
    {
        _stop.Cancel();
        try { _listener.Stop(); _listener.Close(); } catch (Exception) { }
        try { _loop.Wait(TimeSpan.FromSeconds(2)); } catch (Exception) { }
        _stop.Dispose();
    }
}
