using System.Globalization;
using System.Text;
using Recommit.Import.Canonical;
using Recommit.Usage;

namespace Recommit.DemoData;

/// <summary>
/// The three demo accounts shipped under <c>data/demo</c> (issue 2, item 7), each generated from a fixed seed with no
/// clock, through 2026-11-24:
/// <list type="bullet">
/// <item><c>northwind</c>: grows about 5 % a month into a durable overage of its 2026-04 to 2027-03 period.</item>
/// <item><c>contoso</c>: flat usage stuck well below pace (durable shortfall).</item>
/// <item><c>fabrikam</c>: a retail seasonal swing (autumn peak) growing 20 % a year, 20 months of history, whose recent
/// months above pace repeat last year's same months at the same year-over-year growth (seasonal, docs/method.md §3).</item>
/// </list>
/// Each account folder holds <c>usage.csv</c> (canonical usage CSV), <c>contract.json</c> and <c>levers.json</c>. Usage
/// is only on models on sale each day: Opus 4.1 before Opus 4.5's launch, Sonnet 4.5 before Sonnet 4.6's, and so on
/// (<see cref="ReferencePrices.OnSale"/>, with the public launch days).
/// </summary>
public static class DemoAccounts
{
    public const string UsageFile = "usage.csv";
    public const string ContractFile = "contract.json";
    public const string LeversFile = "levers.json";

    private static readonly DateOnly Through = new(2026, 11, 24);

    /// <summary>Monthly growth factor for 20 % a year: 1.2^(1/12), written out so no platform's pow is involved.</summary>
    private const double TwentyPercentAYearMonthly = 1.0153094704997312;

    // Retail seasonality by calendar month (January first): quiet winter, autumn and holiday peak.
    private static readonly double[] RetailSeason = [0.80, 0.78, 0.85, 0.90, 0.95, 1.00, 1.00, 1.00, 1.20, 1.32, 1.45, 1.55];

    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new DemoAccount(
            "northwind", "Northwind Traders",
            ContractStart: new DateOnly(2025, 10, 1),
            Periods: [new(6, 450_000m), new(12, 900_000m), new(12, 1_000_000m)],
            CommittedDiscount: 0.20m, CarryoverFraction: 0m, CarryoverCap: 0m, Billing: "arrears",
            UsageStart: new DateOnly(2025, 9, 1), UsageEnd: Through,
            MonthlyListDollars: i => 80_000 * Compound(1.05, i),
            WeekendFactor: 0.45, DailyNoise: 0.10,
            Workspaces: [new("support-assistant", 0.55, 0.0), new("code-review", 0.45, 0.25)],
            Mix: new TokenMix(Uncached: 0.25, CacheWrite5m: 0.04, CacheRead: 0.60, Output: 0.11, OpusShare: 0.40, SonnetShare: 0.45, HaikuShare: 0.15),
            Seed: 20261101,
            LeversJson: """
            {
              "levers": [
                { "type": "routing", "name": "Move routine Opus traffic to Sonnet", "from": "claude-opus-4-6", "to": "claude-sonnet-4-6", "share": { "low": 0.2, "high": 0.4 }, "start": "2026-12", "rampMonths": 3 },
                { "type": "caching", "name": "Cache shared system prompts", "cacheableShare": { "low": 0.4, "high": 0.6 }, "hitRate": { "low": 0.6, "high": 0.85 }, "write": "5m", "start": "2026-12", "rampMonths": 2 },
                { "type": "batch", "name": "Nightly code review on the Batch API", "share": { "low": 0.1, "high": 0.2 }, "start": "2027-01", "rampMonths": 2 }
              ]
            }
            """),
        new DemoAccount(
            "contoso", "Contoso Insurance",
            ContractStart: new DateOnly(2025, 10, 1),
            Periods: [new(6, 600_000m), new(12, 1_440_000m), new(12, 1_440_000m)],
            CommittedDiscount: 0.25m, CarryoverFraction: 0.5m, CarryoverCap: 0.1m, Billing: "prepaid",
            UsageStart: new DateOnly(2025, 9, 1), UsageEnd: Through,
            MonthlyListDollars: i => 95_000 * Compound(0.998, i),
            WeekendFactor: 0.35, DailyNoise: 0.10,
            Workspaces: [new("claims-triage", 0.60, 0.0), new("document-search", 0.40, 0.35)],
            Mix: new TokenMix(Uncached: 0.40, CacheWrite5m: 0.03, CacheRead: 0.35, Output: 0.12, OpusShare: 0.25, SonnetShare: 0.55, HaikuShare: 0.20),
            Seed: 20261102,
            LeversJson: """
            {
              "levers": [
                { "type": "caching", "name": "Cache claim templates on Sonnet", "model": "claude-sonnet-4-6", "cacheableShare": { "low": 0.3, "high": 0.5 }, "hitRate": { "low": 0.5, "high": 0.8 }, "write": "5m", "start": "2027-01", "rampMonths": 3 },
                { "type": "batch", "name": "Overnight document indexing", "share": { "low": 0.05, "high": 0.15 }, "start": "2027-02", "rampMonths": 2 }
              ]
            }
            """),
        new DemoAccount(
            "fabrikam", "Fabrikam Retail",
            ContractStart: new DateOnly(2025, 5, 1),
            Periods: [new(12, 1_000_000m), new(12, 1_200_000m)],
            CommittedDiscount: 0.20m, CarryoverFraction: 0m, CarryoverCap: 0m, Billing: "arrears",
            UsageStart: new DateOnly(2025, 3, 1), UsageEnd: Through,
            MonthlyListDollars: i => 100_000 * Compound(TwentyPercentAYearMonthly, i) * RetailSeason[(2 + i) % 12],
            WeekendFactor: 1.15, DailyNoise: 0.08,
            Workspaces: [new("storefront-chat", 0.70, 0.0), new("catalog-enrichment", 0.30, 0.60)],
            Mix: new TokenMix(Uncached: 0.20, CacheWrite5m: 0.05, CacheRead: 0.65, Output: 0.10, OpusShare: 0.15, SonnetShare: 0.50, HaikuShare: 0.35),
            Seed: 20261103,
            LeversJson: """
            {
              "levers": [
                { "type": "routing", "name": "Catalog enrichment to Haiku", "from": "claude-sonnet-4-6", "to": "claude-haiku-4-5", "share": { "low": 0.1, "high": 0.2 }, "start": "2027-01", "rampMonths": 2 },
                { "type": "batch", "name": "Batch catalog jobs", "share": { "low": 0.2, "high": 0.4 }, "start": "2027-01", "rampMonths": 3 }
              ]
            }
            """),
    ];

    /// <summary>Writes every account into <c><paramref name="outDir"/>/&lt;id&gt;/</c> and returns the files written.</summary>
    public static IReadOnlyList<string> WriteAll(string outDir)
    {
        var written = new List<string>();
        foreach (var account in All) written.AddRange(Write(account, Path.Combine(outDir, account.Id)));
        return written;
    }

    /// <summary>Writes one account's <c>usage.csv</c>, <c>contract.json</c> and <c>levers.json</c> into <paramref name="dir"/>.</summary>
    public static IReadOnlyList<string> Write(DemoAccount account, string dir)
    {
        Directory.CreateDirectory(dir);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var usage = Path.Combine(dir, UsageFile);
        using (var writer = new StreamWriter(usage, append: false, utf8))
            CanonicalUsageCsv.Write(Generate(account), writer);
        var contract = Path.Combine(dir, ContractFile);
        File.WriteAllText(contract, ContractJson(account), utf8);
        var levers = Path.Combine(dir, LeversFile);
        File.WriteAllText(levers, account.LeversJson.ReplaceLineEndings("\n") + "\n", utf8);
        return [usage, contract, levers];
    }

    /// <summary>
    /// The account's daily usage: each month's list-dollar level spread over its days by the weekday/weekend pattern,
    /// times daily noise, split by workspace, model and tier, then turned into tokens of each kind through the mix.
    /// </summary>
    public static UsageCube Generate(DemoAccount account)
    {
        var rng = new Random(account.Seed);
        var builder = new UsageCubeBuilder();
        var families = ReferencePrices.Families;
        double[] modelShares = [account.Mix.OpusShare, account.Mix.SonnetShare, account.Mix.HaikuShare];
        (TokenKind Kind, double PerUnit)[] kinds =
        [
            (TokenKind.UncachedInput, account.Mix.Uncached), (TokenKind.CacheWrite5m, account.Mix.CacheWrite5m),
            (TokenKind.CacheRead, account.Mix.CacheRead), (TokenKind.Output, account.Mix.Output),
        ];
        var firstMonth = new DateOnly(account.UsageStart.Year, account.UsageStart.Month, 1);
        for (var day = account.UsageStart; day <= account.UsageEnd; day = day.AddDays(1))
        {
            var monthIndex = (day.Year - firstMonth.Year) * 12 + day.Month - firstMonth.Month;
            var monthWeight = 0.0;
            var daysInMonth = DateTime.DaysInMonth(day.Year, day.Month);
            for (var d = 1; d <= daysInMonth; d++) monthWeight += DayWeight(new DateOnly(day.Year, day.Month, d), account.WeekendFactor);
            var noise = Math.Max(0.2, 1 + account.DailyNoise * StandardNormal(rng));
            var dayDollars = account.MonthlyListDollars(monthIndex) * DayWeight(day, account.WeekendFactor) / monthWeight * noise;

            // Only models on sale that day: each family's newest model launched by then.
            var models = families.Select(f => ReferencePrices.OnSale(f, day)).ToArray();
            foreach (var ws in account.Workspaces)
            {
                for (var m = 0; m < models.Length; m++)
                {
                    var dollars = dayDollars * ws.Share * modelShares[m];
                    var costPerUnit = 0.0;
                    foreach (var (kind, perUnit) in kinds) costPerUnit += ReferencePrices.ListDollars(models[m], kind, ServiceTier.Standard, 1_000_000) * perUnit;
                    foreach (var tier in ws.BatchShare > 0 ? [ServiceTier.Standard, ServiceTier.Batch] : new[] { ServiceTier.Standard })
                    {
                        var tierDollars = dollars * (tier == ServiceTier.Batch ? ws.BatchShare : 1 - ws.BatchShare);
                        var units = tierDollars / (costPerUnit * (tier == ServiceTier.Batch ? 0.5 : 1));
                        foreach (var (kind, perUnit) in kinds)
                        {
                            // A little independent wobble per token kind, so the mix is not perfectly rigid.
                            var wobble = Math.Max(0.5, 1 + 0.03 * StandardNormal(rng));
                            var tokens = (long)Math.Round(units * perUnit * 1e6 * wobble, MidpointRounding.AwayFromZero);
                            builder.Add(new UsageKey(day, Channel.Anthropic, ws.Name, models[m], tier, ContextBand.Standard, InferenceGeo.Global, Speed.Standard, kind), tokens);
                        }
                    }
                }
            }
        }
        return builder.Build();
    }

    /// <summary>The contract file in the canonical contract JSON format.</summary>
    public static string ContractJson(DemoAccount a)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("{\n");
        sb.Append("  \"name\": \"").Append(a.Name).Append("\",\n");
        sb.Append("  \"start\": \"").Append(a.ContractStart.ToString("yyyy-MM-dd", inv)).Append("\",\n");
        sb.Append("  \"periods\": [\n");
        for (var i = 0; i < a.Periods.Count; i++)
        {
            sb.Append("    { \"months\": ").Append(a.Periods[i].Months.ToString(inv))
              .Append(", \"commitment\": ").Append(a.Periods[i].Commitment.ToString(inv)).Append(" }")
              .Append(i < a.Periods.Count - 1 ? ",\n" : "\n");
        }
        sb.Append("  ],\n");
        sb.Append("  \"committedDiscount\": ").Append(a.CommittedDiscount.ToString(inv)).Append(",\n");
        sb.Append("  \"overageDiscount\": 0.0,\n");
        sb.Append("  \"carryover\": { \"fraction\": ").Append(a.CarryoverFraction.ToString("0.0##", inv))
          .Append(", \"cap\": ").Append(a.CarryoverCap.ToString("0.0##", inv)).Append(" },\n");
        sb.Append("  \"billing\": \"").Append(a.Billing).Append("\",\n");
        sb.Append("  \"priceProtection\": false\n");
        sb.Append("}\n");
        return sb.ToString();
    }

    /// <summary>Consumption at committed rates by month against the pace of the contract, under the reference prices.</summary>
    public static IReadOnlyList<(DateOnly Month, double Consumed, double Pace, double Gap)> GapsByMonth(DemoAccount a, UsageCube cube)
    {
        var rows = new List<(DateOnly, double, double, double)>();
        var rate = 1 - (double)a.CommittedDiscount;
        foreach (var (month, list) in ReferencePrices.ByMonth(cube))
        {
            if (PaceOf(a, month) is not { } pace) continue;
            var consumed = list * rate;
            rows.Add((month, consumed, pace, consumed / pace - 1));
        }
        return rows;
    }

    private static double? PaceOf(DemoAccount a, DateOnly month)
    {
        var start = a.ContractStart;
        foreach (var p in a.Periods)
        {
            var end = start.AddMonths(p.Months);
            if (month >= start && month < end) return (double)p.Commitment / p.Months;
            start = end;
        }
        return null;
    }

    private static double DayWeight(DateOnly day, double weekendFactor) =>
        day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? weekendFactor : 1.0;

    /// <summary>Irwin–Hall: the sum of twelve uniforms minus six is close to standard normal and uses only additions.</summary>
    private static double StandardNormal(Random rng)
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++) sum += rng.NextDouble();
        return sum - 6.0;
    }

    private static double Compound(double factor, int n)
    {
        var x = 1.0;
        for (var i = 0; i < n; i++) x *= factor;
        return x;
    }
}
