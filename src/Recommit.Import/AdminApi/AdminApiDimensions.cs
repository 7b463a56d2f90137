using Recommit.Usage;

namespace Recommit.Import.AdminApi;

/// <summary>
/// How the Admin API's dimension values map onto the usage cube (REFERENCE-anthropic.md §2.1):
/// <c>service_tier</c> standard → standard, batch → batch, priority and priority_on_demand → priority,
/// flex → standard (no discount assumed), flex_discount → batch (the discounted rate); <c>context_window</c>
/// 0-200k → standard, 200k-1M → long; <c>inference_geo</c> global and not_available → global, us → us;
/// <c>speed</c> standard or fast. A null value (dimension not grouped on) takes the default.
/// </summary>
internal static class AdminApiDimensions
{
    public static bool TryServiceTier(ReadOnlySpan<byte> v, out ServiceTier tier)
    {
        tier = ServiceTier.Standard;
        if (v.SequenceEqual("standard"u8) || v.SequenceEqual("flex"u8)) return true;
        if (v.SequenceEqual("batch"u8) || v.SequenceEqual("flex_discount"u8)) { tier = ServiceTier.Batch; return true; }
        if (v.SequenceEqual("priority"u8) || v.SequenceEqual("priority_on_demand"u8)) { tier = ServiceTier.Priority; return true; }
        return false;
    }

    public static bool TryContextWindow(ReadOnlySpan<byte> v, out ContextBand band)
    {
        band = ContextBand.Standard;
        if (v.SequenceEqual("0-200k"u8)) return true;
        if (v.SequenceEqual("200k-1M"u8)) { band = ContextBand.Long; return true; }
        return false;
    }

    public static bool TryInferenceGeo(ReadOnlySpan<byte> v, out InferenceGeo geo)
    {
        geo = InferenceGeo.Global;
        if (v.SequenceEqual("global"u8) || v.SequenceEqual("not_available"u8)) return true;
        if (v.SequenceEqual("us"u8)) { geo = InferenceGeo.Us; return true; }
        return false;
    }

    public static bool TrySpeed(ReadOnlySpan<byte> v, out Speed speed)
    {
        speed = Speed.Standard;
        if (v.SequenceEqual("standard"u8)) return true;
        if (v.SequenceEqual("fast"u8)) { speed = Speed.Fast; return true; }
        return false;
    }

    public const string ServiceTiers = "standard, batch, priority, priority_on_demand, flex, flex_discount";
    public const string ContextWindows = "0-200k, 200k-1M";
    public const string InferenceGeos = "global, us, not_available";
    public const string Speeds = "standard, fast";
}
