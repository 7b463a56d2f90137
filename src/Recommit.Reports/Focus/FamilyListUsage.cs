using Recommit.Money;
using Recommit.Pricing;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Reports.Focus;

/// <summary>One month's list-price dollars of one model family (opus, sonnet, haiku, …): the grain of the FOCUS usage rows.</summary>
public readonly record struct FamilyListUsage(YearMonth Month, string Family, Usd ListUsd)
{
    /// <summary>
    /// List-price dollars by month and model family of a usage cube or, failing that, a spend table (the price book's
    /// family of each model; a spend row naming a family or an unknown model keeps its own name, lower-cased), in month
    /// then family order. The CLI's <c>export focus</c> and the web app's download both read usage through this.
    /// </summary>
    public static IReadOnlyList<FamilyListUsage> Monthly(UsageCube? cube, SpendTable? spend, PriceBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var rows = cube is not null
            ? CubePricing.Price(cube, book).Rows.Select(r => (r.Month, Family: FamilyOf(book, r.Model.Value), r.ListUsd))
            : (spend?.Rows ?? []).Select(r => (r.Month, Family: FamilyOf(book, r.ModelOrFamily), r.ListUsd));
        return [.. rows.GroupBy(r => (r.Month, r.Family))
            .Select(g => new FamilyListUsage(g.Key.Month, g.Key.Family, g.Aggregate(Usd.Zero, (sum, r) => sum + r.ListUsd)))
            .OrderBy(u => u.Month).ThenBy(u => u.Family, StringComparer.Ordinal)];
    }

    private static string FamilyOf(PriceBook book, string name) => book.FamilyOf(name) ?? name.ToLowerInvariant();
}
