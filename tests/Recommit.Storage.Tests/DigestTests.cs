using System.Globalization;
using System.Xml.Linq;
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
        var counter = Assert.Single(impact.Counters, c => c.Kind == DigestCounterKind.Caching);
        Assert.Contains("from $0.20 to $0.10", counter.Sentence, StringComparison.Ordinal);
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
        Assert.Contains(entries, e => e.Element(atom + "id")!.Value == $"urn:recommit:digest:2026-10-05:account:{account}");
        Assert.Equal(Ids(first), Ids(second));

        static List<string> Ids(XDocument d) => [.. d.Descendants(XName.Get("id", "http://www.w3.org/2005/Atom")).Select(x => x.Value)];
    }
}
