using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Recommit.Storage.Accounts;
using Recommit.Storage.Usage;

namespace Recommit.Storage.Configuration;

internal sealed class SpendRowRecordConfiguration : IEntityTypeConfiguration<SpendRowRecord>
{
    public void Configure(EntityTypeBuilder<SpendRowRecord> b)
    {
        b.ToTable(UsageStore.SpendTable);
        b.HasKey(s => new { s.AccountId, s.Month, s.Model });
        b.Property(s => s.AccountId).HasColumnName("account_id");
        b.Property(s => s.Month).HasColumnName("month").HasMaxLength(7);
        b.Property(s => s.Model).HasColumnName("model");
        b.Property(s => s.ListUsd).HasColumnName("list_usd").HasPrecision(18, 2);
        b.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
