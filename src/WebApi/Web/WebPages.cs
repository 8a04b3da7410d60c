using ComplianceGrains.WebApi.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ComplianceGrains.WebApi.Web;

/// <summary>
/// The server-rendered pages (UI.md): Razor Pages on the cookie scheme only, antiforgery on every form. The API keeps
/// its token scheme as the only one of <c>/api/</c>, so a cookie never authorises an API call.
/// </summary>
public static class WebPages
{
    public const string SignedInPolicy = "SignedIn";
    /// <summary>Staff on the pages: signed in by cookie (anonymous visitors are sent to sign in).</summary>
    public const string StaffPagesPolicy = "StaffPages";

    public static IServiceCollection AddComplianceWebPages(this IServiceCollection services, ApiLimits limits)
    {
        services.AddAuthentication().AddCookie(PageCookies.Scheme, PageCookies.Configure);
        // Due dates and overdue badges are read against this clock (a front end of a cluster has no grain services).
        services.TryAddSingleton(TimeProvider.System);
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedInPolicy, policy => policy.AddAuthenticationSchemes(PageCookies.Scheme).RequireAuthenticatedUser())
            .AddPolicy(StaffPagesPolicy, policy => policy.AddAuthenticationSchemes(PageCookies.Scheme)
                .RequireAuthenticatedUser().RequireAssertion(context => Auth.CallerClaims.Caller(context.User).IsStaff));
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/", SignedInPolicy);
            options.Conventions.AllowAnonymousToPage("/SignIn");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AuthorizeFolder("/Admin", StaffPagesPolicy);
            // Answers with files are bigger than the API's other bodies, as on submit_answers/.
            options.Conventions.AddPageApplicationModelConvention("/Compliance/Form",
                model => model.Filters.Add(new RequestSizeLimitAttribute(limits.MaxAnswerBodyBytes)));
        }).AddMvcOptions(options => options.Filters.Add<GrainErrorPageFilter>());
        return services;
    }

    /// <summary>Pages answer their errors with an HTML page; the API keeps its JSON bodies.</summary>
    public static IApplicationBuilder UseWebPageStatusPages(this IApplicationBuilder app) =>
        app.UseWhen(context => WebPagePaths.Includes(context.Request.Path), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));

    /// <summary>
    /// The pages' stylesheet and script, served before routing: endpoints for them (MapStaticAssets) would be GET
    /// candidates for every path and turn the API's 405 for a wrong method into a 404.
    /// </summary>
    public static IApplicationBuilder UseWebPageAssets(this IApplicationBuilder app) => app.UseStaticFiles();

    public static IEndpointRouteBuilder MapComplianceWebPages(this IEndpointRouteBuilder app)
    {
        app.MapRazorPages();
        app.MapGet("/providers/{uuid}/users/export.csv", Endpoints.ProviderComplianceEndpoints.ExportAsync)
            .RequireAuthorization(SignedInPolicy)
            .ExcludeFromDescription();
        app.MapGet("/compliance/{uuid}/files/{fileId}", Endpoints.OfferingUserComplianceEndpoints.DownloadFileAsync)
            .RequireAuthorization(SignedInPolicy)
            .ExcludeFromDescription();
        return app;
    }
}
