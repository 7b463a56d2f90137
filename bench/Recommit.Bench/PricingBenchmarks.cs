using BenchmarkDotNet.Attributes;
using Recommit.Pricing;
using Recommit.Usage;

namespace Recommit.Bench;

/// <summary>
/// BenchmarkDotNet micro-benchmark of cube pricing against its hand-written baseline (every cell through
/// <see cref="PriceBook.Cost"/>): <c>bench/run --bdn --filter '*PricingBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class PricingBenchmarks
{
    private UsageCube _cube = UsageCube.Empty;
    private readonly PriceBook _book = PriceBook.Default;

    [Params(100_000)]
    public int Cells { get; set; }

    [GlobalSetup]
    public void Setup() => _cube = PricingWorkload.Generate(Cells, _book);

    [Benchmark(Baseline = true)]
    public decimal PerCell() => PricingWorkload.PricePerCell(_cube, _book, _cube.Count);

    [Benchmark]
    public decimal Cube() => CubePricing.Price(_cube, _book).Total.Value;
}
