using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Recommit.Import;

namespace Recommit.Web.Internals;

/// <summary>
/// RFC 9457 problem details that name what to fix: <c>field</c> for a request field, <c>file</c> and <c>line</c> for
/// an uploaded file. Messages come from the engine's input checks, which never carry secrets.
/// </summary>
internal static class Problems
{
    public static ProblemHttpResult BadRequest(string detail, string? field = null, string? file = null, long? line = null) =>
        Make(StatusCodes.Status400BadRequest, "The request cannot be used as it is", detail, field, file, line);

    public static ProblemHttpResult NotFound(string field, string detail) => Make(StatusCodes.Status404NotFound, "Not found", detail, field);

    public static ProblemHttpResult Forbidden(string detail) => Make(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ProblemHttpResult Conflict(string field, string detail) => Make(StatusCodes.Status409Conflict, "Conflict", detail, field);

    /// <summary>An input error as a 400, with the file and line of an import error or the field a message starts with.</summary>
    public static ProblemHttpResult From(InputException e, Func<string, string>? clean = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var detail = clean is null ? e.Message : clean(e.Message);
        if (e is ImportException { File.Length: > 0 } import)
            return BadRequest(detail, file: clean is null ? import.File : clean(import.File), line: import.Line);
        return BadRequest(detail, field: FieldOf(detail));
    }

    public static ProblemHttpResult Make(int status, string title, string detail, string? field = null, string? file = null, long? line = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (field is not null) extensions["field"] = field;
        if (file is not null) extensions["file"] = file;
        if (line is not null) extensions["line"] = line;
        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
    }

    /// <summary>The field a message names first ("paths: must be…" → "paths"), when it starts with one.</summary>
    private static string? FieldOf(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        if (colon is <= 0 or > 60) return null;
        var head = message[..colon].TrimStart('-');
        return head.All(c => char.IsLetterOrDigit(c) || c is '.' or '$' or '[' or ']' or '_' or '-') ? head : null;
    }
}
