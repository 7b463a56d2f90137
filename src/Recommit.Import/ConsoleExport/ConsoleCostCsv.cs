using Recommit.Import.Formats;
using Recommit.Import.Internals;
using Recommit.Money;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Import.ConsoleExport;

/// <summary>
/// The Claude Console cost export (REFERENCE-anthropic.md §3):
/// <c>usage_date_utc,model,workspace,api_key,usage_type,context_window,token_type,cost_usd,list_price_usd,cost_type,
/// inference_geo,speed,api_key_id,api_key_status</c>. It carries dollars, not tokens, so it is imported into the
/// spend-only form: <c>list_price_usd</c> summed by month and model (display names resolved to canonical ids).
/// Tokens are not derived by dividing by a unit price: the cents are rounded in the file, so the quotient would be a
/// guess presented as a fact. Analyses that need tokens (token-kind levers, re-pricing at other rates, daily
/// forecasts) then work from the spend table's token mix and say so. A row seen twice is a duplicate.
/// </summary>
internal static class ConsoleCostCsv
{
    public const string FormatName = "console-cost";

    private static readonly string[] TokenTypes =
        ["input_no_cache", "output", "input_cache_read", "input_cache_write_5m", "input_cache_write_1h", "input_cache_write", "web_search", ""];

    public static bool Detect(FileSniff sniff) =>
        sniff.Container == FileContainer.Csv && sniff.Has("usage_date_utc", "model", "token_type", "list_price_usd");

    public static SpendImport Read(string path, ImportOptions? options = null)
    {
        using var reader = FileText.Open(path);
        return Read(reader, path, options);
    }

    public static SpendImport Read(TextReader text, string fileName, ImportOptions? options = null)
    {
        options ??= ImportOptions.Default;
        var diag = new ImportDiagnostics(fileName, FormatName);
        using var csv = CsvTable.Open(text, fileName);
        var date = csv.Required("usage_date_utc");
        var model = csv.Required("model");
        var listPrice = csv.Required("list_price_usd");
        var tokenType = csv.Optional("token_type");
        var cost = csv.Optional("cost_usd");
        var others = new[] { "workspace", "api_key", "api_key_id", "usage_type", "context_window", "cost_type", "inference_geo", "speed" }
            .Select(csv.Optional).Where(i => i >= 0).ToArray();

        var rows = new Dictionary<string, (YearMonth Month, string Model, decimal Usd)>(StringComparer.Ordinal);
        while (csv.Read())
        {
            options.Cancellation.ThrowIfCancellationRequested();
            diag.Read();
            var line = csv.Line;
            if (!csv.HasAllColumns) { diag.Reject(line, $"expected {csv.ColumnCount} fields, found {csv.FieldCount}"); continue; }
            if (!FieldParsers.TryParseUtcDay(csv.Get(date), out var day, out var dateError)) { diag.Reject(line, $"usage_date_utc: {dateError}"); continue; }
            var name = csv.Get(model).Trim();
            if (name.Length == 0) { diag.Reject(line, "model: empty"); continue; }
            var type = csv.Get(tokenType).Trim().ToLowerInvariant();
            if (!TokenTypes.Contains(type)) { diag.Reject(line, $"token_type: '{FieldParsers.Clip(type)}' is not one of {string.Join(", ", TokenTypes.Where(t => t.Length > 0))}"); continue; }
            if (!FieldParsers.TryParseMoney(csv.Get(listPrice), out var usd, out var moneyError)) { diag.Reject(line, $"list_price_usd: {moneyError}"); continue; }
            if (cost >= 0 && !string.IsNullOrWhiteSpace(csv.Get(cost)) && !FieldParsers.TryParseMoney(csv.Get(cost), out _, out var costError)) { diag.Reject(line, $"cost_usd: {costError}"); continue; }

            var stored = ModelNames.Resolve(name, options.Resolver, diag);
            var key = string.Join('\u001f', [day.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), name, type, .. others.Select(i => csv.Get(i).Trim())]);
            if (rows.ContainsKey(key)) diag.Duplicate();
            rows[key] = (new YearMonth(day.Year, day.Month), stored, usd);
            diag.Accept();
        }
        SpendTable table;
        try
        {
            table = new SpendTable([.. rows.Values
                .GroupBy(r => (r.Month, r.Model))
                .OrderBy(g => g.Key.Month).ThenBy(g => g.Key.Model, StringComparer.Ordinal)
                .Select(g => new SpendRow(g.Key.Month, g.Key.Model, new Usd(g.Sum(r => r.Usd))))]);
        }
        catch (OverflowException)
        {
            throw new ImportException(fileName, null, "list_price_usd: a month's total is too large to be a dollar amount");
        }
        return new SpendImport(table, diag.ToReport());
    }
}
