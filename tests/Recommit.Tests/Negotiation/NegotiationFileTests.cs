using Recommit.Negotiation;
using Recommit.Time;

namespace Recommit.Tests.Negotiation;

public class NegotiationFileTests
{
    [Fact]
    public void An_empty_assumptions_file_takes_every_default_and_says_so()
    {
        var a = AssumptionsJson.Parse("{}", "a.json");

        Assert.Equal(0.25m, a.VendorHaircut);
        Assert.Equal(0.85m, a.RenewalProbability);
        Assert.Equal(0.20m, a.MaxProbabilityWorseOff);
        Assert.Equal(NegotiationAssumptions.DefaultBands, a.Bands);
        Assert.Equal(18_000m, a.Fees.FixedFee(new(10_000m)).Value);
        Assert.Equal(AssumptionsJson.Fields, a.Defaulted);
    }

    [Fact]
    public void Given_assumptions_are_read_and_only_the_missing_ones_are_labelled_defaults()
    {
        var a = AssumptionsJson.Parse("""
            {"vendorHaircut": 0.3, "bands": [{"minAnnualCommit": 0, "minTermMonths": 12, "discount": 0.12}],
             "priceMoves": [{"year": 2027, "probability": 0.4, "change": -0.2}],
             "fees": {"fixedTiers": [{"minAnnualCommit": 0, "fee": 20000}, {"minAnnualCommit": 2000000, "fee": 40000}], "gainshareShare": 0.2}}
            """, "a.json");

        Assert.Equal(0.3m, a.VendorHaircut);
        Assert.Equal(0.12m, Assert.Single(a.Bands).Discount);
        Assert.Equal(new PriceMove(2027, 0.4m, -0.2m), Assert.Single(a.PriceMoves));
        Assert.Equal(40_000m, a.Fees.FixedFee(new(2_500_000m)).Value);
        Assert.Equal(24, a.Fees.GainshareWindowMonths);
        Assert.DoesNotContain("vendorHaircut", a.Defaulted);
        Assert.Contains("renewalProbability", a.Defaulted);
    }

    [Theory]
    [InlineData("""{"vendorHaircut": 1.5}""", "a.json: vendorHaircut: must be from 0 to 1, found 1.5")]
    [InlineData("""{"bands": [{"minAnnualCommit": 0, "discount": 0.1}]}""", "a.json: bands[0].minTermMonths: is required but missing")]
    [InlineData("""{"haircut": 0.2}""", "a.json: haircut: unknown field")]
    public void A_bad_assumptions_file_names_the_field(string json, string expected)
    {
        var e = Assert.Throws<NegotiationException>(() => AssumptionsJson.Parse(json, "a.json"));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenarios_file_reads_packages_in_the_contract_schema_with_a_consolidation()
    {
        var packages = ScenarioFile.Parse("""
            {"packages": [
              {"name": "Longer term", "start": "2027-01", "periods": [{"months": 12, "commitment": 2200}, {"months": 12, "commitment": 2200}],
               "committedDiscount": 0.25, "overageDiscount": 0.25},
              {"name": "Consolidate", "start": "2027-01-01", "periods": [{"months": 24, "commitment": 5000}], "committedDiscount": 0.25,
               "consolidation": {"start": "2027-03", "rampMonths": 3, "families": [{"family": "sonnet", "monthlyListUsd": 50}], "monthlyCostElsewhere": 45}}
            ]}
            """, "s.json");

        Assert.Equal(2, packages.Length);
        Assert.Equal(new YearMonth(2027, 1), packages[0].Terms.Start);
        Assert.Equal(2200m, packages[0].AnnualCommit.Value);
        Assert.Null(packages[0].Consolidation);
        var c = packages[1].Consolidation!;
        Assert.Equal(50m, c.MonthlyListUsd.Value);
        Assert.Equal(1.0 / 3, c.MovedShare(new YearMonth(2027, 3)), 12);
        Assert.Equal(1.0, c.MovedShare(new YearMonth(2027, 6)));
        Assert.Equal(0.0, c.MovedShare(new YearMonth(2027, 2)));
    }

    [Theory]
    [InlineData("""{"packages": [{"name": "A", "start": "2027-01", "periods": [{"months": 12, "commitment": -1}], "committedDiscount": 0.2}]}""",
        "s.json: packages[0].periods[0].commitment: must be ≥ 0")]
    [InlineData("""{"packages": [{"name": "A", "start": "2027-01", "periods": [{"months": 12, "commitment": 1}], "committedDiscount": 0.2, "consolidation": {"start": "2027-01", "families": [], "monthlyCostElsewhere": 1}}]}""",
        "s.json: packages[0].consolidation.families: must hold at least one item")]
    [InlineData("""{"packages": []}""", "s.json: packages: must hold at least one item")]
    public void A_bad_scenarios_file_names_the_package_and_field(string json, string expected)
    {
        var e = Assert.ThrowsAny<InputException>(() => ScenarioFile.Parse(json, "s.json"));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }
}
