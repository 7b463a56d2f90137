using Recommit.Import.Internals;
using Recommit.Import.Output;
using Recommit.Money;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Import.Canonical;

/// <summary>
/// The generic monthly spend CSV for buyers who only have spend: <c>month,model,list_usd</c>, where <c>month</c> is
/// <c>yyyy-MM</c>, <c>model</c> a model or a family (opus, sonnet, haiku, fable, mythos) and <c>list_usd</c> the
/// list-price dollars (non-negative). An optional <c>currency</c> column must be USD on every row.
/// </summary>
public static class SpendCsv
{
    public const string FormatName = "spend";

    public static SpendImport Read(string path)
    {
        using var reader = FileText.Open(path);
        return Read(reader, path);
    }

    public static SpendImport Read(TextReader text, string fileName)
    {
        var diag = new ImportDiagnostics(fileName, FormatName);
        var rows = new Dictionary<(YearMonth, string), Usd>();
        using var csv = CsvTable.Open(text, fileName);
        var month = csv.Required("month");
        var model = csv.Required("model");
        var amount = csv.Required("list_usd");
        var currency = csv.Optional("currency");
        while (csv.Read())
        {
            diag.Read();
            var line = csv.Line;
            if (!csv.HasAllColumns) { diag.Reject(line, $"expected {csv.ColumnCount} fields, found {csv.FieldCount}"); continue; }
            if (currency >= 0 && !string.IsNullOrWhiteSpace(csv.Get(currency)) && !csv.Get(currency).Trim().Equals("USD", StringComparison.OrdinalIgnoreCase))
                throw new ImportException(fileName, line, $"currency: '{FieldParsers.Clip(csv.Get(currency))}' is not USD; mixed or foreign currencies are refused (convert to USD first)");
            // A row refused for its month or model still says what it was worth when its dollars parse.
            var worth = FieldParsers.TryParseMoney(csv.Get(amount), out var usd, out var err) ? usd : (decimal?)null;
            if (!YearMonth.TryParse(csv.Get(month), out var m)) { diag.Reject(line, $"month: '{FieldParsers.Clip(csv.Get(month))}' is not yyyy-MM", worth); continue; }
            if (!UsageWindow.ContainsMonth(m)) { diag.Reject(line, $"month: {UsageWindow.OutsideMonth(m)}", worth); continue; }
            var name = CsvText.Unneutralised(csv.Get(model).Trim());
            if (name.Length == 0) { diag.Reject(line, "model: empty", worth); continue; }
            if (worth is null) { diag.Reject(line, $"list_usd: {err}"); continue; }
            var key = (m, name.ToLowerInvariant());
            if (rows.ContainsKey(key)) diag.Duplicate();
            rows[key] = new Usd(usd);
            diag.Accept();
        }
        var table = new SpendTable([.. rows.OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2, StringComparer.Ordinal)
            .Select(p => new SpendRow(p.Key.Item1, p.Key.Item2, p.Value))]);
        return new SpendImport(table, diag.ToReport());
    }
}
