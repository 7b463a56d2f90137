using System.Collections.Immutable;
using Recommit.Usage;

namespace Recommit.Levers;

/// <summary>
/// The layout of one month's token vector: a count per (model, service tier, token kind) cell, model-major. Levers
/// move tokens between cells of this vector (docs/method.md §5); prices are a vector of the same layout, so a month's list
/// dollars are a dot product.
/// </summary>
public sealed class TokenLayout
{
    public const int Tiers = 3;
    public const int Kinds = 6;
    public const int CellsPerModel = Tiers * Kinds;

    private readonly Dictionary<string, int> _index;

    public TokenLayout(IEnumerable<string> models)
    {
        Models = [.. models.Distinct(StringComparer.Ordinal)];
        _index = Models.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i, StringComparer.Ordinal);
    }

    public ImmutableArray<string> Models { get; }

    public int CellCount => Models.Length * CellsPerModel;

    /// <summary>Index of a model, or −1 when the layout does not hold it.</summary>
    public int IndexOf(string model) => _index.GetValueOrDefault(model, -1);

    public static int Cell(int model, ServiceTier tier, TokenKind kind) => model * CellsPerModel + (int)tier * Kinds + (int)kind;

    /// <summary>The price vector of this layout from a price function (list $ per token, or per web search).</summary>
    public T[] Prices<T>(Func<string, ServiceTier, TokenKind, T> price)
    {
        var p = new T[CellCount];
        for (var m = 0; m < Models.Length; m++)
            for (var t = 0; t < Tiers; t++)
                for (var k = 0; k < Kinds; k++)
                    p[Cell(m, (ServiceTier)t, (TokenKind)k)] = price(Models[m], (ServiceTier)t, (TokenKind)k);
        return p;
    }
}
