using System.Globalization;
using System.Text.Json;
using Recommit.Pricing;

namespace Recommit.Import.Prices;

/// <summary>
/// Reads the community LiteLLM price file (<c>model_prices_and_context_window.json</c>): an object keyed by model name,
/// each value with per-token USD costs (<c>input_cost_per_token</c>, <c>output_cost_per_token</c>,
/// <c>cache_creation_input_token_cost</c>, <c>cache_creation_input_token_cost_above_1hr</c>,
/// <c>cache_read_input_token_cost</c>, <c>*_above_200k_tokens</c>, <c>*_batches</c>) and a <c>litellm_provider</c>.
/// Only Claude entries of the <c>anthropic</c>, <c>bedrock</c>/<c>bedrock_converse</c> and <c>vertex_ai</c> providers
/// are taken; costs become USD per MTok. The file has no dates: the caller dates the rates at import (docs/pricing.md).
/// </summary>
public static class LiteLlmPriceFile
{
    private const decimal PerMillion = 1_000_000m;

    /// <summary>
    /// The Claude entries of the file, each resolved to a price-book model where the book knows the name (provider
    /// prefixes such as <c>anthropic/</c>, <c>bedrock/us.</c> and <c>vertex_ai/</c> are stripped first). Entries that
    /// are not Claude, or have no input or output cost, are skipped and counted in <paramref name="skipped"/>.
    /// </summary>
    public static IReadOnlyList<ExternalPrice> Read(string json, string file, PriceBook book, out int skipped)
    {
        ArgumentNullException.ThrowIfNull(book);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw new ImportException(file, e.LineNumber + 1, $"not valid JSON: {e.Message}");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new ImportException(file, null, "expected a JSON object keyed by model name (the LiteLLM price file)");
            var prices = new List<ExternalPrice>();
            skipped = 0;
            foreach (var entry in doc.RootElement.EnumerateObject())
            {
                var v = entry.Value;
                if (v.ValueKind != JsonValueKind.Object || !IsClaude(entry.Name, v))
                {
                    skipped++;
                    continue;
                }
                var where = $"{file}: \"{entry.Name}\"";
                var input = PerMTok(v, "input_cost_per_token", where);
                var output = PerMTok(v, "output_cost_per_token", where);
                if (input is null || output is null)
                {
                    skipped++;
                    continue;
                }
                var batchInput = PerMTok(v, "input_cost_per_token_batches", where);
                decimal? batch = batchInput is { } bi && input > 0 ? Math.Round(bi / input.Value, 6) : null;
                var name = Bare(entry.Name);
                ModelId? model = book.TryResolve(name, out var id) ? id : null;
                prices.Add(new ExternalPrice(entry.Name, where, model, input,
                    PerMTok(v, "cache_creation_input_token_cost", where),
                    PerMTok(v, "cache_creation_input_token_cost_above_1hr", where),
                    PerMTok(v, "cache_read_input_token_cost", where),
                    output,
                    PerMTok(v, "input_cost_per_token_above_200k_tokens", where),
                    PerMTok(v, "output_cost_per_token_above_200k_tokens", where),
                    batch, null));
            }
            return prices;
        }
    }

    /// <summary>The model name without the LiteLLM provider prefix (<c>anthropic/</c>, <c>bedrock/</c>, <c>vertex_ai/</c>, and a region such as <c>us-east-1/</c>).</summary>
    public static string Bare(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.LastIndexOf('/');
        return slash >= 0 ? key[(slash + 1)..] : key;
    }

    private static bool IsClaude(string key, JsonElement v)
    {
        if (!key.Contains("claude", StringComparison.OrdinalIgnoreCase)) return false;
        if (!v.TryGetProperty("litellm_provider", out var p) || p.ValueKind != JsonValueKind.String) return false;
        var provider = p.GetString() ?? "";
        return provider == "anthropic" || provider.StartsWith("bedrock", StringComparison.Ordinal) || provider.StartsWith("vertex_ai", StringComparison.Ordinal);
    }

    private static decimal? PerMTok(JsonElement v, string field, string where)
    {
        if (!v.TryGetProperty(field, out var e) || e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDecimal(out var perToken) || perToken < 0)
            throw new ImportException($"{where}: {field}: expected a cost per token ≥ 0, found {e.GetRawText()}");
        // Per-token costs are floats written like 3e-06; a million of them is the USD per MTok, rounded off the float noise.
        // Dividing by 1.000…0 drops the trailing zeros the rounding leaves (1.200000 → 1.2).
        return Math.Round(perToken * PerMillion, 6, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m;
    }

    /// <summary>Formats a rate for messages: USD per MTok without trailing zeros.</summary>
    public static string Show(decimal? rate) => rate is { } r ? "$" + r.ToString("0.######", CultureInfo.InvariantCulture) : "—";
}
