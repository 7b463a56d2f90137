using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Recommit.Storage.Accounts;
using Recommit.Storage.Verify;

namespace Recommit.Storage.Configuration;

internal sealed class VerifyRunConfiguration : IEntityTypeConfiguration<VerifyRun>
{
    public void Configure(EntityTypeBuilder<VerifyRun> b)
    {
        b.ToTable("verify_runs");
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => x.AccountId);
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
