using Recommit.Simulation;

namespace Recommit.Storage.Analyses;

/// <summary>
/// What an analysis of a stored account is asked to do: the number of paths and seed, the as-of date (default: the day
/// after the last usage day), the gap threshold τ, a levers file's JSON (docs/levers.md), the contract version
/// (default: the latest), and whether to value the renegotiation packages too (<see cref="Negotiate"/>; default: yes).
/// </summary>
public sealed record AnalysisOptions
{
    public const int MaxPaths = 100_000;

    public int Paths { get; init; } = SimulationSetup.DefaultPaths;
    public ulong Seed { get; init; } = 1;
    public DateOnly? AsOf { get; init; }
    public double Threshold { get; init; } = 0.10;
    public string? Levers { get; init; }
    public int? ContractVersion { get; init; }

    /// <summary>
    /// Whether to run the negotiation (packages, zone of agreement, recommendation, fee quote) after the simulation;
    /// null means yes. The API's what-if leaves it out unless asked, since it costs more than the rest of a re-run.
    /// </summary>
    public bool? Negotiate { get; init; }

    /// <summary>Checks the ranges a request can get wrong; the message names the field.</summary>
    public void Validate()
    {
        if (Paths is < 1 or > MaxPaths) throw new InputException($"paths: must be between 1 and {MaxPaths:N0}, found {Paths}");
        if (Threshold is <= 0 or >= 1 || double.IsNaN(Threshold)) throw new InputException($"threshold: must be between 0 and 1, found {Threshold}");
    }
}
