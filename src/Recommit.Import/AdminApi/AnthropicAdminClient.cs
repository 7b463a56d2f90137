using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Recommit.Import.Output;

namespace Recommit.Import.AdminApi;

/// <summary>
/// Fetches pages of the Anthropic Admin API usage and cost endpoints over <see cref="HttpClient"/>, with headers
/// <c>x-api-key</c>, <c>anthropic-version: 2023-06-01</c> and the beta header where the endpoint needs one. A Polly
/// pipeline retries 429 (waiting what <c>retry-after</c> asks, capped), 5xx, timeouts, dropped connections and
/// truncated or non-JSON bodies, with exponential backoff and a bounded number of attempts and total time per page.
/// Other 4xx answers fail at once. Every message is redacted of the key.
/// </summary>
public sealed class AnthropicAdminClient : IDisposable
{
    public const string ApiVersion = "2023-06-01";

    private readonly HttpClient _http;
    private readonly AdminKey _key;
    private readonly AdminApiOptions _options;
    private readonly ResiliencePipeline<Attempt> _pipeline;

    /// <summary>The outcome of one HTTP attempt: either a page, or why it failed and whether to try again.</summary>
    private sealed record Attempt(AdminPage? Page, bool Retry, string Failure, TimeSpan? RetryAfter);

    public AnthropicAdminClient(AdminKey key, AdminApiOptions? options = null, HttpMessageHandler? handler = null)
    {
        _key = key ?? throw new ArgumentNullException(nameof(key));
        _options = options ?? new AdminApiOptions();
        // Redirects are never followed by the handler: the key header would go along to wherever the server points
        // (AttemptAsync follows a redirect only within the origin the user gave).
        _http = handler is null ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _http.BaseAddress = _options.BaseUrl;

        _pipeline = new ResiliencePipelineBuilder<Attempt>()
            .AddTimeout(_options.PageTimeout)
            .AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = Math.Max(0, _options.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = _options.BaseDelay,
                MaxDelay = _options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException h } when Unreachable(h) => false,
                    { Exception: TimeoutRejectedException or HttpRequestException or IOException } => true,
                    { Exception: OperationCanceledException } => !args.Context.CancellationToken.IsCancellationRequested,
                    { Result.Retry: true } => true,
                    _ => false,
                }),
                DelayGenerator = args =>
                {
                    var wait = args.Outcome.Result?.RetryAfter;
                    return ValueTask.FromResult<TimeSpan?>(wait is { } w ? (w < _options.MaxDelay ? w : _options.MaxDelay) : null);
                },
                OnRetry = args =>
                {
                    var why = args.Outcome.Exception is { } e ? Describe(e) : args.Outcome.Result?.Failure ?? "failed";
                    Log($"attempt {args.AttemptNumber + 1} failed ({why}); retrying in {args.RetryDelay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(_options.AttemptTimeout)
            .Build();
    }

    /// <summary>
    /// Fetches one page of <paramref name="query"/> (<paramref name="page"/> null for the first), streaming its body into
    /// a fresh temporary file beside <paramref name="saveAs"/> (<see cref="AdminPage.BodyFile"/>), which the caller
    /// moves there or deletes. Throws <see cref="AdminApiException"/> when the key is refused, the request is bad, the
    /// retries are spent, or the page says there is more but gives no <c>next_page</c>; no temporary file is then left.
    /// </summary>
    public async Task<AdminPage> GetPageAsync(AdminQuery query, string? page, string saveAs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(saveAs);
        var uri = query.RelativeUri(page);
        Attempt result;
        try
        {
            result = await _pipeline.ExecuteAsync(async ct => await AttemptAsync(query, uri, saveAs, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (Unreachable(e))
        {
            throw new AdminApiException(_key.Redact($"cannot reach the API at {Origin(_http.BaseAddress!)}: {UnreachableReason(e)} (no network, or a wrong --base-url); nothing was pulled"));
        }
        catch (Exception e) when (e is TimeoutRejectedException or HttpRequestException or IOException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new AdminApiException(_key.Redact($"{query.PathName}: gave up after retries: {Describe(e)}"));
        }
        if (result.Page is null)
            throw new AdminApiException(_key.Redact($"{query.PathName}: {result.Failure}" + (result.Retry ? $" (gave up after {_options.MaxAttempts} attempts)" : "")));
        if (result.Page.HasMore && string.IsNullOrEmpty(result.Page.NextPage))
        {
            AtomicFile.TryDelete(result.Page.BodyFile);
            throw new AdminApiException($"{query.PathName}: the server said has_more = true but sent no next_page; cannot continue paging");
        }
        return result.Page;
    }

    private async Task<Attempt> AttemptAsync(AdminQuery query, string uri, string saveAs, CancellationToken ct)
    {
        var origin = new Uri(_http.BaseAddress!, uri);
        var target = origin;
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, target);
            request.Headers.TryAddWithoutValidation("x-api-key", _key.Value);
            request.Headers.TryAddWithoutValidation("anthropic-version", ApiVersion);
            if (query.BetaHeader is { } beta) request.Headers.TryAddWithoutValidation("anthropic-beta", beta);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            if (!IsRedirect(response.StatusCode)) return await ReadAsync(response, saveAs, ct).ConfigureAwait(false);
            // The key goes only where the user sent it: a redirect is followed only to the same scheme, host and port.
            var location = response.Headers.Location;
            if (location is null) return new Attempt(null, false, $"HTTP {(int)response.StatusCode}: a redirect without a Location header", null);
            var next = location.IsAbsoluteUri ? location : new Uri(target, location);
            if (!SameOrigin(origin, next))
                throw new AdminApiException(_key.Redact($"{query.PathName}: the API at {Origin(origin)} redirected to {Origin(next)}; the Admin API key is only sent to the address " +
                    "you gave (--base-url), never across a redirect to another host or a weaker scheme, so the pull stops here"));
            if (hop >= MaxRedirects)
                return new Attempt(null, false, $"more than {MaxRedirects} redirects within {Origin(origin)}", null);
            target = next;
        }
    }

    private const int MaxRedirects = 5;

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    /// <summary>Same scheme, host and port: the only place a redirect may take the key.</summary>
    internal static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    /// <summary>scheme://host:port of an address, without path, query or user information.</summary>
    private static string Origin(Uri u) => u.IsAbsoluteUri ? $"{u.Scheme}://{u.IdnHost}:{u.Port}" : "(a relative address)";

    /// <summary>A failure no retry can mend soon: the name does not resolve, or there is no route to the network.</summary>
    private static bool Unreachable(HttpRequestException e) =>
        e.HttpRequestError == HttpRequestError.NameResolutionError ||
        e.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.NetworkUnreachable or System.Net.Sockets.SocketError.HostUnreachable or System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.TryAgain };

    private static string UnreachableReason(HttpRequestException e) =>
        e.HttpRequestError == HttpRequestError.NameResolutionError || e.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.TryAgain }
            ? "the host name does not resolve"
            : "the network is unreachable";

    /// <summary>The most of an error answer's body read, for the snippet its message quotes.</summary>
    private const int ErrorHeadBytes = 4096;

    /// <summary>How much of the body one read asks for.</summary>
    internal const int ChunkBytes = 1 << 16;

    private async Task<Attempt> ReadAsync(HttpResponseMessage response, string saveAs, CancellationToken ct)
    {
        var limit = _options.MaxPageBytes;
        if (response.Content.Headers.ContentLength is { } declared && declared > limit) return TooLarge(saveAs, limit);
        var status = (int)response.StatusCode;
        if (status >= 400)
        {
            var head = await ReadHeadAsync(response.Content, ct).ConfigureAwait(false);
            if (status == 429)
                return new Attempt(null, true, "HTTP 429 rate limited" + RetryAfterNote(response, out var wait), wait);
            if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
                return new Attempt(null, true, $"HTTP {status}: {Snippet(head)}", RetryAfter(response));
            if (status is 401 or 403)
                return new Attempt(null, false, $"HTTP {status}: the Admin API key was refused (it must be an Admin key, sk-ant-admin…); server said: {Snippet(head)}", null);
            return new Attempt(null, false, $"HTTP {status}: {Snippet(head)}", null);
        }

        // The body streams into a fresh, exclusively created file beside the page file (docs/input-safety.md, "Size
        // caps"); it is deleted on every way out but a good page, which the caller then moves into place.
        var temp = AtomicFile.TempPath(Path.GetDirectoryName(Path.GetFullPath(saveAs)) ?? ".", Path.GetFileName(saveAs));
        try
        {
            FileStream file;
            try { file = AtomicFile.CreateExclusive(temp); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                temp = null; // not created, so nothing to delete (and never someone else's file)
                throw AtomicFile.Unwritable(saveAs, e);
            }
            await using (file.ConfigureAwait(false))
            {
                await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                switch (await CopyCheckedAsync(body, file, saveAs, limit, ct).ConfigureAwait(false))
                {
                    case Copied.TooLarge: return TooLarge(saveAs, limit);
                    case Copied.HoldsKey: return new Attempt(null, false, "the response contains the Admin API key itself; it is neither used nor saved (check --base-url points at the Admin API)", null);
                }
                Flush(file, saveAs);
            }
            if (!TryPage(temp, out var page, out var error)) return new Attempt(null, true, error, null);
            temp = null;
            return new Attempt(page, false, "", null);
        }
        finally
        {
            if (temp is not null) AtomicFile.TryDelete(temp);
        }
    }

    private static Attempt TooLarge(string saveAs, long limit) => new(null, false,
        $"the response is larger than {Size(limit)}, the most one page may be; reading stopped there and {Path.GetFileName(saveAs)} was not saved " +
        "(pull a shorter range or fewer --group-by dimensions)", null);

    private static string Size(long bytes) => bytes % (1 << 20) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20:N0} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");

    /// <summary>What a checked copy found: a whole body under the cap without the key, one over the cap, or one carrying the key.</summary>
    internal enum Copied { Whole, TooLarge, HoldsKey }

    /// <summary>
    /// Copies <paramref name="from"/> to <paramref name="to"/>, stopping at the first byte past <paramref name="limit"/>
    /// and before writing any chunk in which the key (or its distinctive tail) ends. Each search spans the last
    /// key-length-minus-one bytes of the previous read too, so a key split over two reads is found.
    /// </summary>
    internal async Task<Copied> CopyCheckedAsync(Stream from, Stream to, string saveAs, long limit, CancellationToken ct)
    {
        var overlap = _key.Value.Length - 1;
        var buffer = new byte[overlap + ChunkBytes];
        int carry = 0, n;
        long total = 0;
        while ((n = await from.ReadAsync(buffer.AsMemory(carry, ChunkBytes), ct).ConfigureAwait(false)) > 0)
        {
            total += n;
            if (total > limit) return Copied.TooLarge;
            if (_key.IsIn(buffer.AsSpan(0, carry + n))) return Copied.HoldsKey;
            try { await to.WriteAsync(buffer.AsMemory(carry, n), ct).ConfigureAwait(false); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw AtomicFile.Unwritable(saveAs, e); }
            var keep = Math.Min(overlap, carry + n);
            buffer.AsSpan(carry + n - keep, keep).CopyTo(buffer);
            carry = keep;
        }
        return Copied.Whole;
    }

    private static void Flush(FileStream file, string saveAs)
    {
        try { file.Flush(flushToDisk: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw AtomicFile.Unwritable(saveAs, e); }
    }

    /// <summary>The first <see cref="ErrorHeadBytes"/> of an error answer's body (the rest is not read).</summary>
    private static async Task<byte[]> ReadHeadAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var head = new byte[ErrorHeadBytes];
        var got = 0;
        int n;
        while (got < head.Length && (n = await stream.ReadAsync(head.AsMemory(got), ct).ConfigureAwait(false)) > 0) got += n;
        return head[..got];
    }

    /// <summary>
    /// Checks a body saved in <paramref name="file"/> is a whole JSON page and reads its paging fields and size, streaming
    /// it one data[] item at a time (<see cref="JsonPageReader"/>) rather than building a document of it.
    /// </summary>
    internal static bool TryPage(string file, out AdminPage? page, out string error)
    {
        page = null;
        error = "";
        var results = 0;
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes);
        try
        {
            var envelope = JsonPageReader.Read(stream, "response", long.MaxValue, "usage or cost", (ref Utf8JsonReader reader, JsonSource source, int _) =>
            {
                results += ResultCount(source.Bytes.Span[(int)reader.TokenStartIndex..]);
                reader.SkipWhole();
            });
            page = new AdminPage(file, envelope.HasMore, envelope.NextPage, envelope.Items, results);
            return true;
        }
        catch (ImportException e)
        {
            error = $"the response body is not complete JSON with a data[] array ({stream.Length} bytes; {e.Message})";
            return false;
        }
    }

    /// <summary>The results of a bucket (the length of its results[] array), or 1 for an item that is itself a row.</summary>
    private static int ResultCount(ReadOnlySpan<byte> item) => CostPageWalker.ResultOffsets(item) is { } offsets ? offsets.Count : 1;

    private static string RetryAfterNote(HttpResponseMessage response, out TimeSpan? wait)
    {
        wait = RetryAfter(response);
        return wait is { } w ? $", retry-after {w.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s" : "";
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var ra = response.Headers.RetryAfter;
        if (ra?.Delta is { } d) return d;
        if (ra?.Date is { } date) return date - DateTimeOffset.UtcNow is { Ticks: > 0 } left ? left : TimeSpan.Zero;
        return null;
    }

    /// <summary>The start of an error body, 300 characters at most, with the key hidden before it is cut.</summary>
    private string Snippet(byte[] body)
    {
        var s = Encoding.UTF8.GetString(body).ReplaceLineEndings(" ");
        return s.Length == 0 ? "(empty body)" : _key.RedactedQuote(s, 300);
    }

    private string Describe(Exception e) => e switch
    {
        TimeoutRejectedException => "no answer within the time limit",
        OperationCanceledException => "no answer within the time limit",
        _ => _key.Redact($"{e.GetType().Name}: {e.Message}"),
    };

    private void Log(string line) => _options.Log?.Invoke(_key.Redact(line));

    public void Dispose() => _http.Dispose();
}
