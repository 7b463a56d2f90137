using System.Text.RegularExpressions;

namespace Recommit.Import.Internals;

/// <summary>
/// Resolves a model name found in a file through the caller's resolver, trying the name as written and then the
/// Anthropic API id that the cloud spellings stand for (<c>Claude4.6Sonnet</c> and <c>Claude Opus 5</c> →
/// <c>claude-sonnet-4-6</c>, <c>claude-opus-5</c>). Unresolved names are kept as written and flagged.
/// </summary>
internal static partial class ModelNames
{
    public static string Resolve(string name, ModelNameResolver? resolver, ImportDiagnostics diag)
    {
        if (resolver is null) return ApiIdOf(name) ?? name;
        if (resolver(name, out var canonical)) return canonical;
        var id = ApiIdOf(name);
        if (id is not null && resolver(id, out canonical)) return canonical;
        diag.UnknownModel(name);
        return name;
    }

    /// <summary>The API-style id for a Bedrock (<c>Claude4.6Sonnet</c>) or display (<c>Claude Opus 5</c>) name, or null.</summary>
    public static string? ApiIdOf(string name)
    {
        var s = name.Trim();
        string family, version;
        var m = BedrockName().Match(s);
        if (m.Success) { version = m.Groups["v"].Value; family = m.Groups["f"].Value; }
        else
        {
            m = DisplayName().Match(s);
            if (!m.Success) return null;
            version = m.Groups["v"].Value; family = m.Groups["f"].Value;
        }
        family = family.ToLowerInvariant();
        var v = version.Replace('.', '-');
        // Claude 3.x ids put the version first (claude-3-5-haiku); Claude 4 and later put the family first.
        return int.TryParse(version.Split('.')[0], out var major) && major < 4 ? $"claude-{v}-{family}" : $"claude-{family}-{v}";
    }

    [GeneratedRegex(@"^Claude(?<v>\d+(?:\.\d+)?)(?<f>Opus|Sonnet|Haiku|Fable|Mythos)$", RegexOptions.IgnoreCase)]
    private static partial Regex BedrockName();

    [GeneratedRegex(@"^Claude\s+(?<f>Opus|Sonnet|Haiku|Fable|Mythos)\s+(?<v>\d+(?:\.\d+)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex DisplayName();
}
