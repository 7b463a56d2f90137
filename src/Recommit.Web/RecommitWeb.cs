using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recommit.Forecasting;
using Recommit.Storage;
using Recommit.Storage.Usage;
using Recommit.Web.Accounts;
using Recommit.Web.Analyses;
using Recommit.Web.Auth;
using Recommit.Web.Intake;
using Recommit.Web.Internals;
using Recommit.Web.Pages;
using Recommit.Web.Pages.Quote;
using Recommit.Web.Pages.Workspace;
using Recommit.Web.Pricing;
using Recommit.Web.Scenarios;
using Recommit.Web.Usage;
using Scalar.AspNetCore;

namespace Recommit.Web;

/// <summary>
/// Composes <c>recommit serve</c>: configuration (appsettings.json, <c>Recommit__*</c> environment variables, command
/// line), the store (created and migrated on first start), Identity sign-in, the JSON API under <c>/api</c>, OpenAPI at
/// <c>/openapi/v1.json</c> with a reference page at <c>/scalar/v1</c>, <c>/health</c>, JSON console logs and the
/// background analysis worker. Binds 127.0.0.1:5080 unless <c>--urls</c> says otherwise.
/// </summary>
internal static class RecommitWeb
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Builds the app; <paramref name="configure"/> lets tests swap the server or add settings before it is built.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = Directory.GetCurrentDirectory() });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])) builder.WebHost.UseUrls(DefaultUrl);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
        // One line per request is the framework's information; its per-step chatter is left to Logging:LogLevel settings.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        configure?.Invoke(builder);

        var options = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        builder.Services.AddSingleton(Options.Create(options));
        var store = new Store(options.Store);
        builder.Services.AddSingleton(store);
        builder.Services.AddScoped(_ => store.Open());

        builder.Services.AddWebAuth();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<InputExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddDbContextCheck<StoreContext>("store");
        builder.Services.AddSingleton<AnalysisQueue>();
        builder.Services.AddHostedService<AnalysisWorker>();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "recommit-antiforgery";
            o.HeaderName = ApiAntiforgery.HeaderName;
        });
        builder.Services.AddSingleton(new FitCache());
        builder.Services.AddSingleton<UsageSnapshots>();
        builder.Services.AddSingleton<LatestAnalyses>();
        builder.Services.AddSingleton<QuoteJobs>();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(IntakeApi.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress ?? IPAddress.Loopback,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.IntakePerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseApiAntiforgery();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();
        var api = app.MapGroup("/api");
        api.MapAuthApi().MapAccountsApi().MapUsageApi().MapAnalysesApi().MapVerifyApi().MapScenariosApi().MapPriceBooksApi().MapIntakeApi();
        app.MapDigest();
        app.MapAssets().MapQuotePages(options).MapWorkspacePages();
        return app;
    }

    /// <summary>Creates and migrates the store when needed and records the built-in price book; run before the app serves.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var store = app.Services.GetRequiredService<Store>();
        await store.MigrateAsync(cancellation);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreContext>();
        await PriceBooksApi.RecordBuiltInAsync(db, cancellation);
        await EnsureRolesAsync(scope.ServiceProvider);
        app.Logger.LogInformation("Store ready: {Store}", store.Description);
    }

    /// <summary>Builds, prepares and runs the server until it is stopped (Ctrl+C or SIGTERM: in-flight requests finish).</summary>
    public static async Task RunAsync(string[] args)
    {
        var app = Build(args);
        await PrepareAsync(app);
        await app.RunAsync();
    }

    private static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole>>();
        foreach (var name in Storage.Users.Roles.All)
            if (!await roles.RoleExistsAsync(name)) await roles.CreateAsync(new Microsoft.AspNetCore.Identity.IdentityRole(name));
    }
}
