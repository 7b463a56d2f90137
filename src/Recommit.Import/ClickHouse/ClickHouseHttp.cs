using System.Buffers;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace Recommit.Import.ClickHouse;

/// <summary>
/// Runs queries on ClickHouse's HTTP interface: small ones read as TabSeparated lines, the cube's answer streamed in
/// chunks of whole rows (<see cref="Chunks"/>). The server compresses
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
    /// Runs <paramref name="sql"/> and hands its answer to <paramref name="chunk"/> in pieces of up to
    /// <see cref="ChunkBytes"/> that hold whole rows as <paramref name="framing"/> tells them (more only for a longer
    /// row), straight from the read buffer; stops when it returns false. Returns whether the whole answer was taken.
    /// The answer's last 64 KiB are kept: when the server stopped after it had begun to answer, its error
    /// (<c>Code: …</c>, <see cref="StoppedAt"/>) ends the answer and is reported, whatever the bytes before it made of
    /// the rows; when the rows are refused or fail to read, the answer is read on for up to 64 KiB to see whether it
    /// ends in such an error, which is then the failure reported.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Chunks(string sql, WholeRows framing, Utf8Row chunk, CancellationToken cancellation)
    {
        using var response = Send(sql, cancellation, streamed: true);
        using var body = Body(response, cancellation);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var tail = new AnswerTail();
        try
        {
            var filled = 0;
            while (true)
            {
                var n = Read(body, buffer.AsSpan(filled));
                tail.Add(buffer.AsSpan(filled, n));
                if (n == 0)
                {
                    if (tail.Stopped(this) is { } stopped) throw stopped;
                    var rows = framing(buffer.AsSpan(0, filled));
                    if (rows < filled) throw Failure($"the answer ends inside a row ({filled - rows:N0} bytes left over)");
                    return filled == 0 || Hand(buffer.AsSpan(0, filled));
                }
                filled += n;
                if (filled < buffer.Length) continue;
                var whole = framing(buffer.AsSpan(0, filled));
                if (whole == 0)
                {
                    // A row longer than the buffer: a larger one, up to a limit no real row reaches.
                    if (buffer.Length >= MaxRowBytes)
                        throw StoppedAfter(body, tail) ?? Failure($"the answer has a row longer than {MaxRowBytes >> 20} MiB");
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    continue;
                }
                if (!Hand(buffer.AsSpan(0, whole))) return false;
                buffer.AsSpan(whole, filled - whole).CopyTo(buffer);
                filled -= whole;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        bool Hand(ReadOnlySpan<byte> rows)
        {
            bool taken;
            try
            {
                taken = chunk(rows);
            }
            catch (ImportException)
            {
                if (StoppedAfter(body, tail) is { } stopped) throw stopped;
                throw;
            }
            return taken || (StoppedAfter(body, tail) is { } error ? throw error : false);
        }
    }

    private int Read(Stream body, Span<byte> into)
    {
        try
        {
            return body.Read(into);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or HttpRequestException)
        {
            throw BrokeOff(e);
        }
    }

    /// <summary>Reads on for up to 64 KiB; the server's error when the answer ends there with one, else null.</summary>
    private ImportException? StoppedAfter(Stream body, AnswerTail tail)
    {
        var scratch = new byte[1 << 16];
        var read = 0;
        try
        {
            while (read < scratch.Length)
            {
                var n = body.Read(scratch.AsSpan(read));
                if (n == 0) return tail.Stopped(this);
                tail.Add(scratch.AsSpan(read, n));
                read += n;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or HttpRequestException)
        {
            // Not an answer that ended in the server's error.
        }
        return null;
    }

    /// <summary>
    /// The last 64 KiB of an answer, where the server's error is when it stopped while answering (an error passed on
    /// from a shard can carry a long text). The bytes are kept in a ring, each copied once.
    /// </summary>
    private sealed class AnswerTail
    {
        private const int Size = 1 << 16;
        private readonly byte[] _ring = new byte[Size];
        private long _total;

        public void Add(ReadOnlySpan<byte> read)
        {
            if (read.Length > Size)
            {
                _total += read.Length - Size;
                read = read[^Size..];
            }
            var at = (int)(_total % Size);
            var first = Math.Min(read.Length, Size - at);
            read[..first].CopyTo(_ring.AsSpan(at));
            read[first..].CopyTo(_ring);
            _total += read.Length;
        }

        /// <summary>
        /// The server's error when the answer ends in one: the first <c>Code: </c> from which the answer is text to its
        /// end, ending in a newline, that <see cref="StoppedAt"/> takes. A name inside the rows cannot pass for it: rows
        /// end in fixed-width numbers, not text and a newline.
        /// </summary>
        public ImportException? Stopped(ClickHouseHttp http)
        {
            var length = (int)Math.Min(_total, Size);
            var tail = new byte[length];
            var start = (int)((_total - length) % Size);
            var first = Math.Min(length, Size - start);
            _ring.AsSpan(start, first).CopyTo(tail);
            _ring.AsSpan(0, length - first).CopyTo(tail.AsSpan(first));
            if (tail is not [.., (byte)'\n']) return null;
            // From the last byte that is not text, the rest is text; the error starts after it.
            var text = tail.AsSpan(tail.AsSpan().LastIndexOfAnyExcept(Text) + 1);
            for (var at = text.IndexOf("Code: "u8); at >= 0; at = text.IndexOf("Code: "u8))
            {
                if (http.StoppedAt(text[at..].TrimEnd((byte)'\n')) is { } stopped) return stopped;
                text = text[(at + 1)..];
            }
            return null;
        }

        /// <summary>The bytes that may be text: 0x20 to 0xFF (printable ASCII, DEL and every byte above, so any UTF-8 sequence), tab, newline and carriage return.</summary>
        private static readonly System.Buffers.SearchValues<byte> Text = System.Buffers.SearchValues.Create(
            [.. Enumerable.Range(0x20, 0xE0).Select(b => (byte)b), (byte)'\t', (byte)'\n', (byte)'\r']);
    }

    /// <summary>
    /// Opens the TCP connection with a blocking connect, so that the socket stays blocking. The handler's own connect
    /// is asynchronous, and a socket once used asynchronously serves every later synchronous read through the runtime's
    /// socket event thread and a thread-pool wake-up; ClickHouse sends its answer in HTTP chunks of 4 KiB, one read
    /// each, and that cost 0.1 s more on a 42 MB answer here (docs/importers.md). The name is looked up apart from the
    /// socket (asynchronously, so that the time limit covers it too); the time limit closes the socket.
    /// </summary>
    private static async ValueTask<Stream> Connect(SocketsHttpConnectionContext context, CancellationToken cancellation)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var address) ? [address] : await Dns.GetHostAddressesAsync(host, cancellation).ConfigureAwait(false);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (cancellation.UnsafeRegister(static s => ((Socket)s!).Dispose(), socket)) socket.Connect(addresses, context.DnsEndPoint.Port);
            cancellation.ThrowIfCancellationRequested();
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The most bytes of an answer handed on at once (more only for a longer row).</summary>
    public const int ChunkBytes = 1 << 20;

    /// <summary>The longest row an answer may have (a cube's row is a day, three names and a few numbers).</summary>
    public const int MaxRowBytes = 1 << 26;

    /// <summary>The answer's bytes as they arrive, counted, and un-gzipped when the server compressed them.</summary>
    private Stream Body(HttpResponseMessage response, CancellationToken cancellation)
    {
        var counted = new CountingStream(response.Content.ReadAsStream(cancellation), n => BytesReceived += n);
        return response.Content.Headers.ContentEncoding.Contains("gzip", StringComparer.OrdinalIgnoreCase) ? new GZipStream(counted, CompressionMode.Decompress) : counted;
    }

    private ImportException BrokeOff(Exception e) => Failure($"the answer broke off ({Redact(e.Message)})");

    /// <summary>
    /// The failure to report when <paramref name="text"/> at the end of a streamed answer is the error the server wrote
    /// where it stopped (<c>Code: N, e.displayText() = DB::Exception: …</c>); null for anything else.
    /// </summary>
    public ImportException? StoppedAt(ReadOnlySpan<byte> text) =>
        text.StartsWith("Code: "u8) && text[6..].IndexOfAnyExceptInRange((byte)'0', (byte)'9') is > 0 and var digits
        && text[6 + digits] is (byte)',' or (byte)'.' && text.IndexOf("DB::Exception"u8) >= 0
            ? Failure($"the ClickHouse server stopped while answering: {Cleaned(Encoding.UTF8.GetString(text))}")
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
        // The password is cleaned out of the whole text before any of it is cut, so no cut leaves a piece of it showing.
        var line = Redact(body).Split('\n')[0].Trim();
        const string marker = "e.displayText() = ";
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var code = line.StartsWith("Code: ", StringComparison.Ordinal) && comma > 6 ? line[6..comma] : null;
            line = line[(at + marker.Length)..];
            var tail = line.IndexOf(", e.what()", StringComparison.Ordinal);
            if (tail >= 0) line = line[..tail];
            line = line.Replace("DB::Exception: ", "", StringComparison.Ordinal) + (code is null ? "" : $" (code {code})");
        }
        return line.Length > 300 ? line[..300] + "…" : line;
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
