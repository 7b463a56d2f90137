using System.Globalization;
using System.Text;

namespace Recommit.Import.Tests.ClickHouse;

/// <summary>
/// Seeded request-log rows for the tests that compare two ways of importing the same rows: valid requests over a
/// few days, models, workspaces (one outside ASCII) and tiers, and a share of bad ones (a negative count, an empty model, an unknown tier).
/// </summary>
internal static class RequestLogRows
{
    public const string Columns = "timestamp,model,workspace,service_tier,input_tokens,output_tokens,cache_read_input_tokens";

    /// <summary>The ClickHouse columns for <see cref="Columns"/>; counts are signed so that bad rows can be stored.</summary>
    public const string TableColumns = "(timestamp DateTime('UTC'), model String, workspace String, service_tier String, input_tokens Int64, output_tokens Int64, cache_read_input_tokens Int64)";

    /// <summary>
    /// <paramref name="count"/> rows over ten days; with <paramref name="manyWorkspaces"/>, that many more workspaces
    /// (<c>ws-N</c>), so that the groups are many and the server's answer runs to several megabytes.
    /// </summary>
    public static string Csv(int count, int seed, int manyWorkspaces = 0)
    {
        var random = new Random(seed);
        string[] models = ["claude-opus-5", "claude-sonnet-4-5-20250929", " claude-sonnet-4-6 ", "claude-unknown-9"];
        // A workspace outside ASCII: the importer reads the answer as UTF-8 bytes.
        string[] workspaces = ["search", "support", "", "équipe-😀", .. Enumerable.Range(0, manyWorkspaces).Select(i => $"ws-{i}")];
        string[] tiers = ["", "standard", "batch", "Priority"];
        var start = new DateTime(2026, 7, 28, 0, 0, 0, DateTimeKind.Utc);
        var sb = new StringBuilder(Columns).Append('\n');
        for (var i = 0; i < count; i++)
        {
            var ts = start.AddSeconds(random.Next(0, 10 * 86400));
            var model = models[random.Next(models.Length)];
            var tier = tiers[random.Next(tiers.Length)];
            long input = random.Next(0, 50_000), output = random.Next(0, 4_000), cacheRead = random.Next(0, 3) == 0 ? random.Next(0, 100_000) : 0;
            switch (random.Next(50))
            {
                case 0: input = -input - 1; break;
                case 1: model = ""; break;
                case 2: tier = "turbo"; break;
            }
            sb.Append(CultureInfo.InvariantCulture, $"{ts:yyyy-MM-dd HH:mm:ss},{model},{workspaces[random.Next(workspaces.Length)]},{tier},{input},{output},{cacheRead}\n");
        }
        return sb.ToString();
    }
}
