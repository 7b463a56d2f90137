using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Recommit.Pricing;
using Recommit.Storage;
using Recommit.Storage.Usage;
using Recommit.Web.Accounts;
using Recommit.Web.Internals;

namespace Recommit.Web.Usage;

/// <summary>
/// <c>POST /api/accounts/{id}/usage</c>: an upload of usage files in any format <c>recommit import</c> reads, either
/// as multipart/form-data (one or more files) or as the raw body (<c>?file=usage.csv</c> names it). Each file is
/// streamed to a private temporary folder under a cleaned name, counted against the size limit as it arrives, read
/// and stored in one transaction; the folder is deleted afterwards. <c>GET</c> gives the stored totals.
/// </summary>
internal static class UsageApi
{
    public static RouteGroupBuilder MapUsageApi(this RouteGroupBuilder api)
    {
        var account = AccountsApi.AccountGroup(api).WithTags("Usage");
        account.MapPost("/usage", UploadAsync).DisableAntiforgery().WithName("UploadUsage")
            .WithDescription("Upload usage files as multipart/form-data, or one file as the raw body with ?file=NAME; ?format= forces the format.");
        account.MapGet("/usage", TotalsAsync).WithName("GetUsageTotals");
        return api;
    }

    private static async Task<Ok<UsageTotals>> TotalsAsync(int accountId, StoreContext db, CancellationToken ct)
    {
        var (cells, tokens) = await new UsageStore(db).TotalsAsync(accountId, ct);
        return TypedResults.Ok(new UsageTotals(cells, tokens));
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> UploadAsync(
        int accountId, HttpRequest request, string? file, string? format, StoreContext db, IOptions<WebOptions> options, CancellationToken ct)
    {
        var limit = options.Value.MaxUploadBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        if (request.ContentLength > limit) return TooLarge(limit);
        var folder = Directory.CreateTempSubdirectory("recommit-upload-");
        try
        {
            var paths = new List<string>();
            if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
                if (string.IsNullOrEmpty(boundary)) return Problems.BadRequest("body: multipart/form-data without a boundary", "body");
                var reader = new MultipartReader(boundary, request.Body);
                long total = 0;
                while (await reader.ReadNextSectionAsync(ct) is { } section)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition()) continue;
                    var name = disposition.FileName.HasValue ? disposition.FileName.Value : disposition.FileNameStar.Value;
                    var written = await SaveAsync(section.Body, folder.FullName, name, paths.Count, limit - total, ct);
                    if (written is null) return TooLarge(limit);
                    total += written.Value.Bytes;
                    paths.Add(written.Value.Path);
                }
            }
            else
            {
                var written = await SaveAsync(request.Body, folder.FullName, file, 0, limit, ct);
                if (written is null) return TooLarge(limit);
                paths.Add(written.Value.Path);
            }
            if (paths.Count == 0 || paths.All(p => new FileInfo(p).Length == 0)) return Problems.BadRequest("file: no usage file in the request", "file");

            try
            {
                var batch = await Task.Run(() => UsageBatch.Read(paths, format, PriceBook.Default, ct), ct);
                var record = await new UsageStore(db).ImportAsync(accountId, batch, paths, ct);
                var (cells, tokens) = await new UsageStore(db).TotalsAsync(accountId, ct);
                var rejections = batch.Reports.SelectMany(r => r.RejectedRows).Take(100)
                    .Select(r => new Rejection(Path.GetFileName(r.File), r.Line, r.Reason)).ToList();
                return TypedResults.Ok(new ImportResult(record.Id, record.Files, record.Formats, record.RowsRead, record.Accepted, record.Rejected,
                    record.Cells, record.SpendRows, record.FirstDay, record.LastDay, new UsageTotals(cells, tokens), rejections));
            }
            catch (InputException e)
            {
                // Messages name the uploaded file by its own name, not by the temporary folder it was saved in.
                var prefix = new Regex(Regex.Escape(folder.FullName + Path.DirectorySeparatorChar) + @"\d+" + Regex.Escape(Path.DirectorySeparatorChar.ToString()));
                return Problems.From(e, text => prefix.Replace(text, ""));
            }
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static ProblemHttpResult TooLarge(long limit) =>
        Problems.Make(StatusCodes.Status413PayloadTooLarge, "Upload too large", $"body: the upload is over the limit of {limit:N0} bytes", "body");

    /// <summary>
    /// Streams one file into the folder under a cleaned name (letters, digits, dot, dash, underscore; never a path), or
    /// returns null when it passes <paramref name="remaining"/> bytes.
    /// </summary>
    private static async Task<(string Path, long Bytes)?> SaveAsync(Stream body, string folder, string? name, int index, long remaining, CancellationToken ct)
    {
        var clean = new string((Path.GetFileName(name ?? "") ?? "").Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).TrimStart('.');
        if (clean.Length == 0) clean = "upload";
        if (clean.Length > 100) clean = clean[^100..];
        // One folder per file, so two uploads of the same name do not collide.
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, index.ToString(CultureInfo.InvariantCulture))).FullName, clean);
        var buffer = new byte[81920];
        long bytes = 0;
        await using (var output = File.Create(path))
        {
            int n;
            while ((n = await body.ReadAsync(buffer, ct)) > 0)
            {
                bytes += n;
                if (bytes > remaining) return null;
                await output.WriteAsync(buffer.AsMemory(0, n), ct);
            }
        }
        return (path, bytes);
    }
}
