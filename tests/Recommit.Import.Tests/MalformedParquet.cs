using System.Globalization;
using DuckDB.NET.Data;
using Recommit.Import.Internals;

namespace Recommit.Import.Tests;

/// <summary>
/// The Parquet side of the docs/quality.md R1 corpus (<see cref="MalformedCorpus"/>): a valid CSV sample written as
/// Parquet by DuckDB with its own type detection, then damaged in the columns (wrong types, a missing column,
/// negative or huge numbers, an all-null column) or in the bytes (truncated, bad magic).
/// </summary>
internal static class MalformedParquet
{
    public static readonly string[] Damages = ["pq-truncate", "pq-wrong-types", "pq-missing-column", "pq-negative", "pq-huge", "pq-null", "pq-bad-magic"];

    /// <summary>Values of another type than a column holds: a list, a struct, a boolean, text, a date, NaN, bytes, an interval.</summary>
    private static readonly string[] WrongValues =
        ["[1, 2]", "{'a': 1}", "true", "'not a number'", "DATE '1970-01-01'", "'nan'::DOUBLE", "'\\x00\\xFF'::BLOB", "INTERVAL 3 DAY"];

    private static readonly string[] HugeValues =
        ["170141183460469231731687303715884105727::HUGEINT", "9223372036854775807::BIGINT", "1e308::DOUBLE", "'infinity'::DOUBLE", "99999999999999999999999999999999999999::DECIMAL(38,0)"];

    /// <summary>The sample as Parquet with the damages applied (those not of this class are ignored).</summary>
    public static byte[] Make(string csvText, IReadOnlyList<string> damages, Random random)
    {
        var dir = Directory.CreateTempSubdirectory("recommit-corpus-parquet-");
        try
        {
            var csv = Path.Combine(dir.FullName, "sample.csv");
            var parquet = Path.Combine(dir.FullName, "sample.parquet");
            File.WriteAllText(csv, csvText);
            using var connection = DuckDb.Open();
            var source = $"read_csv({DuckDb.Literal(csv)}, header = true, ignore_errors = true)";
            var columns = Columns(connection, source);
            var numeric = columns.Where(c => c.Type is "BIGINT" or "INTEGER" or "DOUBLE" or "SMALLINT" or "TINYINT" or "HUGEINT" || c.Type.StartsWith("DECIMAL", StringComparison.Ordinal)).ToList();
            if (numeric.Count == 0) numeric = columns;
            var replaced = new Dictionary<string, string>(StringComparer.Ordinal);
            var excluded = new HashSet<string>(StringComparer.Ordinal);
            (string Name, string Type) Any(List<(string Name, string Type)> from) => from[random.Next(from.Count)];
            foreach (var damage in damages)
            {
                switch (damage)
                {
                    case "pq-wrong-types": replaced[Any(columns).Name] = WrongValues[random.Next(WrongValues.Length)]; break;
                    case "pq-negative": replaced[Any(numeric).Name] = (-random.Next(1, 100_000)).ToString(CultureInfo.InvariantCulture); break;
                    case "pq-huge": replaced[Any(numeric).Name] = HugeValues[random.Next(HugeValues.Length)]; break;
                    case "pq-null":
                        var (name, type) = Any(columns);
                        replaced[name] = $"CAST(NULL AS {type})";
                        break;
                    case "pq-missing-column":
                        if (excluded.Count < columns.Count - 1) excluded.Add(Any(columns).Name);
                        break;
                }
            }
            foreach (var name in excluded) replaced.Remove(name);
            var select = "SELECT *"
                + (excluded.Count > 0 ? $" EXCLUDE ({string.Join(", ", excluded.Select(DuckDb.Identifier))})" : "")
                + (replaced.Count > 0 ? $" REPLACE ({string.Join(", ", replaced.Select(r => $"{r.Value} AS {DuckDb.Identifier(r.Key)}"))})" : "")
                + $" FROM {source}";
            DuckDb.Execute(connection, $"COPY ({select}) TO {DuckDb.Literal(parquet)} (FORMAT parquet)");
            var bytes = File.ReadAllBytes(parquet);
            if (damages.Contains("pq-truncate")) bytes = bytes[..random.Next(bytes.Length)];
            if (damages.Contains("pq-bad-magic") && bytes.Length >= 8)
            {
                var at = random.Next(2) == 0 ? 0 : bytes.Length - 4;
                "PAR0"u8.CopyTo(bytes.AsSpan(at));
            }
            return bytes;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static List<(string Name, string Type)> Columns(DuckDBConnection connection, string source)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DESCRIBE SELECT * FROM {source}";
        using var reader = command.ExecuteReader();
        var columns = new List<(string, string)>();
        while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }
}
