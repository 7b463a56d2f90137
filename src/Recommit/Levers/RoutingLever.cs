using Recommit.Time;

namespace Recommit.Levers;

/// <summary>
/// Routing (docs/method.md §5): move share <see cref="Share"/> of model <see cref="From"/>'s tokens (every kind and tier) to
/// model <see cref="To"/>, times a token-inflation factor. When <see cref="TokenInflation"/> is null it defaults from
/// the models' tokenizer generations: 1.3 from generation 1 to 2, 1 / 1.3 from 2 to 1, 1 otherwise
/// (REFERENCE-anthropic.md, "Tokenizer change").
/// </summary>
internal sealed record RoutingLever(string Name, YearMonth Start, int RampMonths, string From, string To, UncertainRange Share, decimal? TokenInflation)
    : Lever(Name, Start, RampMonths)
{
    public override LeverKind Kind => LeverKind.Routing;

    /// <summary>The default token-inflation factor for moving text from one tokenizer generation to another.</summary>
    public static decimal DefaultInflation(int fromGeneration, int toGeneration) => (fromGeneration, toGeneration) switch
    {
        (1, 2) => 1.3m,
        (2, 1) => 1m / 1.3m,
        _ => 1m,
    };
}
