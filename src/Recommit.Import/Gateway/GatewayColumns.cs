using Recommit.Usage;

namespace Recommit.Import.Gateway;

/// <summary>
/// The logical columns of a gateway request log and the names they are looked for under when no <c>--map</c> names
/// them: <c>timestamp</c>, <c>model</c>, <c>input</c> (uncached input tokens), <c>output</c>, <c>cache_read</c>,
/// <c>cache_write_5m</c>, <c>cache_write_1h</c>, <c>web_search</c>, and the optional <c>workspace</c> (or API key) and
/// <c>tier</c>. <c>--map input=prompt_tokens</c> points a logical column at the file's own name; in JSON lines a dotted
/// name (<c>usage.input_tokens</c>) reaches into nested objects.
/// </summary>
internal static class GatewayColumns
{
    public const string Timestamp = "timestamp";
    public const string Model = "model";
    public const string Workspace = "workspace";
    public const string Tier = "tier";

    /// <summary>The token columns: logical name, token kind, and default spellings (first found wins).</summary>
    public static readonly (string Name, TokenKind Kind, string[] Defaults)[] Counts =
    [
        ("input", TokenKind.UncachedInput, ["input_tokens", "uncached_input_tokens", "prompt_tokens", "input"]),
        ("output", TokenKind.Output, ["output_tokens", "completion_tokens", "output"]),
        ("cache_read", TokenKind.CacheRead, ["cache_read_input_tokens", "cache_read_tokens", "cache_read"]),
        ("cache_write_5m", TokenKind.CacheWrite5m, ["cache_creation_input_tokens", "cache_write_5m_tokens", "cache_write_tokens", "cache_creation_5m_input_tokens", "ephemeral_5m_input_tokens", "cache_write_5m", "cache_write"]),
        ("cache_write_1h", TokenKind.CacheWrite1h, ["cache_write_1h_tokens", "cache_creation_1h_input_tokens", "ephemeral_1h_input_tokens", "cache_write_1h"]),
        ("web_search", TokenKind.WebSearch, ["web_search_requests", "web_search_count", "web_searches"]),
    ];

    public static readonly Dictionary<string, string[]> Others = new(StringComparer.OrdinalIgnoreCase)
    {
        [Timestamp] = ["timestamp", "ts", "time", "created_at", "request_time", "start_time", "datetime", "date"],
        [Model] = ["model", "model_name", "model_id", "model_version"],
        [Workspace] = ["workspace", "workspace_id", "workspace_name", "api_key", "api_key_name", "api_key_id", "key", "key_alias", "team", "user"],
        [Tier] = ["service_tier", "tier"],
    };

    public static IEnumerable<string> LogicalNames => Others.Keys.Concat(Counts.Select(c => c.Name));

    /// <summary>Accepts <c>cache_write</c> for <c>cache_write_5m</c>.</summary>
    public static string Canonical(string logical) =>
        logical.Trim().ToLowerInvariant() switch
        {
            "cache_write" or "cache_creation" => "cache_write_5m",
            "key" or "api_key" => Workspace,
            "service_tier" => Tier,
            "ts" or "time" => Timestamp,
            "prompt" or "prompt_tokens" or "input_tokens" => "input",
            "completion" or "completion_tokens" or "output_tokens" => "output",
            var other => other,
        };
}
