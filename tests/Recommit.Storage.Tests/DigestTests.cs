using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Json.Schema;
using Recommit.Pricing;
using Recommit.Storage.Accounts;
using Recommit.Storage.Analyses;
using Recommit.Storage.Contracts;
using Recommit.Storage.Digest;
using Recommit.Storage.Usage;

namespace Recommit.Storage.Tests;

/// <summary>
/// The weekly pricing digest on a stored account (docs/pricing.md, "Weekly digest"), on SQLite: the digest's logic does
/// not depend on the database.
/// </summary>
public sealed class DigestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-digest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The week of Sonnet 5.5's cache-read cut (Wednesday 2026-10-07): Monday 2026-10-05 to Sunday 2026-10-11.</summary>
    private static readonly DateOnly CutWeek = new(2026, 10, 7);

    /// <summary>
    /// An account on Sonnet 5.5 alone, the same every month from January to August 2026 (one day a month): 200,000 MTok of
    /// cache reads ($40,000 at $0.20, $20,000 at $0.10), 10,000 MTok of input ($20,000) and 2,000 MTok of output ($20,000):
    /// $80,000 a month at list before the cut. Contract: $600,000 for 2026 at 20 % off, overage at list — capacity $750,000
    /// of list usage, so every month from the eighth is overage.
    /// </summary>
    private async Task<(Store Store, int Account)> SonnetAccountAsync(string name = "sonnet shop")
    {
        var csv = new System.Text.StringBuilder("date,model,token_kind,tokens\n");
        for (var m = 1; m <= 8; m++)
        {
            var day = new DateOnly(2026, m, 15).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{day},claude-sonnet-5-5,cache_read,200000000000\n");
            csv.Append(CultureInfo.InvariantCulture, $"{day},claude-sonnet-5-5,uncached_input,10000000000\n");
            csv.Append(CultureInfo.InvariantCulture, $"{day},claude-sonnet-5-5,output,2000000000\n");
        }
        var path = Path.Combine(_dir, name.Replace(' ', '-') + ".csv");
        await File.WriteAllTextAsync(path, csv.ToString());
        var store = new Store(Path.Combine(_dir, "store.db"));
        await store.MigrateAsync();
        await using var db = store.Open();
        var account = new Account { Name = name, CreatedUtc = DateTime.UtcNow };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        db.ContractVersions.Add(new ContractVersion
        {
            AccountId = account.Id,
            Version = 1,
            Label = "signed",
            Json = """{"name":"Sonnet shop","start":"2026-01-01","periods":[{"months":12,"commitment":600000}],"committedDiscount":0.20,"overageDiscount":0.0,"carryover":{"fraction":0,"cap":0},"billing":"arrears","priceProtection":false}""",
            CreatedUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        await new UsageStore(db).ImportAsync(account.Id, UsageBatch.Read([path], null, PriceBook.Default), [path]);
        return (store, account.Id);
    }

    private static async Task<PriceDigest> DigestAsync(Store store, DateOnly week)
    {
        await using var db = store.Open();
        return await PriceDigest.BuildAsync(db, PriceBook.Default, week, new AnalysisOptions { Paths = 200 });
    }

    [Fact]
    public async Task The_cut_week_lowers_the_cost_of_doing_nothing_by_the_premium_on_the_cheaper_cache_reads()
    {
        var (store, _) = await SonnetAccountAsync();

        var digest = await DigestAsync(store, CutWeek);

        Assert.Equal((new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 11)), (digest.WeekStart, digest.WeekEnd));
        Assert.Contains(digest.Moves, m => m.Model.Value == "claude-sonnet-5-5" && m.Rate == "cache_read");
        var impact = Assert.Single(digest.Accounts);
        Assert.Null(impact.Skipped);
        Assert.Equal("2026-11-24@2026-10-04", impact.Before!.PriceBookVersion);
        // By hand: a flat history forecasts 200,000 MTok of cache reads a month on every path. Forecast months are priced
        // on their first day, so November and December (not October: the cut starts on the 7th) are $0.10 cheaper per
        // MTok: $20,000 a month, $40,000 of list usage less, all of it overage at list. The premium is overage × (20 % − 0 %):
        // $8,000 less; consumption at committed rates, and so the period-end position, $40,000 × 0.8 = $32,000 lower.
        Assert.Equal(-8_000m, Math.Round(impact.CostOfDoingNothingChange!.Value, 2));
        Assert.Equal(-32_000m, Math.Round(impact.PositionChange!.Value, 2));
        // The bill of the term's remaining periods falls by the whole $40,000 of list overage.
        Assert.Equal(-40_000m, Math.Round(impact.TotalBillChange!.Value, 2));
        var counter = Assert.Single(impact.Counters, c => c.Kind == DigestCounterKind.Caching);
        Assert.Contains("from $0.20 to $0.10", counter.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cut_week_leaves_the_recommendation_at_do_not_open_and_values_the_caching_and_routing_counters_by_hand()
    {
        var (store, _) = await SonnetAccountAsync();

        var impact = Assert.Single((await DigestAsync(store, CutWeek)).Accounts);

        // §8 by hand: four months remain (September to December), the gap is a durable overage, and the fixed fee on
        // $600,000 a year is the $18,000 floor, so a package must save $36,000 to be worth opening. Before the cut the
        // best package saves less than that; after it the overage, and so what a package can win back, is smaller still.
        var before = impact.Before!.Deal!;
        var after = impact.After!.Deal!;
        Assert.Equal(("do-not-open", "do-not-open"), (before.Action, after.Action));
        Assert.False(impact.RecommendationChanged);
        Assert.True(before.BuyerSaving is null or < 36_000m, $"before: {before.Sentence}");
        Assert.True(after.BuyerSaving is null or < 36_000m, $"after: {after.Sentence}");
        Assert.Contains(after.BuyerSaving is null ? "no package is a mutual gain" : "less than twice", after.Sentence, StringComparison.Ordinal);
        Assert.StartsWith("Recommendation unchanged: do-not-open.", DigestText.Deal(impact), StringComparison.Ordinal);

        // Caching, from November (the week's next month), on the 10,000 MTok of uncached input a month: c = 0.5, h = 0.8
        // → 5,000 uncached ($10,000), 1,000 5-minute writes at $2.50 ($2,500) and 4,000 reads: $400 at $0.10, $800 at
        // $0.20. Against $20,000 that saves $7,100 a month at the new rate, $6,700 at the old; two months of overage at
        // list: $14,200 and $13,400 off the bill.
        var caching = Assert.Single(impact.Counters, c => c.Kind == DigestCounterKind.Caching);
        Assert.Equal(14_200m, Math.Round(caching.BuyerValue!.Value, 2));
        Assert.Contains("lowers the expected bill for the rest of the term (to 2026-12) by $14,200 at the new rate (at the old rate it lowers the expected bill for the rest of the term (to 2026-12) by $13,400)", caching.Sentence, StringComparison.Ordinal);

        // Routing (Sonnet → Haiku, one tier down) 30 % of Sonnet 5.5's $60,000 a month after the cut: $18,000 leaves
        // Sonnet; on Haiku 5.5 the same tokens cost 60,000 MTok × $0.01 + 3,000 × $0.10 + 600 × $0.50 = $1,200. $16,800 a
        // month for two months.
        var routing = Assert.Single(impact.Counters, c => c.Kind == DigestCounterKind.Routing);
        Assert.Equal(("claude-haiku-5-5", "claude-sonnet-5-5"), (routing.Move.Model.Value, routing.From));
        Assert.Equal(33_600m, Math.Round(routing.BuyerValue!.Value, 2));
        Assert.EndsWith("Routing 30 % of claude-sonnet-5-5's traffic to it from 2026-11 lowers the expected bill for the rest of the term (to 2026-12) by $33,600.", routing.Sentence, StringComparison.Ordinal);
    }

    /// <summary>The shipped book with Sonnet 5.5's output raised from $10 to $12 on Wednesday 2026-10-14.</summary>
    private static PriceBook RiseBook() => PriceBook.Default.Overlay("""
        { "version": "rise", "models": [ { "id": "claude-sonnet-5-5", "displayName": "Claude Sonnet 5.5", "family": "sonnet", "tokenizerGeneration": 2,
          "released": null, "retired": null, "aliases": [], "prices": [ { "effective": "2026-10-14", "source": "test",
          "standard": { "input": 2, "cacheWrite5m": 2.5, "cacheWrite1h": 4, "cacheRead": 0.1, "output": 12 },
          "batchMultiplier": 0.5, "longContext": "standard", "usGeoMultiplier": 1.1 } ] } ] }
        """, "rise.json");

    [Fact]
    public async Task An_increase_is_a_price_protection_ask_sized_by_its_weight_on_the_accounts_list_spend()
    {
        var (store, _) = await SonnetAccountAsync();
        await using var db = store.Open();

        var digest = await PriceDigest.BuildAsync(db, RiseBook(), new DateOnly(2026, 10, 14), new AnalysisOptions { Paths = 200 });

        var impact = Assert.Single(digest.Accounts);
        // By hand: 2,000 MTok of output a month at +$2 is $4,000 on $60,000 a month (after the cut): +6.67 %, from
        // November. November and December: $8,000 more overage at list, $1,600 more premium at 20 %.
        Assert.Equal(8_000m, Math.Round(impact.TotalBillChange!.Value, 2));
        Assert.Equal(1_600m, Math.Round(impact.CostOfDoingNothingChange!.Value, 2));
        var ask = Assert.Single(impact.Counters);
        Assert.Equal(DigestCounterKind.PriceProtection, ask.Kind);
        Assert.Contains("add +6.67 % to this account's forecast list spend", ask.Sentence, StringComparison.Ordinal);
        // No package is acceptable on this short a term, so the negotiation engine has no package to put protection on.
        Assert.Null(ask.BuyerValue);
        Assert.Contains("no package is a mutual gain", ask.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_deal_worth_opening_price_protection_is_valued_by_the_negotiation_engine()
    {
        var store = new Store(Path.Combine(_dir, "store.db"));
        await store.MigrateAsync();
        await using var db = store.Open();
        var account = new Account { Name = "northwind", CreatedUtc = DateTime.UtcNow };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        var demo = Path.Combine(StorageSuite.RepoRoot(), "data", "demo", "northwind");
        db.ContractVersions.Add(new ContractVersion { AccountId = account.Id, Version = 1, Label = "current", Json = await File.ReadAllTextAsync(Path.Combine(demo, "contract.json")), CreatedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        var usage = Path.Combine(demo, "usage.csv");
        await new UsageStore(db).ImportAsync(account.Id, UsageBatch.Read([usage], null, PriceBook.Default), [usage]);
        // Sonnet 4.6 output from $15 to $18 on Wednesday 2026-10-14 (northwind uses Opus 4.6, Sonnet 4.6 and Haiku 4.5).
        var book = PriceBook.Default.Overlay("""
            { "version": "rise46", "models": [ { "id": "claude-sonnet-4-6", "displayName": "Claude Sonnet 4.6", "family": "sonnet", "tokenizerGeneration": 1,
              "released": null, "retired": null, "aliases": [], "prices": [ { "effective": "2026-10-14", "source": "test",
              "standard": { "input": 3, "cacheWrite5m": 3.75, "cacheWrite1h": 6, "cacheRead": 0.3, "output": 18 },
              "batchMultiplier": 0.5, "longContext": "standard", "usGeoMultiplier": 1.1 } ] } ] }
            """, "rise46.json");

        var impact = Assert.Single((await PriceDigest.BuildAsync(db, book, new DateOnly(2026, 10, 14), new AnalysisOptions { Paths = 200 })).Accounts);

        Assert.True(impact.CostOfDoingNothingChange > 0, "an increase on a durable overage raises the cost of doing nothing");
        Assert.Equal("open-now", impact.After!.Deal!.Action);
        Assert.NotNull(impact.After.Deal.BestPackage);
        var ask = Assert.Single(impact.Counters);
        Assert.Equal(DigestCounterKind.PriceProtection, ask.Kind);
        // Protection withholds the repeated increase from the buyer during the package's term: worth something to the
        // buyer, a cost to the vendor — both stated in the sentence as the figures show them.
        Assert.True(ask.BuyerValue > 0, ask.Sentence);
        Assert.True(ask.VendorValue < 0, ask.Sentence);
        Assert.Contains($"is worth {DigestText.Shown(ask.BuyerValue!.Value)} to the buyer and costs the vendor {DigestText.Shown(-ask.VendorValue!.Value)} (negotiation engine)", ask.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Routing_goes_within_a_family_or_one_tier_down_never_two()
    {
        var book = PriceBook.Default;
        bool Routes(string from, string to) => PriceDigest.RoutesTo(book.Info(book.Resolve(from)), book.Info(book.Resolve(to)));

        Assert.True(Routes("claude-opus-4-6", "claude-sonnet-5-5"));
        Assert.True(Routes("claude-sonnet-4-6", "claude-haiku-5-5"));
        Assert.True(Routes("claude-opus-4-1", "claude-opus-4-5"));
        Assert.False(Routes("claude-opus-4-6", "claude-haiku-5-5"));
        Assert.False(Routes("claude-haiku-4-5", "claude-sonnet-5-5"));
        var launch = new PriceMove(PriceMoveKind.NewModel, new ModelId("claude-haiku-5-5"), new DateOnly(2026, 10, 7), null, null, null);
        Assert.Empty(PriceDigest.Counters(book, [launch], ["claude-opus-4-6"], new DateOnly(2026, 10, 6)));
        var counter = Assert.Single(PriceDigest.Counters(book, [launch], ["claude-opus-4-6", "claude-sonnet-4-6"], new DateOnly(2026, 10, 6)));
        Assert.Equal("claude-sonnet-4-6", counter.From);
    }

    [Fact]
    public async Task A_week_without_moves_reanalyses_nothing()
    {
        var (store, _) = await SonnetAccountAsync();

        var digest = await DigestAsync(store, new DateOnly(2026, 11, 18));

        Assert.Empty(digest.Moves);
        Assert.Equal("no rate it pays moved this week", Assert.Single(digest.Accounts).Skipped);
    }

    [Fact]
    public void A_new_model_below_a_model_in_use_is_a_routing_counter_and_an_increase_a_price_protection_ask()
    {
        var book = PriceBook.Default;
        var launch = new PriceMove(PriceMoveKind.NewModel, new ModelId("claude-haiku-5-5"), new DateOnly(2026, 10, 7), null, null, null);
        var rise = new PriceMove(PriceMoveKind.RateChange, new ModelId("claude-sonnet-5-5"), new DateOnly(2026, 12, 1), "output", 10m, 12m);

        var counters = PriceDigest.Counters(book, [launch, rise], ["claude-sonnet-5-5"], new DateOnly(2026, 10, 6));

        Assert.Equal([DigestCounterKind.Routing, DigestCounterKind.PriceProtection], counters.Select(c => c.Kind));
        Assert.Contains("below claude-sonnet-5-5 at $2.00", counters[0].Sentence, StringComparison.Ordinal);
        Assert.Contains("+20 %", counters[1].Sentence, StringComparison.Ordinal);
        Assert.Empty(PriceDigest.Counters(book, [rise], ["claude-opus-4-1"], new DateOnly(2026, 10, 6)));
    }

    [Fact]
    public async Task The_digest_json_matches_its_published_schema()
    {
        var (store, _) = await SonnetAccountAsync();
        var schema = JsonSchema.FromText(await File.ReadAllTextAsync(Path.Combine(StorageSuite.RepoRoot(), "docs", "schemas", "digest.schema.json")));
        var options = new EvaluationOptions { ValidateAgainstMetaSchema = true, OutputFormat = OutputFormat.List };

        foreach (var week in new[] { CutWeek, new DateOnly(2026, 11, 18) })
        {
            var json = JsonSerializer.Serialize(DigestJson.Document(await DigestAsync(store, week)));
            var result = schema.Evaluate(JsonNode.Parse(json), options);
            var problems = string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));
            Assert.True(result.IsValid, $"{week}: {problems}");
        }
        // The schema is closed: a field it does not name in a counter fails it.
        var changed = JsonNode.Parse(JsonSerializer.Serialize(DigestJson.Document(await DigestAsync(store, CutWeek))))!;
        changed["accounts"]![0]!["counters"]![0]!["unnamed"] = 1;
        Assert.False(schema.Evaluate(changed, options).IsValid);
    }

    [Fact]
    public async Task The_atom_feed_has_the_required_elements_and_the_same_ids_when_run_again()
    {
        var (store, account) = await SonnetAccountAsync();
        var link = new Uri("http://127.0.0.1:5080/api/digest?week=2026-10-05");

        var first = XDocument.Parse(DigestFeed.ToAtom(await DigestAsync(store, CutWeek), link));
        var second = XDocument.Parse(DigestFeed.ToAtom(await DigestAsync(store, CutWeek), link));

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = first.Root!;
        Assert.Equal(atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated" }) Assert.NotNull(feed.Element(atom + required));
        var entries = feed.Elements(atom + "entry").ToList();
        Assert.True(entries.Count >= 3, "the moves and the account");
        foreach (var e in entries)
        {
            foreach (var required in new[] { "id", "title", "updated" }) Assert.False(string.IsNullOrEmpty(e.Element(atom + required)?.Value), required);
            Assert.True(e.Element(atom + "link") is not null || e.Element(atom + "content") is not null || e.Element(atom + "summary") is not null);
        }
        Assert.Contains(entries, e => e.Element(atom + "id")!.Value == "urn:recommit:price-move:claude-sonnet-5-5:cache_read:2026-10-07");
        var impact = Assert.Single(entries, e => e.Element(atom + "id")!.Value == $"urn:recommit:digest:2026-10-05:account:{account}");
        // The account's entry carries the deal and the valued counters, as the CLI and the page state them.
        var content = impact.Element(atom + "content")!.Value;
        Assert.Contains("Recommendation unchanged: do-not-open.", content, StringComparison.Ordinal);
        Assert.Contains("by $14,200 at the new rate", content, StringComparison.Ordinal);
        Assert.Contains("by $33,600.", content, StringComparison.Ordinal);
        Assert.Equal(Ids(first), Ids(second));

        static List<string> Ids(XDocument d) => [.. d.Descendants(XName.Get("id", "http://www.w3.org/2005/Atom")).Select(x => x.Value)];
    }
}
