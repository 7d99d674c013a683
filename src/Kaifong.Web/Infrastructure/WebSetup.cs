using Kaifong.Web.Features.Account;
using Kaifong.Web.Features.Audit;
using Kaifong.Web.Features.Invitations;
using Kaifong.Web.Features.Members;
using Kaifong.Web.Features.Organisations;
using Kaifong.Web.Features.Profile;
using Kaifong.Web.Features.Scheduling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Infrastructure;

public static class WebSetup
{
    public static IServiceCollection AddKaifongWeb(this IServiceCollection services, IConfiguration config)
    {
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Organisations");
                o.Conventions.AuthorizeFolder("/Members");
                o.Conventions.AuthorizeFolder("/Audit");
                o.Conventions.AuthorizeFolder("/Profile");
                o.Conventions.AuthorizeFolder("/Scheduling");
                o.Conventions.AuthorizeFolder("/Signups");
                o.Conventions.AuthorizeFolder("/Availability");
                o.Conventions.AuthorizePage("/Invitations/Index");
                o.Conventions.AuthorizePage("/Account/TwoFactor");
                o.Conventions.AuthorizePage("/Account/Passkeys");
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)))
            .AddMvcOptions(o =>
            {
                o.MaxModelValidationErrors = 50;
                o.ModelBindingMessageProvider.SetValueMustNotBeNullAccessor(_ => "Error.Required");
            });
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, f) =>
        {
            var l = f.Create(typeof(SharedResource));
            var m = o.ModelBindingMessageProvider;
            m.SetValueMustNotBeNullAccessor(_ => l["Error.Required"]);
            m.SetMissingBindRequiredValueAccessor(_ => l["Error.Required"]);
            m.SetMissingKeyOrValueAccessor(() => l["Error.Required"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => l["Error.Required"]);
            m.SetAttemptedValueIsInvalidAccessor((_, _) => l["Error.Invalid"]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => l["Error.Invalid"]);
            m.SetUnknownValueIsInvalidAccessor(_ => l["Error.Invalid"]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Error.Invalid"]);
            m.SetValueIsInvalidAccessor(_ => l["Error.Invalid"]);
            m.SetValueMustBeANumberAccessor(_ => l["Error.Invalid"]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => l["Error.Invalid"]);
        });
        services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        // Chinese text stays readable in the HTML instead of &#x…; entities (Razor still escapes markup).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddScoped<AccountMail>();
        services.AddSingleton<Kaifong.Web.Features.Account.AccountMailQueue>();
        services.AddHostedService<Kaifong.Web.Features.Account.AccountMailWorker>();
        services.AddScoped<Kaifong.Web.Features.Account.SessionCommands>();
        services.AddScoped<Kaifong.Web.Features.Account.AccountService>();
        services.AddScoped<Links>();
        return services;
    }

    public static WebApplication UseKaifongPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/status/500");
        }

        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            // Invitation and sign-in links carry tokens: never send them to another site.
            h["Referrer-Policy"] = "same-origin";
            h.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseRequestLocalization();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapKaifongEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        // Liveness without the database: the baseline the benchmarks compare pages with, and a probe for load balancers.
        app.MapGet("/ping", () => TypedResults.Text("pong")).ExcludeFromDescription();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapRazorPages();
        app.MapPreferences();

        var api = app.MapGroup("/api/v1").WithTags("v1");
        api.MapAuthApi();
        api.MapMeApi();
        Features.Availability.AvailabilityEndpoints.MapAvailabilityApi(api);
        api.MapInvitationApi();
        var org = api.MapGroup("/organisations");
        org.MapOrganisationApi();
        var scoped = org.MapGroup("/{org}").RequireAuthorization(Auth.Api).WithOrganisation();
        scoped.MapOrganisationScopedApi();
        scoped.MapMemberApi();
        scoped.MapInvitationAdminApi();
        scoped.MapAuditApi();
        scoped.MapScheduleApi();
        Features.Signups.PolicyEndpoints.MapPolicyApi(scoped);
        Features.Signups.SignupEndpoints.MapSubstituteListApi(scoped);
        app.MapScheduling(api);
        return app;
    }
}

/// <summary>The API takes bearer tokens only (never cookies, so no cross-site request can use a session).</summary>
public static class Auth
{
    public static readonly Microsoft.AspNetCore.Authorization.AuthorizationPolicy Api =
        new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(Microsoft.AspNetCore.Identity.IdentityConstants.BearerScheme)
            .RequireAuthenticatedUser().Build();
}
