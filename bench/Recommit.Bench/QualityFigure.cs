namespace Recommit.Bench;

/// <summary>One row of the docs/quality.md table: the figure measured, its bar, and whether it holds (null when not judged).</summary>
public sealed record QualityFigure(string Id, string Workload, string Figure, string Bar, bool? Holds, string Detail = "");

/// <summary>
/// A quality check: measures one or more docs/quality.md figures and returns them. Implementations are found by reflection;
/// each has a short <see cref="Id"/> (S1, A2, …) selectable with <c>bench/run --only ID</c>.
/// </summary>
public interface IQualityCheck
{
    string Id { get; }
    string Title { get; }
    /// <summary>Runs the check; <see cref="BenchContext.Quick"/> asks for a smaller workload (for a smoke run), said in the detail.</summary>
    IEnumerable<QualityFigure> Run(BenchContext context);
}

/// <summary>Where a check may write scratch files and whether a quick (smaller) run was asked for.</summary>
public sealed record BenchContext(string WorkDirectory, string RepositoryRoot, bool Quick, TextWriter Log);
