using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Recommit.Analysis;
using Recommit.Contracts;
using Recommit.Forecasting;
using Recommit.Levers;
using Recommit.Negotiation;
using Recommit.Pricing;
using Recommit.Reports.Json;
using Recommit.Storage.Contracts;
using Recommit.Storage.Usage;

namespace Recommit.Storage.Analyses;

/// <summary>
/// Runs the engine on an account's stored usage and contract: <see cref="QueueAsync"/> checks the request and records
/// it, <see cref="RunAsync"/> runs it (in the web app on a background worker) writing its progress and then the
/// documented analysis.json with the key figures, <see cref="WhatIfAsync(int, AnalysisOptions, CancellationToken)"/> runs one
/// without storing it. Given a <see cref="FitCache"/> (the server keeps one), a run on usage already fitted reuses its
/// forecasts and backtest and only re-draws the paths and re-runs the ledger; given <see cref="UsageSnapshots"/>, usage
/// unchanged since the last read is not read again.
/// </summary>
public sealed class AnalysisRunner(StoreContext db, PriceBook book, FitCache? fits = null, UsageSnapshots? usage = null)
{
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web);

    /// <summary>Checks the request against the account (contract present, levers valid) and records it as queued.</summary>
    public async Task<AnalysisRecord> QueueAsync(int accountId, AnalysisOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var contract = await ContractAsync(accountId, options.ContractVersion, cancellation);
        ParseLevers(options.Levers);
        var record = new AnalysisRecord
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            Status = AnalysisStatus.Queued,
            Progress = "queued",
            Request = JsonSerializer.Serialize(options, RequestJson),
            ContractVersion = contract.Version,
            CreatedUtc = DateTime.UtcNow,
        };
        db.Analyses.Add(record);
        await db.SaveChangesAsync(cancellation);
        return record;
    }

    /// <summary>
    /// Runs a queued analysis to the end, recording progress, the result or the failure message; returns the result,
    /// or null when the analysis failed on its input (the message is the record's progress).
    /// </summary>
    public async Task<AnalysisResult?> RunAsync(Guid id, CancellationToken cancellation = default)
    {
        var record = await db.Analyses.SingleAsync(a => a.Id == id, cancellation);
        var options = JsonSerializer.Deserialize<AnalysisOptions>(record.Request, RequestJson) ?? new AnalysisOptions();
        try
        {
            await ProgressAsync(record, AnalysisStatus.Running, "reading usage", cancellation);
            var input = await InputAsync(record.AccountId, options with { ContractVersion = record.ContractVersion }, cancellation);
            await ProgressAsync(record, AnalysisStatus.Running, $"simulating {input.Paths:N0} paths", cancellation);
            var result = await Task.Run(() => Analyzer.Run(input), cancellation);
            record.ResultJson = AnalysisJson.Serialize(result);
            record.AsOf = result.AsOf;
            record.PriceBookVersion = result.PriceBookVersion;
            record.GapClass = result.Gap.ClassName;
            record.CostOfDoingNothingMean = result.CostOfDoingNothing.Mean.RoundedToCents.Value;
            record.ProbabilityAnyOverage = result.Simulation.ProbabilityAnyOverage;
            record.ProbabilityAnyShortfall = result.Simulation.ProbabilityAnyShortfall;
            record.FinishedUtc = DateTime.UtcNow;
            await ProgressAsync(record, AnalysisStatus.Done, "done", cancellation);
            return result;
        }
        catch (Exception e) when (e is InputException or ArgumentException)
        {
            record.FinishedUtc = DateTime.UtcNow;
            await ProgressAsync(record, AnalysisStatus.Failed, e.Message, CancellationToken.None);
            return null;
        }
    }

    /// <summary>Runs the engine on the account as it is stored and returns the result without storing it.</summary>
    public Task<AnalysisResult> WhatIfAsync(int accountId, AnalysisOptions options, CancellationToken cancellation = default) =>
        WhatIfAsync(accountId, options, NegotiationAssumptions.Default, cancellation);

    /// <summary>
    /// As <see cref="WhatIfAsync(int, AnalysisOptions, CancellationToken)"/> with the negotiation's
    /// <paramref name="assumptions"/> (the digest values price protection against a sampled price move with them).
    /// </summary>
    public async Task<AnalysisResult> WhatIfAsync(int accountId, AnalysisOptions options, NegotiationAssumptions assumptions, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(assumptions);
        options.Validate();
        var input = await InputAsync(accountId, options, cancellation);
        return Analyzer.Run(input with { Assumptions = assumptions });
    }

    /// <summary>The engine's input for the account as stored: its contract version, usage, levers and settings.</summary>
    internal async Task<AnalysisInput> InputAsync(int accountId, AnalysisOptions options, CancellationToken cancellation)
    {
        var version = await ContractAsync(accountId, options.ContractVersion, cancellation);
        var contract = ContractJson.Parse(version.Json, $"contract version {version.Version}");
        var (cube, spend) = usage is null ? await new UsageStore(db).ReadAsync(accountId, cancellation) : await usage.ReadAsync(db, accountId, cancellation);
        if (cube.Count == 0 && spend.Rows.Length == 0) throw new InputException($"account {accountId}: no usage stored yet; import usage first");
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId, cancellation);
        return new AnalysisInput(contract, book)
        {
            Account = account.Name,
            Usage = cube.Count > 0 ? cube : null,
            Spend = cube.Count > 0 ? null : spend,
            Levers = ParseLevers(options.Levers),
            AsOf = options.AsOf,
            Paths = options.Paths,
            Seed = options.Seed,
            Threshold = options.Threshold,
            Negotiate = options.Negotiate ?? true,
            Fits = fits,
        };
    }

    private async Task<ContractVersion> ContractAsync(int accountId, int? version, CancellationToken cancellation)
    {
        var q = db.ContractVersions.AsNoTracking().Where(c => c.AccountId == accountId);
        if (version is { } v) q = q.Where(c => c.Version == v);
        return await q.OrderByDescending(c => c.Version).FirstOrDefaultAsync(cancellation)
            ?? throw new InputException(version is null ? $"account {accountId}: no contract stored yet; add one first" : $"contractVersion: account {accountId} has no contract version {version}");
    }

    private static LeverPlan ParseLevers(string? json) => string.IsNullOrWhiteSpace(json) ? LeverPlan.None : LeverFile.Parse(json, "levers");

    private async Task ProgressAsync(AnalysisRecord record, AnalysisStatus status, string progress, CancellationToken cancellation)
    {
        record.Status = status;
        record.Progress = progress.Length > 2000 ? progress[..2000] : progress;
        await db.SaveChangesAsync(cancellation);
    }
}
