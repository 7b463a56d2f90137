using System.Globalization;

namespace Recommit.Import.ClickHouse;

/// <summary>
/// A column of the table as <c>DESCRIBE TABLE</c> reports it, and the SQL that reads it the way the gateway importer
/// reads a file's column: a UTC day from a time, a text or a Unix number; a count checked per row (whole,
/// non-negative, at most 18 digits; NULL or empty is 0).
/// </summary>
internal sealed record ClickHouseColumn(string Name, string Type)
{
    /// <summary>The largest count a row may hold, as in the gateway importer.</summary>
    public const long MaxCount = 999_999_999_999_999_999;

    public string Sql => ClickHouseSql.Identifier(Name);

    /// <summary>The type without <c>Nullable(…)</c> and <c>LowCardinality(…)</c>.</summary>
    public string BaseType
    {
        get
        {
            var t = Type.Trim();
            while (true)
            {
                if (t.StartsWith("Nullable(", StringComparison.Ordinal) && t.EndsWith(')')) t = t[9..^1];
                else if (t.StartsWith("LowCardinality(", StringComparison.Ordinal) && t.EndsWith(')')) t = t[15..^1];
                else return t;
            }
        }
    }

    public bool IsNullable => Type.Contains("Nullable(", StringComparison.Ordinal);

    private bool IsTime => BaseType.StartsWith("DateTime", StringComparison.Ordinal) || BaseType.StartsWith("Date", StringComparison.Ordinal);
    private bool IsDate => BaseType is "Date" or "Date32";
    /// <summary>Whether the column holds whole numbers (UInt*/Int*), so that a row's count is valid exactly when its UInt64 cast is at most <see cref="MaxCount"/>.</summary>
    public bool IsInteger => IsUnsigned || IsSigned;

    /// <summary>Whether every value of the type lies in 0 to 2³² − 1 (UInt8 to UInt32), so the fast query need not test it.</summary>
    public bool IsSmall => IsUnsigned && Bits <= 32;

    private bool IsUnsigned => BaseType.StartsWith("UInt", StringComparison.Ordinal);
    private bool IsSigned => BaseType.StartsWith("Int", StringComparison.Ordinal);
    private bool IsFloat => BaseType.StartsWith("Float", StringComparison.Ordinal) || BaseType.StartsWith("Decimal", StringComparison.Ordinal);
    private int Bits => int.TryParse(new string([.. BaseType.Where(char.IsAsciiDigit)]), NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : 64;

    /// <summary>The column as text (NULL stays NULL).</summary>
    public string Text => BaseType == "String" ? Sql : $"toString({Sql})";

    /// <summary>The column as trimmed text.</summary>
    public string TrimmedText => $"replaceRegexpAll(toString({Sql}), '^\\\\s+|\\\\s+$', '')";

    /// <summary>
    /// The UTC day of a timestamp column: a DateTime's own instant; a text as ISO-8601 starting yyyy-MM-dd (naive = UTC) or Unix seconds or
    /// milliseconds; a number as Unix seconds or milliseconds. NULL when it is none of these.
    /// </summary>
    public string Day
    {
        get
        {
            if (IsDate) return Sql;
            if (IsTime) return $"toDate({Sql}, 'UTC')";
            if (IsUnsigned || IsSigned || IsFloat)
                return $"multiIf({Sql} >= 100000000 AND {Sql} < 4294967296, toDate(toDateTime(toUInt32({Sql}), 'UTC'), 'UTC'), " +
                       $"{Sql} >= 100000000000 AND {Sql} < 4294967296000, toDate(toDateTime(toUInt32(intDiv(toUInt64({Sql}), 1000)), 'UTC'), 'UTC'), NULL)";
            var s = TrimmedText;
            return $"multiIf(match({s}, '^[0-9]{{9,10}}(\\\\.[0-9]+)?$') AND toFloat64OrZero({s}) < 4294967296, toDate(toDateTime(toUInt32(toFloat64OrZero({s})), 'UTC'), 'UTC'), " +
                   $"match({s}, '^[0-9]{{12,13}}$') AND toUInt64OrZero({s}) < 4294967296000, toDate(toDateTime(toUInt32(intDiv(toUInt64OrZero({s}), 1000)), 'UTC'), 'UTC'), " +
                   $"match({s}, '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}'), toDate(parseDateTimeBestEffortOrNull({s}, 'UTC'), 'UTC'), NULL)";
        }
    }

    /// <summary>Whether a row's count is valid (NULL and empty are 0, so valid); null when every value of the type is.</summary>
    public string? CountOk
    {
        get
        {
            string? check;
            if (IsUnsigned) check = Bits <= 32 ? null : $"{Sql} <= {MaxCount}";
            else if (IsSigned) check = Bits <= 32 ? $"{Sql} >= 0" : $"{Sql} >= 0 AND {Sql} <= {MaxCount}";
            else if (IsFloat) check = $"isFinite(toFloat64({Sql})) AND toFloat64({Sql}) >= 0 AND toFloat64({Sql}) = floor(toFloat64({Sql})) AND toFloat64({Sql}) < 1e18";
            else check = $"{TrimmedText} = '' OR match({TrimmedText}, '^\\\\+?[0-9]{{1,18}}(\\\\.0+)?$')";
            return check is null ? null : IsNullable ? $"ifNull({check}, 1)" : $"({check})";
        }
    }

    /// <summary>The count as UInt64 (0 for NULL or empty); only meaningful where <see cref="CountOk"/> holds.</summary>
    public string CountValue
    {
        get
        {
            var v = IsUnsigned ? (Bits <= 64 ? Sql : $"toUInt64({Sql})")
                : IsSigned ? $"toUInt64({Sql})" : IsFloat ? $"toUInt64(toFloat64({Sql}))"
                : $"toUInt64OrZero(replaceRegexpAll({TrimmedText}, '^\\\\+|\\\\.0+$', ''))";
            return IsNullable ? $"ifNull({v}, 0)" : v;
        }
    }

    /// <summary>Why a count is not valid, for a row where <see cref="CountOk"/> fails.</summary>
    public string CountProblem(string logical)
    {
        var text = $"substring({TrimmedText}, 1, 40)";
        return $"concat('{logical}: ''', {text}, ''' is ', multiIf(like({text}, '-%'), 'negative', match({text}, '^[0-9]+(\\\\.0+)?$'), 'too large', 'not a whole number'))";
    }
}
