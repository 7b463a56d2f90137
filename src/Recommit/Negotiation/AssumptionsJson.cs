using Recommit.Fees;
using Recommit.Money;

namespace Recommit.Negotiation;

/// <summary>
/// Reads the negotiation assumptions file (<c>data/schemas/assumptions.schema.json</c>; docs/negotiation.md):
/// <c>{"vendorHaircut":0.25,"renewalProbability":0.85,"discountRate":0,"bands":[{"minAnnualCommit":0,"minTermMonths":12,
/// "discount":0.10}],"maxProbabilityWorseOff":0.2,"priceMoves":[{"year":2027,"probability":0.3,"change":-0.2}],
/// "loadStress":0.2,"fees":{"fixedTiers":[{"minAnnualCommit":0,"fee":18000}],"gainshareShare":0.25,"gainshareWindowMonths":24}}</c>.
/// Every field is optional; a missing one takes its default and is listed in <see cref="NegotiationAssumptions.Defaulted"/>.
/// </summary>
public static class AssumptionsJson
{
    /// <summary>The top-level fields, by their JSON names.</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["vendorHaircut", "renewalProbability", "discountRate", "bands", "maxProbabilityWorseOff", "priceMoves", "loadStress", "fees"];

    private static readonly string[] BandFields = ["minAnnualCommit", "minTermMonths", "discount"];
    private static readonly string[] MoveFields = ["year", "probability", "change"];
    private static readonly string[] FeeFields = ["fixedTiers", "gainshareShare", "gainshareWindowMonths"];
    private static readonly string[] TierFields = ["minAnnualCommit", "fee"];
    private const decimal MaxDollars = 1_000_000_000_000m;

    public static NegotiationAssumptions Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        using var document = JsonFields.Parse(json, sourceName);
        var f = new JsonFields(sourceName, "", document.RootElement, [.. Fields]);
        var d = NegotiationAssumptions.Default;
        var bands = f.Has("bands")
            ? [.. f.Array("bands", nonEmpty: true).Select(b =>
            {
                var row = new JsonFields(sourceName, b.Path, b.Element, BandFields);
                return new DiscountBand(new Usd(row.Number("minAnnualCommit", 0, MaxDollars)), row.Whole("minTermMonths", 0, 120),
                    row.Number("discount", 0, 0.95m));
            })]
            : d.Bands;
        var moves = f.Has("priceMoves")
            ? [.. f.Array("priceMoves").Select(m =>
            {
                var row = new JsonFields(sourceName, m.Path, m.Element, MoveFields);
                return new PriceMove(row.Whole("year", 2000, 9999), row.Number("probability", 0, 1), row.Number("change", -0.9m, 10m));
            })]
            : d.PriceMoves;
        var fees = d.Fees;
        if (f.Has("fees"))
        {
            var fee = new JsonFields(sourceName, "fees", f.Element("fees"), FeeFields);
            var tiers = fee.Has("fixedTiers")
                ? [.. fee.Array("fixedTiers", nonEmpty: true).Select(t =>
                {
                    var row = new JsonFields(sourceName, t.Path, t.Element, TierFields);
                    return new FixedFeeTier(new Usd(row.Number("minAnnualCommit", 0, MaxDollars)), new Usd(row.Number("fee", 0, MaxDollars)));
                })]
                : fees.FixedTiers;
            fees = new FeeTerms(tiers, fee.Number("gainshareShare", 0, 1, fees.GainshareShare),
                fee.Has("gainshareWindowMonths") ? fee.Whole("gainshareWindowMonths", 1, 120) : fees.GainshareWindowMonths);
        }
        return new NegotiationAssumptions(
            f.Number("vendorHaircut", 0, 1, d.VendorHaircut),
            f.Number("renewalProbability", 0, 1, d.RenewalProbability),
            f.Number("discountRate", 0, 1, d.DiscountRate),
            bands,
            f.Number("maxProbabilityWorseOff", 0, 1, d.MaxProbabilityWorseOff),
            moves,
            f.Number("loadStress", 0, 0.95m, d.LoadStress),
            fees)
        {
            Defaulted = [.. Fields.Where(n => !f.Has(n))],
        };
    }
}
