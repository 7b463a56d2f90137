using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Recommit.Storage.Accounts;
using Recommit.Storage.Analyses;
using Recommit.Storage.Contracts;
using Recommit.Storage.Intake;
using Recommit.Storage.Internals;
using Recommit.Storage.Pricing;
using Recommit.Storage.Quotes;
using Recommit.Storage.Scenarios;
using Recommit.Storage.Usage;
using Recommit.Storage.Users;
using Recommit.Storage.Verify;

namespace Recommit.Storage;

/// <summary>
/// The store: accounts and their members, contract versions, usage cells and spend rows, imports, analyses,
/// scenarios, quotes, verified-savings runs, price-book versions, intake submissions, and the Identity users, roles
/// and access tokens. Each database has its own subclass (<see cref="SqliteStoreContext"/>,
/// <see cref="PostgresStoreContext"/>) so each keeps its own migrations; open one with <see cref="Store"/>.
/// </summary>
public abstract class StoreContext(DbContextOptions options) : IdentityDbContext<StoreUser>(options)
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<AccountMember> AccountMembers => Set<AccountMember>();
    public DbSet<ContractVersion> ContractVersions => Set<ContractVersion>();
    public DbSet<UsageRow> UsageRows => Set<UsageRow>();
    public DbSet<SpendRowRecord> SpendRows => Set<SpendRowRecord>();
    public DbSet<ImportRecord> Imports => Set<ImportRecord>();
    public DbSet<AnalysisRecord> Analyses => Set<AnalysisRecord>();
    public DbSet<Scenario> Scenarios => Set<Scenario>();
    public DbSet<Quote> Quotes => Set<Quote>();
    public DbSet<VerifyRun> VerifyRuns => Set<VerifyRun>();
    public DbSet<PriceBookVersion> PriceBookVersions => Set<PriceBookVersion>();
    public DbSet<IntakeSubmission> IntakeSubmissions => Set<IntakeSubmission>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();

    /// <summary>Which database this context talks to.</summary>
    public abstract StoreProvider Provider { get; }

    /// <summary>Times are stored as UTC and read back as UTC (SQLite keeps no kind of its own).</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(StoreContext).Assembly);
    }
}
