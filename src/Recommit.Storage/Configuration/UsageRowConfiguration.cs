using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Recommit.Storage.Accounts;
using Recommit.Storage.Usage;

namespace Recommit.Storage.Configuration;

/// <summary>
/// The usage cells: the primary key is the cube's natural key, so a cell can be stored once only. Table and column
/// names are lower case because <see cref="UsageStore"/> writes them with hand-written bulk SQL.
/// </summary>
internal sealed class UsageRowConfiguration : IEntityTypeConfiguration<UsageRow>
{
    public void Configure(EntityTypeBuilder<UsageRow> b)
    {
        b.ToTable(UsageStore.CellTable);
        b.HasKey(u => new { u.AccountId, u.Day, u.Channel, u.Workspace, u.Model, u.Tier, u.Band, u.Geo, u.Speed, u.Kind });
        b.Property(u => u.AccountId).HasColumnName("account_id");
        b.Property(u => u.Day).HasColumnName("day");
        b.Property(u => u.Channel).HasColumnName("channel");
        b.Property(u => u.Workspace).HasColumnName("workspace");
        b.Property(u => u.Model).HasColumnName("model");
        b.Property(u => u.Tier).HasColumnName("tier");
        b.Property(u => u.Band).HasColumnName("band");
        b.Property(u => u.Geo).HasColumnName("geo");
        b.Property(u => u.Speed).HasColumnName("speed");
        b.Property(u => u.Kind).HasColumnName("kind");
        b.Property(u => u.Tokens).HasColumnName("tokens");
        b.HasOne<Account>().WithMany().HasForeignKey(u => u.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
