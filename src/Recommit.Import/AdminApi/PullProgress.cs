namespace Recommit.Import.AdminApi;

/// <summary>Progress of a pull after each page: request i of n, pages saved, buckets and results seen so far.</summary>
public readonly record struct PullProgress(int Request, int Requests, string Endpoint, int Pages, long Buckets, long Results);
