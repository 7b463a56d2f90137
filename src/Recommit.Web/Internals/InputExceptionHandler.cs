using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Recommit.Web.Internals;

/// <summary>
/// Turns errors that escape a handler into problem details: input errors as 400 naming the field or file and line,
/// malformed requests (bad JSON, a body over the limit) with their status; anything else is a 500 whose body says
/// nothing of the cause (the log has it).
/// </summary>
internal sealed class InputExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellation)
    {
        switch (exception)
        {
            case InputException input:
                await Problems.From(input).ExecuteAsync(http);
                return true;
            case BadHttpRequestException bad:
                await Problems.Make(bad.StatusCode, "The request cannot be read", bad.Message).ExecuteAsync(http);
                return true;
            default:
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Title = "Unexpected failure", Status = 500 } });
        }
    }
}
