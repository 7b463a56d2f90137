using Recommit.Contracts;
using Recommit.Levers;
using Recommit.Pricing;

namespace Recommit.Tests.Internals;

/// <summary>Contract, levers and price-book files follow one JSON rule: standard JSON with comments skipped, no trailing commas.</summary>
public class InputJsonRuleTests
{
    private const string Contract = """{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2}""";
    private const string Levers = """{"levers":[]}""";


    [Theory]
    [InlineData("contract")]
    [InlineData("levers")]
    [InlineData("prices")]
    public void Comments_are_skipped_and_a_trailing_comma_is_refused_with_its_line(string kind)
    {
        var valid = kind switch { "contract" => Contract, "levers" => Levers, _ => """{"version":"x","models":[]}""" };
        Read(kind, "// a comment\n" + valid);
        Read(kind, "/* a comment */" + valid);

        var e = Assert.ThrowsAny<InputException>(() => Read(kind, valid[..^1] + ",\n}"));
        Assert.Contains("x.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON: line 2, position 1", e.Message, StringComparison.Ordinal);
    }

    private static void Read(string kind, string json)
    {
        switch (kind)
        {
            case "contract": ContractJson.Parse(json, "x.json"); break;
            case "levers": LeverFile.Parse(json, "x.json"); break;
            default: PriceBook.Default.Overlay(json, "x.json"); break;
        }
    }
}
