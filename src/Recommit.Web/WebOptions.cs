namespace Recommit.Web;

/// <summary>
/// The app's settings, section <c>Recommit</c> of appsettings.json or environment variables such as
/// <c>Recommit__Store</c>: the store's connection (default: <c>recommit.db</c> in the working folder), the upload size
/// limit, and the public intake endpoint's rate limit.
/// </summary>
internal sealed record WebOptions
{
    public const string Section = "Recommit";

    public string Store { get; init; } = Storage.Store.DefaultFile;
    public long MaxUploadBytes { get; init; } = 256L * 1024 * 1024;
    public int IntakePerMinute { get; init; } = 5;
    public int MaxWhatIfPaths { get; init; } = 5_000;
}
