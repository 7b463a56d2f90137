using System.Globalization;
using Recommit.Usage;

namespace Recommit.Import;

/// <summary>
/// The most tokens one import may add up to: 10¹⁸, so that every sum the engine forms from the cube (a month, a
/// model, a token kind) stays inside 64 bits and pricing, the ledger and the analysis never overflow on values the
/// importers accepted (docs/input-safety.md, "Size caps").
/// </summary>
internal static class TokenTotalLimit
{
    public const long Max = 1_000_000_000_000_000_000;

    /// <summary>The cube itself when its tokens add up to at most <see cref="Max"/>; else bad input naming <paramref name="file"/>.</summary>
    public static UsageCube Checked(UsageCube cube, string file)
    {
        ArgumentNullException.ThrowIfNull(cube);
        Int128 sum = 0;
        for (var i = 0; i < cube.Count; i++) sum += cube.Tokens(i);
        return sum <= Max ? cube
            : throw new ImportException(file, null, string.Create(CultureInfo.InvariantCulture,
                $"the usage adds up to {sum:N0} tokens, more than {Max:N0}, the most one import may hold; check the token columns and their units"));
    }
}
