using Recommit.Contracts;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Tests.Contracts;

public class ContractJsonTests
{
    private const string Acme =
        """{"name":"Acme","start":"2026-01-01","periods":[{"months":12,"commitment":1200000},{"months":12,"commitment":1200000}],"committedDiscount":0.20,"overageDiscount":0.0,"carryover":{"fraction":0.0,"cap":0.0},"billing":"arrears","priceProtection":false}""";

    [Fact]
    public void The_documented_example_parses_into_the_contract()
    {
        var c = ContractJson.Parse(Acme, "acme.json");

        Assert.Equal("Acme", c.Name);
        Assert.Equal(new YearMonth(2026, 1), c.Start);
        Assert.Equal([new CommitmentPeriod(12, new Usd(1_200_000m)), new CommitmentPeriod(12, new Usd(1_200_000m))], c.Periods.ToArray());
        Assert.Equal(24, c.TermMonths);
        Assert.Equal(0.20m, c.CommittedDiscount);
        Assert.Equal(0m, c.OverageDiscount);
        Assert.Equal(CarryoverRule.None, c.Carryover);
        Assert.Equal(BillingMode.Arrears, c.Billing);
        Assert.False(c.PriceProtection);
        Assert.Null(c.Notes);
    }

    [Fact]
    public void Optional_fields_take_their_defaults_and_start_may_be_a_month()
    {
        var c = ContractJson.Parse("""{"name":"Ramp","start":"2026-04","termMonths":6,"periods":[{"months":3,"commitment":100},{"months":3,"commitment":250.5}],"committedDiscount":0.1,"notes":"signed 2026-03-20"}""", "ramp.json");

        Assert.Equal(new YearMonth(2026, 4), c.Start);
        Assert.Equal(new Usd(250.5m), c.Periods[1].Commitment);
        Assert.Equal(0m, c.OverageDiscount);
        Assert.Equal(CarryoverRule.None, c.Carryover);
        Assert.Equal(BillingMode.Arrears, c.Billing);
        Assert.Equal("signed 2026-03-20", c.Notes);
    }

    [Fact]
    public void Write_then_parse_gives_the_same_contract()
    {
        var original = new Contract("Round \"trip\"", new YearMonth(2027, 3), [new CommitmentPeriod(3, new Usd(10.125m)), new CommitmentPeriod(9, new Usd(0m))],
            0.25m, 0.05m, new CarryoverRule(0.5m, 0.1m), BillingMode.Prepaid, true)
        { Notes = "ramp" };

        var text = ContractJson.Write(original);
        var back = ContractJson.Parse(text, "written.json");

        Assert.Contains("\"start\": \"2027-03-01\"", text, StringComparison.Ordinal);
        Assert.Equal(original.Periods.ToArray(), back.Periods.ToArray());
        Assert.Equal(original with { Periods = back.Periods }, back);
    }

    [Theory]
    [InlineData("""{"start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2}""", "x.json: name: is required but missing")]
    [InlineData("""{"name":" ","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2}""", "x.json: name: must not be empty")]
    [InlineData("""{"name":"A","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2}""", "x.json: start: is required but missing")]
    [InlineData("""{"name":"A","start":"2026-01-15","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2}""", "x.json: start: must be the 1st of a month")]
    [InlineData("""{"name":"A","start":"Jan 2026","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2}""", "x.json: start: must be a month as yyyy-MM")]
    [InlineData("""{"name":"A","start":"2026-13","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2}""", "x.json: start: must be a month as yyyy-MM")]
    [InlineData("""{"name":"A","start":"2026-01","committedDiscount":0.2}""", "x.json: periods: is required but missing")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1e28}],"committedDiscount":0.2}""", "x.json: periods[0].commitment: must be at most 1,000,000,000,000,000 dollars")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[],"committedDiscount":0.2}""", "x.json: periods: must hold at least one period, found none")]
    [InlineData("""{"name":"A","start":"2026-01","periods":{"months":12},"committedDiscount":0.2}""", "x.json: periods: must be an array of periods, found an object")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1},{"months":12,"commitment":-5}],"committedDiscount":0.2}""", "x.json: periods[1].commitment: must be ≥ 0, found -5")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":"1200"}],"committedDiscount":0.2}""", "x.json: periods[0].commitment: must be a number, found the string \"1200\"")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12}],"committedDiscount":0.2}""", "x.json: periods[0].commitment: is required but missing")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":0,"commitment":1}],"committedDiscount":0.2}""", "x.json: periods[0].months: must be a whole number of months from 1 to 120, found 0")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12.5,"commitment":1}],"committedDiscount":0.2}""", "x.json: periods[0].months: must be a whole number, found 12.5")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1,"discount":0.3}],"committedDiscount":0.2}""", "x.json: periods[0].discount: unknown field")]
    [InlineData("""{"name":"A","start":"2026-01","termMonths":36,"periods":[{"months":12,"commitment":1},{"months":12,"commitment":1}],"committedDiscount":0.2}""", "x.json: termMonths: must equal the sum of periods[].months (24), found 36")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}]}""", "x.json: committedDiscount: is required but missing")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":1}""", "x.json: committedDiscount: must be in [0, 1), found 1")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":-0.1}""", "x.json: committedDiscount: must be in [0, 1), found -0.1")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2,"overageDiscount":0.3}""", "x.json: overageDiscount: must not exceed committedDiscount (0.2), found 0.3")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2,"carryover":{"fraction":1.5,"cap":0.1}}""", "x.json: carryover.fraction: must be in [0, 1], found 1.5")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2,"carryover":{"fraction":0.5,"cap":-1}}""", "x.json: carryover.cap: must be in [0, 1], found -1")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2,"carryover":{"fraction":0.5}}""", "x.json: carryover.cap: is required but missing")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2,"billing":"monthly"}""", "x.json: billing: must be \"arrears\" or \"prepaid\", found \"monthly\"")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2,"priceProtection":"yes"}""", "x.json: priceProtection: must be true or false, found the string \"yes\"")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2,"renewal":"auto"}""", "x.json: renewal: unknown field")]
    [InlineData("""{"name":"A","name":"B","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2}""", "x.json: name: appears more than once")]
    [InlineData("""{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2,}""", "x.json: not valid JSON: line 1")]
    [InlineData("""[1,2]""", "x.json: must be an object, found an array")]
    public void A_malformed_contract_is_refused_with_the_field_named(string json, string expected)
    {
        var e = Assert.Throws<ContractException>(() => ContractJson.Parse(json, "x.json"));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.IsAssignableFrom<InputException>(e);
    }

    [Fact]
    public void The_exception_carries_the_field_path()
    {
        var e = Assert.Throws<ContractException>(() => ContractJson.Parse(
            """{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1},{"months":12,"commitment":-5}],"committedDiscount":0.2}""", "x.json"));

        Assert.Equal("periods[1].commitment", e.Field);
        Assert.Equal("x.json", e.SourceName);
    }
}
