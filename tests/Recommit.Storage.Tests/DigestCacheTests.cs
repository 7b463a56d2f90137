using Recommit.Pricing;
using Recommit.Storage.Accounts;
using Recommit.Storage.Analyses;
using Recommit.Storage.Contracts;
using Recommit.Storage.Digest;

namespace Recommit.Storage.Tests;

/// <summary>
/// The digest cache (docs/pricing.md, "Weekly digest"): a repeated request returns the digest already built; a new
/// analysis, contract version or account, or another price book, builds it again. On SQLite; a week without moves keeps
/// each build cheap, since the cache does not look inside the digest.
/// </summary>
public sealed class DigestCacheTests : IDisposable
{
    private static readonly DateOnly QuietWeek = new(2026, 11, 18);
    private static readonly AnalysisOptions Options = new() { Paths = 100 };

    private readonly string _dir = Directory.CreateTempSubdirectory("recommit-digest-cache-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<(Store Store, int Account)> StoreAsync(string? connection = null)
    {
        var store = new Store(connection ?? Path.Combine(_dir, "store.db"));
        await store.MigrateAsync();
        await using var db = store.Open();
        var account = new Account { Name = "cached", CreatedUtc = DateTime.UtcNow };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return (store, account.Id);
    }

    [Fact]
    public async Task A_repeated_request_returns_the_digest_already_built()
    {
        var (store, _) = await StoreAsync();
        using var cache = new DigestCache();
        await using var db = store.Open();

        var first = await cache.GetAsync(db, PriceBook.Default, QuietWeek, Options);
        var again = await cache.GetAsync(db, PriceBook.Default, QuietWeek.AddDays(1), Options);

        Assert.Same(first, again);
    }

    [Fact]
    public Task A_new_analysis_contract_or_account_builds_the_digest_again() => InvalidationAsync(null);

    /// <summary>The same on PostgreSQL, whose translation of the cache's key query differs from SQLite's.</summary>
    [SkippableFact]
    public Task A_new_analysis_contract_or_account_builds_the_digest_again_on_postgresql() => InvalidationAsync(TestStores.NewPostgres());

    private async Task InvalidationAsync(string? connection)
    {
        var (store, account) = await StoreAsync(connection);
        using var cache = new DigestCache();
        await using var db = store.Open();
        var first = await cache.GetAsync(db, PriceBook.Default, QuietWeek, Options);

        db.Analyses.Add(new AnalysisRecord { Id = Guid.NewGuid(), AccountId = account, Status = AnalysisStatus.Done, Request = "{}", ContractVersion = 1, CreatedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        var afterAnalysis = await cache.GetAsync(db, PriceBook.Default, QuietWeek, Options);
        Assert.NotSame(first, afterAnalysis);
        Assert.Same(afterAnalysis, await cache.GetAsync(db, PriceBook.Default, QuietWeek, Options));

        db.ContractVersions.Add(new ContractVersion { AccountId = account, Version = 1, Label = "signed", Json = "{}", CreatedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        var afterContract = await cache.GetAsync(db, PriceBook.Default, QuietWeek, Options);
        Assert.NotSame(afterAnalysis, afterContract);

        db.Accounts.Add(new Account { Name = "another", CreatedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        var afterAccount = await cache.GetAsync(db, PriceBook.Default, QuietWeek, Options);
        Assert.NotSame(afterContract, afterAccount);
        Assert.Equal(2, afterAccount.Accounts.Length);
        // A user who sees only the first account gets a digest of their own, not the one with both.
        Assert.Single((await cache.GetAsync(db, PriceBook.Default, QuietWeek, Options, [account])).Accounts);
    }

    [Fact]
    public async Task Another_price_book_or_week_builds_the_digest_again()
    {
        var (store, _) = await StoreAsync();
        using var cache = new DigestCache();
        await using var db = store.Open();
        var first = await cache.GetAsync(db, PriceBook.Default, QuietWeek, Options);

        var other = PriceBook.Default.WithoutChangesAfter(new DateOnly(2026, 10, 1));
        var underOther = await cache.GetAsync(db, other, QuietWeek, Options);
        var nextWeek = await cache.GetAsync(db, PriceBook.Default, QuietWeek.AddDays(7), Options);

        Assert.NotSame(first, underOther);
        Assert.Equal(other.Version, underOther.PriceBookVersion);
        Assert.NotSame(first, nextWeek);
        Assert.Equal(QuietWeek.AddDays(5), nextWeek.WeekStart);
    }
}
