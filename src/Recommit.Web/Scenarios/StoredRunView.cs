namespace Recommit.Web.Scenarios;

/// <summary>A stored scenarios run or quote as the API lists it; its JSON is at <c>…/scenarios/{id}</c> or <c>…/quotes/{id}</c>.</summary>
public sealed record StoredRunView(int Id, string Name, DateTime CreatedUtc);
