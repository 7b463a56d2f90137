namespace Recommit.Web.Auth;

/// <summary>The antiforgery token a browser script sends in <see cref="HeaderName"/> with the API calls it makes on the sign-in cookie.</summary>
public sealed record AntiforgeryToken(string HeaderName, string Token);
