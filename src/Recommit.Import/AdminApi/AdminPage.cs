namespace Recommit.Import.AdminApi;

/// <summary>One fetched page: the raw body (saved for offline re-import), its paging fields and its size.</summary>
public sealed record AdminPage(byte[] Body, bool HasMore, string? NextPage, int Buckets, int Results);
