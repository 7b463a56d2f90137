using System.Text.Json;
using System.Text.Json.Serialization;
using Recommit.Import.Output;

namespace Recommit.Import.AdminApi;

/// <summary>
/// Where an interrupted Admin API pull stopped, kept beside the output as <c>&lt;out&gt;.cursor.json</c>: which pull it
/// belongs to (<see cref="Signature"/>), the resolved range, which request of the plan is under way, the
/// <c>next_page</c> token to ask for and how many pages are saved. Holds no key.
/// </summary>
internal sealed record PullCursor(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("signature")] string Signature,
    [property: JsonPropertyName("ending_at")] DateTimeOffset EndingAt,
    [property: JsonPropertyName("request")] int Request,
    [property: JsonPropertyName("endpoint")] string Endpoint,
    [property: JsonPropertyName("range")] string Range,
    [property: JsonPropertyName("next_page")] string? NextPage,
    [property: JsonPropertyName("pages_done")] int PagesDone,
    [property: JsonPropertyName("pages_directory")] string PagesDirectory)
{
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string PathFor(string outPath) => outPath + ".cursor.json";

    public static PullCursor? Load(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var c = JsonSerializer.Deserialize<PullCursor>(File.ReadAllBytes(path), Json);
            if (c is null || c.Version != CurrentVersion) throw new AdminApiException($"{path}: not a cursor this version can resume; delete it to start over");
            return c;
        }
        catch (JsonException e)
        {
            throw new AdminApiException($"{path}: the cursor file is damaged ({e.Message.Split('.')[0]}); delete it to start over");
        }
    }

    /// <summary>Writes the cursor atomically (a fresh temporary file, then rename).</summary>
    public void Save(string path)
    {
        AtomicFile.WriteBytes(path, JsonSerializer.SerializeToUtf8Bytes(this, Json));
    }
}
