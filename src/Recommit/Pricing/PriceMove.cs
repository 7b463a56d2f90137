namespace Recommit.Pricing;

/// <summary>
/// One move in the price book between two dates: a new model, a retirement, or one changed rate of a model
/// (docs/pricing.md, "Price-book history"). A rate is named by its line — <c>input</c>, <c>cache_write_5m</c>,
/// <c>cache_write_1h</c>, <c>cache_read</c>, <c>output</c>, prefixed <c>long.</c> for the long-context band and
/// <c>fast.</c> for fast mode, or <c>batch_multiplier</c> / <c>us_geo_multiplier</c> — with the old and new USD per MTok
/// (or multiplier). Sonnet 5.5's cache-read cut of 2026-10-07 is one move: <c>cache_read</c>, 0.20 → 0.10, −50 %.
/// </summary>
/// <param name="Kind">New model, retirement or rate change.</param>
/// <param name="Model">The model moved.</param>
/// <param name="Effective">The first day the move applies (null for a model that has been on sale since before any date the book knows).</param>
/// <param name="Rate">The rate line for a <see cref="PriceMoveKind.RateChange"/>, otherwise null.</param>
/// <param name="Old">The rate before (null when the line did not exist before, e.g. fast mode added).</param>
/// <param name="New">The rate after (null when the line was withdrawn).</param>
public sealed record PriceMove(PriceMoveKind Kind, ModelId Model, DateOnly? Effective, string? Rate, decimal? Old, decimal? New)
{
    /// <summary>The change in percent, (new − old) ÷ old × 100, or null when either side is missing or old is zero.</summary>
    public decimal? ChangePercent => Old is { } o && New is { } n && o != 0m ? (n - o) / o * 100m : null;

    /// <summary>True when the move makes the model cheaper on this line.</summary>
    public bool IsCut => Kind == PriceMoveKind.RateChange && Old is { } o && New is { } n && n < o;
}
