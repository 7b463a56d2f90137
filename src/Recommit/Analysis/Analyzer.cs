using System.Collections.Immutable;
using System.Globalization;
using Recommit.Contracts;
using Recommit.Fees;
using Recommit.Forecasting;
using Recommit.Gap;
using Recommit.Analysis.Notes;
using Recommit.Levers;
using Recommit.Money;
using Recommit.Negotiation;
using Recommit.Pricing;
using Recommit.Simulation;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Analysis;

/// <summary>
/// The analysis behind <c>recommit analyze</c> (docs/analysis.md; docs/method.md §2–6): the ledger to the as-of date, the
/// gap verdict, the reforecast of every family × token kind series, the levers, N joint paths through the status-quo
/// ledger, the cost of doing nothing, a rolling-origin backtest and the usage breakdown. docs/analysis.md defines every
/// figure.
/// </summary>
public static partial class Analyzer
{
    /// <summary>The fewest full months of history for the rolling-origin backtest.</summary>
    private const int MinBacktestMonths = 9;

    public static AnalysisResult Run(AnalysisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var book = input.PriceBook;
        var contract = input.Contract;
        var notes = new List<AnalysisNote>();
        if (input.Paths <= 0) throw new AnalysisException($"paths: expected a positive number of paths, found {input.Paths}");

        // Usage: tokens when known; list dollars by family through a token mix otherwise.
        UsageCube cube;
        IReadOnlyDictionary<YearMonth, Usd> monthly;
        DateOnly lastUsageDay;
        var assumedMix = false;
        if (input.Usage is { Count: > 0 } usage)
        {
            cube = usage;
            monthly = CubePricing.MonthlyListUsd(cube, book);
            lastUsageDay = cube.DayRange!.Value.Last;
        }
        else if (input.Spend is { Rows.Length: > 0 } spend)
        {
            cube = SpendConversion.ToCube(spend, book, input.TokenMixes);
            monthly = spend.MonthlyListUsd();
            lastUsageDay = spend.Rows.Max(r => r.Month).LastDay;
            assumedMix = true;
            notes.Add(new AssumedTokenMixNote(DefaultMix: input.TokenMixes is not { Count: > 0 }));
        }
        else
        {
            throw new AnalysisException("no usage to analyse: give a usage file (tokens) or a spend table");
        }

        var asOf = input.AsOf ?? AsOfDate.Default(lastUsageDay);
        var first = YearMonth.Of(asOf);
        var historyStart = monthly.Keys.Min();
        if (first <= historyStart)
            throw new AnalysisException($"as-of date {asOf:yyyy-MM-dd}: there is no full month of usage before it (usage starts {historyStart})");
        notes.Add(new MonthsCountedNote(AsOfDate.LastCompleteMonth(asOf), lastUsageDay, input.AsOf is not null, asOf));
        var actual = new SortedDictionary<YearMonth, Usd>();
        for (var m = historyStart; m < first; m = m.AddMonths(1)) actual[m] = monthly.GetValueOrDefault(m);

        // The ledger to the as-of date, and the gap verdict's months.
        var ledger = Ledger.Run(contract, actual, first.AddMonths(-1));
        var gapMonths = GapClassifier.Months(ledger.Months.Where(m => m.Month < first).Select(m => (m.Month, m.ConsumedAtCommittedRates, m.Pace)));

        // Horizon: the end of the term plus one more term; a given future path may stop at the end of the term.
        var months = Math.Max(12, first.MonthsUntil(contract.End) + contract.TermMonths);
        if (input.Future is { } given)
        {
            var needed = Math.Max(1, first.MonthsUntil(contract.End));
            if (given.Length < needed)
                throw new AnalysisException($"future: the given path has {given.Length} month(s); at least {needed} are needed ({first} to the end of the term, {contract.End.AddMonths(-1)})");
            months = Math.Min(months, given.Length);
        }
        ImmutableArray<Package> scenarios = input.Scenarios.IsDefault ? [] : [.. input.Scenarios.Select(p => Priced(p, book))];
        if (input.Usage is { Count: > 0 } && scenarios.Any(p => p.Consolidation is not null))
        {
            // A workload given in list dollars is also shown in tokens by kind, at the account's own mix for its family
            // over the last three full months (docs/negotiation.md, "Packages").
            var mixes = FamilyMixes(cube, book, first);
            scenarios = [.. scenarios.Select(p => p.Consolidation is { } c
                ? p with { Consolidation = c.WithTokensAt(f => mixes.TryGetValue(f, out var m) ? m : null) }
                : p)];
        }
        var packagesEnd = scenarios.IsEmpty ? first : scenarios.Max(p => p.Terms.End);
        foreach (var package in input.Negotiate ? scenarios : [])
        {
            if (package.Terms.Start < first || package.Terms.Start > contract.End)
                throw new AnalysisException($"package {package.Name}: start {package.Terms.Start} must fall from the as-of month {first} to the end of the term {contract.End}");
            if (input.Future is { } path && first.MonthsUntil(package.Terms.End) > path.Length)
                throw new AnalysisException($"package {package.Name}: runs to {package.Terms.End.AddMonths(-1)}, past the given future path's last month {first.AddMonths(path.Length - 1)}");
        }
        // Negotiating, the window reaches the end of every package considered: the given ones and the optimiser's longest
        // extension of the term (+24 months), so that extension is always valued (docs/method.md §7: H is the end of the
        // longest term considered). A given --future path fixes H; the brief names the extensions it leaves out.
        if (input.Negotiate && input.Future is null)
            months = Math.Max(months, Math.Max(first.MonthsUntil(packagesEnd), Math.Max(0, first.MonthsUntil(contract.End)) + 24));
        var horizon = first.AddMonths(months - 1);
        var window = LedgerKernel.From(contract, first, actual);
        if (window.Periods.IsEmpty) notes.Add(new TermEndedNote(contract.End.AddMonths(-1)));
        else if (window.FirstPeriodIndex > 0) notes.Add(new ClosedPeriodsSunkNote(window.FirstPeriodIndex, first));

        // Series, levers, prices.
        var series = UsageSeries.Build(cube, book, historyStart, first);
        if (series.IsEmpty && input.Future is null) throw new AnalysisException($"no token usage in the full months before {asOf:yyyy-MM-dd} to forecast");
        if (historyStart.MonthsUntil(first) < 12)
            notes.Add(new ShortHistoryNote(historyStart.MonthsUntil(first)));
        var leverModels = LeverModels(input.Levers, book);
        var layout = new TokenLayout(series.SelectMany(s => s.Mix.Select(x => x.Model)).Concat(leverModels).OrderBy(m => m, StringComparer.Ordinal));
        var levers = LeverSet.Resolve(input.Levers, layout, name => book.TryResolve(name, out var id) ? book.Info(id) : null);
        var prices = ForecastPricing.Prices(book, layout, cube, first, months, notes);

        // Forecasts: one per series, in parallel; each result lands at its series' index.
        var forecasts = new Forecast[series.Length];
        double[]? fixedPath = null;
        if (input.Future is { } future)
        {
            fixedPath = [.. future.Take(months).Select(u => (double)u.Value)];
            notes.Add(new GivenFutureNote());
        }
        else
        {
            var options = input.ForecastOptions;
            var fits = input.Fits;
            Parallel.For(0, series.Length, i => forecasts[i] = fits is null
                ? Forecaster.Forecast(series[i].History, months, options)
                : fits.Forecast(series[i].History, months, options));
            foreach (var (s, f) in series.Zip(forecasts))
                foreach (var w in f.Warnings) notes.Add(new SeriesWarningNote(s.Name, w));
        }

        var (rho, pairs) = ShockCorrelation.Estimate([.. series.Select(s => s.History)]);
        notes.Add(new ShockCorrelationNote(rho, pairs));
        var simSeries = series.Select((s, i) => new SimulationSeries(s.Name, forecasts[i] ?? NoForecast.Instance,
            [.. s.Mix.Select(x => new CellWeight(TokenLayout.Cell(layout.IndexOf(x.Model), x.Tier, s.Kind), x.Weight))])).ToImmutableArray();
        // The account's own rolling-origin backtest, also used to widen intervals that proved too narrow on it.
        var backtest = RunBacktest(actual, input.ForecastOptions, input.Fits, notes);
        var innovationScale = fixedPath is null ? IntervalCalibration.Scale(backtest) : 1.0;
        if (fixedPath is null && IntervalCalibration.Note(backtest, innovationScale) is { } calibration) notes.Add(calibration);
        var setup = new SimulationSetup(first, months, fixedPath is null ? simSeries : [], levers, prices, rho,
            window, input.Paths, input.Seed)
        { FixedPath = fixedPath, InnovationScale = innovationScale };
        var sim = MonteCarlo.Run(setup);

        // Gap verdict with the P50 reforecast of the current period's end position before levers ("at this rate").
        var projection = sim.PeriodCount > 0
            ? new GapProjection(ToUsd(PercentileFan.Of(sim.BaselinePosition).P50), new Usd((decimal)window.Periods[0].Commitment))
            : (GapProjection?)null;
        var gap = GapClassifier.Classify(gapMonths, projection, input.Threshold);

        var forecastSection = new ForecastSection(
            fixedPath is null ? MethodText(forecasts, sim.Paths) : "given path (--future)",
            ForecastMonths(actual, sim),
            [.. notes.Where(n => n.Kind != NoteKind.Note).Distinct()]);

        var termEnd = contract.End.AddMonths(-1);
        var waterfall = new LeverWaterfall(first, termEnd < first ? first : termEnd,
            ToUsd(sim.WaterfallMean(0)), ToUsd(sim.WaterfallMean(1)), ToUsd(sim.WaterfallMean(2)), ToUsd(sim.WaterfallMean(3)), assumedMix)
        {
            Kinds = input.Levers.IsEmpty ? [] : [.. input.Levers.Levers.Select(l => l.Kind).Distinct().Order()],
            CostWithoutLevers = input.Levers.IsEmpty ? null : ToUsd(sim.BaselineCost.Average()),
        };

        var codnPaths = sim.CostOfDoingNothing();
        var codnFan = Summarize(codnPaths);
        var codnPercentiles = SimulationResult.Quantiles(codnPaths, [.. Enumerable.Range(0, 21).Select(i => i * 0.05)]);
        var codn = new CostOfDoingNothing(codnFan.Mean, codnFan.P10, codnFan.P50, codnFan.P90,
            Summarize(sim.Premium), Summarize(sim.Forfeited), [.. codnPercentiles.Select(ToUsd)]);

        var simulation = new SimulationSummary(sim.Paths, input.Seed, first, horizon, Summarize(sim.Bill), Summarize(sim.Premium), Summarize(sim.Forfeited),
            sim.ProbabilityAnyShortfall, sim.ProbabilityAnyOverage);

        var breakdown = input.Usage is { Count: > 0 } ? Breakdown(cube, book, first) : SpendBreakdown(input.Spend!, first);

        var used = series.SelectMany(s => s.Mix.Select(x => x.Model)).ToHashSet(StringComparer.Ordinal);
        foreach (var lever in input.Levers.IsEmpty ? [] : input.Levers.Levers)
        {
            var source = lever switch { RoutingLever r => r.From, CachingLever c => c.Model, BatchLever b => b.Model, _ => null };
            if (source is not null && book.TryResolve(source, out var sid) && !used.Contains(sid.Value))
                notes.Add(new LeverWithoutUsageNote(lever.Name, sid.Value));
        }
        if (!input.Levers.IsEmpty)
            notes.Add(new LeversAppliedNote(input.Levers.Levers.Length));
        notes.Add(new PriceBookNote(book.Version));

        NegotiationResult? negotiation = null;
        FeeQuote? quote = null;
        if (input.Negotiate && first <= contract.End)
        {
            var p50 = new double[sim.Months];
            for (var t = 0; t < sim.Months; t++) p50[t] = SimulationResult.Quantiles(sim.Month(sim.AfterLevers, t), 0.5)[0];
            var negotiationSetup = new NegotiationSetup(contract, first, actual, sim.AfterLevers, sim.Paths, sim.Months, input.Assumptions, input.Seed);
            negotiation = Negotiator.Run(negotiationSetup, scenarios, p50, gap);
            quote = FeeQuote.From(negotiationSetup, negotiation);
        }

        return new AnalysisResult(input.Account, asOf, book.Version, contract, ledger, gap, forecastSection, waterfall, codn, simulation, backtest, breakdown,
            // The caveats that qualify every figure head the notes; the forecaster's own warnings stay with the forecast.
            [.. notes.Where(n => n.Kind == NoteKind.Caveat).Concat(notes.Where(n => n.Kind == NoteKind.Note)).Distinct()])
        { Sources = input.Sources, Negotiation = negotiation, Quote = quote };
    }

    /// <summary>Tokens by kind and their list dollars per model family over the three full months before <paramref name="first"/>.</summary>
    private static Dictionary<string, (ConsolidatedTokens Tokens, decimal ListUsd)> FamilyMixes(UsageCube cube, PriceBook book, YearMonth first)
    {
        var from = first.AddMonths(-3);
        var sums = CubePricing.SumBy(cube, book,
            i => YearMonth.Of(cube.Day(i)) is var month && month >= from && month < first,
            i => (Family: book.FamilyOf(cube.Model(i)) ?? "", Kind: cube.Kind(i)));
        return sums.Where(s => s.Key.Family.Length > 0).GroupBy(s => s.Key.Family, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g =>
        {
            long Of(params TokenKind[] kinds) => g.Where(s => kinds.Contains(s.Key.Kind)).Sum(s => s.Value.Tokens);
            return (new ConsolidatedTokens(Of(TokenKind.UncachedInput), Of(TokenKind.Output), Of(TokenKind.CacheWrite5m, TokenKind.CacheWrite1h),
                Of(TokenKind.CacheRead)), g.Sum(s => s.Value.ListUsd.Value));
        }, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A package whose consolidated workload was given in tokens, priced at list on the price book (docs/method.md §7).</summary>
    private static Package Priced(Package package, PriceBook book)
    {
        if (package.Consolidation is not { } c || c.MonthlyTokens is null) return package;
        try
        {
            return package with { Consolidation = c.PricedWith(book) };
        }
        catch (Exception e) when (e is ArgumentException or InputException)
        {
            throw new AnalysisException($"package {package.Name}: consolidation: {e.Message.Split(" (Parameter", 2)[0]}");
        }
    }

    private static IEnumerable<string> LeverModels(LeverPlan plan, PriceBook book)
    {
        if (plan.IsEmpty) yield break;
        foreach (var lever in plan.Levers)
        {
            var names = lever switch
            {
                RoutingLever r => new[] { r.From, r.To },
                CachingLever c when c.Model is not null => [c.Model],
                BatchLever b when b.Model is not null => [b.Model],
                _ => [],
            };
            // Unknown names are reported by LeverSet.Resolve with the lever's field.
            foreach (var n in names)
                if (book.TryResolve(n, out var id)) yield return id.Value;
        }
    }

    private static ImmutableArray<ForecastMonth> ForecastMonths(SortedDictionary<YearMonth, Usd> actual, SimulationResult sim)
    {
        var list = ImmutableArray.CreateBuilder<ForecastMonth>();
        foreach (var (m, usd) in actual) list.Add(new ForecastMonth(m, usd, usd, usd, usd, usd, usd, usd));
        for (var t = 0; t < sim.Months; t++)
        {
            var b = PercentileFan.Of(sim.Month(sim.Baseline, t));
            var a = PercentileFan.Of(sim.Month(sim.AfterLevers, t));
            list.Add(new ForecastMonth(sim.First.AddMonths(t), null, ToUsd(b.P10), ToUsd(b.P50), ToUsd(b.P90), ToUsd(a.P10), ToUsd(a.P50), ToUsd(a.P90)));
        }
        return list.ToImmutable();
    }

    private static string MethodText(Forecast[] forecasts, int paths)
    {
        var methods = forecasts.Select(f => f.Method).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{string.Join(", ", methods)} on {forecasts.Length} series (model family × token kind), {paths:N0} joint paths");
    }

    private static BacktestSummary? RunBacktest(SortedDictionary<YearMonth, Usd> actual, ForecastOptions options, FitCache? fits, List<AnalysisNote> notes)
    {
        var totals = actual.Values.Select(u => (double)u.Value).ToArray();
        var n = totals.Length;
        if (n < MinBacktestMonths)
        {
            notes.Add(new NoBacktestNote(n, MinBacktestMonths));
            return null;
        }
        var minTrain = Math.Max(6, n - 12);
        var h = Math.Min(6, n - minTrain);
        var r = fits is null ? Backtest.RollingOrigin([totals], h, minTrain, options) : fits.RollingOrigin(totals, h, minTrain, options);
        return new BacktestSummary(r.Origins, r.Horizon, r.Smape, r.Mase, r.Coverage80, r.Coverage95,
            $"Rolling origin on the account's monthly list dollars: fit on at least {minTrain} months, forecast up to {h} ahead, {r.Origins} origin(s).");
    }

    private static ImmutableArray<UsageBreakdownRow> Breakdown(UsageCube cube, PriceBook book, YearMonth first)
    {
        var from = first.AddMonths(-12);
        var sums = CubePricing.SumBy(cube, book,
            i => YearMonth.Of(cube.Day(i)) is var month && month >= from && month < first,
            i => (Workspace: cube.Workspaces[cube.WorkspaceIndex(i)], Model: cube.Model(i)));
        return [.. sums.OrderByDescending(p => p.Value.ListUsd).ThenBy(p => p.Key.Workspace, StringComparer.Ordinal).ThenBy(p => p.Key.Model, StringComparer.Ordinal)
            .Select(p => new UsageBreakdownRow(p.Key.Workspace, p.Key.Model, p.Value.ListUsd))];
    }

    private static ImmutableArray<UsageBreakdownRow> SpendBreakdown(SpendTable spend, YearMonth first)
    {
        var from = first.AddMonths(-12);
        return [.. spend.Rows.Where(r => r.Month >= from && r.Month < first)
            .GroupBy(r => r.ModelOrFamily, StringComparer.Ordinal)
            .Select(g => new UsageBreakdownRow("", g.Key, new Usd(g.Sum(r => r.ListUsd.Value))))
            .OrderByDescending(r => r.ListUsd).ThenBy(r => r.Model, StringComparer.Ordinal)];
    }

    internal static Distribution Summarize(double[] values)
    {
        var fan = PercentileFan.Of(values);
        return new Distribution(ToUsd(values.Average()), ToUsd(fan.P10), ToUsd(fan.P50), ToUsd(fan.P90));
    }

    internal static Usd ToUsd(double value) => new(double.IsFinite(value) ? (decimal)value : throw new InvalidOperationException($"a simulated figure is not finite ({value})"));
}
