using System.Net.Mail;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Recommit.Storage;
using Recommit.Storage.Intake;
using Recommit.Web.Auth;
using Recommit.Web.Internals;

namespace Recommit.Web.Intake;

/// <summary>
/// <c>POST /api/intake</c>, public: a visitor of "Get a quote" leaves contact details and a message (rate limited per
/// client address, body at most <see cref="MaxBodyBytes"/>). <c>GET /api/intake</c>: the inbox, for admins.
/// </summary>
internal static class IntakeApi
{
    public const string RateLimitPolicy = "intake";
    public const long MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapIntakeApi(this RouteGroupBuilder api)
    {
        var intake = api.MapGroup("/intake").WithTags("Intake");
        intake.MapPost("/", SubmitAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimitPolicy)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes)).WithName("SubmitIntake");
        intake.MapGet("/", ListAsync).RequireAuthorization(WebAuth.AdminPolicy).WithName("ListIntake");
        return api;
    }

    private static async Task<Results<Created<IntakeView>, ProblemHttpResult>> SubmitAsync(NewIntake body, HttpRequest request, StoreContext db, CancellationToken ct)
    {
        // Kestrel refuses a larger body before it is read (the size-limit metadata); this covers hosts that do not.
        if (request.ContentLength > MaxBodyBytes)
            return Problems.Make(StatusCodes.Status413PayloadTooLarge, "Request too large", $"body: at most {MaxBodyBytes:N0} bytes", "body");
        var name = body.Name?.Trim() ?? "";
        var email = body.Email?.Trim() ?? "";
        if (name.Length is 0 or > 200) return Problems.BadRequest("name: give a name of 1 to 200 characters", "name");
        if (email.Length > 320 || !MailAddress.TryCreate(email, out _)) return Problems.BadRequest("email: not an email address", "email");
        if (body.Organisation?.Length > 200) return Problems.BadRequest("organisation: at most 200 characters", "organisation");
        if (body.Message?.Length > 4000) return Problems.BadRequest("message: at most 4,000 characters", "message");
        var submission = new IntakeSubmission
        {
            Name = name,
            Email = email,
            Organisation = body.Organisation?.Trim() ?? "",
            Message = body.Message?.Trim() ?? "",
            AnalysisId = body.AnalysisId,
            CreatedUtc = DateTime.UtcNow,
        };
        db.IntakeSubmissions.Add(submission);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/intake/{submission.Id}", View(submission));
    }

    private static async Task<Ok<List<IntakeView>>> ListAsync(StoreContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.IntakeSubmissions.AsNoTracking().OrderByDescending(i => i.Id).Take(500).ToListAsync(ct)).Select(View).ToList());

    private static IntakeView View(IntakeSubmission i) => new(i.Id, i.Name, i.Email, i.Organisation, i.Message, i.AnalysisId, i.CreatedUtc);
}
