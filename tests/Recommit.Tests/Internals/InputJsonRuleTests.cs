using Recommit.Contracts;
using Recommit.Levers;
using Recommit.Pricing;

namespace Recommit.Tests.Internals;

/// <summary>Contract, levers and price-book files follow one JSON rule: standard JSON, no comments, no trailing commas.</summary>
public class InputJsonRuleTests
{
    private const string Contract = """{"name":"A","start":"2026-01","periods":[{"months":12,"commitment":1}],"committedDiscount":0.2}""";
    private const string Levers = """{"levers":[]}""";


    private static Exception Read(string kind, string json) => kind switch
    {
        "contract" => Assert.Throws<ContractException>(() => ContractJson.Parse(json, "x.json")),
        "levers" => Assert.Throws<LeverException>(() => LeverFile.Parse(json, "x.json")),
        _ => Assert.Throws<PriceBookException>(() => PriceBook.Default.Overlay(json, "x.json")),
    };

    [Theory]
    [InlineData("contract")]
    [InlineData("levers")]
    [InlineData("prices")]
    public void A_comment_or_a_trailing_comma_is_refused_with_its_line(string kind)
    {
        var valid = kind switch { "contract" => Contract, "levers" => Levers, _ => """{"version":"x"}""" };
        string[] broken = ["// a comment\n" + valid, "/* a comment */" + valid, valid[..^1] + ",\n}"];
        foreach (var json in broken)
        {
            var e = Read(kind, json);
            Assert.Contains("x.json", e.Message, StringComparison.Ordinal);
            Assert.Contains("not valid JSON: line ", e.Message, StringComparison.Ordinal);
        }
    }
}
