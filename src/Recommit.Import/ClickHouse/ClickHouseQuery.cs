using System.Text;
using Recommit.Import.Gateway;

namespace Recommit.Import.ClickHouse;

/// <summary>
/// The SQL the importer sends, built only from checked identifiers, the importer's own expressions and escaped
/// literals. Each query is a single SELECT over the table, so that on a Distributed table every shard aggregates its
/// own rows and only the groups travel (a subquery would ship the rows to the server that was asked).
/// </summary>
internal static class ClickHouseQuery
{
    public static string Describe(ClickHouseRequest r) => $"DESCRIBE TABLE {Table(r)} FORMAT TabSeparated";

    /// <summary>
    /// The cube query, answered in RowBinary (<see cref="CubeRows"/> reads it): per raw UTC day (a <c>Date</c>; the
    /// zero date for a row with no day), model, workspace and tier (strings; NULL as empty), the rows (<c>rc_rows</c>:
    /// Float64 for <see cref="CubeQuery.Fast"/>, whose row count is also its guard (<see cref="FastRows"/>), else
    /// UInt64), for the other kinds the rows with an invalid count (<c>rc_bad</c>, UInt64), each token column's sum over
    /// the valid rows (Int64; Decimal128 for <see cref="CubeQuery.Exact"/>), and for <see cref="CubeQuery.Checked"/> a
    /// Float64 guard that tells the caller whether the answer can be trusted (else it asks the next kind). The keys are
    /// checked by the caller once per group.
    /// </summary>
    public static string Aggregate(ClickHouseRequest r, ClickHouseLayout c, CubeQuery kind)
    {
        var ok = kind == CubeQuery.Fast ? null : RowOk(c);
        var sb = new StringBuilder("SELECT ");
        sb.Append($"ifNull(toDate({c.Timestamp.Day}), toDate(0))").Append(" AS rc_day, ").Append(Key(c.Model)).Append(" AS rc_model, ");
        sb.Append(Key(c.Workspace)).Append(" AS rc_workspace, ").Append(Key(c.Tier)).Append(" AS rc_tier, ");
        if (kind == CubeQuery.Fast) sb.Append(FastRows(c)).Append(" AS rc_rows");
        else sb.Append("count() AS rc_rows, ").Append(ok is null ? "toUInt64(0)" : $"countIf(NOT ({ok}))").Append(" AS rc_bad");
        foreach (var (_, _, col) in c.Counts)
            sb.Append(", ").Append(kind switch
            {
                CubeQuery.Exact => Sum($"toDecimal128({col.CountValue}, 0)", ok),
                // Where the row count vouches for the group every count is whole, 0 to 2³² − 1, and no sum reaches 2⁶³: the column's own sum is exact.
                CubeQuery.Fast when !col.IsNullable => $"toInt64({Sum(col.Sql, ok)})",
                _ => $"toInt64({Sum($"toUInt64({col.CountValue})", ok)})",
            });
        if (kind == CubeQuery.Checked)
            sb.Append(", ").Append(Sum(string.Join(" + ", c.Counts.Select(k => $"toFloat64({k.Column.CountValue})")), ok)).Append(" AS rc_guard");
        sb.Append(" FROM ").Append(Table(r)).Append(Where(r, c, extra: null));
        sb.Append(" GROUP BY rc_day, rc_model, rc_workspace, rc_tier FORMAT RowBinary");
        return sb.ToString();

        static string Key(ClickHouseColumn? col) => col is null ? "''" : col.IsNullable ? $"ifNull({col.Text}, '')" : col.Text;
    }

    /// <summary>
    /// The fast query's row count, which is also its guard: a Float64 sum of 1 for a row whose every count lies in 0 to
    /// 2³² − 1 (<see cref="SmallCount"/>) and of 2³² for any other row, so that one aggregate the bare query has anyway
    /// says whether any row of the group is outside (a sum of positive numbers never falls back below 2³², which a
    /// UInt64 sum would after 2³² such rows). The test is one bitwise OR of the counts, masked: a negative count is
    /// sign-extended and so has high bits, as has one of 2³² or more. Columns whose every value is small (UInt8 to
    /// UInt32) are left out, and without any other the count is the plain <c>count()</c> (as Float64). A NULL count is 0.
    /// </summary>
    private static string FastRows(ClickHouseLayout c)
    {
        var wide = c.Counts.Select(k => k.Column).Where(col => !col.IsSmall).Select(col => col.IsNullable ? $"ifNull({col.Sql}, 0)" : col.Sql).ToList();
        if (wide.Count == 0) return "toFloat64(count())";
        var any = wide.Aggregate((a, b) => $"bitOr({a}, {b})");
        return $"sum(if(bitAnd({any}, -{SmallCount}) = 0, 1., {SmallCount}.))";
    }

    /// <summary>The counts the fast query vouches for lie below this (2³²).</summary>
    public const long SmallCount = 1L << 32;

    /// <summary>
    /// The fast query's answer for a group is exact when its row count (<see cref="FastRows"/>) is below this (2³¹):
    /// then every count is under 2³², and no sum of fewer than 2³¹ of them reaches 2⁶³.
    /// </summary>
    public const long FastRowsLimit = 1L << 31;

    /// <summary>
    /// Where a group's UInt64 sums may be unsafe: below 9·10¹⁸ (the <see cref="CubeQuery.Checked"/> query's Float64 sum
    /// of all counts, whose rounding error is far under 10⁻⁷ of it) every column's true sum is below
    /// <see cref="long.MaxValue"/>, so no UInt64 sum wrapped and every sum fits a cube cell.
    /// </summary>
    public const double GuardLimit = 9e18;

    private static string Sum(string value, string? ok) => ok is null ? $"sum({value})" : $"sumIf({value}, {ok})";

    /// <summary>
    /// The rejected rows' reasons, each with the number of rows behind it (the most frequent first, at most
    /// <see cref="ImportDiagnostics.MaxKeptRejections"/>): the same checks as <see cref="Aggregate"/> and the caller's
    /// key checks, in the gateway importer's order (timestamp, its day inside <see cref="UsageWindow"/>, model, tier,
    /// then each count).
    /// </summary>
    public static string Rejections(ClickHouseRequest r, ClickHouseLayout c)
    {
        var ts = c.Timestamp;
        var reason = new StringBuilder("multiIf(");
        reason.Append($"ifNull({ts.TrimmedText}, '') = '', 'timestamp: empty', ");
        reason.Append($"isNull({ts.Day}), concat('timestamp: ''', substring({ts.TrimmedText}, 1, 40), ''' is not a timestamp (ISO-8601 or Unix seconds/milliseconds)'), ");
        var outside = UsageWindow.Outside(UsageWindow.First)[10..];
        reason.Append($"NOT ({ts.Day} BETWEEN {ClickHouseSql.Date(UsageWindow.First)} AND {ClickHouseSql.Date(UsageWindow.Last)}), concat('timestamp: ', toString({ts.Day}), {ClickHouseSql.Literal(outside)}), ");
        reason.Append($"match(ifNull({c.Model.Text}, ''), '^\\\\s*$'), 'model: empty', ");
        if (c.Tier is { } tier)
        {
            var tiers = string.Join(", ", GatewayLog.Tiers.Keys.Select(ClickHouseSql.Literal));
            reason.Append($"lower(ifNull({tier.TrimmedText}, '')) NOT IN ({tiers}), concat('tier: ''', substring(ifNull({tier.TrimmedText}, ''), 1, 40), ''' is not standard, batch or priority'), ");
        }
        foreach (var (name, _, col) in c.Counts)
            if (col.CountOk is { } ok) reason.Append($"NOT {ok}, {col.CountProblem(name)}, ");
        reason.Append("'')");
        return $"SELECT {reason} AS rc_reason, count() AS rc_rows FROM {Table(r)}{Where(r, c, extra: "rc_reason != ''")} " +
               $"GROUP BY rc_reason ORDER BY rc_rows DESC, rc_reason LIMIT {ImportDiagnostics.MaxKeptRejections} FORMAT TabSeparated";
    }

    private static string? RowOk(ClickHouseLayout c)
    {
        var checks = c.Counts.Select(k => k.Column.CountOk).OfType<string>().ToList();
        return checks.Count == 0 ? null : string.Join(" AND ", checks);
    }

    private static string Table(ClickHouseRequest r) =>
        (r.Database is null ? "" : ClickHouseSql.Identifier(r.Database) + ".") + ClickHouseSql.Identifier(r.Table) + (r.Final ? " FINAL" : "");

    /// <summary>The filters (values as escaped literals) and the day range; on a DateTime column the range is on the column itself, so the table's index serves it.</summary>
    private static string Where(ClickHouseRequest r, ClickHouseLayout c, string? extra)
    {
        var terms = new List<string>();
        foreach (var group in c.Filters.GroupBy(f => (f.Column.Name, f.Filter.Negated, f.Filter.IgnoreCase)))
        {
            var col = group.First().Column;
            var text = group.Key.IgnoreCase ? $"lower({col.Text})" : col.Text;
            var values = group.Select(f => ClickHouseSql.Literal(group.Key.IgnoreCase ? f.Filter.Value.ToLowerInvariant() : f.Filter.Value)).Distinct();
            terms.Add($"{text} {(group.Key.Negated ? "NOT IN" : "IN")} ({string.Join(", ", values)})");
        }
        var ts = c.Timestamp;
        var onColumn = ts.BaseType.StartsWith("DateTime", StringComparison.Ordinal);
        if (r.From is { } from)
            terms.Add(onColumn ? $"{ts.Sql} >= {ClickHouseSql.DateTimeUtc(from)}" : $"{ts.Day} >= {ClickHouseSql.Date(from)}");
        if (r.To is { } to)
            terms.Add(onColumn ? $"{ts.Sql} < {ClickHouseSql.DateTimeUtc(to.AddDays(1))}" : $"{ts.Day} <= {ClickHouseSql.Date(to)}");
        if (extra is not null) terms.Add(extra);
        return terms.Count == 0 ? "" : " WHERE " + string.Join(" AND ", terms.Select(t => "(" + t + ")"));
    }
}
