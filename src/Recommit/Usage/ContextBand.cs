namespace Recommit.Usage;

/// <summary>
/// Whether a request fell in the model's long-context band (Sonnet 4/4.5 above 200k input tokens; Haiku 5.5 above
/// a 100k prompt), which prices every token of the request at the long-context rates.
/// </summary>
public enum ContextBand : byte
{
    Standard = 0,
    Long = 1,
}
