using System.Text.Json;
using Recommit.Analysis;
using Recommit.Contracts;
using Recommit.Forecasting;
using Recommit.Negotiation;
using Recommit.Pricing;
using Recommit.Reports.Json;
using Recommit.Storage.Analyses;
using Recommit.Storage.Quotes;
using Recommit.Storage.Usage;

namespace Recommit.Storage.Scenarios;

/// <summary>
/// Renegotiation packages for a stored account (docs/negotiation.md; docs/method.md §7–§9), the service behind the
/// API's scenarios and quotes and the workspace pages: runs the engine on the account's stored usage and contract with
/// the given packages (and always the optimiser's), then stores the negotiation (packages valued for both sides, zone of
/// agreement, recommendation) as a scenario and the fee quote for the recommended package as a quote, in one save.
/// </summary>
public sealed class ScenarioRunner(StoreContext db, PriceBook book, FitCache? fits = null, UsageSnapshots? usage = null)
{
    /// <summary>Runs and stores the scenarios; bad input throws an <see cref="InputException"/> naming the field.</summary>
    public async Task<ScenarioRun> RunAsync(int accountId, ScenarioOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Analysis.Validate();
        var name = string.IsNullOrWhiteSpace(options.Name) ? null : options.Name.Trim();
        if (name is { Length: > 200 }) throw new InputException($"name: at most 200 characters, found {name.Length}");
        var packages = string.IsNullOrWhiteSpace(options.Packages) ? [] : Parse(() => ScenarioFile.Parse(options.Packages, "packages"), "");
        var assumptions = string.IsNullOrWhiteSpace(options.Assumptions) ? NegotiationAssumptions.Default
            : Parse(() => AssumptionsJson.Parse(options.Assumptions, "assumptions"), "assumptions.");

        var input = await new AnalysisRunner(db, book, fits, usage).InputAsync(accountId, options.Analysis, cancellation);
        var analysis = await Task.Run(() => Analyzer.Run(input with { Scenarios = packages, Assumptions = assumptions, Negotiate = true }), cancellation);
        if (analysis.Negotiation is not { } negotiation || analysis.Quote is not { } quote)
            throw new InputException($"asOf: the contract's term ended in {analysis.Contract.End.AddMonths(-1)}, before the as-of month {analysis.AsOf:yyyy-MM}; there is nothing to renegotiate");

        var now = DateTime.UtcNow;
        var scenario = new Scenario
        {
            AccountId = accountId,
            Name = Clip(name ?? (packages.IsEmpty ? "the optimiser's packages" : $"{packages.Length} package{(packages.Length == 1 ? "" : "s")}: {string.Join(", ", packages.Select(p => p.Name))}")),
            Json = NegotiationJson.Serialize(negotiation),
            CreatedUtc = now,
        };
        var stored = new Quote
        {
            AccountId = accountId,
            Name = Clip(quote.Package is { } package ? $"gainshare or fixed fee for {package}" : "fixed fee (no package recommended)"),
            Json = JsonSerializer.Serialize(quote, AnalysisJson.Options),
            CreatedUtc = now,
        };
        db.Scenarios.Add(scenario);
        db.Quotes.Add(stored);
        await db.SaveChangesAsync(cancellation);
        return new ScenarioRun(scenario, stored, analysis, negotiation, quote);
    }

    /// <summary>A name that fits the stored column (200 characters).</summary>
    private static string Clip(string name) => name.Length <= 200 ? name : name[..199] + "…";

    /// <summary>Parses request JSON, restating a fault as the request's own field path (<c>packages[0].commitment: …</c>).</summary>
    private static T Parse<T>(Func<T> parse, string prefix)
    {
        try
        {
            return parse();
        }
        catch (NegotiationException e) when (e.Field.Length > 0)
        {
            throw Restated(e, e.SourceName, e.Field, prefix);
        }
        catch (ContractException e) when (e.Field.Length > 0)
        {
            throw Restated(e, e.SourceName, e.Field, prefix);
        }
    }

    private static InputException Restated(InputException e, string source, string field, string prefix)
    {
        var head = $"{source}: {field}: ";
        var detail = e.Message.StartsWith(head, StringComparison.Ordinal) ? e.Message[head.Length..] : e.Message;
        return new InputException($"{prefix}{field}: {detail}", e);
    }
}
