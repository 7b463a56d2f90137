using Recommit.Time;

namespace Recommit.Usage;

/// <summary>
/// Tokens (or web searches) of one kind in one month for one group of the cube: a model, a model family, or the whole
/// cube (empty <see cref="Group"/>). The series the forecaster works on are made of these (docs/method.md §4).
/// </summary>
public readonly record struct UsageTotal(YearMonth Month, string Group, TokenKind Kind, long Tokens);
