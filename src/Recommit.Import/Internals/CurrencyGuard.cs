namespace Recommit.Import.Internals;

/// <summary>Refuses a file whose rows are in more than one currency, naming the file and the first line that differs.</summary>
internal sealed class CurrencyGuard(string file)
{
    private string? _first;
    private long _firstLine;

    public void Check(string currency, long line)
    {
        var c = currency.Trim().ToUpperInvariant();
        if (c.Length == 0) return;
        if (_first is null)
        {
            _first = c;
            _firstLine = line;
            return;
        }
        if (c != _first)
            throw new ImportException(file, line,
                $"currency '{FieldParsers.Clip(currency.Trim())}' differs from '{_first}' on line {_firstLine}; mixed currencies in one file are refused (split the file by currency)");
    }
}
