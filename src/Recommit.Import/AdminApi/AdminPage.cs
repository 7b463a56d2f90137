namespace Recommit.Import.AdminApi;

/// <summary>
/// One fetched page: the temporary file its raw body was streamed into (beside the page file it is to be saved as,
/// for offline re-import; the caller moves it there or deletes it), its paging fields and its size.
/// </summary>
public sealed record AdminPage(string BodyFile, bool HasMore, string? NextPage, int Buckets, int Results);
