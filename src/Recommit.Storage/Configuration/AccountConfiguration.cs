using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Recommit.Storage.Accounts;

namespace Recommit.Storage.Configuration;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.ToTable("accounts");
        b.Property(a => a.Name).HasMaxLength(200);
        b.HasIndex(a => a.Name).IsUnique();
    }
}
