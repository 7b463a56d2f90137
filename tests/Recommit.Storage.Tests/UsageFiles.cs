using System.Globalization;
using System.Text;

namespace Recommit.Storage.Tests;

/// <summary>Canonical usage CSV files made for the tests: <c>days</c> days from a start date, a few models and workspaces.</summary>
internal static class UsageFiles
{
    public const string Header = "date,model,token_kind,tokens,service_tier,context_band,channel,workspace,inference_geo,speed";

    private static readonly string[] Models = ["claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1"];
    private static readonly string[] Kinds = ["uncached_input", "output", "cache_read", "cache_write_5m"];

    /// <summary>Writes a file with one row per day × model × kind × workspace; tokens are <c>scale × (1 + index)</c>.</summary>
    public static string Write(string folder, string name, DateOnly first, int days, int workspaces, long scale)
    {
        var path = Path.Combine(folder, name);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write(Header + "\n");
        long i = 0;
        for (var d = 0; d < days; d++)
            for (var ws = 0; ws < workspaces; ws++)
                foreach (var model in Models)
                    foreach (var kind in Kinds)
                        w.Write(string.Create(CultureInfo.InvariantCulture,
                            $"{first.AddDays(d):yyyy-MM-dd},{model},{kind},{scale * (1 + i++ % 1000)},standard,standard,anthropic,ws-{ws},global,standard\n"));
        return path;
    }

    /// <summary>Rows (cells) a file of this shape holds.</summary>
    public static long Cells(int days, int workspaces) => (long)days * workspaces * Models.Length * Kinds.Length;
}
