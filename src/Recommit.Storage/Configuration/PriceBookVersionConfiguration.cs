using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Recommit.Storage.Pricing;

namespace Recommit.Storage.Configuration;

internal sealed class PriceBookVersionConfiguration : IEntityTypeConfiguration<PriceBookVersion>
{
    public void Configure(EntityTypeBuilder<PriceBookVersion> b)
    {
        b.ToTable("price_book_versions");
        b.Property(p => p.Version).HasMaxLength(40);
        b.HasIndex(p => new { p.Version, p.Source }).IsUnique();
    }
}
