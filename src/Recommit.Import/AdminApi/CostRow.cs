using System.Text.Json;

namespace Recommit.Import.AdminApi;

/// <summary>One result object of a saved cost or analytics page, with where it was found.</summary>
internal readonly record struct CostRow(JsonSource Source, string Path, long Offset, DateTimeOffset? BucketStart, DateTimeOffset? BucketEnd, int FileIndex, int Bucket, JsonElement Element);
