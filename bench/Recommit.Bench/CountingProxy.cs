using System.Net;
using System.Net.Sockets;

namespace Recommit.Bench;

/// <summary>
/// A loopback TCP relay that counts the bytes crossing it each way, to measure what a client (clickhouse-client on
/// the native protocol) sends and receives. Listens on 127.0.0.1 on a free port; relays to 127.0.0.1:<c>target</c>.
/// </summary>
internal sealed class CountingProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private long _up, _down;

    public CountingProxy(int target)
    {
        _target = target;
        _listener.Start();
        _ = AcceptLoop();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public long BytesUp => Interlocked.Read(ref _up);
    public long BytesDown => Interlocked.Read(ref _down);

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Relay(client);
        }
    }

    private async Task Relay(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            await server.ConnectAsync(IPAddress.Loopback, _target);
            var a = client.GetStream();
            var b = server.GetStream();
            await Task.WhenAny(Copy(a, b, n => Interlocked.Add(ref _up, n)), Copy(b, a, n => Interlocked.Add(ref _down, n)));
        }
    }

    private static async Task Copy(Stream from, Stream to, Action<int> counted)
    {
        var buffer = new byte[1 << 16];
        try
        {
            int n;
            while ((n = await from.ReadAsync(buffer)) > 0)
            {
                counted(n);
                await to.WriteAsync(buffer.AsMemory(0, n));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The other side closed: the relay ends.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
