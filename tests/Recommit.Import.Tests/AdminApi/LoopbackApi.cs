using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Recommit.Import.Tests.AdminApi;

/// <summary>
/// A loopback HTTP server on 127.0.0.1 answering every request through <c>answer</c> and recording the x-api-key it
/// was sent. With <see cref="Chunked"/> the body goes out in 16 KiB pieces without a Content-Length, as a server that
/// does not know the length ahead sends it.
/// </summary>
internal sealed class LoopbackApi : IDisposable
{
    private readonly HttpListener _listener = new();

    public LoopbackApi(Func<HttpListenerRequest, (int Status, string Body, string? Location)> answer)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext ctx;
                try { ctx = await _listener.GetContextAsync(); }
                catch (Exception) { return; }
                if (ctx.Request.Headers["x-api-key"] is { } k) Keys.Enqueue(k);
                var (status, body, location) = answer(ctx.Request);
                try { await SendAsync(ctx.Response, status, Encoding.UTF8.GetBytes(body), location); }
                catch (Exception) { ctx.Response.Abort(); } // the client stopped reading (a page over the cap)
            }
        });
    }

    public Uri BaseUrl { get; }
    public ConcurrentQueue<string> Keys { get; } = new();
    public bool Chunked { get; init; }

    private async Task SendAsync(HttpListenerResponse response, int status, byte[] bytes, string? location)
    {
        response.StatusCode = status;
        if (location is not null) response.RedirectLocation = location;
        if (Chunked)
        {
            response.SendChunked = true;
            for (var at = 0; at < bytes.Length; at += 16 << 10)
            {
                await response.OutputStream.WriteAsync(bytes.AsMemory(at, Math.Min(16 << 10, bytes.Length - at)));
                await response.OutputStream.FlushAsync();
            }
        }
        else
        {
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
        response.Close();
    }

    public void Dispose() => _listener.Close();
}
