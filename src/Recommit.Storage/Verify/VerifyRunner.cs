using Microsoft.EntityFrameworkCore;
using Recommit.Analysis;
using Recommit.Contracts;
using Recommit.Fees;
using Recommit.Pricing;
using Recommit.Reports.Json;
using Recommit.Storage.Usage;
using Recommit.Time;

namespace Recommit.Storage.Verify;

/// <summary>
/// Verified savings (docs/method.md §9) of a stored account, between two of its stored contract versions over its
/// stored usage, priced at list through the price book; each run is stored with its statement as JSON.
/// </summary>
public sealed class VerifyRunner(StoreContext db, PriceBook book)
{
    public async Task<VerifyRun> RunAsync(int accountId, VerifyOptions options, CancellationToken cancellation = default) =>
        (await RunWithStatementAsync(accountId, options, cancellation)).Run;

    /// <summary>
    /// Runs and stores the verification and returns the stored run with its statement, for a caller that renders it. The
    /// window ends at <see cref="VerifyOptions.To"/>, else at the last complete month of usage (docs/method.md §3).
    /// </summary>
    public async Task<(VerifyRun Run, SavingsStatement Statement)> RunWithStatementAsync(int accountId, VerifyOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var oldContract = await ContractAsync(accountId, options.OldVersion, "oldVersion", cancellation);
        var newContract = await ContractAsync(accountId, options.NewVersion, "newVersion", cancellation);
        var from = Month(options.From, "from");
        if (newContract.Start < oldContract.Start)
            throw new InputException($"newVersion: the new contract must start on or after the old one ({oldContract.Start}), found {newContract.Start}");
        if (from < oldContract.Start) throw new InputException($"from: {from} is before the old contract's start {oldContract.Start}");
        var share = options.Share ?? FeeTerms.Default.GainshareShare;
        if (share is < 0m or > 1m) throw new InputException($"share: must be between 0 and 1, found {share}");

        var (cube, spend) = await new UsageStore(db).ReadAsync(accountId, cancellation);
        var monthly = cube.Count > 0 ? CubePricing.MonthlyListUsd(cube, book) : spend.MonthlyListUsd();
        DateOnly? lastDay = cube.Count > 0 ? cube.DayRange!.Value.Last : spend.Rows.Length > 0 ? spend.Rows.Max(r => r.Month).LastDay : null;
        var last = options.To is { } to ? Month(to, "to")
            : lastDay is { } day ? AsOfDate.LastCompleteMonth(AsOfDate.Default(day))
            : throw new InputException($"to: account {accountId} has no usage to take the last month from");
        if (last < from) throw new InputException($"to: {last} is before from {from}");

        var statement = VerifiedSavings.Compute(oldContract, newContract, monthly, from, last, share);
        var run = new VerifyRun
        {
            AccountId = accountId,
            Name = $"contract v{options.OldVersion} → v{options.NewVersion}, {from} to {last}",
            Json = SavingsJson.Serialize(statement),
            CreatedUtc = DateTime.UtcNow,
        };
        db.VerifyRuns.Add(run);
        await db.SaveChangesAsync(cancellation);
        return (run, statement);
    }

    private async Task<Contract> ContractAsync(int accountId, int version, string field, CancellationToken cancellation)
    {
        var stored = await db.ContractVersions.AsNoTracking().FirstOrDefaultAsync(c => c.AccountId == accountId && c.Version == version, cancellation)
            ?? throw new InputException($"{field}: account {accountId} has no contract version {version}");
        return ContractJson.Parse(stored.Json, $"contract version {version}");
    }

    private static YearMonth Month(string text, string field) =>
        YearMonth.TryParse(text, out var month) ? month : throw new InputException($"{field}: '{text}' is not a month (expected yyyy-MM)");
}
