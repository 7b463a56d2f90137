using Recommit.Money;
using Recommit.Time;

namespace Recommit.Fees;

/// <summary>
/// One month of verified savings (docs/method.md §9): what the old contract would have billed for the month's actual usage,
/// what the new contract bills for it (with the stub's true-up in the signing month), their difference, the running total
/// since the window opened (which may be negative) and the gainshare fee accrued to date on it.
/// </summary>
public sealed record SavingsMonth(YearMonth Month, Usd ListUsage, Usd OldBill, Usd NewBill, Usd Savings, Usd Cumulative, Usd Fee);
