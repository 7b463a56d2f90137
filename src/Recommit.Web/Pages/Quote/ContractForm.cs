using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Recommit.Contracts;

namespace Recommit.Web.Pages.Quote;

/// <summary>
/// The contract as the quote form takes it, one input per field of the contract schema (docs/contracts.md), named by
/// the field's JSON path so that the loader's message ("periods[0].commitment: …") lands beside its input. Up to
/// <see cref="PeriodRows"/> true-up periods; rows left empty are skipped.
/// </summary>
internal sealed record ContractForm(IReadOnlyDictionary<string, string> Values)
{
    public const int PeriodRows = 3;

    public static readonly string[] Names =
    [
        "name", "start", "committedDiscount", "overageDiscount", "carryover.fraction", "carryover.cap", "billing", "priceProtection",
        .. Enumerable.Range(0, PeriodRows).SelectMany(i => new[] { $"periods[{i}].months", $"periods[{i}].commitment" }),
    ];

    public string this[string name] => Values.TryGetValue(name, out var v) ? v : "";

    public static ContractForm From(IFormCollection form) =>
        new(Names.ToDictionary(n => n, n => form[n].ToString().Trim(), StringComparer.Ordinal));

    /// <summary>An empty form with the defaults a new visitor sees.</summary>
    public static ContractForm Empty() => new(Names.ToDictionary(n => n, n => n switch
    {
        "overageDiscount" or "carryover.fraction" or "carryover.cap" => "0",
        "billing" => "arrears",
        _ => "",
    }, StringComparer.Ordinal));

    /// <summary>
    /// The contract, or the errors by field: numbers that do not parse are caught here, every rule of the schema by
    /// the contract loader itself (the same checks as <c>recommit analyze</c>).
    /// </summary>
    public (Contract? Contract, Dictionary<string, string> Errors) Parse()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var json = new JsonObject { ["name"] = this["name"], ["start"] = this["start"] };
        var periods = new JsonArray();
        for (var i = 0; i < PeriodRows; i++)
        {
            string months = $"periods[{i}].months", commitment = $"periods[{i}].commitment";
            if (this[months].Length == 0 && this[commitment].Length == 0) continue;
            var index = periods.Count;
            periods.Add(new JsonObject { ["months"] = Whole(months, errors), ["commitment"] = Number(commitment, errors) });
            if (index != i) errors.TryAdd(months, $"{months}: fill the periods in order, from the first row");
        }
        json["periods"] = periods;
        json["committedDiscount"] = Number("committedDiscount", errors);
        json["overageDiscount"] = Number("overageDiscount", errors);
        json["carryover"] = new JsonObject { ["fraction"] = Number("carryover.fraction", errors), ["cap"] = Number("carryover.cap", errors) };
        json["billing"] = this["billing"];
        json["priceProtection"] = this["priceProtection"] is "true" or "on";
        if (periods.Count == 0) errors.TryAdd("periods[0].months", "periods: give at least one period (months and commitment)");
        if (errors.Count > 0) return (null, errors);
        try
        {
            return (ContractJson.Parse(json.ToJsonString(), "contract"), errors);
        }
        catch (ContractException e)
        {
            errors[FieldOf(e.Field)] = e.Message;
            return (null, errors);
        }
    }

    /// <summary>The input a loader's field is about: the form field it names or lies under, else the first one.</summary>
    private static string FieldOf(string path)
    {
        if (path == "periods") return "periods[0].months";
        return Names.Where(n => path == n || path.StartsWith(n + ".", StringComparison.Ordinal)).OrderByDescending(n => n.Length).FirstOrDefault()
            ?? Names.FirstOrDefault(n => path.Length > 0 && n.StartsWith(path + ".", StringComparison.Ordinal))
            ?? "name";
    }

    private JsonNode? Number(string name, Dictionary<string, string> errors)
    {
        if (decimal.TryParse(this[name].Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var d)) return d;
        errors.TryAdd(name, this[name].Length == 0 ? $"{name}: required" : $"{name}: '{this[name]}' is not a number");
        return null;
    }

    private JsonNode? Whole(string name, Dictionary<string, string> errors)
    {
        if (int.TryParse(this[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        errors.TryAdd(name, this[name].Length == 0 ? $"{name}: required" : $"{name}: '{this[name]}' is not a whole number of months");
        return null;
    }
}
