using Recommit.Contracts;
using Recommit.Levers;
using Recommit.Simulation.Internals;

namespace Recommit.Simulation;

/// <summary>
/// The Monte Carlo of docs/method.md §6: N seeded joint paths of monthly token usage per series, through the levers, priced
/// to list dollars, then through the status-quo ledger. Shocks are joint: month t of series s is driven by
/// z = √ρ·e_t + √(1−ρ)·u_{s,t}, with e_t one standard normal per month shared by all series and u_{s,t} the
/// series' own, so any two series' shocks have correlation ρ. Paths run in parallel; each path draws from its own
/// stream keyed by (seed, path), so a seed gives the same arrays however the threads are scheduled.
/// </summary>
internal static class MonteCarlo
{
    public static SimulationResult Run(SimulationSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(setup.Paths);
        var months = setup.Months;
        var cellCount = setup.Levers.Layout.CellCount;
        if (setup.FixedPath is null)
        {
            if (setup.Prices.Length < months * cellCount) throw new ArgumentException($"prices must hold {months} months × {cellCount} cells", nameof(setup));
            foreach (var s in setup.Series)
                if (s.Forecast.Horizon < months) throw new ArgumentException($"series {s.Name} is forecast {s.Forecast.Horizon} months ahead, fewer than the {months} simulated", nameof(setup));
        }
        else if (setup.FixedPath.Length < months)
        {
            throw new ArgumentException($"the given path has {setup.FixedPath.Length} months, fewer than the {months} simulated", nameof(setup));
        }

        var paths = setup.FixedPath is null ? setup.Paths : 1;
        var result = new SimulationResult(setup, paths);
        var rho = Math.Clamp(setup.Correlation, 0, 1);
        var scale = Math.Max(1.0, setup.InnovationScale);
        var common = scale * Math.Sqrt(rho);
        var own = scale * Math.Sqrt(1 - rho);
        var termMonths = setup.TermMonths;

        Parallel.For(0, paths, () => new Buffers(setup), (p, _, buf) =>
        {
            SimulatePath(setup, result, p, buf, common, own, termMonths);
            return buf;
        }, _ => { });
        return result;
    }

    private static void SimulatePath(SimulationSetup setup, SimulationResult result, int p, Buffers buf, double commonWeight, double ownWeight, int termMonths)
    {
        var months = setup.Months;
        var baseline = result.Baseline.AsSpan(p * months, months);
        var after = result.AfterLevers.AsSpan(p * months, months);
        var waterfall = result.Waterfall.AsSpan(p * 4, 4);

        if (setup.FixedPath is { } fixedPath)
        {
            fixedPath.AsSpan(0, months).CopyTo(baseline);
            fixedPath.AsSpan(0, months).CopyTo(after);
            for (var t = 0; t < termMonths; t++)
                for (var stage = 0; stage < 4; stage++) waterfall[stage] += fixedPath[t];
        }
        else
        {
            var rng = new PathRandom(setup.Seed, p);
            var levers = setup.Levers;
            // Draw order is fixed: the common shocks, each series' own shocks, then the lever values — so a path's
            // usage before levers is the same with or without levers, and every verb projects the same baseline.
            rng.FillGaussian(buf.Common);
            for (var s = 0; s < setup.Series.Length; s++)
            {
                rng.FillGaussian(buf.Own);
                for (var t = 0; t < months; t++) buf.Own[t] = commonWeight * buf.Common[t] + ownWeight * buf.Own[t];
                setup.Series[s].Forecast.SimulatePath(buf.Own, buf.Tokens.AsSpan(s * months, months));
            }
            for (var i = 0; i < levers.ValueCount; i++) buf.Uniforms[i] = rng.NextDouble();
            levers.SampleValues(buf.Uniforms, buf.LeverValues);

            var cellCount = levers.Layout.CellCount;
            var cells = buf.Cells.AsSpan();
            var hasLevers = levers.Count > 0;
            for (var t = 0; t < months; t++)
            {
                cells.Clear();
                for (var s = 0; s < setup.Series.Length; s++)
                {
                    var tokens = buf.Tokens[s * months + t];
                    if (tokens == 0) continue;
                    foreach (var cw in setup.Series[s].Cells) cells[cw.Cell] += tokens * cw.Weight;
                }
                var prices = setup.Prices.AsSpan(t * cellCount, cellCount);
                var b = VectorMath.Dot(cells, prices);
                baseline[t] = b;
                double r = b, c = b, a = b;
                if (hasLevers)
                {
                    var ordinal = setup.First.Ordinal + t;
                    levers.Apply<double>(cells, ordinal, buf.LeverValues, LeverKind.Routing);
                    r = VectorMath.Dot(cells, prices);
                    levers.Apply<double>(cells, ordinal, buf.LeverValues, LeverKind.Caching);
                    c = VectorMath.Dot(cells, prices);
                    levers.Apply<double>(cells, ordinal, buf.LeverValues, LeverKind.Batch);
                    a = VectorMath.Dot(cells, prices);
                }
                after[t] = a;
                if (t < termMonths)
                {
                    waterfall[0] += b;
                    waterfall[1] += r;
                    waterfall[2] += c;
                    waterfall[3] += a;
                }
            }
        }

        // The status-quo ledger over the current and later periods of the term, after levers; then once more on the
        // baseline, for the projection "at this rate" and the cost of doing nothing without levers.
        var pc = result.PeriodCount;
        var periods = buf.Periods.AsSpan(0, pc);
        var totals = setup.StatusQuo.Run(buf.Path.Fill(after), periods);
        for (var k = 0; k < pc; k++)
        {
            var o = periods[k];
            var i = p * pc + k;
            result.PeriodBill[i] = o.Bill;
            result.PeriodPremium[i] = o.OveragePremium;
            result.PeriodForfeited[i] = o.Forfeited;
            result.PeriodShortfall[i] = o.Shortfall;
            result.PeriodOverage[i] = o.OverageList;
        }
        result.Bill[p] = totals.Bill;
        result.Premium[p] = totals.Premium;
        result.Forfeited[p] = totals.Forfeited;
        if (setup.Levers.Count > 0 && setup.FixedPath is null) totals = setup.StatusQuo.Run(buf.Path.Fill(baseline), periods);
        result.BaselineCost[p] = totals.Premium + totals.Forfeited;
        result.BaselinePosition[p] = pc > 0 ? periods[0].Position : 0;
    }

    private sealed class Buffers(SimulationSetup setup)
    {
        public readonly double[] Uniforms = new double[Math.Max(1, setup.Levers.ValueCount)];
        public readonly double[] LeverValues = new double[Math.Max(1, setup.Levers.ValueCount)];
        public readonly double[] Common = new double[setup.Months];
        public readonly double[] Own = new double[setup.Months];
        public readonly double[] Tokens = new double[Math.Max(1, setup.Series.Length) * setup.Months];
        public readonly double[] Cells = new double[setup.Levers.Layout.CellCount];
        public readonly KernelPathBuffer Path = new(setup.Months);
        public readonly KernelPeriodResult[] Periods = new KernelPeriodResult[setup.StatusQuo.Periods.Length];
    }
}
