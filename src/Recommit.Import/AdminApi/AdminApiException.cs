namespace Recommit.Import.AdminApi;

/// <summary>
/// The Admin API pull could not go on: refused key, a bad request, a server that kept failing after the retries, a
/// page that breaks the paging contract. The message says what happened and how to resume; it never carries the key.
/// </summary>
public sealed class AdminApiException : InputException
{
    public AdminApiException() { }
    public AdminApiException(string message) : base(message) { }
    public AdminApiException(string message, Exception inner) : base(message, inner) { }
}
