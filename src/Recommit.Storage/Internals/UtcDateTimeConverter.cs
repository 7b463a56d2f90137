using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Recommit.Storage.Internals;

/// <summary>Writes a time as UTC and reads it back marked as UTC.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
