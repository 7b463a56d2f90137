using Recommit.Contracts;
using System.Collections.Immutable;
using Recommit.Levers;
using Recommit.Time;

namespace Recommit.Simulation;

/// <summary>
/// Everything the Monte Carlo needs (docs/method.md §6): the simulated months (<see cref="First"/> and <see cref="Months"/>),
/// the series and their forecasts, the levers and their token layout, list prices per month and cell
/// (<see cref="Prices"/>, month-major, <c>Months × Layout.CellCount</c>), the shock correlation ρ, the status quo's
/// ledger kernel (its periods from the current one to the end of the term; <see cref="LedgerKernel.From"/>), and the
/// number of paths and the seed.
/// <see cref="FixedPath"/> (list dollars per month, after levers) replaces the forecast with one given path.
/// </summary>
public sealed record SimulationSetup(
    YearMonth First,
    int Months,
    ImmutableArray<SimulationSeries> Series,
    LeverSet Levers,
    double[] Prices,
    double Correlation,
    LedgerKernel StatusQuo,
    int Paths,
    ulong Seed)
{
    public const int DefaultPaths = 10_000;

    public double[]? FixedPath { get; init; }

    /// <summary>
    /// Factor on every series' innovations (≥ 1): widens the simulated spread when the forecaster's intervals proved
    /// too narrow on the account's own history (see <c>Analysis.IntervalCalibration</c>). 1 leaves the paths as fitted.
    /// </summary>
    public double InnovationScale { get; init; } = 1.0;

    /// <summary>Months from <see cref="First"/> to the end of the term (the last period's end).</summary>
    public int TermMonths => Math.Clamp(StatusQuo.EndOffset, 0, Months);
}
