using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Recommit.Storage.Intake;

namespace Recommit.Storage.Configuration;

internal sealed class IntakeSubmissionConfiguration : IEntityTypeConfiguration<IntakeSubmission>
{
    public void Configure(EntityTypeBuilder<IntakeSubmission> b)
    {
        b.ToTable("intake_submissions");
        b.Property(i => i.Name).HasMaxLength(200);
        b.Property(i => i.Email).HasMaxLength(320);
        b.Property(i => i.Organisation).HasMaxLength(200);
        b.Property(i => i.Message).HasMaxLength(4000);
    }
}
