using System.Text.Json;

namespace Recommit.Web.Scenarios;

/// <summary>
/// The answer to a scenarios or quote run: the stored scenario's and quote's ids and names, the recommendation's
/// sentence, and the document asked for (negotiation.json for <c>POST …/scenarios</c>, the fee quote for
/// <c>POST …/quotes</c>), exactly as stored.
/// </summary>
public sealed record ScenarioCreated(int ScenarioId, int QuoteId, string Name, DateTime CreatedUtc, string Recommendation, JsonElement Result);
