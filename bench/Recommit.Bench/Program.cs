using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Running;
using Recommit.Bench;

// bench/run [--quick] [--only S1,A2] [--bdn ...BenchmarkDotNet args]
if (args.Length > 0 && args[0] == "--readme")
{
    // Copies the committed full-run table into the README between its BENCH markers.
    var repo = FindRepositoryRoot();
    ReadmeTable.Update(repo, File.ReadAllText(Path.Combine(repo, "bench", "results", "quality.md")));
    return 0;
}

if (args.Length == 3 && args[0] == "--s1-child") return GatewayImportCheck.RunChild(args[1], args[2]);
if (args.Length == 3 && args[0] == "--s2b-child") return PageMemoryCheck.RunChild(args[1], args[2]);

if (args.Length > 0 && args[0] == "--bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
    return 0;
}

var quick = args.Contains("--quick");
var onlyIndex = Array.IndexOf(args, "--only");
var only = onlyIndex >= 0 && onlyIndex + 1 < args.Length
    ? args[onlyIndex + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase)
    : null;

var root = FindRepositoryRoot();
var work = Path.Combine(root, "artifacts", "bench");
Directory.CreateDirectory(work);
var context = new BenchContext(work, root, quick, Console.Error);

var checks = typeof(Program).Assembly.GetTypes()
    .Where(t => typeof(IQualityCheck).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IQualityCheck)Activator.CreateInstance(t)!)
    .Where(c => only is null || only.Contains(c.Id))
    .OrderBy(c => c.Id, StringComparer.Ordinal)
    .ToList();

var figures = new List<QualityFigure>();
foreach (var check in checks)
{
    Console.Error.WriteLine($"== {check.Id}: {check.Title}");
    try
    {
        figures.AddRange(check.Run(context));
    }
    catch (Exception e)
    {
        figures.Add(new QualityFigure(check.Id, check.Title, "error", "", false, e.Message));
    }
}

var table = QualityTable.ToMarkdown(figures, quick ? "quick run, smaller workloads" : only is not null ? $"partial run of {string.Join(", ", only.Order(StringComparer.Ordinal))}" : "full run");
Console.WriteLine(table);
var resultsDir = Path.Combine(root, "bench", "results");
Directory.CreateDirectory(resultsDir);
// Only a full run of every check replaces the committed results; partial or quick runs write beside them.
var suffix = quick ? "-quick" : only is not null ? "-partial" : "";
File.WriteAllText(Path.Combine(resultsDir, $"quality{suffix}.md"), table);
File.WriteAllText(Path.Combine(resultsDir, $"quality{suffix}.json"),
    JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
if (!quick && only is null) ReadmeTable.Update(root, table);
return figures.Any(f => f.Holds == false) ? 1 : 0;

static string FindRepositoryRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Recommit.slnx"))) dir = dir.Parent;
    return dir?.FullName ?? Directory.GetCurrentDirectory();
}

internal static partial class Program;

internal static class QualityTable
{
    public static string ToMarkdown(IReadOnlyList<QualityFigure> figures, string run)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"Recommit quality figures ({run}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Assembly.GetExecutingAssembly().GetName().Version})");
        sb.AppendLine();
        sb.AppendLine("| id | workload | figure | bar | holds | detail |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var f in figures)
            sb.AppendLine($"| {f.Id} | {f.Workload} | {f.Figure} | {f.Bar} | {(f.Holds is null ? "—" : f.Holds.Value ? "yes" : "**no**")} | {f.Detail} |");
        return sb.ToString();
    }
}

/// <summary>Keeps the README's benchmark table generated from the results of the last full run.</summary>
internal static class ReadmeTable
{
    private const string Begin = "<!-- BENCH -->";
    private const string End = "<!-- /BENCH -->";

    public static void Update(string root, string table)
    {
        var path = Path.Combine(root, "README.md");
        var readme = File.ReadAllText(path);
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        if (start < 0) return;
        var end = readme.IndexOf(End, start, StringComparison.Ordinal);
        var tail = end < 0 ? readme[(start + Begin.Length)..] : readme[(end + End.Length)..];
        File.WriteAllText(path, readme[..start] + Begin + "\n" + table.TrimEnd() + "\n" + End + tail);
    }
}
