using Recommit.Import.Formats;

namespace Recommit.Import.Tests;

public class MalformedInputTests
{
    private const int CorpusSize = 1200;

    [Fact]
    public void Every_malformed_input_gives_a_clear_error_or_a_reconciled_report_with_located_rejections()
    {
        var failures = new List<string>();
        int refused = 0, reconciled = 0, withRejections = 0;
        int analyticsRefused = 0, analyticsReconciled = 0;
        // Outcomes of the saved JSON pages and of the Parquet files: refused, reconciled.
        var tally = new Dictionary<string, (int Refused, int Reconciled)> { ["json"] = (0, 0), ["parquet"] = (0, 0) };
        static string? Kind(MalformedCorpus.Case c) => c.Extension == ".parquet" ? "parquet" : c.Extension == ".json" ? "json" : null;
        foreach (var c in MalformedCorpus.Generate(CorpusSize))
        {
            var path = Fixtures.TempBytes(c.Bytes, c.Extension);
            try
            {
                var (_, import) = UsageFormats.Read(path, c.Detect ? null : c.Format, Fixtures.Options);
                var report = import.Report;
                if (!report.Reconciles) failures.Add($"case {c.Id} ({c.Format}, {c.Damage}): {report.RowsRead} read != {report.Accepted} + {report.Rejected}");
                if (report.RejectedRows.Length != Math.Min(report.Rejected, ImportDiagnostics.MaxKeptRejections))
                    failures.Add($"case {c.Id} ({c.Format}, {c.Damage}): {report.Rejected} rejected but {report.RejectedRows.Length} listed");
                foreach (var row in report.RejectedRows)
                    if (row.File != path || row.Line < 1 || string.IsNullOrWhiteSpace(row.Reason))
                        failures.Add($"case {c.Id} ({c.Format}, {c.Damage}): rejection without file, line or reason: {row}");
                reconciled++;
                if (report.Rejected > 0) withRejections++;
                if (c.Format == "analytics-usage") analyticsReconciled++;
                if (Kind(c) is { } k) tally[k] = (tally[k].Refused, tally[k].Reconciled + 1);
            }
            catch (ImportException e)
            {
                refused++;
                if (c.Format == "analytics-usage") analyticsRefused++;
                if (Kind(c) is { } k) tally[k] = (tally[k].Refused + 1, tally[k].Reconciled);
                if (string.IsNullOrWhiteSpace(e.Message) || !e.Message.Contains(Path.GetFileName(path), StringComparison.Ordinal) && !e.Message.Contains("format", StringComparison.Ordinal))
                    failures.Add($"case {c.Id} ({c.Format}, {c.Damage}): message does not name the file: {e.Message}");
            }
            catch (Exception e)
            {
                failures.Add($"case {c.Id} ({c.Format}, {c.Damage}): {e.GetType().Name}: {e.Message}");
            }
            finally
            {
                File.Delete(path);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        Assert.Equal(CorpusSize, refused + reconciled);
        // The corpus exercises both outcomes in earnest.
        Assert.True(refused > 50, $"only {refused} refused");
        Assert.True(withRejections > 100, $"only {withRejections} with rejected rows");
        Assert.True(analyticsRefused > 5 && analyticsReconciled > 5, $"analytics usage pages: {analyticsRefused} refused, {analyticsReconciled} reconciled");
        foreach (var (kind, (r, ok)) in tally)
            Assert.True(r > 20 && ok > 20, $"{kind}: {r} refused, {ok} reconciled");
    }

    [Fact]
    public void The_corpus_covers_every_importer_and_every_damage()
    {
        var cases = MalformedCorpus.Generate(CorpusSize).ToList();
        Assert.True(cases.Count >= 1000);
        // Ten text formats, the three other saved JSON pages, and Parquet for FOCUS, CUR, Vertex and the gateway log.
        Assert.Equal(17, cases.Select(c => c.Format + c.Extension).Distinct().Count());
        foreach (var damage in new[] { "truncate", "invalid-utf8", "bom", "crlf", "quoted-comma", "huge", "negative", "nan", "non-utc", "shuffle", "duplicate", "unknown-model", "currency", "empty" })
            Assert.Contains(cases, c => c.Damage.Split('+').Contains(damage));
        // Every JSON damage hits each saved-page format, and every Parquet damage occurs.
        foreach (var format in new[] { "usage-report", "cost-report", "analytics", "analytics-usage" })
            foreach (var damage in new[] { "truncate", "wrong-type", "deep-nesting", "duplicate-key", "nan-string", "absurd-date", "huge" })
                Assert.Contains(cases, c => c.Format == format && c.Damage.Split('+').Contains(damage));
        foreach (var damage in MalformedParquet.Damages)
            Assert.Contains(cases, c => c.Extension == ".parquet" && c.Damage.Split('+').Contains(damage));
    }
}
