using System.Globalization;
using System.Text.Json;
using Recommit.Money;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Import.AdminApi;

/// <summary>
/// Shared reading of cost rows (cost report and analytics cost): amounts in cents (decimal strings or numbers) to
/// dollars, USD only, summed by month and model; a bucket or row seen twice replaces the earlier copy.
/// </summary>
internal static class CostReader
{
    private readonly record struct Parsed(YearMonth Month, string Model, decimal BilledUsd, decimal? ListUsd);

    /// <summary>
    /// The accepted rows of one bucket (or flat analytics row), summed by month and model as they are read, so memory
    /// grows with buckets and models, not with rows; <see cref="Rows"/> counts them for the duplicate tally.
    /// </summary>
    private sealed class BucketSums
    {
        public readonly Dictionary<(YearMonth, string), (decimal Table, decimal Billed, decimal List, bool AnyList)> ByMonthModel = [];
        public int Rows;

        public void Add(Parsed p)
        {
            Rows++;
            var key = (p.Month, p.Model);
            var (table, billed, list, anyList) = ByMonthModel.GetValueOrDefault(key);
            ByMonthModel[key] = (table + (p.ListUsd ?? p.BilledUsd), billed + p.BilledUsd, list + (p.ListUsd ?? 0m), anyList || p.ListUsd is not null);
        }
    }

    public static CostImport Read(IReadOnlyList<JsonPage> pages, string reportName, string format, bool analytics, ModelNameResolver? resolver)
    {
        var diag = new ImportDiagnostics(reportName, format);
        // Identity of a bucket (or of a flat analytics row) → its accepted rows; a later copy replaces the earlier one.
        var groups = new Dictionary<string, BucketSums>(StringComparer.Ordinal);
        var order = new List<string>();
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var f = 0; f < pages.Count; f++)
        {
            var local = new Dictionary<string, BucketSums>(StringComparer.Ordinal);
            CostPageWalker.Walk(pages[f], f, format, row =>
            {
                if (!Utf8Valid(row.Element)) throw new ImportException(row.Source.File, row.Source.LineAt(row.Offset), $"{row.Path}: a string is not valid UTF-8 text");
                diag.Read();
                var line = row.Source.LineAt(row.Offset);
                if (!TryParse(row, analytics, out var parsed, out var error))
                {
                    diag.Reject(row.Source.File, line, error);
                    return;
                }
                parsed = parsed with { Model = Resolve(parsed.Model, resolver, resolved, diag) };
                diag.Accept();
                var id = row.Path.Contains(".results[", StringComparison.Ordinal)
                    ? $"b|{row.BucketStart?.UtcTicks}|{row.BucketEnd?.UtcTicks}"
                    : $"r|{row.BucketStart?.UtcTicks}|{row.BucketEnd?.UtcTicks}|{(row.Element.TryGetProperty("group", out var g) ? g.GetRawText() : "")}";
                if (!local.TryGetValue(id, out var sums)) local[id] = sums = new BucketSums();
                sums.Add(parsed);
            });
            foreach (var (id, sums) in local)
            {
                if (groups.TryGetValue(id, out var earlier))
                {
                    for (var i = 0; i < earlier.Rows; i++) diag.Duplicate();
                }
                else order.Add(id);
                groups[id] = sums;
            }
        }

        var byMonthModel = new SortedDictionary<(YearMonth, string), Usd>();
        decimal billedTotal = 0, listTotal = 0;
        var anyListTotal = false;
        foreach (var id in order)
        {
            foreach (var (key, (table, billed, list, anyList)) in groups[id].ByMonthModel)
            {
                billedTotal += billed;
                if (anyList) { anyListTotal = true; listTotal += list; }
                byMonthModel[key] = byMonthModel.GetValueOrDefault(key) + new Usd(table);
            }
        }
        var spend = new SpendTable([.. byMonthModel.Select(p => new SpendRow(p.Key.Item1, p.Key.Item2, p.Value))]);
        decimal? discount = anyListTotal && listTotal > 0 ? 1m - billedTotal / listTotal : null;
        return new CostImport(spend, diag.ToReport(), new Usd(billedTotal), anyListTotal ? new Usd(listTotal) : null, discount);
    }

    /// <summary>False when any string in the element (names included) is not valid UTF-8.</summary>
    private static bool Utf8Valid(JsonElement e)
    {
        try
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: _ = e.GetString(); return true;
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject()) { _ = p.Name; if (!Utf8Valid(p.Value)) return false; }
                    return true;
                case JsonValueKind.Array:
                    foreach (var x in e.EnumerateArray()) if (!Utf8Valid(x)) return false;
                    return true;
                default: return true;
            }
        }
        catch (InvalidOperationException) { return false; }
    }

    private static string Resolve(string model, ModelNameResolver? resolver, Dictionary<string, string> cache, ImportDiagnostics diag)
    {
        if (resolver is null) return model;
        if (cache.TryGetValue(model, out var stored)) return stored;
        if (!resolver(model, out stored))
        {
            // Non-model cost lines (code execution, sessions) are named by their description and are not flagged.
            if (model.Contains(' ', StringComparison.Ordinal) is false) diag.UnknownModel(model);
            stored = model;
        }
        cache[model] = stored;
        return stored;
    }

    private static bool TryParse(CostRow row, bool analytics, out Parsed parsed, out string error)
    {
        parsed = default;
        error = "";
        var e = row.Element;
        if (e.ValueKind != JsonValueKind.Object) { error = $"{row.Path}: expected an object"; return false; }
        var start = CostPageWalker.Time(e, "starting_at") ?? row.BucketStart;
        if (start is null) { error = $"{row.Path}: no starting_at on the row or its bucket"; return false; }

        // Amounts live on the row (cost report, bucketed analytics) or in its "cost" object (analytics rows).
        var nested = e.TryGetProperty("cost", out var c) && c.ValueKind == JsonValueKind.Object;
        var amounts = nested ? c : e;
        var amountPath = nested ? row.Path + ".cost" : row.Path;

        var currency = amounts.TryGetProperty("currency", out var cur) && cur.ValueKind == JsonValueKind.String ? cur.GetString() : null;
        if (currency is not null && !currency.Equals("USD", StringComparison.OrdinalIgnoreCase))
            throw new ImportException(row.Source.File, row.Source.LineAt(row.Offset),
                $"{amountPath}.currency: '{CostPageWalker.Clip(currency)}' is not USD; mixed or foreign currencies are refused");

        if (!TryCents(amounts, "amount", amountPath, required: true, out var billedCents, out error)) return false;
        decimal? listCents = null;
        if (analytics)
        {
            if (!TryCents(amounts, "list_amount", amountPath, required: true, out var l, out error)) return false;
            listCents = l;
        }

        var model = CostPageWalker.Text(e, "model") ?? CostPageWalker.Text(e, "description") ?? CostPageWalker.Text(e, "cost_type") ?? "(unattributed)";
        var day = DateOnly.FromDateTime(start.Value.UtcDateTime);
        if (!UsageWindow.Contains(day))
        {
            error = $"{row.Path}.starting_at: {UsageWindow.Outside(day)}";
            return false;
        }
        parsed = new Parsed(YearMonth.Of(day), model, billedCents / 100m, listCents / 100m);
        return true;
    }

    private static bool TryCents(JsonElement e, string name, string path, bool required, out decimal cents, out string error)
    {
        cents = 0;
        error = "";
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (!required) return true;
            error = $"{path}.{name}: missing";
            return false;
        }
        string text;
        if (v.ValueKind == JsonValueKind.String) text = v.GetString() ?? "";
        else if (v.ValueKind == JsonValueKind.Number) text = v.GetRawText();
        else { error = $"{path}.{name}: expected a decimal string of cents, found {v.ValueKind}"; return false; }
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out cents))
        {
            error = $"{path}.{name}: '{CostPageWalker.Clip(text)}' is not a decimal amount of cents";
            return false;
        }
        if (cents < 0) { error = $"{path}.{name}: '{CostPageWalker.Clip(text)}' is negative"; return false; }
        return true;
    }
}
