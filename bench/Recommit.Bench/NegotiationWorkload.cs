using System.Collections.Immutable;
using System.Diagnostics;
using Recommit.Contracts;
using Recommit.Money;
using Recommit.Negotiation;
using Recommit.Simulation;

namespace Recommit.Bench;

/// <summary>
/// The package half of S4: 2,000 candidate packages (50 annual commit levels × terms of 36 and 48 months × carryover or
/// not × overage at list or repriced × 5 discounts) screened against the status quo on the simulation's paths — E[B],
/// E[V] and P(buyer worse off) for every package on every path, common random numbers — and a streaming-read probe of
/// this machine's memory bandwidth to say how far the screen is from a bandwidth bound.
/// </summary>
internal static class NegotiationWorkload
{
    public const int Packages = 2_000;

    /// <summary>The status-quo contract behind <see cref="SimulationCheck.Setup"/>'s kernel: four years of 60,000 at 20 %.</summary>
    public static Contract StatusQuo(SimulationSetup setup) =>
        new("Bench", setup.First, [.. Enumerable.Repeat(new CommitmentPeriod(12, new Usd(60_000m)), 4)], 0.20m, 0m,
            new CarryoverRule(0.5m, 0.1m), BillingMode.Arrears, false);

    public static NegotiationSetup Setup(SimulationResult sim) =>
        new(StatusQuo(sim.Setup), sim.First, new Dictionary<Time.YearMonth, Usd>(), sim.AfterLevers, sim.Paths, sim.Months,
            NegotiationAssumptions.Default, sim.Setup.Seed);

    public static ImmutableArray<Package> Candidates(NegotiationSetup setup)
    {
        var mean = 0.0;
        for (var i = 0; i < setup.PathCount * setup.Months; i++) mean += setup.Paths[i];
        var annual = mean / setup.PathCount / setup.Months * 12 * 0.8;
        var packages = ImmutableArray.CreateBuilder<Package>(Packages);
        foreach (var term in new[] { 36, 48 })
        {
            var periods = Optimiser.PeriodLengths(term);
            var weights = periods.Select(_ => 1.0).ToList();
            for (var level = 0; level < 50; level++)
                foreach (var carry in new[] { false, true })
                    foreach (var repriced in new[] { false, true })
                        for (var d = 0; d < 5; d++)
                            packages.Add(Optimiser.Build(setup.First, new Usd(Math.Round((decimal)(annual * (0.5 + level * 0.02)), 0)), periods, weights,
                                0.15m + d * 0.025m, new PackageShape(term - 48 + 12, RampShape.Flat, carry, repriced)));
        }
        return packages.MoveToImmutable();
    }

    /// <summary>
    /// Screens the packages; returns the wall time of the best of <paramref name="runs"/>, the process CPU time of that run,
    /// and the number of acceptable packages.
    /// </summary>
    public static (double Seconds, double Cpu, int Acceptable) Screen(NegotiationSetup setup, ImmutableArray<Package> packages, int runs)
    {
        var best = double.MaxValue;
        var cpu = 0.0;
        var acceptable = 0;
        var process = Process.GetCurrentProcess();
        for (var r = 0; r < runs; r++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var screen = Valuation.Screen(setup, packages);
            var wall = sw.Elapsed.TotalSeconds;
            process.Refresh();
            if (wall < best)
            {
                best = wall;
                cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
            }
            acceptable = Enumerable.Range(0, packages.Length)
                .Count(j => Optimiser.IsMutual(screen.Saving(j), screen.Gain(j)) && screen.ProbabilityWorseOff[j + 1] <= 0.2);
        }
        return (best, cpu, acceptable);
    }

    /// <summary>Streaming-read bandwidth in bytes per second: the best of three parallel sums over a 256 MiB array.</summary>
    public static double ReadBandwidth()
    {
        var data = new double[32 * 1024 * 1024];
        for (var i = 0; i < data.Length; i++) data[i] = i & 7;
        var best = double.MaxValue;
        var sink = 0.0;
        for (var r = 0; r < 3; r++)
        {
            var sw = Stopwatch.StartNew();
            var parts = new double[Environment.ProcessorCount];
            Parallel.For(0, parts.Length, k =>
            {
                var chunk = data.Length / parts.Length;
                var span = data.AsSpan(k * chunk, chunk);
                var s = 0.0;
                foreach (var v in span) s += v;
                parts[k] = s;
            });
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            sink += parts.Sum();
        }
        GC.KeepAlive(sink);
        return data.Length * 8.0 / best;
    }
}
