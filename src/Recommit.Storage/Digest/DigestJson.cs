using System.Globalization;
using Recommit.Pricing;

namespace Recommit.Storage.Digest;

/// <summary>The digest as one JSON document, shared by the CLI and the web app (docs/pricing.md, "Weekly digest").</summary>
public static class DigestJson
{
    /// <summary>The digest's JSON document (camelCase names, dollars to the cent), as <c>recommit digest --json</c> prints it and <c>/api/digest</c> serves it.</summary>
    public static object Document(PriceDigest digest) => new
    {
        weekStart = Iso(digest.WeekStart),
        weekEnd = Iso(digest.WeekEnd),
        priceBookVersion = digest.PriceBookVersion,
        moves = digest.Moves.Select(m => new
        {
            kind = m.Kind switch { PriceMoveKind.NewModel => "new-model", PriceMoveKind.Retired => "retired", _ => "rate-change" },
            model = m.Model.Value,
            effective = m.Effective is { } e ? Iso(e) : null,
            rate = m.Rate,
            old = m.Old,
            @new = m.New,
            changePercent = m.ChangePercent is { } p ? Math.Round(p, 1, MidpointRounding.AwayFromZero) : (decimal?)null,
        }),
        accounts = digest.Accounts.Select(a => new
        {
            accountId = a.AccountId,
            account = a.Account,
            modelsInUse = a.ModelsInUse,
            skipped = a.Skipped,
            before = Figures(a.Before),
            after = Figures(a.After),
            change = a.Before is null || a.After is null ? null : new
            {
                projectedPosition = Cents(a.PositionChange),
                costOfDoingNothing = Cents(a.CostOfDoingNothingChange),
                totalBill = Cents(a.TotalBillChange),
                recommendationChanged = a.RecommendationChanged,
                bestPackageSaving = Cents(a.BestPackageSavingChange),
            },
            counters = a.Counters.Select(c => new
            {
                kind = Kebab(c.Kind),
                model = c.Move.Model.Value,
                rate = c.Move.Rate,
                from = c.From,
                buyerValue = Cents(c.BuyerValue),
                vendorValue = Cents(c.VendorValue),
                sentence = c.Sentence,
            }),
        }),
    };

    private static object? Figures(DigestFigures? f) => f is null ? null : new
    {
        gapClass = f.GapClass,
        projectedPosition = Cents(f.ProjectedPosition),
        costOfDoingNothing = Cents(f.CostOfDoingNothing),
        totalBill = Cents(f.TotalBill),
        priceBookVersion = f.PriceBookVersion,
        recommendation = f.Deal is not { } d ? null : new
        {
            action = d.Action,
            nextCheck = d.NextCheck,
            sentence = d.Sentence,
            bestPackage = d.BestPackage,
            buyerSaving = Cents(d.BuyerSaving),
            vendorGain = Cents(d.VendorGain),
        },
    };

    /// <summary>A counter kind as written in JSON and tables.</summary>
    public static string Kebab(DigestCounterKind kind) => kind switch
    {
        DigestCounterKind.Routing => "routing",
        DigestCounterKind.Caching => "caching",
        DigestCounterKind.PriceProtection => "price-protection",
        _ => "shortfall-risk",
    };

    private static decimal? Cents(decimal? v) => v is { } x ? Math.Round(x, 2, MidpointRounding.AwayFromZero) : null;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
