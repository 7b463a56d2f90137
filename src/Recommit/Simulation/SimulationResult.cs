using MathNet.Numerics.Statistics;
using Recommit.Time;

namespace Recommit.Simulation;

/// <summary>
/// The simulated paths (docs/method.md §6), struct-of-arrays: per path and month the list dollars before and after levers
/// (<c>path × Months + month</c>); per path and period the ledger's figures (<c>path × Periods + period</c>); per path
/// the rest-of-term waterfall totals by stage (<c>path × 4 + stage</c>: baseline, after routing, after caching, after
/// batch). Every array is indexed by path, so results do not depend on how the paths were scheduled.
/// </summary>
internal sealed class SimulationResult
{
    internal SimulationResult(SimulationSetup setup, int paths)
    {
        Setup = setup;
        Paths = paths;
        Months = setup.Months;
        PeriodCount = setup.StatusQuo.Periods.Length;
        Baseline = new double[paths * Months];
        AfterLevers = new double[paths * Months];
        Waterfall = new double[paths * 4];
        PeriodBill = new double[paths * PeriodCount];
        PeriodPremium = new double[paths * PeriodCount];
        PeriodForfeited = new double[paths * PeriodCount];
        PeriodShortfall = new double[paths * PeriodCount];
        PeriodOverage = new double[paths * PeriodCount];
        Bill = new double[paths];
        Premium = new double[paths];
        Forfeited = new double[paths];
        BaselineCost = new double[paths];
        BaselinePosition = new double[paths];
    }

    public SimulationSetup Setup { get; }
    public int Paths { get; }
    public int Months { get; }
    public int PeriodCount { get; }
    public YearMonth First => Setup.First;

    public double[] Baseline { get; }
    public double[] AfterLevers { get; }
    public double[] Waterfall { get; }
    public double[] PeriodBill { get; }
    public double[] PeriodPremium { get; }
    public double[] PeriodForfeited { get; }
    public double[] PeriodShortfall { get; }
    public double[] PeriodOverage { get; }

    /// <summary>Per path: total bill, overage premium and forfeited commitment of the current and later periods of the term.</summary>
    public double[] Bill { get; }
    public double[] Premium { get; }
    public double[] Forfeited { get; }

    /// <summary>Per path: the cost of doing nothing had no lever been applied (the baseline usage through the same ledger).</summary>
    public double[] BaselineCost { get; }

    /// <summary>
    /// Per path: the first period's end position on the baseline, before levers — consumption at committed rates minus
    /// the commitment and carry-in (positive heads for overage): the projection "at this rate" of docs/method.md §3.
    /// Zero when the window has no period.
    /// </summary>
    public double[] BaselinePosition { get; }

    /// <summary>Per path: the cost of doing nothing, overage premium plus forfeited commitment (docs/method.md §6).</summary>
    public double[] CostOfDoingNothing()
    {
        var c = new double[Paths];
        for (var p = 0; p < Paths; p++) c[p] = Premium[p] + Forfeited[p];
        return c;
    }

    /// <summary>Share of paths with a shortfall in any period of the window.</summary>
    public double ProbabilityAnyShortfall => Probability(PeriodShortfall);

    /// <summary>Share of paths with overage in any period of the window.</summary>
    public double ProbabilityAnyOverage => Probability(PeriodOverage);

    /// <summary>Mean over paths of the rest-of-term waterfall stage (0 baseline, 1 routing, 2 caching, 3 batch).</summary>
    public double WaterfallMean(int stage)
    {
        double sum = 0;
        for (var p = 0; p < Paths; p++) sum += Waterfall[p * 4 + stage];
        return sum / Paths;
    }

    /// <summary>The values of one month across paths (from <see cref="Baseline"/> or <see cref="AfterLevers"/>).</summary>
    public double[] Month(double[] source, int month)
    {
        var v = new double[Paths];
        for (var p = 0; p < Paths; p++) v[p] = source[p * Months + month];
        return v;
    }

    /// <summary>Quantiles of <paramref name="values"/> at the given probabilities (MathNet's default, R-8).</summary>
    public static double[] Quantiles(double[] values, params double[] probabilities)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return [.. probabilities.Select(q => sorted.Length == 1 ? sorted[0] : SortedArrayStatistics.Quantile(sorted, q))];
    }

    private double Probability(double[] perPeriod)
    {
        if (PeriodCount == 0) return 0;
        var hits = 0;
        for (var p = 0; p < Paths; p++)
        {
            for (var k = 0; k < PeriodCount; k++)
            {
                if (perPeriod[p * PeriodCount + k] > 1e-9)
                {
                    hits++;
                    break;
                }
            }
        }
        return (double)hits / Paths;
    }
}
