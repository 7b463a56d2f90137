namespace Recommit.Negotiation;

/// <summary>
/// A possible change to the list prices of the account's models (docs/method.md §7, price protection): in calendar
/// <see cref="Year"/> (from its January, or from the first simulated month when that is later), with probability
/// <see cref="Probability"/>, list prices change by <see cref="Change"/> (0.10 = +10 %, −0.20 = a 20 % cut). Sampled once
/// per path, the same draw for the status quo and every package.
/// </summary>
public sealed record PriceMove(int Year, decimal Probability, decimal Change);
