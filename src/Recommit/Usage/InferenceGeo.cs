namespace Recommit.Usage;

/// <summary>Where inference ran: global (default) or US-only, which costs 1.1× on models that charge it.</summary>
public enum InferenceGeo : byte
{
    Global = 0,
    Us = 1,
}
