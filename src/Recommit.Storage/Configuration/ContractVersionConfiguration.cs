using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Recommit.Storage.Accounts;
using Recommit.Storage.Contracts;

namespace Recommit.Storage.Configuration;

internal sealed class ContractVersionConfiguration : IEntityTypeConfiguration<ContractVersion>
{
    public void Configure(EntityTypeBuilder<ContractVersion> b)
    {
        b.ToTable("contract_versions");
        b.HasIndex(c => new { c.AccountId, c.Version }).IsUnique();
        b.Property(c => c.Label).HasMaxLength(200);
        b.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
