namespace Recommit.Bench.M3;

/// <summary>One M3 monthly series: its in-sample history and the 18 held-out values.</summary>
internal sealed record M3Series(string Id, int Frequency, double[] Train, double[] Test);
