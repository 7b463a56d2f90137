using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Recommit.Web.Pages;

/// <summary>The pages' one stylesheet and one script, embedded in the assembly and served from it (no CDN).</summary>
internal static class AssetEndpoints
{
    public const string StylesheetPath = "/assets/app.css";
    public const string ScriptPath = "/assets/app.js";

    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder app)
    {
        var css = Read("app.css");
        var js = Read("app.js");
        app.MapGet(StylesheetPath, () => Results.Text(css, "text/css; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(ScriptPath, () => Results.Text(js, "text/javascript; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static string Read(string name)
    {
        using var stream = typeof(AssetEndpoints).Assembly.GetManifestResourceStream("Recommit.Web.Assets." + name)
            ?? throw new InvalidOperationException($"asset {name} is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
