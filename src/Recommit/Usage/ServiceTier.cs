namespace Recommit.Usage;

/// <summary>The service tier a request ran at. Batch halves every token price.</summary>
public enum ServiceTier : byte
{
    Standard = 0,
    Batch = 1,
    Priority = 2,
}
