using System.Reflection;
using Ekyc.Server.Review.Accounts;
using Ekyc.Server.Review.Audit;
using Ekyc.Server.Review.Queue;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Review;

/// <summary>
/// The review console at <c>/console</c>: Razor Pages signed in with a cookie scheme of its own (the API's bearer
/// scheme never accepts it, and the console never sees an API key), antiforgery on every form, a strict CSP.
/// </summary>
public static class ReviewConsoleSetup
{
    public const string Scheme = "Console";
    public const string Policy = "console";
    public const string AdminPolicy = "console-admin";
    public const string BasePath = "/console";

    public static IServiceCollection AddReviewConsole(this IServiceCollection services, AuthenticationBuilder authentication)
    {
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ConsoleAccounts>();
        services.AddSingleton<ReviewQueue>();
        services.AddSingleton<ConsoleReview>();
        services.AddLocalization();
        services.AddDataProtection().SetApplicationName("ekyc");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o =>
            {
                o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<Data.Database>());
                o.XmlEncryptor = new MasterKeyXmlEncryptor(sp.GetRequiredService<Storage.Encryptor>());
            }));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ekyc_console_af";
            o.Cookie.Path = BasePath;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__af";
        });
        authentication.AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "ekyc_console";
            o.Cookie.Path = BasePath;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = BasePath + "/login";
            o.LogoutPath = BasePath + "/logout";
            o.AccessDeniedPath = BasePath + "/denied";
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = ValidateAsync;
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<IOptions<ConsoleOptions>>((o, console) => o.ExpireTimeSpan = console.Value.IdleTimeout);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(ConsoleRole.Admin));
        services.AddRazorPages(o =>
        {
            // The pages live in Review/Pages; each names its own /console route.
            o.RootDirectory = "/";
            o.Conventions.AuthorizeFolder("/Review/Pages", Policy);
            o.Conventions.AllowAnonymousToPage("/Review/Pages/Login");
            o.Conventions.AllowAnonymousToPage("/Review/Pages/SetPassword");
            o.Conventions.AuthorizePage("/Review/Pages/Audit", AdminPolicy);
        })
        // Named explicitly: MVC looks for pages in the entry assembly, which is not this one when a test or bench hosts the server.
        .AddApplicationPart(typeof(ReviewConsoleSetup).Assembly);
        return services;
    }

    /// <summary>Security headers and the assets for every <c>/console</c> answer; call before authentication.</summary>
    public static void UseReviewConsole(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments(BasePath), console =>
        {
            console.Use((context, next) =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                    + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Cross-Origin-Resource-Policy"] = "same-origin";
                // Pages and images carry personal data: never stored by the browser or a proxy.
                if (!context.Request.Path.StartsWithSegments(BasePath + "/assets"))
                    SetNoStore(headers);
                return next(context);
            });
            console.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = BasePath + "/assets",
                FileProvider = new EmbeddedFileProvider(Assembly.GetExecutingAssembly(), "Ekyc.Server.Review.Assets"),
                OnPrepareResponse = r => r.Context.Response.Headers.CacheControl = "no-cache",
            });
        });
    }

    public static void MapReviewConsole(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapReviewConsoleImages();
    }

    /// <summary>In the words antiforgery itself uses, so it has nothing to override (and warn about) on pages with a form.</summary>
    private static void SetNoStore(IHeaderDictionary headers)
    {
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
    }

    /// <summary>A cookie outlives neither a disabled account nor a password change (the stamp changes with both).</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null)
            return;
        var reviewer = Reviewer.From(context.Principal);
        var accounts = context.HttpContext.RequestServices.GetRequiredService<ConsoleAccounts>();
        if (await accounts.ValidateAsync(reviewer.UserId, reviewer.SecurityStamp, context.HttpContext.RequestAborted) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }
}
