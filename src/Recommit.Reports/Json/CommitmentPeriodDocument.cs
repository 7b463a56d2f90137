using Recommit.Money;

namespace Recommit.Reports.Json;

/// <summary>One true-up period of the contract as signed: its length in months and its commitment.</summary>
public sealed record CommitmentPeriodDocument(int Months, Usd Commitment);
