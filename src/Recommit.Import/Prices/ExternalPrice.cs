using Recommit.Pricing;

namespace Recommit.Import.Prices;

/// <summary>
/// One model's rates as another source states them (a LiteLLM price file entry, a line of a user's price sheet), in USD
/// per MTok; a rate the source does not give is null and keeps the price book's value when the entry is built.
/// </summary>
/// <param name="Key">The source's own name for the model (<c>anthropic/claude-sonnet-4-5</c>, a sheet's model cell).</param>
/// <param name="Where">File and line or JSON key, for messages.</param>
/// <param name="Model">The price book's model for <paramref name="Key"/>, or null when the book does not know it.</param>
/// <param name="Input">Uncached input.</param>
/// <param name="CacheWrite5m">5-minute cache write.</param>
/// <param name="CacheWrite1h">1-hour cache write.</param>
/// <param name="CacheRead">Cache read.</param>
/// <param name="Output">Output.</param>
/// <param name="LongInput">Long-context input (above the model's threshold), when given.</param>
/// <param name="LongOutput">Long-context output, when given.</param>
/// <param name="BatchMultiplier">Batch price ÷ standard price, when the source gives batch prices.</param>
/// <param name="Effective">The day the source says the rates apply from (a sheet's column), or null.</param>
public sealed record ExternalPrice(
    string Key, string Where, ModelId? Model,
    decimal? Input, decimal? CacheWrite5m, decimal? CacheWrite1h, decimal? CacheRead, decimal? Output,
    decimal? LongInput, decimal? LongOutput, decimal? BatchMultiplier, DateOnly? Effective);
