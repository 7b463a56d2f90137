using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Recommit.Contracts;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Bench;

/// <summary>
/// L1: the contract ledger (docs/method.md §2) over many generated contracts and usage series — the decimal ledger with its
/// monthly view, in contract-months per second, and the double kernel the simulation uses, in path-months per second.
/// A throughput figure, not judged against a bar.
/// </summary>
public sealed class LedgerCheck : IQualityCheck
{
    public string Id => "L1";
    public string Title => "Contract ledger throughput";

    public IEnumerable<QualityFigure> Run(BenchContext context)
    {
        var contracts = context.Quick ? 2_000 : 20_000;
        var random = new Random(20260101);
        var cases = new List<(Contract Contract, IReadOnlyDictionary<YearMonth, Usd> Usage)>(contracts);
        for (var i = 0; i < contracts; i++) cases.Add(Generate(random));
        var months = cases.Sum(c => c.Contract.TermMonths);

        // Warm up, then time the decimal ledger.
        foreach (var c in cases.Take(200)) Ledger.Run(c.Contract, c.Usage);
        var checksum = 0m;
        var clock = Stopwatch.StartNew();
        foreach (var (contract, usage) in cases)
        {
            var result = Ledger.Run(contract, usage);
            checksum += result.Periods[^1].Bill.Value;
        }
        clock.Stop();
        var decimalRate = months / clock.Elapsed.TotalSeconds;
        context.Log.WriteLine($"L1 decimal ledger: {contracts:N0} contracts, {months:N0} months in {clock.Elapsed.TotalMilliseconds:N0} ms (checksum {checksum:N2})");
        yield return new QualityFigure(Id, $"decimal ledger with monthly view: {contracts:N0} generated contracts (1–4 periods of 3–12 months), {months:N0} contract-months",
            string.Create(CultureInfo.InvariantCulture, $"{decimalRate:N0} months/s ({contracts / clock.Elapsed.TotalSeconds:N0} contracts/s)"), "—", null,
            context.Quick ? "quick run" : "");

        // The kernel analyze runs: one 48-month, four-period contract over many paths, each filled into running sums and
        // trued up, exactly as the Monte Carlo's status quo does.
        var paths = context.Quick ? 20_000 : 200_000;
        const int horizon = 48;
        var kernel = LedgerKernel.Of(new Contract("Bench", new YearMonth(2026, 1), [.. Enumerable.Repeat(new CommitmentPeriod(12, new Usd(1_200_000m)), 4)],
            0.20m, 0m, new CarryoverRule(0.5m, 0.1m), BillingMode.Arrears, false));
        var matrix = new double[paths * horizon];
        for (var i = 0; i < matrix.Length; i++) matrix[i] = 80_000 + random.NextDouble() * 60_000;
        var buffer = new KernelPathBuffer(horizon);
        var output = new KernelPeriodResult[4];
        double RunAll()
        {
            var sum = 0.0;
            for (var p = 0; p < paths; p++) sum += kernel.Run(buffer.Fill(matrix.AsSpan(p * horizon, horizon)), output).Bill;
            return sum;
        }
        // Best of five after a full warm-up pass, so tiered JIT and other load on a shared machine weigh less.
        RunAll();
        var best = TimeSpan.MaxValue;
        for (var repeat = 0; repeat < 5; repeat++)
        {
            clock.Restart();
            RunAll();
            clock.Stop();
            if (clock.Elapsed < best) best = clock.Elapsed;
        }
        var kernelRate = (double)paths * horizon / best.TotalSeconds;
        var ns = best.TotalNanoseconds / ((double)paths * horizon);
        yield return new QualityFigure(Id, $"double kernel: {paths:N0} paths × {horizon} months through 4 annual periods",
            string.Create(CultureInfo.InvariantCulture, $"{kernelRate:N0} path-months/s ({ns:N2} ns per path-month)"), "—", null,
            (context.Quick ? "quick run; " : "") + "best of 5");
    }

    private static (Contract, IReadOnlyDictionary<YearMonth, Usd>) Generate(Random random)
    {
        var periodCount = random.Next(1, 5);
        var months = random.Next(0, 2) == 0 ? 12 : random.Next(3, 13);
        var periods = ImmutableArray.CreateRange(Enumerable.Range(0, periodCount)
            .Select(_ => new CommitmentPeriod(months, new Usd(random.Next(10_000, 5_000_000)))));
        var d = random.Next(0, 41) / 100m;
        var contract = new Contract("Generated", new YearMonth(2024 + random.Next(0, 3), random.Next(1, 13)), periods, d,
            Math.Min(d, random.Next(0, 21) / 100m), new CarryoverRule(random.Next(0, 101) / 100m, random.Next(0, 31) / 100m),
            BillingMode.Arrears, false);
        var usage = new Dictionary<YearMonth, Usd>(contract.TermMonths);
        var level = (double)periods[0].Commitment.Value / months / (double)(1 - d) * (0.5 + random.NextDouble());
        for (var m = 0; m < contract.TermMonths; m++)
        {
            level *= 0.97 + random.NextDouble() * 0.08;
            usage[contract.Start.AddMonths(m)] = new Usd(Math.Round((decimal)level, 2));
        }
        return (contract, usage);
    }
}
