using System.Globalization;
using Recommit.Import.Internals;
using Recommit.Pricing;

namespace Recommit.Import.Prices;

/// <summary>
/// A user's own price sheet as CSV (their negotiated rates, or list prices they collected): a header
/// <c>model,input,cache_write_5m,cache_write_1h,cache_read,output[,effective]</c> and one model a line, rates in USD per
/// MTok. Every rate column but <c>input</c> and <c>output</c> may be empty (the price book's rate is kept). Every model
/// must be one the price book knows. Errors name the file and line (docs/pricing.md, "Bring in prices").
/// </summary>
public static class PriceSheetCsv
{
    /// <summary>Reads the sheet; a bad cell stops the import naming file, line and column.</summary>
    public static IReadOnlyList<ExternalPrice> Read(TextReader text, string file, PriceBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        using var table = CsvTable.Open(text, file);
        var model = table.Required("model");
        var input = table.Required("input");
        var output = table.Required("output");
        var write5m = table.Optional("cache_write_5m");
        var write1h = table.Optional("cache_write_1h");
        var read = table.Optional("cache_read");
        var effective = table.Optional("effective");
        var prices = new List<ExternalPrice>();
        while (table.Read())
        {
            var name = table.Get(model).Trim();
            if (name.Length == 0) throw new ImportException(file, table.Line, "model: empty");
            if (!book.TryResolve(name, out var id))
                throw new ImportException(file, table.Line, $"model: '{name}' is not in the price book (add the model to a price-book file first; see docs/pricing.md)");
            DateOnly? day = null;
            if (effective >= 0 && table.Get(effective).Trim() is { Length: > 0 } e)
            {
                if (!DateOnly.TryParseExact(e, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    throw new ImportException(file, table.Line, $"effective: expected yyyy-MM-dd, found '{e}'");
                day = d;
            }
            prices.Add(new ExternalPrice(name, $"{file}:{table.Line}", id,
                Rate(table, input, "input", file, required: true),
                Rate(table, write5m, "cache_write_5m", file),
                Rate(table, write1h, "cache_write_1h", file),
                Rate(table, read, "cache_read", file),
                Rate(table, output, "output", file, required: true),
                null, null, null, day));
        }
        if (prices.Count == 0) throw new ImportException(file, null, "no data rows (a header and at least one model line are needed)");
        return prices;
    }

    private static decimal? Rate(CsvTable table, int column, string name, string file, bool required = false)
    {
        if (column < 0) return null;
        var cell = table.Get(column).Trim();
        if (cell.Length == 0)
            return required ? throw new ImportException(file, table.Line, $"{name}: empty (USD per million tokens)") : null;
        if (!decimal.TryParse(cell, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) || v > 100_000m)
            throw new ImportException(file, table.Line, $"{name}: expected USD per million tokens (a number ≥ 0, e.g. 3 or 0.30), found '{cell}'");
        return v;
    }
}
