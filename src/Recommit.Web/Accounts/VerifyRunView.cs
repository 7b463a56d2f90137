namespace Recommit.Web.Accounts;

/// <summary>A stored verified-savings run; its statement (JSON) is at <c>…/verify/{id}</c>.</summary>
internal sealed record VerifyRunView(int Id, string Name, DateTime CreatedUtc);
