namespace Recommit.Pricing;

/// <summary>
/// How a model prices a request in the long-context band (docs/method.md §1). Sonnet 4 and 4.5 charge a premium above 200k
/// input tokens and Haiku 5.5 has its own rates above a 100k prompt (<see cref="OwnRates"/>: every token of the request
/// at those rates); Claude 4.6 and later include the full context window at standard prices
/// (<see cref="StandardRates"/>); older models have no long-context band (<see cref="NotOffered"/>, an error).
/// </summary>
public enum LongContextRule : byte
{
    NotOffered = 0,
    StandardRates = 1,
    OwnRates = 2,
}
