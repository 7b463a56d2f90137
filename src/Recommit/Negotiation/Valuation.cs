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
            // Against the status quo on the same (stressed from the package's own t0) paths.
            var (sqB, sqV) = run.Paired ? (run.Sums.PairedB[j + 1], run.Sums.PairedV[j + 1]) : (run.Sums.B[0], run.Sums.V[0]);
            var saving = (sqB + run.ElsewhereSq[j] * n - run.Sums.B[j + 1]) / n;
            var gain = (run.Sums.V[j + 1] - sqV) / n;
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
    /// <remarks>
    /// <paramref name="general"/> forces the path-by-path loop <see cref="Run"/> uses; otherwise, when nothing needs it (no
    /// discount rate, no consolidation, no protection from a later t0), the screen runs each chunk of paths package by
    /// package across the paths in SIMD lanes, with the same figures to the bit (a test holds the two equal).
    /// </remarks>
    internal static ScreenResult Screen(NegotiationSetup setup, IReadOnlyList<Package> packages, bool general = false)
    {
        var run = new Pass(setup, packages, keepPaths: false, stressed: false);
        if (!general && run.Lanes) run.ExecuteLanes();
        else run.Execute();
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
            flags.Add(new PackageFlag("consolidation", c.Describe()));
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
        public readonly double[] PairedB = new double[count];
        public readonly double[] PairedV = new double[count];

        public void Add(Sums other)
        {
            for (var j = 0; j < B.Length; j++)
            {
                PairedB[j] += other.PairedB[j];
                PairedV[j] += other.PairedV[j];
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
        private readonly int[] _t0;
        private readonly bool[] _ownGuard;
        private readonly (int From, int[] Members)[] _groups;

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
            _t0 = [.. packages.Select(x => Math.Max(0, setup.First.MonthsUntil(x.Terms.Start)))];
            // Price protection runs from the package's own t0: a move before it is in the price the package signs at.
            _ownGuard = [.. packages.Select((x, j) => x.Terms.PriceProtection && _t0[j] > 0 && a.PriceMoves.Length > 0)];
            // The load-drop stress starts at each package's t0 too, the status quo cut from the same month beside it; without
            // the stress every package shares one unstressed path.
            _groups = stressed
                ? [.. Enumerable.Range(0, packages.Count).GroupBy(j => _t0[j]).OrderBy(g => g.Key).Select(g => (g.Key, g.ToArray()))]
                : [(0, [.. Enumerable.Range(0, packages.Count)])];
            if (_groups.Length == 0) _groups = [(0, [])];
            Paired = _groups.Length > 1;
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

        /// <summary>Packages are compared with the status quo stressed from their own t0 (<see cref="Sums.PairedB"/>), not index 0.</summary>
        public bool Paired { get; }
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
            Parallel.For(0, chunks, () => new Scratch(_months, (double)_setup.Assumptions.DiscountRate, _moves.Length), (c, _, scratch) =>
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

        /// <summary>Whether <see cref="ExecuteLanes"/> applies: a screen without discounting, consolidation or protection from a later t0.</summary>
        public bool Lanes => !_keep && _stress == 0 && _setup.Assumptions.DiscountRate == 0
            && _added.All(a => a is null) && !_ownGuard.Any(g => g);

        /// <summary>
        /// The screen with the packages outermost (docs/negotiation.md, "Performance"): per chunk of <see cref="ChunkPaths"/>
        /// paths, the running sums are laid out month-major so one package's true-ups run over the chunk's paths in SIMD
        /// lanes, and each package's per-path figures are then added in path order — the same operations in the same
        /// order as <see cref="Execute"/>, so the sums are identical to the bit.
        /// </summary>
        public void ExecuteLanes()
        {
            var chunks = (_setup.PathCount + ChunkPaths - 1) / ChunkPaths;
            var count = _kernels.Length + 1;
            var partB = new double[chunks * count];
            var partV = new double[chunks * count];
            var partWorse = new double[chunks * count];
            Parallel.For(0, chunks, () => new LaneScratch(_months, _moves.Length), (c, _, scratch) =>
            {
                var begin = c * ChunkPaths;
                var end = Math.Min(_setup.PathCount, begin + ChunkPaths);
                var b = partB.AsSpan(c * count, count);
                var v = partV.AsSpan(c * count, count);
                var worse = partWorse.AsSpan(c * count, count);
                Chunk(begin, end, scratch, b, v, worse);
                return scratch;
            }, _ => { });
            // Summed in chunk order, as Execute does.
            for (var c = 0; c < chunks; c++)
                for (var j = 0; j < count; j++)
                {
                    Sums.B[j] += partB[c * count + j];
                    Sums.V[j] += partV[c * count + j];
                    Sums.Worse[j] += partWorse[c * count + j];
                }
        }

        private void Chunk(int begin, int end, LaneScratch s, Span<double> sumB, Span<double> sumV, Span<double> worse)
        {
            const int lanes = ChunkPaths;
            var n = end - begin;
            var cum = s.Cumulative;
            var guarded = s.GuardedCumulative;
            // The status quo path by path (as Execute), and each path's running sums copied month-major.
            for (var i = 0; i < n; i++)
            {
                var p = begin + i;
                Moves(p, s, out var full, out var guard);
                var path = s.Buffer.Fill(_setup.Paths.AsSpan(p * _setup.Months, _months), full, guard);
                var sq = Kernel.Run(path);
                var bsq = sq.BuyerCost;
                sumB[0] += bsq;
                sumV[0] += Vendor(sq);
                s.StatusQuoB[i] = bsq;
                var c = path.Cumulative;
                var g = path.ProtectedCumulative;
                for (var t = 0; t <= _months; t++)
                {
                    cum[t * lanes + i] = c[t];
                    guarded[t * lanes + i] = g[t];
                }
            }
            for (var i = n; i < lanes; i++)
                for (var t = 0; t <= _months; t++) cum[t * lanes + i] = guarded[t * lanes + i] = 0;

            var width = System.Numerics.Vector<double>.Count;
            var zero = System.Numerics.Vector<double>.Zero;
            var a1 = 1 - _h;
            var a2 = _q * (1 - _h);
            var last = _months * lanes;
            for (var j = 0; j < _kernels.Length; j++)
            {
                var kernel = _kernels[j];
                var periods = kernel.Periods.AsSpan();
                var e = kernel.EndOffset * lanes;
                var afterFactor = 1 - (kernel.AfterTermDiscount ?? 0);
                var elsewhere = _elsewherePackage[j];
                var committed = 0.0;
                foreach (ref readonly var period in periods) committed += period.Commitment;
                for (var l = 0; l < n; l += width)
                {
                    var carry = new System.Numerics.Vector<double>(kernel.CarryIn);
                    var overage = zero;
                    for (var k = 0; k < periods.Length; k++)
                    {
                        ref readonly var period = ref periods[k];
                        var terms = period.Terms;
                        var sums = terms.PriceProtected ? guarded : cum;
                        var from = Math.Max(0, period.FirstMonthOffset) * lanes + l;
                        var to = Math.Max(0, period.EndOffset) * lanes + l;
                        var usage = (new System.Numerics.Vector<double>(period.KnownUsage) + new System.Numerics.Vector<double>(sums, to))
                            - new System.Numerics.Vector<double>(sums, from);
                        // LedgerKernel.TrueUp, lane by lane.
                        var d = terms.CommittedDiscount;
                        var held = new System.Numerics.Vector<double>(period.Commitment) + carry;
                        var capacity = held / new System.Numerics.Vector<double>(1 - d);
                        var over = System.Numerics.Vector.Max(zero, usage - capacity);
                        overage += over * new System.Numerics.Vector<double>(1 - terms.OverageDiscount);
                        var shortfall = System.Numerics.Vector.Max(zero, held - usage * new System.Numerics.Vector<double>(1 - d));
                        carry = k < periods.Length - 1
                            ? System.Numerics.Vector.Min(new System.Numerics.Vector<double>(terms.CarryoverFraction) * shortfall,
                                new System.Numerics.Vector<double>(terms.CarryoverCap * period.Commitment))
                            : zero;
                    }
                    var after = kernel.AfterTermDiscount is null
                        ? zero
                        : (new System.Numerics.Vector<double>(cum, last + l) - new System.Numerics.Vector<double>(cum, e + l)) * new System.Numerics.Vector<double>(afterFactor);
                    var c = new System.Numerics.Vector<double>(committed);
                    var b = c + overage + after + new System.Numerics.Vector<double>(elsewhere);
                    var v = c + new System.Numerics.Vector<double>(a1) * overage + new System.Numerics.Vector<double>(a2) * after;
                    b.CopyTo(s.B, l);
                    v.CopyTo(s.V, l);
                }
                // In path order, as Execute adds them.
                var threshold = ElsewhereSq[j];
                for (var i = 0; i < n; i++)
                {
                    sumB[j + 1] += s.B[i];
                    sumV[j + 1] += s.V[i];
                    if (s.B[i] > s.StatusQuoB[i] + threshold + 1e-6) worse[j + 1]++;
                }
            }
        }

        private void Path(int p, Scratch s, Sums sums)
        {
            var raw = _setup.Paths.AsSpan(p * _setup.Months, _months);
            Moves(p, s, out var full, out var guarded);
            for (var g = 0; g < _groups.Length; g++)
            {
                var (from, members) = _groups[g];
                var usage = raw;
                if (_stress > 0)
                {
                    for (var t = 0; t < _months; t++) s.Usage[t] = t < from ? raw[t] : raw[t] * (1 - _stress);
                    usage = s.Usage;
                }
                var path = s.Buffer.Fill(usage, full, guarded);
                var sq = Kernel.Run(path);
                var bsq = sq.BuyerCost;
                double vsq;
                if (g == 0)
                {
                    // The status quo's own figures: unstressed, or stressed from the earliest t0.
                    vsq = Record(sums, 0, sq, bsq);
                    if (_keep)
                    {
                        StatusQuoB[p] = bsq;
                        StatusQuoV[p] = vsq;
                    }
                }
                else
                {
                    vsq = Vendor(sq);
                }
                foreach (var j in members)
                {
                    KernelTotals totals;
                    if (_added[j] is not null || _ownGuard[j])
                    {
                        var own = usage;
                        if (_added[j] is { } added)
                        {
                            for (var t = 0; t < _months; t++) s.Consolidated[t] = usage[t] + added[t];
                            own = s.Consolidated;
                        }
                        totals = _kernels[j].Run(s.Second.Fill(own, full, _ownGuard[j] ? GuardedFrom(_t0[j], s) : guarded));
                    }
                    else
                    {
                        totals = _kernels[j].Run(path);
                    }
                    var b = totals.BuyerCost + _elsewherePackage[j];
                    var v = Record(sums, j + 1, totals, b);
                    if (Paired)
                    {
                        sums.PairedB[j + 1] += bsq;
                        sums.PairedV[j + 1] += vsq;
                    }
                    if (b > bsq + ElsewhereSq[j] + 1e-6) sums.Worse[j + 1]++;
                    if (_keep)
                    {
                        PackageB[j][p] = b;
                        PackageV[j][p] = v;
                    }
                }
            }
        }

        /// <summary>The path's sampled list-price factors (<see cref="SampleMoves"/>), or none when no moves are assumed.</summary>
        private void Moves(int p, MoveScratch s, out ReadOnlySpan<double> full, out ReadOnlySpan<double> guarded)
        {
            full = guarded = ReadOnlySpan<double>.Empty;
            if (_moves.Length == 0) return;
            SampleMoves(p, s.Full, s.Guarded, s.Chosen);
            full = s.Full;
            guarded = s.Guarded;
        }

        /// <summary>
        /// The list-price factors a package protected from offset <paramref name="t0"/> sees (docs/method.md §7): before t0
        /// only the cuts (what a protected old period sees); from t0 on, every move dated before t0 (it is in the price
        /// the package signs at) and only the cuts dated from t0.
        /// </summary>
        private double[] GuardedFrom(int t0, Scratch s)
        {
            var own = s.Own;
            own.AsSpan().Fill(1);
            for (var i = 0; i < _moves.Length; i++)
            {
                if (!s.Chosen[i]) continue;
                var (offset, change) = _moves[i];
                for (var t = offset; t < _months; t++)
                    if (change < 0 || (offset < t0 && t >= t0)) own[t] *= 1 + change;
            }
            return own;
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
        /// (<paramref name="guarded"/>, what a price-protected period sees), and which moves happened (<paramref name="chosen"/>).
        /// One uniform per move, from the path's own stream.
        /// </summary>
        private void SampleMoves(int p, Span<double> full, Span<double> guarded, Span<bool> chosen)
        {
            full.Fill(1);
            guarded.Fill(1);
            var rng = new PathRandom(_setup.Seed ^ PriceMoveStream, p);
            for (var i = 0; i < _moves.Length; i++)
            {
                chosen[i] = rng.NextDouble() < _probabilities[i];
                if (!chosen[i]) continue;
                var (offset, change) = _moves[i];
                for (var t = offset; t < _months; t++)
                {
                    full[t] *= 1 + change;
                    if (change < 0) guarded[t] *= 1 + change;
                }
            }
        }
    }

    /// <summary>Per-thread storage for a path's sampled list-price moves.</summary>
    private abstract class MoveScratch(int months, int moves)
    {
        public readonly double[] Full = moves > 0 ? new double[months] : [];
        public readonly double[] Guarded = moves > 0 ? new double[months] : [];
        public readonly bool[] Chosen = new bool[moves];
    }

    private sealed class LaneScratch(int months, int moves) : MoveScratch(months, moves)
    {
        public readonly KernelPathBuffer Buffer = new(months);
        public readonly double[] Cumulative = new double[(months + 1) * ChunkPaths];
        public readonly double[] GuardedCumulative = new double[(months + 1) * ChunkPaths];
        public readonly double[] StatusQuoB = new double[ChunkPaths];
        public readonly double[] B = new double[ChunkPaths];
        public readonly double[] V = new double[ChunkPaths];
    }

    private sealed class Scratch(int months, double discountRate, int moves) : MoveScratch(months, moves)
    {
        public readonly double[] Own = moves > 0 ? new double[months] : [];
        public readonly KernelPathBuffer Buffer = new(months, discountRate);
        public readonly KernelPathBuffer Second = new(months, discountRate);
        public readonly double[] Usage = new double[months];
        public readonly double[] Consolidated = new double[months];
    }
}
