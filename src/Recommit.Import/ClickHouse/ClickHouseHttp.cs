using System.Buffers;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace Recommit.Import.ClickHouse;

/// <summary>
/// Runs queries on ClickHouse's HTTP interface and streams the TabSeparated answer row by row. The server compresses
/// the answer (gzip) when it is not on this machine. Small queries wait for the end of the query
/// (<c>wait_end_of_query</c>), so an error found late still arrives as an HTTP error; the cube's answer
/// (<see cref="Chunks"/>) streams as the server writes it, so that it is folded while the server still writes, and an
/// error the server meets after it has begun ends the answer with its <c>Code: …</c> line, which is reported as the
/// server's error (<see cref="StoppedAt"/>). Counts the bytes that cross the network each way. The password travels
/// in the Authorization header and is cleaned out of every message.
/// </summary>
internal sealed class ClickHouseHttp : IDisposable
{
    private readonly HttpClient _client;
    private readonly ClickHouseRequest _request;
    private readonly Uri _endpoint;
    private readonly Uri _streamed;

    public ClickHouseHttp(ClickHouseRequest request, TimeSpan connectTimeout)
    {
        _request = request;
        // No redirect is followed: the credentials go only to the address the user gave (docs/input-safety.md, "Credentials").
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None, ConnectTimeout = connectTimeout, UseProxy = false, AllowAutoRedirect = false,
            ConnectCallback = Connect,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var query = (Compressed ? "enable_http_compression=1" : "") + (request.Database is { } db ? "&database=" + Uri.EscapeDataString(db) : "");
        _streamed = new UriBuilder(request.Url) { Path = "/", Query = query.TrimStart('&') }.Uri;
        _endpoint = new UriBuilder(request.Url) { Path = "/", Query = "wait_end_of_query=1" + (query.Length > 0 ? "&" + query.TrimStart('&') : "") }.Uri;
        if (request.Password is not null || request.User is not null)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{request.User ?? "default"}:{request.Password?.Value ?? ""}"));
            _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }
        if (Compressed) _client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
    }

    /// <summary>
    /// Whether answers come gzip-compressed: as the request says, else only from a server that is not on this machine
    /// (on loopback, compressing costs the server more time than the bytes it saves).
    /// </summary>
    public bool Compressed => _request.Compress ?? !_request.Url.IsLoopback;

    /// <summary>Bytes of query text sent (request bodies).</summary>
    public long BytesSent { get; private set; }

    /// <summary>Bytes of answer received, as they crossed the network (compressed).</summary>
    public long BytesReceived { get; private set; }

    /// <summary>Runs <paramref name="sql"/> (which ends in <c>FORMAT TabSeparated</c>) and yields each row's fields; null is <c>\N</c>.</summary>
    public IEnumerable<string?[]> Rows(string sql, CancellationToken cancellation) => Lines(sql, cancellation).Select(TabSeparated.Split);

    /// <summary>Runs <paramref name="sql"/> (which ends in <c>FORMAT TabSeparated</c>) and yields each row as its line of text.</summary>
    public IEnumerable<string> Lines(string sql, CancellationToken cancellation)
    {
        using var response = Send(sql, cancellation);
        using var reader = new StreamReader(Body(response, cancellation), new UTF8Encoding(false, throwOnInvalidBytes: false));
        while (true)
        {
            string? line;
            try
            {
                line = reader.ReadLine();
            }
            catch (Exception e) when (e is IOException or InvalidDataException or HttpRequestException)
            {
                throw BrokeOff(e);
            }
            if (line is null) yield break;
            yield return line;
        }
    }

    /// <summary>
    /// Runs <paramref name="sql"/> (which ends in <c>FORMAT TabSeparated</c>) and hands each row's UTF-8 bytes (without
    /// its newline) to <paramref name="row"/> straight from the read buffer, no text made; stops when it returns false.
    /// Returns whether every row was taken.
    /// </summary>
    public bool Rows(string sql, Utf8Row row, CancellationToken cancellation) =>
        Chunks(sql, chunk => Lines(chunk, row), cancellation);

    /// <summary>
    /// Hands each line of <paramref name="chunk"/> (whole lines, each ending in a newline but perhaps the last) to
    /// <paramref name="row"/> without its newline; false as soon as one returns false.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Lines(ReadOnlySpan<byte> chunk, Utf8Row row)
    {
        while (!chunk.IsEmpty)
        {
            var end = chunk.IndexOf((byte)'\n');
            if (end < 0) return row(chunk);
            if (!row(chunk[..end])) return false;
            chunk = chunk[(end + 1)..];
        }
        return true;
    }

    /// <summary>
    /// Runs <paramref name="sql"/> (which ends in <c>FORMAT TabSeparated</c>) and hands its answer to
    /// <paramref name="chunk"/> in pieces of up to <see cref="ChunkBytes"/> that hold whole rows (each with its newline;
    /// a last row without one comes at the end), straight from the read buffer; stops when it returns false. Returns
    /// whether the whole answer was taken.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Chunks(string sql, Utf8Row chunk, CancellationToken cancellation)
    {
        using var response = Send(sql, cancellation, streamed: true);
        using var body = Body(response, cancellation);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            var filled = 0;
            while (true)
            {
                int n;
                try
                {
                    n = body.Read(buffer, filled, buffer.Length - filled);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or HttpRequestException)
                {
                    throw BrokeOff(e);
                }
                if (n == 0)
                {
                    // The server's error, when it stopped after it had begun to answer, is the answer's last line.
                    var last = buffer.AsSpan(0, filled).TrimEnd((byte)'\n');
                    if (StoppedAt(last[(last.LastIndexOf((byte)'\n') + 1)..]) is { } stopped) throw stopped;
                    return filled == 0 || chunk(buffer.AsSpan(0, filled));
                }
                filled += n;
                if (filled < buffer.Length) continue;
                var whole = buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
                if (whole == 0)
                {
                    // A row longer than the buffer: a larger one.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    continue;
                }
                if (!chunk(buffer.AsSpan(0, whole))) return false;
                buffer.AsSpan(whole, filled - whole).CopyTo(buffer);
                filled -= whole;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Opens the TCP connection with a blocking connect, so that the socket stays blocking. The handler's own connect
    /// is asynchronous, and a socket once used asynchronously serves every later synchronous read through the runtime's
    /// socket event thread and a thread-pool wake-up; ClickHouse sends its answer in HTTP chunks of 4 KiB, one read
    /// each, and that cost 0.1 s more on a 42 MB answer here (docs/importers.md). The time limit closes the socket.
    /// </summary>
    private static ValueTask<Stream> Connect(SocketsHttpConnectionContext context, CancellationToken cancellation)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (cancellation.UnsafeRegister(static s => ((Socket)s!).Dispose(), socket)) socket.Connect(context.DnsEndPoint);
            cancellation.ThrowIfCancellationRequested();
            return ValueTask.FromResult<Stream>(new NetworkStream(socket, ownsSocket: true));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The most bytes of an answer handed on at once (more only for a longer row).</summary>
    public const int ChunkBytes = 1 << 20;

    /// <summary>The answer's bytes as they arrive, counted, and un-gzipped when the server compressed them.</summary>
    private Stream Body(HttpResponseMessage response, CancellationToken cancellation)
    {
        var counted = new CountingStream(response.Content.ReadAsStream(cancellation), n => BytesReceived += n);
        return response.Content.Headers.ContentEncoding.Contains("gzip", StringComparer.OrdinalIgnoreCase) ? new GZipStream(counted, CompressionMode.Decompress) : counted;
    }

    private ImportException BrokeOff(Exception e) => Failure($"the answer broke off ({Redact(e.Message)})");

    /// <summary>
    /// The failure to report when <paramref name="row"/> of a streamed answer is the error the server wrote where it
    /// stopped (<c>Code: N, e.displayText() = DB::Exception: …</c>); null for any other row.
    /// </summary>
    public ImportException? StoppedAt(ReadOnlySpan<byte> row) =>
        row.StartsWith("Code: "u8) && row.IndexOf("DB::Exception"u8) >= 0
            ? Failure($"the ClickHouse server stopped while answering: {Cleaned(Encoding.UTF8.GetString(row))}")
            : null;

    private HttpResponseMessage Send(string sql, CancellationToken cancellation, bool streamed = false)
    {
        var bytes = Encoding.UTF8.GetBytes(sql);
        BytesSent += bytes.Length;
        using var message = new HttpRequestMessage(HttpMethod.Post, streamed ? _streamed : _endpoint) { Content = new ByteArrayContent(bytes) };
        HttpResponseMessage response;
        try
        {
            response = _client.Send(message, HttpCompletionOption.ResponseHeadersRead, cancellation);
        }
        catch (HttpRequestException e)
        {
            var why = e.InnerException is SocketException s ? SocketText(s) : Redact(e.Message);
            throw Failure($"cannot reach the ClickHouse server at {_request.Url.GetLeftPart(UriPartial.Authority)}: {why}");
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw Failure($"the ClickHouse server at {_request.Url.GetLeftPart(UriPartial.Authority)} did not answer in time");
        }
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            var text = ErrorText(response, cancellation);
            throw Failure($"the ClickHouse server answered {(int)response.StatusCode}: {text}");
        }
    }

    /// <summary>The first line of the server's error, without the C++ exception decoration and without the password.</summary>
    private string ErrorText(HttpResponseMessage response, CancellationToken cancellation)
    {
        string body;
        try
        {
            using var raw = response.Content.ReadAsStream(cancellation);
            using var body0 = response.Content.Headers.ContentEncoding.Contains("gzip", StringComparer.OrdinalIgnoreCase) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
            using var reader = new StreamReader(body0);
            body = reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or HttpRequestException)
        {
            body = "";
        }
        BytesReceived += body.Length;
        var line = Cleaned(body);
        return line.Length == 0 ? Redact(response.ReasonPhrase ?? "no message") : line;
    }

    /// <summary>The first line of a server error, without the C++ exception decoration and without the password.</summary>
    private string Cleaned(string body)
    {
        var line = body.Split('\n')[0].Trim();
        const string marker = "e.displayText() = ";
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            var code = line.StartsWith("Code: ", StringComparison.Ordinal) ? line[6..line.IndexOf(',', StringComparison.Ordinal)] : null;
            line = line[(at + marker.Length)..];
            var tail = line.IndexOf(", e.what()", StringComparison.Ordinal);
            if (tail >= 0) line = line[..tail];
            line = line.Replace("DB::Exception: ", "", StringComparison.Ordinal) + (code is null ? "" : $" (code {code})");
        }
        if (line.Length > 300) line = line[..300] + "…";
        return Redact(line);
    }

    private static string SocketText(SocketException s) => s.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused (is the server running, and is this its HTTP port?)",
        SocketError.HostNotFound or SocketError.NoData => "no such host",
        SocketError.TimedOut => "the connection timed out",
        _ => s.SocketErrorCode.ToString(),
    };

    private string Redact(string text) => _request.Password?.Redact(text) ?? text;

    private ImportException Failure(string message) => new(_request.SourceName, null, message);

    public void Dispose() => _client.Dispose();

    /// <summary>Passes reads through and reports how many bytes each read returned.</summary>
    private sealed class CountingStream(Stream inner, Action<int> counted) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            counted(n);
            return n;
        }

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            counted(n);
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
