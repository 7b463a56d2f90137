namespace Recommit.Gap;

/// <summary>The durability of the gap between consumption and the commitment's pace (docs/method.md §3).</summary>
public enum GapClass
{
    InsufficientEvidence = 0,
    OnPace = 1,
    Seasonal = 2,
    DurableOverage = 3,
    DurableShortfall = 4,
    Noise = 5,
}
