using Recommit.Analysis;
using Recommit.Time;

namespace Recommit.Fees;

/// <summary>
/// Gainshare over one window of <see cref="Months"/> months after signing, across the simulated paths (docs/method.md §9):
/// the distribution of cumulative verified savings at the window's end, of the fee (share × max(0, savings)), and the
/// share of paths on which the fee is zero. <see cref="Truncated"/> is true when the simulated paths end before the
/// window does, so it is measured to <see cref="Last"/> only.
/// </summary>
public sealed record WindowFee(int Months, YearMonth Last, Distribution Savings, Distribution Fee, double ProbabilityNoFee, bool Truncated);
