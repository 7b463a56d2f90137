using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Recommit.Storage.Accounts;
using Recommit.Storage.Analyses;

namespace Recommit.Storage.Configuration;

internal sealed class AnalysisRecordConfiguration : IEntityTypeConfiguration<AnalysisRecord>
{
    public void Configure(EntityTypeBuilder<AnalysisRecord> b)
    {
        b.ToTable("analyses");
        b.HasIndex(a => new { a.AccountId, a.Status, a.CreatedUtc });
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.GapClass).HasMaxLength(40);
        b.Property(a => a.PriceBookVersion).HasMaxLength(40);
        b.Property(a => a.CostOfDoingNothingMean).HasPrecision(18, 2);
        b.HasOne<Account>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
