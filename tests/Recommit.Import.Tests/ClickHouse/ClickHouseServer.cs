using System.Net.Http.Headers;
using System.Text;

namespace Recommit.Import.Tests.ClickHouse;

/// <summary>
/// The test servers started by <c>scripts/lib/clickhouse.sh</c> (shard 1 and shard 2 of the cluster
/// <c>recommit_two_shards</c>), and plain HTTP calls to set up tables. Each test makes tables of its own name.
/// </summary>
internal static class ClickHouseServer
{
    public const string UrlVariable = ClickHouseFactAttribute.UrlVariable;
    public const string Shard2Variable = UrlVariable + "_SHARD2";
    public const string Cluster = "recommit_two_shards";

    /// <summary>The user with a password, and the password, as scripts/lib/clickhouse.sh configures them.</summary>
    public const string PasswordUser = "reader";
    public const string Password = "reader-test-password";

    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromMinutes(2) };

    public static Uri? Url => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } u ? new Uri(u) : null;

    public static Uri Shard1 => Url ?? throw new InvalidOperationException($"{UrlVariable} is not set: the ClickHouse test server is missing (scripts/test starts it)");

    public static Uri Shard2 => Environment.GetEnvironmentVariable(Shard2Variable) is { Length: > 0 } u ? new Uri(u)
        : throw new InvalidOperationException($"{Shard2Variable} is not set: the second ClickHouse test server is missing (scripts/test starts it)");

    /// <summary>A table name no other test uses.</summary>
    public static string NewTable(string prefix) => $"{prefix}_{Guid.NewGuid():N}";

    /// <summary>Runs a statement as the default user; throws with the server's message when it fails.</summary>
    public static string Execute(Uri server, string sql, string? body = null)
    {
        var uri = body is null ? server : new Uri(server, "/?query=" + Uri.EscapeDataString(sql));
        using var content = new StringContent(body ?? sql, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = Client.PostAsync(uri, content).GetAwaiter().GetResult();
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"ClickHouse: {sql[..Math.Min(sql.Length, 200)]}: {text}");
        return text;
    }

    public static string Execute(string sql, string? body = null) => Execute(Shard1, sql, body);
}
