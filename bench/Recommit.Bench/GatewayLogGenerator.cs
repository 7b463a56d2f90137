using System.Globalization;
using System.Text;

namespace Recommit.Bench;

/// <summary>
/// The S1 workload: a deterministic gateway request log (one row per request over the 365 days from 2025-11-01, all inside the accepted dates so no row is a future day, 8 models,
/// 50 workspaces, 200 API keys, a request id, skewed token counts, ~100 bytes a row, so 20 M rows ≈ 2 GB). The same seed always
/// gives the same bytes.
/// </summary>
internal static class GatewayLogGenerator
{
    public static readonly string[] Models =
        ["claude-opus-5", "claude-opus-5-5", "claude-sonnet-5", "claude-sonnet-5-5", "claude-sonnet-4-5-20250929", "claude-haiku-5-5", "claude-haiku-4-5-20251001", "claude-fable-5-2"];

    public const string Header = "request_id,timestamp,model,workspace,api_key,input_tokens,output_tokens,cache_read_input_tokens,cache_creation_input_tokens";

    public static void WriteCsv(string path, long rows, int seed = 42)
    {
        var random = new Random(seed);
        var start = new DateTime(2025, 11, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        var step = TimeSpan.FromDays(365).Ticks / rows;
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 20);
        writer.Write(Header);
        writer.Write('\n');
        Span<char> buffer = stackalloc char[256];
        for (long i = 0; i < rows; i++)
        {
            var ts = new DateTime(start + i * step + random.Next(0, 1000) * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
            var model = Models[Skewed(random, Models.Length)];
            var workspace = Skewed(random, 50);
            var key = workspace * 4 + random.Next(4);
            var input = (long)Math.Exp(random.NextDouble() * 9);
            var output = (long)Math.Exp(random.NextDouble() * 7);
            var cacheRead = random.Next(3) == 0 ? 0 : (long)Math.Exp(random.NextDouble() * 11);
            var cacheWrite = random.Next(10) == 0 ? (long)Math.Exp(random.NextDouble() * 10) : 0;
            "req_".AsSpan().CopyTo(buffer);
            var written = 4;
            random.NextInt64().TryFormat(buffer[written..], out var n, "x16", CultureInfo.InvariantCulture);
            written += n;
            random.Next().TryFormat(buffer[written..], out n, "x8", CultureInfo.InvariantCulture);
            written += n;
            buffer[written++] = ',';
            ts.TryFormat(buffer[written..], out n, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            written += n;
            buffer[written++] = ',';
            model.AsSpan().CopyTo(buffer[written..]);
            written += model.Length;
            ",ws-".AsSpan().CopyTo(buffer[written..]);
            written += 4;
            workspace.TryFormat(buffer[written..], out n, "D3", CultureInfo.InvariantCulture);
            written += n;
            ",key-".AsSpan().CopyTo(buffer[written..]);
            written += 5;
            key.TryFormat(buffer[written..], out n, "D4", CultureInfo.InvariantCulture);
            written += n;
            foreach (var count in (ReadOnlySpan<long>)[input, output, cacheRead, cacheWrite])
            {
                buffer[written++] = ',';
                count.TryFormat(buffer[written..], out n, default, CultureInfo.InvariantCulture);
                written += n;
            }
            buffer[written++] = '\n';
            writer.Write(buffer[..written]);
        }
    }

    /// <summary>A few values take most of the traffic, as real workloads do.</summary>
    private static int Skewed(Random random, int n) => (int)Math.Min(n - 1, Math.Floor(n * Math.Pow(random.NextDouble(), 2.5)));
}
