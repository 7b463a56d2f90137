using Recommit.Time;

namespace Recommit.Levers;

/// <summary>
/// Batch (docs/method.md §5): share b of the tokens not already at the batch tier moves to it (half price). Tokens already
/// batched stay batched and are not halved twice. Web-search uses are not moved. Applies to <see cref="Model"/>, or to
/// every model when it is null.
/// </summary>
internal sealed record BatchLever(string Name, YearMonth Start, int RampMonths, string? Model, UncertainRange Share)
    : Lever(Name, Start, RampMonths)
{
    public override LeverKind Kind => LeverKind.Batch;
}
