namespace Recommit.Import.Canonical;

/// <summary>One series of a forecast input file: its id, its frequency (periods per year) and its values, NaN for gaps.</summary>
public sealed record ForecastSeries(string Id, int Frequency, double[] Values);
