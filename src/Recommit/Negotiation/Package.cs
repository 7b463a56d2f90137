using Recommit.Contracts;
using Recommit.Money;

namespace Recommit.Negotiation;

/// <summary>
/// A renegotiation package (docs/method.md §7): the replacement contract from the renegotiation month t0 (its
/// <see cref="Contract.Start"/>), in the contract schema, with an optional workload <see cref="Consolidation"/>. A vendor's
/// counter-offer is just another package. <see cref="Origin"/> says where it came from (a file, or the optimiser's shape).
/// </summary>
public sealed record Package(Contract Terms, Consolidation? Consolidation = null)
{
    public string Name => Terms.Name;

    /// <summary>Where the package came from: "given" (a scenarios file) or the optimiser's description of its shape.</summary>
    public string Origin { get; init; } = "given";

    /// <summary>The commitment per year of term: total commitment × 12 / term months (what the bands are looked up by).</summary>
    public Usd AnnualCommit => new(Terms.Periods.Sum(p => p.Commitment.Value) * 12m / Terms.TermMonths);
}
