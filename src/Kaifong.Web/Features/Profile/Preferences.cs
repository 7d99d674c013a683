using Kaifong.Data;
using Kaifong.Domain.Common;
using Kaifong.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Antiforgery;

namespace Kaifong.Web.Features.Profile;

/// <summary>The header's language switcher (繁 / EN / 简) and large-text toggle: a cookie for everyone, the profile too when signed in.</summary>
public static class Preferences
{
    public static void MapPreferences(this IEndpointRouteBuilder app)
    {
        app.MapPost("/preferences/language", async (HttpContext http, IAntiforgery antiforgery, UserManager<KaifongUser> users, SignInManager<KaifongUser> signIn) =>
        {
            if (await ValidFormAsync(http, antiforgery) is not { } form)
            {
                return Results.BadRequest();
            }

            string? language = form["language"], returnUrl = form["returnUrl"];
            var lang = Languages.All.FirstOrDefault(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase)) ?? Languages.Default;
            LanguageCookie.Set(http.Response, lang);
            if (await users.GetUserAsync(http.User) is { } user && user.Language != lang)
            {
                user.Language = lang;
                await users.UpdateAsync(user);
                await signIn.RefreshSignInAsync(user);
            }

            return Results.LocalRedirect(SafeReturn(returnUrl));
        }).DisableAntiforgery();

        app.MapPost("/preferences/large-text", async (HttpContext http, IAntiforgery antiforgery, UserManager<KaifongUser> users, SignInManager<KaifongUser> signIn) =>
        {
            if (await ValidFormAsync(http, antiforgery) is not { } form)
            {
                return Results.BadRequest();
            }

            var on = !IsLargeText(http);
            http.Response.Cookies.Append(LargeTextCookie, on ? "1" : "0",
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            if (await users.GetUserAsync(http.User) is { } user)
            {
                user.LargeText = on;
                await users.UpdateAsync(user);
                await signIn.RefreshSignInAsync(user);
            }

            return Results.LocalRedirect(SafeReturn(form["returnUrl"]));
        }).DisableAntiforgery();
    }

    /// <summary>The posted form when its antiforgery token is valid; null (answered 400) otherwise.</summary>
    private static async Task<IFormCollection?> ValidFormAsync(HttpContext http, IAntiforgery antiforgery) =>
        http.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(http) ? await http.Request.ReadFormAsync(http.RequestAborted) : null;

    public const string LargeTextCookie = "kaifong.large";

    /// <summary>The profile's choice when signed in, else the cookie's.</summary>
    public static bool IsLargeText(HttpContext http) =>
        http.User.FindFirst(IdentitySetup.LargeTextClaim)?.Value is { } claim ? claim == "1" : http.Request.Cookies[LargeTextCookie] == "1";

    /// <summary>
    /// A path on this site to go back to, else "/". Browsers drop tabs and line breaks and read a backslash as "/", so "/\t/evil"
    /// would leave the site: a path with any control character, white space or backslash is not safe (and
    /// <c>LocalRedirect</c> would throw on it).
    /// </summary>
    public static string SafeReturn(string? url) =>
        url is { Length: > 0 and < 2000 } && url[0] == '/' && (url.Length == 1 || url[1] != '/')
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')
            ? url : "/";
}
