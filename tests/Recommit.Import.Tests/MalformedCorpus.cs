using System.Text;

namespace Recommit.Import.Tests;

/// <summary>
/// The docs/quality.md R1 corpus: a deterministic generator of malformed inputs for every file importer. Each case starts
/// from a valid sample in the format's real column order and applies one to three damages: truncation, wrong
/// delimiter, invalid UTF-8, BOM, UTF-16, CRLF, quoted commas, stray quotes, huge/negative/NaN numbers, non-UTC
/// timestamps, shuffled and duplicated rows, unknown models, a second currency, ragged rows, garbage lines, an
/// empty / header-only / whitespace-only file, dates no Claude usage can have (0001, 9999, 1970, infinity), terminal
/// control characters, spreadsheet formulas, an unbalanced opening quote, or token counts whose sums overflow; for the
/// saved JSON pages also values of the wrong type, nesting deeper than the readers allow, duplicate keys and numbers
/// given as "NaN", "Infinity" or beyond any decimal; and Parquet files (<see cref="MalformedParquet"/>) truncated,
/// with bad magic, wrong column types, a missing column, negative or huge numbers or an all-null column.
/// </summary>
internal static partial class MalformedCorpus
{
    public sealed record Case(int Id, string Format, string Damage, byte[] Bytes, string Extension, bool Detect);

    /// <summary>A sample file: in this project's fixtures, or (when the corpus is linked into another test project) its corpus folder.</summary>
    private static string Sample(string name)
    {
        var linked = Path.Combine(AppContext.BaseDirectory, "corpus", name);
        return File.ReadAllText(File.Exists(linked) ? linked : Path.Combine(AppContext.BaseDirectory, "fixtures", name));
    }

    private static readonly (string Format, string Extension, string Sample)[] Samples =
    [
        ("console-usage", ".csv", Sample("console-usage.csv")),
        ("console-cost", ".csv", Sample("console-cost.csv")),
        ("focus", ".csv", Sample("focus.csv")),
        ("bedrock-cur", ".csv", Sample("bedrock-cur.csv")),
        ("vertex", ".csv", Sample("vertex.csv")),
        ("usage", ".csv", "date,model,token_kind,tokens,service_tier,context_band,channel,workspace,inference_geo,speed\n2026-08-05,claude-opus-5,output,100,standard,standard,anthropic,Default,global,standard\n2026-08-05,claude-opus-5,cache_read,7,batch,standard,bedrock,,global,standard\n2026-08-06,claude-sonnet-4-5,uncached_input,9,standard,long,vertex,x,us,fast\n"),
        ("spend", ".csv", "month,model,list_usd,currency\n2026-07,opus,1000.50,USD\n2026-08,sonnet,20,USD\n2026-08,claude-opus-5,3.25,USD\n"),
        ("analytics-usage", ".json", AnalyticsUsagePage),
        ("gateway", ".csv", Sample("gateway.csv")),
        ("gateway", ".jsonl", "{\"timestamp\":\"2026-08-05T10:00:00Z\",\"model\":\"claude-opus-5\",\"input_tokens\":100,\"output_tokens\":10}\n{\"timestamp\":\"2026-08-05T23:30:00-05:00\",\"model\":\"claude-opus-5\",\"input_tokens\":\"200\",\"output_tokens\":20,\"workspace\":\"w\"}\n"),
        ("usage-report", ".json", UsageReportPage),
        ("cost-report", ".json", CostReportPage),
        ("analytics", ".json", AnalyticsCostPage),
    ];

    /// <summary>
    /// A saved analytics usage page, one result per line so line damages hit rows: flat and nested (group/usage) rows,
    /// a code-execution row with no model, and a day bucket repeated at the end.
    /// </summary>
    private const string AnalyticsUsagePage =
        "{\"data\":[\n" +
        "{\"starting_at\":\"2026-08-05T00:00:00Z\",\"ending_at\":\"2026-08-06T00:00:00Z\",\"results\":[\n" +
        "{\"model\":\"claude-opus-5\",\"context_window\":\"0-200k\",\"inference_geo\":\"global\",\"speed\":\"standard\",\"product\":\"chat\",\"requests\":12,\"uncached_input_tokens\":1000,\"cache_creation\":{\"ephemeral_5m_input_tokens\":100,\"ephemeral_1h_input_tokens\":50},\"cache_read_input_tokens\":300,\"output_tokens\":200,\"server_tool_use\":{\"web_search_requests\":2}},\n" +
        "{\"group\":{\"model\":\"claude-sonnet-4-5\",\"product\":\"claude_code\",\"context_window\":\"200k-1M\",\"inference_geo\":\"us\",\"speed\":\"fast\"},\"usage\":{\"uncached_input_tokens\":70,\"output_tokens\":30,\"total_tokens\":100},\"requests\":2},\n" +
        "{\"model\":null,\"product\":null,\"requests\":4,\"uncached_input_tokens\":0,\"output_tokens\":0}]},\n" +
        "{\"starting_at\":\"2026-08-06T00:00:00Z\",\"ending_at\":\"2026-08-07T00:00:00Z\",\"results\":[\n" +
        "{\"group\":{\"model\":\"claude-opus-5\"},\"usage\":{\"uncached_input_tokens\":5,\"cache_read_input_tokens\":7,\"output_tokens\":9},\"requests\":1}]},\n" +
        "{\"starting_at\":\"2026-08-05T00:00:00Z\",\"ending_at\":\"2026-08-06T00:00:00Z\",\"results\":[\n" +
        "{\"model\":\"claude-opus-5\",\"requests\":3,\"uncached_input_tokens\":11,\"output_tokens\":13}]}\n" +
        "],\"has_more\":false,\"next_page\":null}\n";

    /// <summary>A saved messages usage report page, one result per line: two day buckets, a null workspace, a batch row.</summary>
    private const string UsageReportPage =
        "{\"data\":[\n" +
        "{\"starting_at\":\"2026-08-05T00:00:00Z\",\"ending_at\":\"2026-08-06T00:00:00Z\",\"results\":[\n" +
        "{\"model\":\"claude-opus-5\",\"workspace_id\":\"wrkspc_A\",\"service_tier\":\"standard\",\"context_window\":\"0-200k\",\"uncached_input_tokens\":1000,\"cache_creation\":{\"ephemeral_5m_input_tokens\":100,\"ephemeral_1h_input_tokens\":50},\"cache_read_input_tokens\":300,\"output_tokens\":200,\"server_tool_use\":{\"web_search_requests\":2}},\n" +
        "{\"model\":\"claude-sonnet-4-5\",\"workspace_id\":null,\"service_tier\":\"batch\",\"uncached_input_tokens\":70,\"output_tokens\":30}]},\n" +
        "{\"starting_at\":\"2026-08-06T00:00:00Z\",\"ending_at\":\"2026-08-07T00:00:00Z\",\"results\":[\n" +
        "{\"model\":\"claude-opus-5\",\"workspace_id\":\"wrkspc_A\",\"uncached_input_tokens\":5,\"cache_read_input_tokens\":7,\"output_tokens\":9}]}\n" +
        "],\"has_more\":false,\"next_page\":null}\n";

    /// <summary>A saved cost report page: amounts are decimal strings of cents, a code-execution line has no model.</summary>
    private const string CostReportPage =
        "{\"data\":[\n" +
        "{\"starting_at\":\"2026-08-05T00:00:00Z\",\"ending_at\":\"2026-08-06T00:00:00Z\",\"results\":[\n" +
        "{\"amount\":\"123.45\",\"currency\":\"USD\",\"model\":\"claude-opus-5\",\"description\":\"Claude Opus 5 Usage - Input Tokens\",\"cost_type\":\"tokens\"},\n" +
        "{\"amount\":\"250\",\"currency\":\"USD\",\"model\":null,\"description\":\"Code Execution Usage\",\"cost_type\":\"code_execution\"}]},\n" +
        "{\"starting_at\":\"2026-08-06T00:00:00Z\",\"ending_at\":\"2026-08-07T00:00:00Z\",\"results\":[\n" +
        "{\"amount\":\"7.5\",\"currency\":\"USD\",\"model\":\"claude-sonnet-4-5\",\"description\":\"Claude Sonnet 4.5 Usage - Output Tokens\",\"cost_type\":\"tokens\"}]}\n" +
        "],\"has_more\":false,\"next_page\":null}\n";

    /// <summary>A saved analytics cost page: rows of group and cost, list amount beside the amount.</summary>
    private const string AnalyticsCostPage =
        "{\"data\":[\n" +
        "{\"starting_at\":\"2026-08-05T00:00:00Z\",\"ending_at\":\"2026-08-06T00:00:00Z\",\"group\":{\"model\":\"claude-sonnet-4-5\",\"workspace_id\":null},\"cost\":{\"amount\":\"7000\",\"list_amount\":\"10000\",\"currency\":\"USD\",\"requests\":40}},\n" +
        "{\"starting_at\":\"2026-08-06T00:00:00Z\",\"ending_at\":\"2026-08-07T00:00:00Z\",\"group\":{\"model\":\"claude-opus-5\",\"workspace_id\":\"wrkspc_A\"},\"cost\":{\"amount\":\"14000\",\"list_amount\":\"20000\",\"currency\":\"USD\",\"requests\":null}}\n" +
        "],\"has_more\":false,\"next_page\":null}\n";

    private static readonly string[] Damages =
    [
        "truncate", "semicolons", "tabs", "invalid-utf8", "bom", "utf16", "crlf", "quoted-comma", "stray-quote", "huge", "negative",
        "nan", "non-utc", "shuffle", "duplicate", "unknown-model", "currency", "ragged-short", "ragged-long", "garbage-line",
        "empty", "header-only", "whitespace", "long-field", "nul-bytes", "exponent",
        "absurd-date", "control-chars", "formula", "unbalanced-quote", "overflow-pair",
        "wrong-type", "deep-nesting", "duplicate-key", "nan-string",
    ];

    /// <summary>Samples cheap to import (no DuckDB start): every one but the two gateway logs.</summary>
    private static readonly int[] Cheap = [.. Enumerable.Range(0, Samples.Length).Where(i => Samples[i].Format != "gateway")];

    /// <summary>Samples of the formats that also read Parquet (FOCUS, CUR, Vertex, the gateway CSV).</summary>
    private static readonly int[] ParquetBases = [.. Enumerable.Range(0, Samples.Length).Where(i => Samples[i].Format is "focus" or "bedrock-cur" or "vertex" || Samples[i] is ("gateway", ".csv", _))];

    public static IEnumerable<Case> Generate(int count, int seed = 20261125)
    {
        var random = new Random(seed);
        for (var id = 0; id < count; id++)
        {
            // Gateway and Parquet samples cost a DuckDB start each: they get a smaller share so the corpus stays quick.
            if (id % 15 == 7)
            {
                var baseSample = Samples[ParquetBases[random.Next(ParquetBases.Length)]];
                var pq = Enumerable.Range(0, 1 + random.Next(2)).Select(_ => MalformedParquet.Damages[random.Next(MalformedParquet.Damages.Length)]).Distinct().ToArray();
                yield return new Case(id, baseSample.Format, string.Join("+", pq), MalformedParquet.Make(baseSample.Sample, pq, random), ".parquet", Detect: random.Next(4) == 0);
                continue;
            }
            var sample = Samples[id % 30 != 0 ? Cheap[random.Next(Cheap.Length)] : Array.FindIndex(Samples, s => s.Format == "gateway") + random.Next(2)];
            var damages = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Damages[random.Next(Damages.Length)]).Distinct().ToArray();
            var text = sample.Sample;
            byte[]? bytes = null;
            foreach (var damage in damages)
            {
                if (bytes is not null && damage is not ("truncate" or "invalid-utf8" or "nul-bytes")) continue;
                bytes = Apply(damage, text, bytes, random, out text);
            }
            yield return new Case(id, sample.Format, string.Join("+", damages), bytes ?? Encoding.UTF8.GetBytes(text), sample.Extension, Detect: random.Next(4) == 0);
        }
    }

    /// <summary>Applies a damage to the text (returning null bytes) or, for byte-level damage, to the bytes.</summary>
    private static byte[]? Apply(string damage, string text, byte[]? bytes, Random random, out string newText)
    {
        newText = text;
        var lines = text.Split('\n').ToList();
        string Lines() => string.Join('\n', lines);
        int DataLine() => lines.Count > 1 ? 1 + random.Next(Math.Max(1, lines.Count - 2)) : 0;
        switch (damage)
        {
            case "truncate":
                var b = bytes ?? Encoding.UTF8.GetBytes(text);
                return b[..random.Next(b.Length + 1)];
            case "invalid-utf8":
                var u = (bytes ?? Encoding.UTF8.GetBytes(text)).ToList();
                u.InsertRange(random.Next(u.Count + 1), [0xC3, 0x28, 0xFF]);
                return [.. u];
            case "nul-bytes":
                var n = (bytes ?? Encoding.UTF8.GetBytes(text)).ToList();
                n.Insert(random.Next(n.Count + 1), 0);
                return [.. n];
            case "bom":
                return [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];
            case "utf16":
                return [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];
            case "semicolons": newText = text.Replace(',', ';'); break;
            case "tabs": newText = text.Replace(',', '\t'); break;
            case "crlf": newText = text.Replace("\n", "\r\n", StringComparison.Ordinal); break;
            case "quoted-comma": lines[DataLine()] = Field(lines[DataLine()], random, f => $"\"{f}, with a comma\""); newText = Lines(); break;
            case "stray-quote": lines[DataLine()] = Field(lines[DataLine()], random, f => f + "\""); newText = Lines(); break;
            case "huge": newText = ReplaceNumbers(text, random, () => random.Next(3) switch { 0 => "99999999999999999999999999", 1 => "9223372036854775807", _ => "1e308" }); break;
            case "negative": newText = ReplaceNumbers(text, random, () => "-" + random.Next(1, 1000)); break;
            case "nan": newText = ReplaceNumbers(text, random, () => random.Next(2) == 0 ? "NaN" : "Infinity"); break;
            case "exponent": newText = ReplaceNumbers(text, random, () => "1.5e3"); break;
            case "non-utc": newText = text.Replace("T00:00:00Z", "T23:59:59+14:00", StringComparison.Ordinal).Replace("2026-08-05,", "2026-08-05T22:00:00-11:00,", StringComparison.Ordinal); break;
            case "shuffle":
                var body = lines.Skip(1).OrderBy(_ => random.Next()).ToList();
                newText = string.Join('\n', [lines[0], .. body]);
                break;
            case "duplicate":
                var d = DataLine();
                lines.Insert(d, lines[d]);
                newText = Lines();
                break;
            case "unknown-model": newText = text.Replace("claude-opus-5", "gpt-9-turbo", StringComparison.Ordinal).Replace("Claude Opus 5", "Claude Zeta 99", StringComparison.Ordinal); break;
            case "currency":
                var c = DataLine();
                lines[c] = lines[c].Replace(",USD,", ",EUR,", StringComparison.Ordinal).Replace(",USD", ",JPY", StringComparison.Ordinal);
                newText = Lines();
                break;
            case "ragged-short":
                var r = DataLine();
                var cut = lines[r].LastIndexOf(',');
                if (cut > 0) lines[r] = lines[r][..cut];
                newText = Lines();
                break;
            case "ragged-long": lines[DataLine()] += ",extra,fields"; newText = Lines(); break;
            case "garbage-line": lines.Insert(DataLine(), new string((char)random.Next(33, 126), random.Next(1, 80))); newText = Lines(); break;
            case "empty": newText = ""; break;
            case "header-only": newText = lines[0] + "\n"; break;
            case "whitespace": newText = "  \n\n \r\n"; break;
            case "long-field": lines[DataLine()] = Field(lines[DataLine()], random, _ => new string('x', 100_000)); newText = Lines(); break;
            case "absurd-date":
                var a = DataLine();
                lines[a] = random.Next(4) switch
                {
                    0 => lines[a].Replace("2026-", "0001-", StringComparison.Ordinal),
                    1 => lines[a].Replace("2026-", "9999-", StringComparison.Ordinal),
                    2 => lines[a].Replace("2026-", "1970-", StringComparison.Ordinal),
                    _ => System.Text.RegularExpressions.Regex.Replace(lines[a], "2026-[0-9]{2}-[0-9]{2}(T[0-9:]+(Z|[+-][0-9:]+)?)?", "infinity"),
                };
                newText = Lines();
                break;
            case "control-chars": lines[DataLine()] = Field(lines[DataLine()], random, f => f.Insert(f.Length / 2, random.Next(2) == 0 ? "\u001b[31m" : "\u001b]0;x\u0007")); newText = Lines(); break;
            case "formula": lines[DataLine()] = Field(lines[DataLine()], random, _ => random.Next(4) switch { 0 => "=1+2", 1 => "+cmd", 2 => "@SUM(A1)", _ => "-2+3" }); newText = Lines(); break;
            case "unbalanced-quote": lines[DataLine()] = Field(lines[DataLine()], random, f => "\"" + f); newText = Lines(); break;
            case "overflow-pair": newText = ReplaceNumbers(text, random, () => "5000000000000000000"); break;
            case "wrong-type":
                newText = ReplaceJsonValue(text, random, _ => random.Next(6) switch { 0 => "\"12\"", 1 => "[]", 2 => "{}", 3 => "true", 4 => "null", _ => "-0.0" });
                break;
            case "deep-nesting":
                var depth = random.Next(2) == 0 ? 70 : 5000;
                var nest = new string('[', depth) + new string(']', depth);
                var l = DataLine();
                var brace = lines[l].IndexOf('{', StringComparison.Ordinal);
                lines[l] = brace >= 0 ? lines[l].Insert(brace + 1, $"\"deep\":{nest},") : lines[l] + "," + nest;
                newText = Lines();
                break;
            case "duplicate-key":
                newText = ReplaceJsonValue(text, random, pair => pair + "," + pair[..(pair.IndexOf("\":", StringComparison.Ordinal) + 2)] + (random.Next(3) switch { 0 => "999", 1 => "\"other\"", _ => "null" }), wholePair: true);
                break;
            case "nan-string":
                newText = ReplaceJsonValue(text, random, _ => random.Next(5) switch { 0 => "\"NaN\"", 1 => "\"Infinity\"", 2 => "\"-Infinity\"", 3 => "\"1e400\"", _ => "\"79228162514264337593543950336\"" });
                break;
        }
        return null;
    }

    private static string Field(string line, Random random, Func<string, string> change)
    {
        var fields = line.Split(',');
        var i = random.Next(fields.Length);
        fields[i] = change(fields[i]);
        return string.Join(',', fields);
    }

    /// <summary>
    /// Replaces one to three <c>"key":value</c> values (numbers, strings, literals) of a JSON text; with
    /// <paramref name="wholePair"/> the replacement is given and replaces the whole pair. Text with no such pair is unchanged.
    /// </summary>
    private static string ReplaceJsonValue(string text, Random random, Func<string, string> replacement, bool wholePair = false)
    {
        var pairs = JsonPair().Matches(text);
        if (pairs.Count == 0) return text;
        var chosen = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => pairs[random.Next(pairs.Count)]).DistinctBy(m => m.Index).OrderByDescending(m => m.Index);
        foreach (var m in chosen)
        {
            var value = m.Groups["value"];
            text = wholePair
                ? text[..m.Index] + replacement(m.Value) + text[(m.Index + m.Length)..]
                : text[..value.Index] + replacement(value.Value) + text[(value.Index + value.Length)..];
        }
        return text;
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"[a-z_0-9]+\":(?<value>\"[^\"]*\"|-?[0-9][0-9.eE+-]*|null|true|false)")]
    private static partial System.Text.RegularExpressions.Regex JsonPair();

    private static string ReplaceNumbers(string text, Random random, Func<string> replacement)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsAsciiDigit(text[i]) && (i == 0 || text[i - 1] is ',' or ':') && random.Next(3) == 0)
            {
                var j = i;
                while (j < text.Length && (char.IsAsciiDigit(text[j]) || text[j] == '.')) j++;
                if (j == text.Length || text[j] is ',' or '\n' or '}' or '\r')
                {
                    sb.Append(replacement());
                    i = j;
                    continue;
                }
            }
            sb.Append(text[i++]);
        }
        return sb.ToString();
    }
}
