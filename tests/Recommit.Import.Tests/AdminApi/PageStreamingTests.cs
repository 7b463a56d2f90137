using System.Collections.Concurrent;
using System.Text;
using Recommit.Import.AdminApi;

namespace Recommit.Import.Tests.AdminApi;

/// <summary>
/// <c>import anthropic</c> streams each fetched page into a temporary file beside its page file (issue 16 item 4):
/// capped while copying, checked for the Admin key across reads, deleted on every way out but a good page.
/// </summary>
public sealed class PageStreamingTests : IDisposable
{
    private const string Key = "sk-ant-admin01-STREAMKEY-abcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 3, 5, 0, 0, 0, TimeSpan.Zero);

    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-stream-").FullName;
    private readonly ConcurrentQueue<string> _log = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "usage.csv");
    private string Pages => Path.Combine(_dir, "pages");

    private static PullRequest Request() => new(From, To, "1d", AdminQuery.DefaultUsageGroupBy, false, false);

    private AnthropicAdminClient Client(Uri baseUrl, long maxPageBytes = 512L << 20) => new(AdminKey.Of(Key), new AdminApiOptions
    {
        BaseUrl = baseUrl,
        MaxAttempts = 3,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        MaxPageBytes = maxPageBytes,
        Log = _log.Enqueue,
    });

    /// <summary>A valid empty page of <paramref name="length"/> bytes whose padding holds <paramref name="secret"/> starting at byte <paramref name="at"/>.</summary>
    private static string PaddedPage(int length, string secret, int at)
    {
        const string head = "{\"data\":[],\"has_more\":false,\"next_page\":null,\"pad\":\"";
        const string tail = "\"}";
        var pad = new StringBuilder(new string('x', length - head.Length - tail.Length));
        if (secret.Length > 0) pad.Remove(at - head.Length, secret.Length).Insert(at - head.Length, secret);
        return head + pad + tail;
    }

    private void AssertNothingLeft()
    {
        Assert.False(File.Exists(Out));
        Assert.False(File.Exists(PullCursor.PathFor(Out)));
        Assert.False(Directory.Exists(Pages), "the pages folder the pull created is removed when no page was saved");
        Assert.Empty(Directory.GetFileSystemEntries(_dir, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(30)]
    [InlineData(59)]
    public async Task A_key_split_over_two_reads_is_found_before_the_second_read_is_written(int bytesInFirstRead)
    {
        var boundary = AnthropicAdminClient.ChunkBytes;
        var body = Encoding.ASCII.GetBytes(PaddedPage(3 * boundary, Key, boundary - bytesInFirstRead));
        using var client = Client(new Uri("http://127.0.0.1/"));
        using var from = new MemoryStream(body); // hands out exactly the bytes asked for: reads end at the boundary
        using var to = new MemoryStream();

        var copied = await client.CopyCheckedAsync(from, to, "page.json", long.MaxValue, CancellationToken.None);

        Assert.Equal(AnthropicAdminClient.Copied.HoldsKey, copied);
        Assert.Equal(boundary, to.Length); // the first read, with only a part of the key, and nothing after it
    }

    [Fact]
    public async Task A_page_without_the_key_is_copied_whole_across_reads()
    {
        var body = Encoding.ASCII.GetBytes(PaddedPage(3 * AnthropicAdminClient.ChunkBytes + 17, "", 0));
        using var client = Client(new Uri("http://127.0.0.1/"));
        using var from = new MemoryStream(body);
        using var to = new MemoryStream();

        var copied = await client.CopyCheckedAsync(from, to, "page.json", body.Length, CancellationToken.None);

        Assert.Equal(AnthropicAdminClient.Copied.Whole, copied);
        Assert.Equal(body, to.ToArray());
    }

    [Fact]
    public async Task A_fetched_page_larger_than_the_read_buffer_with_the_key_over_a_chunk_boundary_is_refused_and_nothing_is_left_on_disk()
    {
        var boundary = AnthropicAdminClient.ChunkBytes;
        var page = PaddedPage(4 * boundary, Key, boundary - 20);
        using var api = new LoopbackApi(_ => (200, page, null)) { Chunked = true };
        using var client = Client(api.BaseUrl);

        var e = await Assert.ThrowsAsync<AdminApiException>(() => AdminPull.RunAsync(client, Request(), Out, Pages));

        Assert.Contains("contains the Admin API key itself; it is neither used nor saved", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, e.ToString(), StringComparison.Ordinal);
        Assert.Single(api.Keys); // refused at once, not retried
        AssertNothingLeft();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_oversized_page_stops_at_the_cap_naming_the_page_file_and_leaves_nothing(bool chunked)
    {
        var page = PaddedPage(300_000, "", 0);
        using var api = new LoopbackApi(_ => (200, page, null)) { Chunked = chunked };
        using var client = Client(api.BaseUrl, maxPageBytes: 100_000);

        var e = await Assert.ThrowsAsync<AdminApiException>(() => AdminPull.RunAsync(client, Request(), Out, Pages));

        Assert.Contains("the response is larger than 100,000 bytes, the most one page may be; reading stopped there and req000-usage-p00001.json was not saved",
            e.Message, StringComparison.Ordinal);
        Assert.Single(api.Keys);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Retried_pages_leave_no_temporary_file_and_a_killed_pulls_leftover_is_cleared_on_resume()
    {
        using var stub = new AdminApiStub(Key);
        stub.Faults[1] = StubFault.TruncatedJson;
        stub.Faults[2] = StubFault.TruncatedConnection;
        for (var n = 4; n <= 6; n++) stub.Faults[n] = StubFault.ServerError;
        var request = new PullRequest(From, new DateTimeOffset(2026, 5, 15, 0, 0, 0, TimeSpan.Zero), "1d", AdminQuery.DefaultUsageGroupBy, false, false);

        // Page 1 is fetched on the third attempt; page 2's three attempts all fail, so the pull stops with a cursor.
        using (var client = stub.Client(Key, 3, TimeSpan.FromSeconds(5), _log.Enqueue))
            await Assert.ThrowsAsync<AdminApiException>(() => AdminPull.RunAsync(client, request, Out, Pages));
        Assert.Equal(["req000-usage-p00001.json"], Directory.GetFileSystemEntries(Pages).Select(Path.GetFileName));
        Assert.Equal(6, stub.RequestCount);

        var leftover = Path.Combine(Pages, ".req000-usage-p00002.json.0123456789abcdef.tmp");
        File.WriteAllText(leftover, "{\"data\":[");
        using (var client = stub.Client(Key, 3, TimeSpan.FromSeconds(5), _log.Enqueue))
        {
            var result = await AdminPull.RunAsync(client, request, Out, Pages);
            Assert.True(result.Resumed);
        }

        var files = Directory.GetFileSystemEntries(Pages).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["req000-usage-p00001.json", "req000-usage-p00002.json", "req000-usage-p00003.json"], files);
    }
}
