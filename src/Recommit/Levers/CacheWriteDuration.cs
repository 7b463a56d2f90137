namespace Recommit.Levers;

/// <summary>How long a prompt-cache write lives: 5 minutes (≈ 1.25 × base input) or 1 hour (≈ 2 ×).</summary>
internal enum CacheWriteDuration
{
    FiveMinutes = 0,
    OneHour = 1,
}
