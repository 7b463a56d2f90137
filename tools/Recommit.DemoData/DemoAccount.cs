namespace Recommit.DemoData;

/// <summary>One commitment period of a demo contract: its length and commitment (dollars at committed rates).</summary>
public sealed record DemoPeriod(int Months, decimal Commitment);

/// <summary>
/// The recipe of one demo account: the contract, the usage window, the monthly list-dollar level it aims for (by month index from the usage start), the
/// weekday/weekend pattern and noise, the model and workspace split, and the seed. List dollars are estimated with
/// <see cref="ReferencePrices"/>; tokens are derived from them so that the account prices to about the level intended.
/// </summary>
public sealed record DemoAccount(
    string Id,
    string Name,
    DateOnly ContractStart,
    IReadOnlyList<DemoPeriod> Periods,
    decimal CommittedDiscount,
    decimal CarryoverFraction,
    decimal CarryoverCap,
    string Billing,
    DateOnly UsageStart,
    DateOnly UsageEnd,
    Func<int, double> MonthlyListDollars,
    double WeekendFactor,
    double DailyNoise,
    IReadOnlyList<DemoWorkspace> Workspaces,
    TokenMix Mix,
    int Seed,
    string LeversJson);

/// <summary>A workspace's share of the account's dollars and the share of its dollars that runs on the batch tier.</summary>
public sealed record DemoWorkspace(string Name, double Share, double BatchShare);

/// <summary>
/// Tokens of each kind per unit of traffic (a request mix), and the model split of list dollars:
/// uncached input, 5-minute cache writes, cache reads and output in MTok per unit.
/// </summary>
public sealed record TokenMix(double Uncached, double CacheWrite5m, double CacheRead, double Output, double OpusShare, double SonnetShare, double HaikuShare);
