using System.Collections.Immutable;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Negotiation;

/// <summary>
/// What to do (docs/method.md §8): <c>open-now</c>, <c>watch</c> (with <see cref="NextCheck"/>), <c>do-not-open</c>, or
/// <c>negotiate-renewal</c> when fewer than 3 months remain to renewal; the reasons, each with its figures; the package
/// it rests on, its expected saving and the engagement's cost it is compared with (twice the fixed fee by default).
/// </summary>
public sealed record Recommendation(
    string Action,
    YearMonth? NextCheck,
    string Sentence,
    ImmutableArray<string> Reasons,
    string? Package,
    Usd? ExpectedSaving,
    Usd FixedFee,
    Usd Threshold,
    int MonthsToRenewal);
