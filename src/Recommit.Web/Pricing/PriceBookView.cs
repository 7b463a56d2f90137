namespace Recommit.Web.Pricing;

/// <summary>A recorded price-book version: its version string, where it came from, and when it was recorded.</summary>
internal sealed record PriceBookView(int Id, string Version, string Source, DateTime CreatedUtc);
