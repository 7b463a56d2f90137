using System.Text.Json;
using Recommit.DemoData;
using Recommit.Import.Canonical;

namespace Recommit.Reports.Tests.DemoData;

/// <summary>
/// The shipped demo accounts (data/demo) are exactly what the generator writes, read cleanly as canonical usage CSV,
/// and have the gap shapes they are meant to show (docs/method.md §3) under the reference list prices.
/// </summary>
public sealed class DemoDataTests : IDisposable
{
    private const double Tau = 0.10;
    private readonly string _tmp = Path.Combine(Path.GetTempPath(), "recommit-demo-" + Guid.NewGuid().ToString("N"));

    private static string ShippedDir
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Recommit.slnx"))) return Path.Combine(dir.FullName, "data", "demo");
            throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
    }

    public static TheoryData<string> Accounts => new(DemoAccounts.All.Select(a => a.Id));

    [Fact]
    public void There_are_three_accounts_northwind_contoso_fabrikam() =>
        Assert.Equal(["northwind", "contoso", "fabrikam"], DemoAccounts.All.Select(a => a.Id));

    [Theory]
    [MemberData(nameof(Accounts))]
    public void Shipped_files_are_byte_identical_to_a_fresh_generation(string id)
    {
        var account = DemoAccounts.All.Single(a => a.Id == id);
        var files = DemoAccounts.Write(account, Path.Combine(_tmp, id));
        Assert.Equal(3, files.Count);
        foreach (var fresh in files)
        {
            var shipped = Path.Combine(ShippedDir, id, Path.GetFileName(fresh));
            Assert.True(File.Exists(shipped), $"{shipped} is missing; run: dotnet run --project tools/Recommit.DemoData");
            Assert.True(File.ReadAllBytes(shipped).AsSpan().SequenceEqual(File.ReadAllBytes(fresh)),
                $"{shipped} differs from the generator's output; regenerate with: dotnet run --project tools/Recommit.DemoData");
        }
    }

    [Theory]
    [MemberData(nameof(Accounts))]
    public void Usage_reads_with_zero_rejections_and_stays_small(string id)
    {
        var path = Path.Combine(ShippedDir, id, DemoAccounts.UsageFile);
        Assert.True(new FileInfo(path).Length < 3_000_000, $"{path} is over 3 MB");
        var import = CanonicalUsageCsv.Read(path);
        Assert.Equal(0, import.Report.Rejected);
        Assert.True(import.Report.Reconciles);
        Assert.True(import.Report.RowsRead > 10_000);
        Assert.Equal(import.Report.RowsRead, import.Cube.Count);
        Assert.Contains("claude-opus-4-6", import.Cube.Models);
        Assert.Contains("claude-sonnet-4-6", import.Cube.Models);
        Assert.Contains("claude-haiku-4-5", import.Cube.Models);
        var (first, last) = import.Cube.DayRange!.Value;
        Assert.Equal(new DateOnly(2026, 11, 24), last);
        Assert.True(first.AddMonths(14) <= last, "less than 14 months of history");
        // Realistic shares: cache reads and batch traffic both present.
        Assert.True(import.Cube.TotalTokens(Recommit.Usage.TokenKind.CacheRead) > import.Cube.TotalTokens(Recommit.Usage.TokenKind.Output));
        Assert.Contains(Enumerable.Range(0, import.Cube.Count), i => import.Cube.Tier(i) == Recommit.Usage.ServiceTier.Batch);
    }

    [Theory]
    [MemberData(nameof(Accounts))]
    public void Usage_is_only_on_models_on_sale_that_day_one_model_per_family_a_day(string id)
    {
        var cube = CanonicalUsageCsv.Read(Path.Combine(ShippedDir, id, DemoAccounts.UsageFile)).Cube;
        var book = Recommit.Pricing.PriceBook.Default;
        var families = new Dictionary<(DateOnly, string), string>();
        for (var i = 0; i < cube.Count; i++)
        {
            var info = book.Info(book.Resolve(cube.Model(i)));
            var launched = ReferencePrices.Launched(cube.Model(i));
            Assert.True(launched <= cube.Day(i), $"{id}: {cube.Model(i)} used on {cube.Day(i):yyyy-MM-dd}, before its launch on {launched:yyyy-MM-dd}");
            // Where the price book knows the launch day, it agrees.
            Assert.True(info.Released is null || info.Released == launched, $"{cube.Model(i)}: the price book says released {info.Released}");
            // One model per family a day: the newest launched by then.
            Assert.Equal(families.GetValueOrDefault((cube.Day(i), info.Family), cube.Model(i)), cube.Model(i));
            families[(cube.Day(i), info.Family)] = cube.Model(i);
        }
    }

    [Theory]
    [MemberData(nameof(Accounts))]
    public void Contract_follows_the_canonical_format_and_the_as_of_date_falls_mid_period(string id)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(ShippedDir, id, DemoAccounts.ContractFile)));
        var root = doc.RootElement;
        Assert.Equal(["name", "start", "periods", "committedDiscount", "overageDiscount", "carryover", "billing", "priceProtection"],
            root.EnumerateObject().Select(p => p.Name));
        var start = DateOnly.ParseExact(root.GetProperty("start").GetString()!, "yyyy-MM-dd");
        var asOfMonth = new DateOnly(2026, 11, 1);
        var periodStart = start;
        var found = false;
        foreach (var p in root.GetProperty("periods").EnumerateArray())
        {
            var end = periodStart.AddMonths(p.GetProperty("months").GetInt32());
            if (asOfMonth >= periodStart && asOfMonth < end)
            {
                found = true;
                Assert.True(asOfMonth > periodStart && asOfMonth < end.AddMonths(-1), $"{id}: 2026-11 is the first or last month of its period");
            }
            periodStart = end;
        }
        Assert.True(found, $"{id}: no period contains 2026-11");
        var leversPath = Path.Combine(ShippedDir, id, DemoAccounts.LeversFile);
        var plan = Recommit.Levers.LeverFile.Parse(File.ReadAllText(leversPath), leversPath);
        Assert.NotEmpty(plan.Levers);
    }

    [Fact]
    public void Northwind_runs_above_pace_beyond_tau_for_the_last_six_full_months_and_rising()
    {
        var gaps = FullMonthGaps("northwind");
        var last6 = gaps[^6..];
        Assert.All(last6, g => Assert.True(g.Gap > Tau, $"{g.Month}: gap {g.Gap:P1}"));
        Assert.True(last6[^1].Gap > last6[0].Gap + 0.2, "the overage is not trending up");
    }

    [Fact]
    public void Contoso_runs_below_pace_beyond_tau_for_the_last_six_full_months_and_flat()
    {
        var gaps = FullMonthGaps("contoso");
        var last6 = gaps[^6..];
        Assert.All(last6, g => Assert.True(g.Gap < -Tau, $"{g.Month}: gap {g.Gap:P1}"));
        Assert.True(Math.Abs(last6[^1].Consumed / last6[0].Consumed - 1) < 0.1, "contoso's usage is not flat");
    }

    [Fact]
    public void Fabrikam_recent_run_above_pace_repeats_last_years_months_at_the_same_growth()
    {
        var gaps = FullMonthGaps("fabrikam");
        Assert.True(gaps.Count >= 18, $"only {gaps.Count} full months in the contract");
        // The run R: the trailing months beyond +τ.
        var k = 0;
        while (k < gaps.Count && gaps[^(k + 1)].Gap > Tau) k++;
        Assert.InRange(k, 1, 4);
        var byMonth = gaps.ToDictionary(g => g.Month, g => g.Consumed);
        var run = gaps.Skip(gaps.Count - k).ToList();
        var outside = gaps.Take(gaps.Count - k).Where(g => byMonth.ContainsKey(g.Month.AddMonths(-12)))
            .Select(g => g.Consumed / byMonth[g.Month.AddMonths(-12)]).Order().ToList();
        Assert.NotEmpty(outside);
        var growth = outside.Count % 2 == 1 ? outside[outside.Count / 2] : (outside[outside.Count / 2 - 1] + outside[outside.Count / 2]) / 2;
        Assert.InRange(growth, 1.1, 1.3);
        foreach (var m in run)
            Assert.True(Math.Abs(m.Consumed / (growth * byMonth[m.Month.AddMonths(-12)]) - 1) <= Tau, $"{m.Month} is not last year's swing");
        // Not on pace: a month beyond τ among the last three.
        Assert.Contains(gaps[^3..], g => Math.Abs(g.Gap) > Tau);
    }

    private static List<(DateOnly Month, double Consumed, double Pace, double Gap)> FullMonthGaps(string id)
    {
        var account = DemoAccounts.All.Single(a => a.Id == id);
        var cube = CanonicalUsageCsv.Read(Path.Combine(ShippedDir, id, DemoAccounts.UsageFile)).Cube;
        return [.. DemoAccounts.GapsByMonth(account, cube).Where(g => g.Month < new DateOnly(2026, 11, 1))];
    }

    public void Dispose()
    {
        if (Directory.Exists(_tmp)) Directory.Delete(_tmp, recursive: true);
    }
}
