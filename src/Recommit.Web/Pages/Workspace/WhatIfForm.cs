using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Recommit.Web.Pages.Workspace;

/// <summary>
/// The account page's what-if controls as a levers file (docs/levers.md) and run settings: a routing lever (from, to,
/// share), a caching lever (cacheable share, hit rate), a batch lever (share), all from one start month, plus the
/// gap threshold τ and the number of paths. Shares are fractions, as in the levers file; an empty share leaves its
/// lever out. The engine's own checks name any field that is wrong.
/// </summary>
internal sealed record WhatIfForm(IReadOnlyDictionary<string, string> Values)
{
    public static readonly string[] Names = ["start", "routing.from", "routing.to", "routing.share", "caching.cacheableShare", "caching.hitRate", "batch.share", "threshold", "paths"];

    public string this[string name] => Values.TryGetValue(name, out var v) ? v : "";

    public static WhatIfForm From(IFormCollection form) => new(Names.ToDictionary(n => n, n => form[n].ToString().Trim(), StringComparer.Ordinal));

    public static WhatIfForm Defaults(string start, int paths) => new(Names.ToDictionary(n => n, n => n switch
    {
        "start" => start,
        "threshold" => "0.10",
        "paths" => paths.ToString(CultureInfo.InvariantCulture),
        _ => "",
    }, StringComparer.Ordinal));

    /// <summary>The levers file's JSON, or null when no lever is filled in.</summary>
    public string? LeversJson()
    {
        var levers = new JsonArray();
        if (this["routing.share"].Length > 0)
            levers.Add(new JsonObject { ["type"] = "routing", ["name"] = "What-if routing", ["start"] = this["start"], ["from"] = this["routing.from"], ["to"] = this["routing.to"], ["share"] = Number("routing.share") });
        if (this["caching.cacheableShare"].Length > 0 || this["caching.hitRate"].Length > 0)
            levers.Add(new JsonObject { ["type"] = "caching", ["name"] = "What-if caching", ["start"] = this["start"], ["cacheableShare"] = Number("caching.cacheableShare"), ["hitRate"] = Number("caching.hitRate") });
        if (this["batch.share"].Length > 0)
            levers.Add(new JsonObject { ["type"] = "batch", ["name"] = "What-if batch", ["start"] = this["start"], ["share"] = Number("batch.share") });
        return levers.Count == 0 ? null : new JsonObject { ["levers"] = levers }.ToJsonString();
    }

    public double Threshold => double.TryParse(this["threshold"], NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t
        : throw new InputException($"threshold: '{this["threshold"]}' is not a number");

    public int Paths => int.TryParse(this["paths"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p
        : throw new InputException($"paths: '{this["paths"]}' is not a whole number");

    private JsonNode Number(string name) =>
        decimal.TryParse(this[name], NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d)
        : throw new InputException($"{name}: '{this[name]}' is not a number (a share is a fraction such as 0.3)");
}
