using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Recommit.Pricing;
using Recommit.Storage;
using Recommit.Storage.Pricing;
using Recommit.Web.Internals;

namespace Recommit.Web.Pricing;

/// <summary>
/// <c>/api/price-books</c>: the price-book versions the store has recorded (the built-in one is recorded when the
/// server starts), and each one's JSON.
/// </summary>
internal static class PriceBooksApi
{
    private const string BuiltIn = "built-in";

    public static RouteGroupBuilder MapPriceBooksApi(this RouteGroupBuilder api)
    {
        var books = api.MapGroup("/price-books").WithTags("Price books");
        books.MapGet("/", ListAsync).WithName("ListPriceBooks");
        books.MapGet("/{priceBookId:int}", GetAsync).WithName("GetPriceBook");
        return api;
    }

    /// <summary>Records the built-in price book's version once.</summary>
    public static async Task RecordBuiltInAsync(StoreContext db, CancellationToken ct)
    {
        var version = PriceBook.Default.Version;
        if (await db.PriceBookVersions.AnyAsync(p => p.Version == version && p.Source == BuiltIn, ct)) return;
        using var stream = typeof(PriceBook).Assembly.GetManifestResourceStream("Recommit.pricebook.json");
        if (stream is null) return;
        using var reader = new StreamReader(stream);
        db.PriceBookVersions.Add(new PriceBookVersion { Version = version, Source = BuiltIn, Json = await reader.ReadToEndAsync(ct), CreatedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Ok<List<PriceBookView>>> ListAsync(StoreContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.PriceBookVersions.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new PriceBookView(p.Id, p.Version, p.Source, p.CreatedUtc)).ToListAsync(ct));

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(int priceBookId, StoreContext db, CancellationToken ct) =>
        await db.PriceBookVersions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == priceBookId, ct) is { } p
            ? TypedResults.Text(p.Json, "application/json")
            : Problems.NotFound("priceBookId", $"no price book {priceBookId}");
}
