using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Recommit.Analysis;
using Recommit.Negotiation;

namespace Recommit.Web.Pages.Workspace;

/// <summary>
/// The account page's package controls as a scenarios file with one package (docs/negotiation.md): the annual commitment,
/// the term in months from a start month, the committed discount and the carryover (fraction and cap). The term is cut
/// into 12-month true-up periods (the last one shorter when the term is not whole years), each committing its share of
/// the annual figure; billing, overage discount and price protection are the current contract's. The engine's scenario
/// reader checks every field and names the one that is wrong.
/// </summary>
internal sealed record PackageForm(IReadOnlyDictionary<string, string> Values)
{
    public const string PackageName = "What-if package";

    public static readonly string[] Names = ["package.start", "package.annualCommit", "package.termMonths", "package.discount", "package.carryover", "package.carryoverCap"];

    public string this[string name] => Values.TryGetValue(name, out var v) ? v : "";

    public static PackageForm From(IFormCollection form) => new(Names.ToDictionary(n => n, n => form[n].ToString().Trim(), StringComparer.Ordinal));

    /// <summary>The recommended package's terms when there is one, else the current contract's from the as-of month.</summary>
    public static PackageForm Defaults(AnalysisResult result)
    {
        var recommended = result.Negotiation is { } n ? n.Valuation.Packages.FirstOrDefault(p => p.Package.Name == n.Recommendation.Package)?.Package : null;
        var terms = recommended?.Terms ?? result.Contract;
        var annual = recommended?.AnnualCommit.Value ?? result.Contract.Periods.Sum(p => p.Commitment.Value) * 12m / result.Contract.TermMonths;
        string D(decimal d) => d.ToString("0.####", CultureInfo.InvariantCulture);
        return new(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["package.start"] = (recommended?.Terms.Start ?? Time.YearMonth.Of(result.AsOf)).ToString(),
            ["package.annualCommit"] = Math.Round(annual, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture),
            ["package.termMonths"] = (recommended?.Terms.TermMonths ?? 24).ToString(CultureInfo.InvariantCulture),
            ["package.discount"] = D(terms.CommittedDiscount),
            ["package.carryover"] = D(terms.Carryover.Fraction),
            ["package.carryoverCap"] = D(terms.Carryover.Cap),
        });
    }

    /// <summary>The scenarios file's JSON for the package; a number that does not parse is named here, the rest by the reader.</summary>
    public string ScenariosJson(Contracts.Contract current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var annual = Number("package.annualCommit");
        var term = int.TryParse(this["package.termMonths"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) && t is >= 1 and <= 120 ? t
            : throw new InputException($"package.termMonths: '{this["package.termMonths"]}' is not a whole number of months from 1 to 120");
        var periods = new JsonArray();
        for (var done = 0; done < term; done += 12)
        {
            var months = Math.Min(12, term - done);
            periods.Add(new JsonObject { ["months"] = months, ["commitment"] = Math.Round(annual * months / 12m, 2, MidpointRounding.AwayFromZero) });
        }
        var package = new JsonObject
        {
            ["name"] = PackageName,
            ["start"] = this["package.start"],
            ["periods"] = periods,
            ["committedDiscount"] = Number("package.discount"),
            ["overageDiscount"] = Math.Min(current.OverageDiscount, Number("package.discount")),
            ["carryover"] = new JsonObject { ["fraction"] = Number("package.carryover"), ["cap"] = Number("package.carryoverCap") },
            ["billing"] = current.Billing.ToString().ToLowerInvariant(),
            ["priceProtection"] = current.PriceProtection,
        };
        return new JsonObject { ["packages"] = new JsonArray(package) }.ToJsonString();
    }

    /// <summary>The package as valued by the engine, found by its name among the negotiation's packages.</summary>
    public static PackageValue? Valued(NegotiationResult negotiation) =>
        negotiation.Valuation.Packages.FirstOrDefault(p => p.Package.Name == PackageName);

    private decimal Number(string name) =>
        decimal.TryParse(this[name].Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d
        : throw new InputException($"{name}: '{this[name]}' is not a number{(name == "package.annualCommit" ? " of dollars" : " (a fraction such as 0.2)")}");
}
