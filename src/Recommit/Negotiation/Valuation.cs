using System.Collections.Immutable;
using Recommit.Analysis;
using Recommit.Contracts;
using Recommit.Simulation;
using Recommit.Simulation.Internals;
using Recommit.Time;

namespace Recommit.Negotiation;

/// <summary>
/// Two-sided valuation of packages against the status quo (docs/method.md §7) on common random numbers: every path is run
/// through the status quo's ledger kernel and every package's (<see cref="LedgerKernel.Replacing"/>: the stub close at t0,
/// then the package's periods, after-term months at its discount) with the same usage and the same sampled list-price
/// moves, so the status quo's figures do not depend on which packages are valued beside it. Per path:
/// B = Σ bills from s0 to H (+ a consolidated workload's cost still paid elsewhere), and
/// V = committed + (1 − h) × uncommitted revenue, after-term revenue × q (1 − h).
/// </summary>
internal static class Valuation
{
    private const int ChunkPaths = 64;
    private const ulong PriceMoveStream = 0x5052_4943_454D_4F56UL;

    /// <summary>Values <paramref name="packages"/> and the status quo, with distributions, on the setup's paths.</summary>
    public static NegotiationValuation Run(NegotiationSetup setup, IReadOnlyList<Package> packages, bool stressed = false)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(packages);
        var run = new Pass(setup, packages, keepPaths: true, stressed);
        run.Execute();
        var sq = Side(run.StatusQuoB, run.StatusQuoV, run.Sums, 0, setup.PathCount);
        var values = ImmutableArray.CreateBuilder<PackageValue>(packages.Count);
        for (var j = 0; j < packages.Count; j++)
        {
            var package = packages[j];
            var n = (double)setup.PathCount;
            var saving = (run.Sums.B[0] + run.ElsewhereSq[j] * n - run.Sums.B[j + 1]) / n;
            var gain = (run.Sums.V[j + 1] - run.Sums.V[0]) / n;
            var band = DiscountBand.Lookup(setup.Assumptions.Bands, package.AnnualCommit, package.Terms.TermMonths);
            values.Add(new PackageValue(package, Side(run.PackageB[j], run.PackageV[j], run.Sums, j + 1, setup.PathCount),
                Analyzer.ToUsd(saving), Analyzer.ToUsd(gain), run.Sums.Worse[j + 1] / n, saving > 0.005 && gain >= -0.005, band,
                Analyzer.ToUsd(run.ElsewhereSq[j]), Flags(package, band)));
        }
        var from = run.Kernel.Periods.IsEmpty ? setup.First : setup.First.AddMonths(Math.Min(0, run.Kernel.Periods[0].FirstMonthOffset));
        return new NegotiationValuation(from, setup.Horizon, setup.PathCount, sq, values.MoveToImmutable()) { Stressed = stressed };
    }

    /// <summary>
    /// The optimiser's screen: for each package only E[B], E[V] and P(buyer worse off), streamed without keeping paths
    /// (index 0 of each array is the status quo).
    /// </summary>
    internal static ScreenResult Screen(NegotiationSetup setup, IReadOnlyList<Package> packages)
    {
        var run = new Pass(setup, packages, keepPaths: false, stressed: false);
        run.Execute();
        var n = (double)setup.PathCount;
        var meanB = new double[packages.Count + 1];
        var meanV = new double[packages.Count + 1];
        var worse = new double[packages.Count + 1];
        for (var j = 0; j <= packages.Count; j++)
        {
            meanB[j] = run.Sums.B[j] / n;
            meanV[j] = run.Sums.V[j] / n;
            worse[j] = run.Sums.Worse[j] / n;
        }
        return new ScreenResult(meanB, meanV, worse, run.ElsewhereSq);
    }

    private static SideValue Side(double[] b, double[] v, Sums sums, int index, int paths) =>
        new(Analyzer.Summarize(b), Analyzer.Summarize(v), new VendorMeasures(
            Analyzer.ToUsd(Spread(v)),
            sums.V[index] == 0 ? 0 : sums.Committed[index] / sums.V[index],
            Analyzer.ToUsd(sums.TermRevenue[index] / paths)));

    private static double Spread(double[] values)
    {
        var q = SimulationResult.Quantiles(values, 0.1, 0.9);
        return q[1] - q[0];
    }

    private static ImmutableArray<PackageFlag> Flags(Package package, decimal? band)
    {
        var flags = ImmutableArray.CreateBuilder<PackageFlag>();
        var d = package.Terms.CommittedDiscount;
        if (band is null)
            flags.Add(new PackageFlag("no-band", $"No discount band applies to {package.AnnualCommit} a year over {package.Terms.TermMonths} months."));
        else if (d > band)
            flags.Add(new PackageFlag("discount-above-band",
                $"Discount {d:P1} is above the band's {band:P1} for {package.AnnualCommit} a year over {package.Terms.TermMonths} months: a concession to win."));
        if (package.Consolidation is { } c)
            flags.Add(new PackageFlag("consolidation",
                $"Consolidates {c.MonthlyListUsd} a month of list usage from {c.Start} (ramp {c.RampMonths} months), now costing {c.MonthlyCostElsewhere} a month elsewhere."));
        return flags.ToImmutable();
    }

    /// <summary>Per-package sums over paths (index 0 = the status quo).</summary>
    private sealed class Sums(int count)
    {
        public readonly double[] B = new double[count];
        public readonly double[] V = new double[count];
        public readonly double[] Committed = new double[count];
        public readonly double[] TermRevenue = new double[count];
        public readonly double[] Worse = new double[count];

        public void Add(Sums other)
        {
            for (var j = 0; j < B.Length; j++)
            {
                B[j] += other.B[j];
                V[j] += other.V[j];
                Committed[j] += other.Committed[j];
                TermRevenue[j] += other.TermRevenue[j];
                Worse[j] += other.Worse[j];
            }
        }
    }

    /// <summary>One valuation: kernels, constants, per-path storage and the parallel loop over chunks of paths.</summary>
    private sealed class Pass
    {
        private readonly NegotiationSetup _setup;
        private readonly LedgerKernel[] _kernels;
        private readonly double[]?[] _added;
        private readonly double[] _elsewherePackage;
        private readonly bool _keep;
        private readonly double _stress;
        private readonly int _months;
        private readonly (int Offset, double Change)[] _moves;
        private readonly double[] _probabilities;
        private readonly double _h, _q;

        public Pass(NegotiationSetup setup, IReadOnlyList<Package> packages, bool keepPaths, bool stressed)
        {
            _setup = setup;
            _months = setup.WindowMonths;
            if (setup.Months < _months) throw new ArgumentException($"the paths have {setup.Months} months; the window to {setup.Horizon} needs {_months}", nameof(setup));
            if (setup.Paths.Length < setup.PathCount * setup.Months) throw new ArgumentException("paths hold PathCount × Months values", nameof(setup));
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(setup.PathCount);
            var a = setup.Assumptions;
            _h = (double)a.VendorHaircut;
            _q = (double)a.RenewalProbability;
            _stress = stressed ? (double)a.LoadStress : 0;
            _keep = keepPaths;
            Kernel = LedgerKernel.From(setup.Contract, setup.First, setup.Actual, valueAfterTerm: true);
            _kernels = new LedgerKernel[packages.Count];
            _added = new double[]?[packages.Count];
            _elsewherePackage = new double[packages.Count];
            ElsewhereSq = new double[packages.Count];
            var discount = new KernelPathBuffer(_months, (double)a.DiscountRate).Path.Discount.ToArray();
            for (var j = 0; j < packages.Count; j++)
            {
                var package = packages[j];
                if (package.Terms.End.AddMonths(-1) > setup.Horizon)
                    throw new ArgumentException($"package {package.Name} runs to {package.Terms.End.AddMonths(-1)}, past the window's end {setup.Horizon}", nameof(packages));
                _kernels[j] = LedgerKernel.Replacing(setup.Contract, package.Terms, setup.First, setup.Actual);
                if (package.Consolidation is not { } c) continue;
                var added = new double[_months];
                var monthly = (double)c.MonthlyListUsd.Value;
                var cost = (double)c.MonthlyCostElsewhere.Value;
                for (var t = 0; t < _months; t++)
                {
                    var month = setup.First.AddMonths(t);
                    var moved = c.MovedShare(month);
                    var factor = discount.Length == 0 ? 1 : discount[t];
                    added[t] = moved * monthly;
                    if (month >= c.Start)
                    {
                        ElsewhereSq[j] += cost * factor;
                        _elsewherePackage[j] += (1 - moved) * cost * factor;
                    }
                }
                _added[j] = added;
            }
            _moves = [.. a.PriceMoves.Select(m => (Math.Max(0, setup.First.MonthsUntil(new YearMonth(m.Year, 1))), (double)m.Change))];
            _probabilities = [.. a.PriceMoves.Select(m => (double)m.Probability)];
            Sums = new Sums(packages.Count + 1);
            StatusQuoB = keepPaths ? new double[setup.PathCount] : [];
            StatusQuoV = keepPaths ? new double[setup.PathCount] : [];
            PackageB = new double[packages.Count][];
            PackageV = new double[packages.Count][];
            for (var j = 0; j < packages.Count; j++)
            {
                PackageB[j] = keepPaths ? new double[setup.PathCount] : [];
                PackageV[j] = keepPaths ? new double[setup.PathCount] : [];
            }
        }

        public LedgerKernel Kernel { get; }
        public double[] ElsewhereSq { get; }
        public Sums Sums { get; }
        public double[] StatusQuoB { get; }
        public double[] StatusQuoV { get; }
        public double[][] PackageB { get; }
        public double[][] PackageV { get; }

        public void Execute()
        {
            var chunks = (_setup.PathCount + ChunkPaths - 1) / ChunkPaths;
            var partial = new Sums[chunks];
            Parallel.For(0, chunks, () => new Scratch(_months, (double)_setup.Assumptions.DiscountRate, _moves.Length > 0), (c, _, scratch) =>
            {
                var sums = new Sums(_kernels.Length + 1);
                var end = Math.Min(_setup.PathCount, (c + 1) * ChunkPaths);
                for (var p = c * ChunkPaths; p < end; p++) Path(p, scratch, sums);
                partial[c] = sums;
                return scratch;
            }, _ => { });
            // Summed in chunk order, so the figures do not depend on how the chunks were scheduled.
            foreach (var s in partial) Sums.Add(s);
        }

        private void Path(int p, Scratch s, Sums sums)
        {
            var usage = _setup.Paths.AsSpan(p * _setup.Months, _months);
            if (_stress > 0)
            {
                for (var t = 0; t < _months; t++) s.Usage[t] = usage[t] * (1 - _stress);
                usage = s.Usage;
            }
            var full = ReadOnlySpan<double>.Empty;
            var guarded = ReadOnlySpan<double>.Empty;
            if (_moves.Length > 0)
            {
                SampleMoves(p, s.Full, s.Guarded);
                full = s.Full;
                guarded = s.Guarded;
            }
            var path = s.Buffer.Fill(usage, full, guarded);
            var sq = Kernel.Run(path);
            var bsq = sq.BuyerCost;
            var vsq = Record(sums, 0, sq, bsq);
            if (_keep)
            {
                StatusQuoB[p] = bsq;
                StatusQuoV[p] = vsq;
            }
            for (var j = 0; j < _kernels.Length; j++)
            {
                KernelTotals totals;
                if (_added[j] is { } added)
                {
                    for (var t = 0; t < _months; t++) s.Consolidated[t] = usage[t] + added[t];
                    totals = _kernels[j].Run(s.Second.Fill(s.Consolidated, full, guarded));
                }
                else
                {
                    totals = _kernels[j].Run(path);
                }
                var b = totals.BuyerCost + _elsewherePackage[j];
                var v = Record(sums, j + 1, totals, b);
                if (b > bsq + ElsewhereSq[j] + 1e-6) sums.Worse[j + 1]++;
                if (_keep)
                {
                    PackageB[j][p] = b;
                    PackageV[j][p] = v;
                }
            }
        }

        /// <summary>Adds a path's figures for contract <paramref name="index"/> and returns its vendor value.</summary>
        private double Record(Sums sums, int index, in KernelTotals totals, double buyerCost)
        {
            var v = Vendor(totals);
            sums.B[index] += buyerCost;
            sums.V[index] += v;
            sums.Committed[index] += totals.Committed;
            sums.TermRevenue[index] += totals.Bill;
            return v;
        }

        private double Vendor(in KernelTotals t) => t.Committed + (1 - _h) * t.OverageBilled + _q * (1 - _h) * t.AfterTermBill;

        /// <summary>
        /// The path's list-price factors: every sampled move from its month (<paramref name="full"/>), and only the cuts
        /// (<paramref name="guarded"/>, what a price-protected period sees). One uniform per move, from the path's own stream.
        /// </summary>
        private void SampleMoves(int p, Span<double> full, Span<double> guarded)
        {
            full.Fill(1);
            guarded.Fill(1);
            var rng = new PathRandom(_setup.Seed ^ PriceMoveStream, p);
            for (var i = 0; i < _moves.Length; i++)
            {
                if (rng.NextDouble() >= _probabilities[i]) continue;
                var (offset, change) = _moves[i];
                for (var t = offset; t < _months; t++)
                {
                    full[t] *= 1 + change;
                    if (change < 0) guarded[t] *= 1 + change;
                }
            }
        }
    }

    private sealed class Scratch(int months, double discountRate, bool moves)
    {
        public readonly KernelPathBuffer Buffer = new(months, discountRate);
        public readonly KernelPathBuffer Second = new(months, discountRate);
        public readonly double[] Usage = new double[months];
        public readonly double[] Consolidated = new double[months];
        public readonly double[] Full = moves ? new double[months] : [];
        public readonly double[] Guarded = moves ? new double[months] : [];
    }
}
