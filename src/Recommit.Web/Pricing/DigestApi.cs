using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Recommit.Pricing;
using Recommit.Storage;
using Recommit.Storage.Analyses;
using Recommit.Storage.Digest;
using Recommit.Storage.Users;
using Recommit.Web.Internals;
using Recommit.Web.Pages.Workspace;

namespace Recommit.Web.Pricing;

/// <summary>
/// The weekly pricing digest (docs/pricing.md, "Weekly digest"): <c>/api/digest?week=yyyy-MM-dd</c> as JSON and
/// <c>/digest.atom?week=…</c> as an Atom feed, both for signed-in users (cookie or personal access token); an analyst sees
/// the impact on the accounts they are a member of, an admin on every account. Without <c>week</c>, the current week.
/// </summary>
internal static class DigestApi
{
    public static WebApplication MapDigest(this WebApplication app)
    {
        // One cache per app (each app has its own store); the page in the workspace reads through it too.
        var cache = new DigestCache();
        app.Lifetime.ApplicationStopped.Register(cache.Dispose);
        app.MapGet("/digest.atom", (string? week, HttpContext http, ClaimsPrincipal user, StoreContext db, CancellationToken ct) => AtomAsync(week, http, user, db, cache, ct)).WithName("DigestAtom").WithTags("Pricing digest").RequireAuthorization();
        app.MapGet("/api/digest", (string? week, ClaimsPrincipal user, StoreContext db, CancellationToken ct) => JsonAsync(week, user, db, cache, ct)).WithName("GetDigest").WithTags("Pricing digest").RequireAuthorization();
        app.MapDigestPage(cache);
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> AtomAsync(string? week, HttpContext http, ClaimsPrincipal user, StoreContext db, DigestCache cache, CancellationToken ct)
    {
        if (!TryWeek(week, out var day)) return Problems.BadRequest($"expected a day as yyyy-MM-dd, found '{week}'", "week");
        var digest = await DigestAsync(day, user, db, cache, ct);
        var link = new Uri($"{http.Request.Scheme}://{http.Request.Host}/api/digest?week={digest.WeekStart:yyyy-MM-dd}");
        return TypedResults.Text(DigestFeed.ToAtom(digest, link), "application/atom+xml; charset=utf-8");
    }

    private static async Task<Results<Ok<object>, ProblemHttpResult>> JsonAsync(string? week, ClaimsPrincipal user, StoreContext db, DigestCache cache, CancellationToken ct)
    {
        if (!TryWeek(week, out var day)) return Problems.BadRequest($"expected a day as yyyy-MM-dd, found '{week}'", "week");
        return TypedResults.Ok(DigestJson.Document(await DigestAsync(day, user, db, cache, ct)));
    }

    /// <summary>The digest of the week holding <paramref name="day"/> over the accounts <paramref name="user"/> may see, through <paramref name="cache"/>.</summary>
    public static async Task<PriceDigest> DigestAsync(DateOnly day, ClaimsPrincipal user, StoreContext db, DigestCache cache, CancellationToken ct)
    {
        List<int>? visible = null;
        if (!user.IsInRole(Roles.Admin))
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            visible = await db.AccountMembers.Where(m => m.UserId == userId).Select(m => m.AccountId).ToListAsync(ct);
        }
        return await cache.GetAsync(db, PriceBook.Default, day, new AnalysisOptions { Paths = 1_000 }, visible, ct);
    }

    public static bool TryWeek(string? text, out DateOnly day)
    {
        day = DateOnly.FromDateTime(DateTime.UtcNow);
        return text is null || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
