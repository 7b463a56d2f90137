using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Recommit.Analysis;
using Recommit.Pricing;
using Recommit.Storage;
using Recommit.Storage.Usage;
using Recommit.Web.Intake;
using Recommit.Web.Usage;
using static Recommit.Web.Pages.PageLayout;

namespace Recommit.Web.Pages.Quote;

/// <summary>
/// The public "Get a quote" pages: <c>/</c> takes a usage export (any format <c>recommit import</c> reads) and the
/// contract; <c>POST /quote</c> reads both at once (so a bad file or field comes back beside its input with what was
/// typed kept) and starts the analysis; <c>/quote/{id}</c> shows its progress until the result is ready, then the
/// recommendation, the verdict, the cost of doing nothing, the best package for both sides, the zone of agreement and the
/// fee quote (fixed fee and gainshare) with the charts, and a contact form stored as an intake submission.
/// Antiforgery on every form, the upload size limit and the intake rate limit on every post.
/// </summary>
internal static class QuotePages
{
    private const string UsageField = "usage";

    public static IEndpointRouteBuilder MapQuotePages(this IEndpointRouteBuilder app, WebOptions options)
    {
        app.MapGet("/", (HttpContext http) => Form(http, ContractForm.Empty(), new Dictionary<string, string>())).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/quote", SubmitAsync).AllowAnonymous().ExcludeFromDescription().RequireRateLimiting(IntakeApi.RateLimitPolicy)
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: options.MaxUploadBytes);
        app.MapGet("/quote/{id:guid}", Result).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/quote/{id:guid}/contact", ContactAsync).AllowAnonymous().ExcludeFromDescription().RequireRateLimiting(IntakeApi.RateLimitPolicy)
            .WithMetadata(new RequestSizeLimitAttribute(IntakeApi.MaxBodyBytes));
        return app;
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, IFormCollection form, QuoteJobs jobs, IOptions<WebOptions> options, CancellationToken ct)
    {
        var contractForm = ContractForm.From(form);
        var (contract, errors) = contractForm.Parse();
        var file = form.Files.GetFile(UsageField);
        if (file is null || file.Length == 0)
        {
            errors[UsageField] = "usage: choose a usage export to upload";
            return Form(http, contractForm, errors);
        }
        var folder = Directory.CreateTempSubdirectory("recommit-quote-");
        UsageBatch batch;
        try
        {
            await using (var upload = file.OpenReadStream())
                if (await UsageApi.SaveAsync(upload, folder.FullName, file.FileName, 0, options.Value.MaxUploadBytes, ct) is not { } saved)
                {
                    errors[UsageField] = $"usage: the file is over the upload limit of {options.Value.MaxUploadBytes:N0} bytes";
                    return Form(http, contractForm, errors);
                }
                else
                {
                    batch = await Task.Run(() => UsageBatch.Read([saved.Path], null, PriceBook.Default, ct), ct);
                    if (batch.Accepted == 0)
                    {
                        // Every row refused: the first refusal names the file, line and reason.
                        var first = batch.Reports.SelectMany(r => r.RejectedRows).FirstOrDefault();
                        errors[UsageField] = first is null ? $"usage: {Path.GetFileName(saved.Path)} holds no usage rows"
                            : UsageApi.WithoutFolder(folder.FullName, $"usage: no row of the file could be used ({batch.Rejected:N0} refused); the first: {first}");
                        return Form(http, contractForm, errors);
                    }
                }
        }
        catch (InputException e)
        {
            errors[UsageField] = UsageApi.WithoutFolder(folder.FullName, e.Message);
            return Form(http, contractForm, errors);
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        if (contract is null || errors.Count > 0) return Form(http, contractForm, errors);
        var job = jobs.Start(new AnalysisInput(contract, PriceBook.Default)
        {
            Account = contract.Name,
            Usage = batch.Cube.Count > 0 ? batch.Cube : null,
            Spend = batch.Cube.Count > 0 ? null : batch.Spend,
            // Named as the visitor named the file: the report warns when more than 1 % of its rows were refused.
            Sources = [.. batch.Reports.Select(r => new UsageSource(Path.GetFileName(r.File), r.Format, r.RowsRead, r.Accepted, r.Rejected, r.RejectedListUsd is { } usd ? new Money.Usd(usd) : null))],
        });
        return Results.Redirect($"/quote/{job.Id}", permanent: false, preserveMethod: false);
    }

    private static IResult Form(HttpContext http, ContractForm values, IReadOnlyDictionary<string, string> errors)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>Get a quote</h1>\n<p class=\"lead\">Upload your Claude usage export and describe your commitment: in about a minute you see whether " +
            "your spend is running away from the commitment, what doing nothing would cost you at renewal, and what it costs to get help.</p>\n");
        if (errors.Count > 0)
            sb.Append("<div class=\"notice error\" role=\"alert\"><p>").Append(errors.Count == 1 ? "One field needs" : $"{errors.Count} fields need")
              .Append(" your attention; each message is beside its field below.</p></div>\n");
        sb.Append("<form method=\"post\" action=\"/quote\" enctype=\"multipart/form-data\" class=\"quote\" novalidate>\n").Append(Antiforgery(http));
        sb.Append("<fieldset><legend>Usage export</legend>\n<div class=\"drop").Append(errors.ContainsKey(UsageField) ? " invalid" : "")
          .Append("\" data-drop><label for=\"f-usage\">Console export, usage-report JSON, FOCUS file or spend CSV</label>")
          .Append("<input id=\"f-usage\" name=\"usage\" type=\"file\" accept=\".csv,.json,.jsonl,.gz,.zip,.parquet\"")
          .Append(errors.ContainsKey(UsageField) ? " aria-invalid=\"true\" aria-describedby=\"f-usage-error\"" : "").Append('>')
          .Append("<small>Drop the file here or choose it. Files are read and discarded; only the analysis is kept, for two hours.</small>");
        if (errors.TryGetValue(UsageField, out var usageError))
            sb.Append("<p class=\"error\" id=\"f-usage-error\" role=\"alert\">").Append(E(usageError)).Append("</p>");
        sb.Append("</div>\n</fieldset>\n");

        sb.Append("<fieldset><legend>Contract</legend>\n<div class=\"grid\">")
          .Append(Field("name", "Account or contract name", values["name"], errors))
          .Append(Field("start", "First month of the term", values["start"], errors, hint: "yyyy-MM, e.g. 2025-10"))
          .Append("</div>\n<table class=\"periods\"><caption>True-up periods, in order</caption><thead><tr><th scope=\"col\">Period</th><th scope=\"col\">Months</th><th scope=\"col\">Commitment (US dollars at committed rates)</th></tr></thead><tbody>");
        for (var i = 0; i < ContractForm.PeriodRows; i++)
            sb.Append("<tr><th scope=\"row\">").Append(i + 1).Append("</th><td>")
              .Append(Field($"periods[{i}].months", $"Period {i + 1} months", values[$"periods[{i}].months"], errors, "text", extra: "inputmode=\"numeric\""))
              .Append("</td><td>")
              .Append(Field($"periods[{i}].commitment", $"Period {i + 1} commitment", values[$"periods[{i}].commitment"], errors, "text", extra: "inputmode=\"decimal\""))
              .Append("</td></tr>");
        sb.Append("</tbody></table>\n<div class=\"grid\">")
          .Append(Field("committedDiscount", "Committed discount", values["committedDiscount"], errors, hint: "a fraction of list, e.g. 0.20 for 20 %", extra: "inputmode=\"decimal\""))
          .Append(Field("overageDiscount", "Overage discount", values["overageDiscount"], errors, hint: "0 bills overage at list; at most the committed discount", extra: "inputmode=\"decimal\""))
          .Append(Field("carryover.fraction", "Carryover fraction", values["carryover.fraction"], errors, hint: "share of a shortfall carried into the next period, 0 to 1", extra: "inputmode=\"decimal\""))
          .Append(Field("carryover.cap", "Carryover cap", values["carryover.cap"], errors, hint: "at most this share of the period's commitment, 0 to 1", extra: "inputmode=\"decimal\""));
        sb.Append("<div class=\"field").Append(errors.ContainsKey("billing") ? " invalid" : "").Append("\"><label for=\"f-billing\">Billing</label><select id=\"f-billing\" name=\"billing\">");
        foreach (var option in new[] { "arrears", "prepaid" })
            sb.Append("<option").Append(values["billing"] == option ? " selected" : "").Append('>').Append(option).Append("</option>");
        sb.Append("</select>");
        if (errors.TryGetValue("billing", out var billingError)) sb.Append("<p class=\"error\" role=\"alert\">").Append(E(billingError)).Append("</p>");
        sb.Append("</div><div class=\"field check\"><input id=\"f-priceProtection\" name=\"priceProtection\" type=\"checkbox\" value=\"true\"")
          .Append(values["priceProtection"] is "true" or "on" ? " checked" : "").Append("><label for=\"f-priceProtection\">Price protection (list-price increases held off during the term)</label></div>")
          .Append("</div>\n</fieldset>\n<p><button type=\"submit\" class=\"primary\">Analyse my commitment</button></p>\n</form>\n");
        return Page(http, "Get a quote", sb.ToString(), errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static IResult Result(HttpContext http, Guid id, QuoteJobs jobs, bool? sent = null)
    {
        if (jobs.Find(id) is not { } job)
            return Page(http, "Quote not found", "<h1>Quote not found</h1><p>This quote has expired or never existed; quotes are kept for two hours. <a href=\"/\">Start a new one</a>.</p>", StatusCodes.Status404NotFound);
        if (!job.Finished)
            return Page(http, "Analysing…", "<h1>Analysing " + E(job.Account) + "</h1>\n<div class=\"progress\" role=\"status\" aria-live=\"polite\"><progress aria-label=\"Analysis progress\"></progress> <span>" +
                E(job.Progress) + "…</span></div><p>This page refreshes itself until the result is ready.</p>", refreshSeconds: 1);
        if (job.Failure is { } failure)
            return Page(http, "Analysis failed", "<h1>The analysis could not run</h1><p class=\"error\" role=\"alert\">" + E(failure) + "</p><p><a href=\"/\">Start again</a></p>", StatusCodes.Status400BadRequest);
        var sb = new StringBuilder();
        sb.Append(Heading(job)).Append("<div class=\"report\">").Append(job.Html).Append("</div>\n");
        if (job.Result?.Quote is null)
            sb.Append("<section id=\"next\" class=\"pending\"><h2>Recommendation, best package and our fee</h2><p>The term has ended before the as-of month, " +
                "so there is no commitment left to renegotiate and nothing to quote. Leave your details below to talk about the renewal.</p></section>\n");
        sb.Append(ContactForm(http, id, null, sent == true));
        return Page(http, "Your result: " + job.Account, sb.ToString());
    }

    /// <summary>The result's heading and, when there is a negotiation, links to its parts further down the long page.</summary>
    private static string Heading(QuoteJob job)
    {
        var sb = new StringBuilder("<h1>").Append(E(job.Account)).Append("</h1>\n");
        if (job.Result?.Negotiation is not { } n) return sb.ToString();
        sb.Append("<nav class=\"jump\" aria-label=\"On this page\"><a href=\"#recommendation\">Recommendation</a><a href=\"#package\">Best package for both sides</a>");
        if (n.Zone is not null) sb.Append("<a href=\"#zone\">Zone of agreement</a>");
        if (job.Result.Quote is not null) sb.Append("<a href=\"#quote\">Our fee</a>");
        return sb.Append("<a href=\"#contact\">Ask for the full brief</a></nav>\n").ToString();
    }

    private static string ContactForm(HttpContext http, Guid id, (string Field, string Message)? error, bool sent, IFormCollection? typed = null)
    {
        if (sent) return "<section id=\"contact\"><h2>Ask for the full brief</h2><p class=\"notice ok\" role=\"status\">Thank you: your request is with our analysts.</p></section>";
        var errors = error is { } e ? new Dictionary<string, string> { [e.Field] = e.Message } : new Dictionary<string, string>();
        string V(string name) => typed?[name].ToString() ?? "";
        var sb = new StringBuilder("<section id=\"contact\"><h2>Ask for the full brief</h2>\n<form method=\"post\" action=\"/quote/");
        sb.Append(id).Append("/contact\" novalidate>").Append(Antiforgery(http)).Append("<div class=\"grid\">")
          .Append(Field("name", "Your name", V("name"), errors, extra: "autocomplete=\"name\""))
          .Append(Field("email", "Email", V("email"), errors, "email", extra: "autocomplete=\"email\""))
          .Append(Field("organisation", "Organisation", V("organisation"), errors, extra: "autocomplete=\"organization\""))
          .Append("</div><div class=\"field").Append(errors.ContainsKey("message") ? " invalid" : "").Append("\"><label for=\"f-message\">Message</label><textarea id=\"f-message\" name=\"message\" rows=\"4\">")
          .Append(E(V("message"))).Append("</textarea>");
        if (errors.TryGetValue("message", out var m)) sb.Append("<p class=\"error\" role=\"alert\">").Append(E(m)).Append("</p>");
        sb.Append("</div><p><button type=\"submit\" class=\"primary\">Send</button></p></form></section>");
        return sb.ToString();
    }

    private static async Task<IResult> ContactAsync(HttpContext http, Guid id, IFormCollection form, QuoteJobs jobs, StoreContext db, CancellationToken ct)
    {
        if (jobs.Find(id) is not { Html: { } html } job) return Result(http, id, jobs);
        var body = new NewIntake(form["name"].ToString(), form["email"].ToString(), form["organisation"].ToString(), form["message"].ToString(), id);
        if (IntakeApi.Check(body) is { } bad)
        {
            var page = Heading(job) + "<div class=\"report\">" + html + "</div>\n" + ContactForm(http, id, bad, false, form);
            return Page(http, "Your result: " + job.Account, page, StatusCodes.Status400BadRequest);
        }
        await IntakeApi.SaveAsync(db, body, ct);
        return Result(http, id, jobs, sent: true);
    }
}
