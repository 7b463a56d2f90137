using System.Globalization;
using Recommit.DemoData;

// recommit-demodata [OUT_DIR]: writes data/demo (or OUT_DIR) and prints each account's monthly gap against pace.
var outDir = args.Length > 0 ? args[0] : Path.Combine(FindRepositoryRoot(), "data", "demo");
foreach (var account in DemoAccounts.All)
{
    var files = DemoAccounts.Write(account, Path.Combine(outDir, account.Id));
    Console.WriteLine($"{account.Id}: {string.Join(", ", files.Select(f => $"{Path.GetFileName(f)} {new FileInfo(f).Length:N0} B"))}");
    foreach (var (month, consumed, pace, gap) in DemoAccounts.GapsByMonth(account, DemoAccounts.Generate(account)))
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {month:yyyy-MM}  consumed {consumed,12:N0}  pace {pace,10:N0}  gap {gap,7:P1}"));
}
return 0;

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Recommit.slnx"))) return dir.FullName;
    throw new InvalidOperationException("run inside the repository or pass the output folder");
}
