using System.Threading.Channels;

namespace Recommit.Web.Analyses;

/// <summary>The analyses waiting for the background worker, by id (the request itself is in the store).</summary>
internal sealed class AnalysisQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public ValueTask EnqueueAsync(Guid id, CancellationToken cancellation = default) => _channel.Writer.WriteAsync(id, cancellation);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellation) => _channel.Reader.ReadAllAsync(cancellation);
}
