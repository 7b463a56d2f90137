using Recommit.Import.AdminApi;

namespace Recommit.Import.Tests.AdminApi;

/// <summary>
/// Every truncation and many byte mutations of the saved-page fixtures either import with a reconciling report or
/// are refused with an <see cref="ImportException"/> naming the file; nothing else escapes (docs/quality.md R1).
/// </summary>
public sealed class MalformedJsonTests
{
    private static readonly string[] Fixtures = ["usage-report-official.json", "usage-report-hourly-faults.json", "cost-report-official.json", "analytics-cost.json", "analytics-usage-flat.json", "analytics-usage-nested.json"];

    private static IEnumerable<byte[]> Corpus()
    {
        var rng = new Random(7);
        byte[] noise = "{}[]\",:0-.9enul\\ \u00ff"u8.ToArray();
        foreach (var name in Fixtures)
        {
            var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "adminapi", name));
            for (var cut = 0; cut < bytes.Length; cut += 7) yield return bytes[..cut];
            for (var i = 0; i < 300; i++)
            {
                var copy = (byte[])bytes.Clone();
                for (var k = 0; k < 1 + rng.Next(3); k++) copy[rng.Next(copy.Length)] = noise[rng.Next(noise.Length)];
                yield return copy;
            }
        }
    }

    [Fact]
    public void Truncated_or_mutated_pages_import_or_are_refused_cleanly_by_every_json_reader()
    {
        var cases = 0;
        foreach (var bytes in Corpus())
        {
            cases++;
            Check(() => UsageReportJson.Parse(bytes, "case.json").Report);
            Check(() => CostReportJson.Parse(bytes, "case.json").Report);
            Check(() => AnalyticsJson.Parse(bytes, "case.json").Report);
            Check(() => AnalyticsUsageJson.Parse(bytes, "case.json").Report);
        }
        Assert.True(cases > 1000, $"{cases} cases");
    }

    private static void Check(Func<ImportReport> read)
    {
        try
        {
            var report = read();
            Assert.True(report.Reconciles);
        }
        catch (ImportException e)
        {
            Assert.Contains("case.json", e.Message, StringComparison.Ordinal);
        }
    }
}
