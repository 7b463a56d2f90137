using Recommit.Money;

namespace Recommit.Storage.Digest;

/// <summary>
/// The digest's sentences about the deal, shared by the CLI, the Atom feed and the web page so all three say the same:
/// the §8 recommendation and the best package before and after the week's moves (docs/method.md §7–§8). Savings are
/// simulated means, shown to three significant figures.
/// </summary>
public static class DigestText
{
    /// <summary>The recommendation and best package before → after, or why there are none.</summary>
    public static string Deal(AccountImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        if (impact.Before?.Deal is not { } b || impact.After?.Deal is not { } a)
            return "No negotiation was run (the term has ended before the as-of month), so there is no recommendation to compare.";
        var recommendation = impact.RecommendationChanged == false
            ? $"Recommendation unchanged: {Action(a)}."
            : $"Recommendation changes from {Action(b)} to {Action(a)}.";
        var package = Package(b) == Package(a)
            ? $"Best package unchanged: {Package(a)}."
            : $"Best package: {Package(b)} before, {Package(a)} after" +
              (b.BuyerSaving is { } was && a.BuyerSaving is { } now ? $" ({SignedChange(was, now)} saving)." : ".");
        return recommendation + " " + package;
    }

    /// <summary>An action as the digest names it: <c>watch until 2027-01</c>, <c>open-now</c>.</summary>
    public static string Action(DigestDeal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return deal.NextCheck is { } next ? $"{deal.Action} until {next}" : deal.Action;
    }

    /// <summary>A best package with its expected saving, or that there is none.</summary>
    public static string Package(DigestDeal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return deal.BestPackage is { } name && deal.BuyerSaving is { } saving
            ? $"{name} saving {Shown(saving)}"
            : "none acceptable";
    }

    /// <summary>A simulated mean to three significant figures: <c>$453,000</c>.</summary>
    public static string Shown(decimal simulated) => new Usd(simulated).ToSignificant(3).ToShortString();

    /// <summary>
    /// The change from <paramref name="before"/> to <paramref name="after"/> as the difference of the two figures as
    /// shown (three significant figures each), with its sign, so it agrees with the figures beside it: <c>+$69,000</c>.
    /// </summary>
    public static string SignedChange(decimal before, decimal after)
    {
        var change = new Usd(after).ToSignificant(3).Value - new Usd(before).ToSignificant(3).Value;
        // The difference of two rounded figures is shown whole, not rounded again, or it could disagree with them.
        var shown = new Usd(change).ToShortString();
        return change > 0 ? "+" + shown : shown;
    }
}
