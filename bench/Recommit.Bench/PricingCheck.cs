using System.Diagnostics;
using System.Globalization;
using Recommit.Pricing;

namespace Recommit.Bench;

/// <summary>
/// P1: price a deterministic 10-million-cell usage cube through the shipped price book (docs/method.md §1) and report cells/s,
/// beside the per-cell baseline (<see cref="PriceBook.Cost"/> on every cell) on a prefix, whose total must agree to the
/// last decimal with the cube pricing of the same prefix. docs/quality.md sets no bar, so the figure is not judged.
/// </summary>
public sealed class PricingCheck : IQualityCheck
{
    public string Id => "P1";
    public string Title => "Price a usage cube through the price book";

    public IEnumerable<QualityFigure> Run(BenchContext context)
    {
        var book = PriceBook.Default;
        var cells = context.Quick ? 1_000_000 : 10_000_000;
        var baselineCells = context.Quick ? 100_000 : 1_000_000;
        var sw = Stopwatch.StartNew();
        var cube = PricingWorkload.Generate(cells, book);
        context.Log.WriteLine($"P1: generated {cells:N0} cells in {sw.Elapsed.TotalSeconds:F1} s");

        // Warm up the JIT on a small prefix, then time the full cube.
        var prefix = PricingWorkload.Prefix(cube, baselineCells);
        var prefixPriced = CubePricing.Price(prefix, book);

        sw.Restart();
        var priced = CubePricing.Price(cube, book);
        var seconds = sw.Elapsed.TotalSeconds;

        sw.Restart();
        var baseline = PricingWorkload.PricePerCell(prefix, book, prefix.Count);
        var baselineSeconds = sw.Elapsed.TotalSeconds;
        var agrees = baseline == prefixPriced.Total.Value;

        var rate = cells / seconds;
        var baselineRate = prefix.Count / baselineSeconds;
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{cells:N0} cells, {priced.Rows.Length:N0} priced rows, total {priced.Total} (price book {priced.PriceBookVersion}); " +
            $"per-cell baseline on {prefix.Count:N0} cells: {baselineRate / 1e6:F2} M cells/s ({rate / baselineRate:F1}× slower than cube pricing); " +
            $"totals {(agrees ? "agree exactly" : $"DIFFER: {baseline} vs {prefixPriced.Total.Value}")}{(context.Quick ? "; quick run" : "")}");
        yield return new QualityFigure("P1", $"price a {cells / 1_000_000} M-cell usage cube",
            string.Create(CultureInfo.InvariantCulture, $"{rate / 1e6:F1} M cells/s ({seconds:F2} s)"), "none (docs/quality.md sets no bar)",
            agrees ? null : false, detail);
    }
}
