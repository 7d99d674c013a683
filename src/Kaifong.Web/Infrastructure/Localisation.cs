using System.Globalization;
using Kaifong.Data;
using Kaifong.Domain.Common;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaifong.Web.Infrastructure;

public static class Localisation
{
    public static readonly CultureInfo[] Supported = Languages.All.Select(CultureInfo.GetCultureInfo).ToArray();

    public static IServiceCollection AddKaifongLocalisation(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Languages.Default);
            o.SupportedCultures = Supported;
            o.SupportedUICultures = Supported;
            o.FallBackToParentCultures = false;
            o.FallBackToParentUICultures = false;
            o.RequestCultureProviders = [new KaifongCultureProvider()];
        });
        return services;
    }

    public static string CurrentLanguage => Languages.Normalise(CultureInfo.CurrentUICulture.Name) ?? Languages.Default;

    /// <summary>A string in a given language, whatever the request's (e.g. right after someone changes theirs).</summary>
    public static string WithLanguage(this IStringLocalizer l, string language, string key)
    {
        ArgumentNullException.ThrowIfNull(l);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.Normalise(language) ?? Languages.Default);
        try
        {
            return l[key];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

/// <summary>
/// Pages: the switcher's cookie, else the profile, else Accept-Language, else the organisation's default.
/// API: Accept-Language, else the profile, else the organisation's default (docs/api-contract.md: errors follow Accept-Language).
/// </summary>
public sealed class KaifongCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var isApi = httpContext.Request.Path.StartsWithSegments("/api");
        var language = isApi
            ? FromHeader(httpContext) ?? FromProfile(httpContext)
            : FromCookie(httpContext) ?? FromProfile(httpContext) ?? FromHeader(httpContext);
        language ??= await FromOrganisationAsync(httpContext);
        return new ProviderCultureResult(language ?? Languages.Default);
    }

    private static string? FromCookie(HttpContext http)
    {
        var raw = http.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName];
        return raw is null ? null : Languages.Normalise(CookieRequestCultureProvider.ParseCookieValue(raw)?.UICultures.FirstOrDefault().Value);
    }

    private static string? FromProfile(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? Languages.Normalise(http.User.FindFirst(IdentitySetup.LanguageClaim)?.Value) : null;

    private static string? FromHeader(HttpContext http)
    {
        var values = http.Request.GetTypedHeaders().AcceptLanguage;
        if (values is null || values.Count == 0)
        {
            return null;
        }

        return values.OrderByDescending(v => v.Quality ?? 1)
            .Select(v => Languages.Normalise(v.Value.Value))
            .FirstOrDefault(l => l is not null);
    }

    private static async Task<string?> FromOrganisationAsync(HttpContext http)
    {
        if (http.GetRouteValue("org") is not string slug || slug.Length > Limits.Slug)
        {
            return null;
        }

        var db = http.RequestServices.GetRequiredService<KaifongDb>();
        return await db.Organisations.AsNoTracking().Where(o => o.Slug == slug).Select(o => o.DefaultLanguage).FirstOrDefaultAsync(http.RequestAborted);
    }
}

/// <summary>Sets the explicit language cookie the switcher writes.</summary>
public static class LanguageCookie
{
    public static void Set(HttpResponse response, string language) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });
}
