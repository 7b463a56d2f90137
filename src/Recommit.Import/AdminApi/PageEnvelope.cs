namespace Recommit.Import.AdminApi;

/// <summary>The paging fields of a page read by <see cref="JsonPageReader"/>, and how many items its <c>data[]</c> held.</summary>
internal readonly record struct PageEnvelope(bool HasMore, string? NextPage, int Items);
