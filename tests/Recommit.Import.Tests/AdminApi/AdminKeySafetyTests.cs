using System.Collections.Concurrent;
using Recommit.Import.AdminApi;

namespace Recommit.Import.Tests.AdminApi;

/// <summary>
/// The Admin key goes only where the user sent it (issue 16 item 1) and an unreachable API is a clear state at once
/// (issue 15 item 7).
/// </summary>
public sealed class AdminKeySafetyTests : IDisposable
{
    private const string Key = "sk-ant-admin01-SAFETYKEY-abcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 3, 5, 0, 0, 0, TimeSpan.Zero);

    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-key-").FullName;
    private readonly ConcurrentQueue<string> _log = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "usage.csv");

    private static PullRequest Request() => new(From, To, "1d", AdminQuery.DefaultUsageGroupBy, false, false);

    private AnthropicAdminClient Client(Uri baseUrl, string key = Key) => new(AdminKey.Of(key), new AdminApiOptions
    {
        BaseUrl = baseUrl,
        MaxAttempts = 6,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        Log = _log.Enqueue,
    });

    [Fact]
    public async Task A_redirect_to_another_origin_is_refused_and_the_key_never_reaches_it()
    {
        using var elsewhere = new LoopbackApi(_ => (200, EmptyPage, null));
        using var api = new LoopbackApi(req => (307, "", new Uri(elsewhere.BaseUrl, req.Url!.PathAndQuery).ToString()));

        using var client = Client(api.BaseUrl);
        var e = await Assert.ThrowsAsync<AdminApiException>(() => AdminPull.RunAsync(client, Request(), Out, null));

        Assert.Contains("redirected to", e.Message, StringComparison.Ordinal);
        Assert.Contains("never across a redirect", e.Message, StringComparison.Ordinal);
        Assert.Empty(elsewhere.Keys);
        Assert.DoesNotContain(Key, e.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Out));
    }

    [Fact]
    public async Task A_redirect_within_the_same_origin_is_followed()
    {
        LoopbackApi? api = null;
        api = new LoopbackApi(req => req.Url!.AbsolutePath.StartsWith("/moved", StringComparison.Ordinal)
            ? (200, EmptyPage, null)
            : (307, "", new Uri(api!.BaseUrl, "/moved" + req.Url.PathAndQuery).ToString()));
        using (api)
        {
            using var client = Client(api.BaseUrl);
            var result = await AdminPull.RunAsync(client, Request(), Out, null);

            Assert.Equal(1, result.PagesFetched);
            Assert.All(api.Keys, k => Assert.Equal(Key, k));
            Assert.Equal(2, api.Keys.Count);
        }
    }

    [Fact]
    public async Task A_response_that_echoes_the_key_is_refused_and_never_saved()
    {
        var echo = "{\"data\":[],\"has_more\":false,\"next_page\":null,\"debug\":\"x-api-key=" + Key + "\"}";
        using var api = new LoopbackApi(_ => (200, echo, null));
        var pages = Path.Combine(_dir, "pages");

        using var client = Client(api.BaseUrl);
        var e = await Assert.ThrowsAsync<AdminApiException>(() => AdminPull.RunAsync(client, Request(), Out, pages));

        Assert.Contains("contains the Admin API key", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, e.ToString(), StringComparison.Ordinal);
        foreach (var file in Directory.Exists(pages) ? Directory.GetFiles(pages, "*", SearchOption.AllDirectories) : [])
            Assert.DoesNotContain(Key, File.ReadAllText(file), StringComparison.Ordinal);
    }

    /// <summary>
    /// An error body that echoes the key where the message's quote of it is cut (300 characters): the key is hidden
    /// before the cut, so not even its start shows.
    /// </summary>
    [Theory]
    [InlineData(275)]
    [InlineData(299)]
    [InlineData(0)]
    public async Task An_error_body_that_echoes_the_key_across_the_quotes_cut_shows_none_of_it(int before)
    {
        var body = new string('x', before) + Key + " was refused";
        using var api = new LoopbackApi(_ => (400, body, null));

        using var client = Client(api.BaseUrl);
        var e = await Assert.ThrowsAsync<AdminApiException>(() => AdminPull.RunAsync(client, Request(), Out, null));

        Assert.Contains("HTTP 400", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key[..8], e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key[^8..], e.ToString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sk-ant-admin01-abc\u001b[2Jdef")]
    [InlineData("sk-ant-admin01-abc\u0000def")]
    [InlineData("sk-ant-admin01-abcdéf")]
    public void A_key_with_control_or_non_ascii_characters_is_refused_without_showing_any_of_it(string key)
    {
        var e = Assert.Throws<AdminApiException>(() => AdminKey.Of(key));

        Assert.Contains("control or non-ASCII characters", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_file_that_never_ends_is_refused_after_its_cap()
    {
        var e = Assert.Throws<AdminApiException>(() => AdminKey.FromFile("/dev/zero"));
        Assert.Contains("larger than 4 KiB", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_whose_name_does_not_resolve_fails_at_once_and_leaves_no_cursor_or_pages_folder()
    {
        using var client = Client(new Uri("http://recommit-offline.invalid/"));

        var e = await Assert.ThrowsAsync<AdminApiException>(() => AdminPull.RunAsync(client, Request(), Out, null));

        Assert.Contains("cannot reach the API at http://recommit-offline.invalid:80", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_log, l => l.Contains("retrying", StringComparison.Ordinal));
        Assert.False(File.Exists(PullCursor.PathFor(Out)));
        Assert.False(Directory.Exists(Out + ".pages"));
    }

    private const string EmptyPage = "{\"data\":[],\"has_more\":false,\"next_page\":null}";
}
