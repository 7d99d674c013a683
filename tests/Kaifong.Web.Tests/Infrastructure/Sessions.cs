using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Kaifong.Web.Tests.Infrastructure;

/// <summary>A token pair from /api/v1/auth/login (or any answer of that shape), and clients that use it.</summary>
public sealed record SessionTokens(string AccessToken, string RefreshToken)
{
    public static SessionTokens From(JsonNode json) =>
        new(json["accessToken"]!.GetValue<string>(), json["refreshToken"]!.GetValue<string>());

    public static async Task<SessionTokens> LoginAsync(KaifongApp app, string email, string password = Api.Password)
    {
        var login = await Api.Anonymous(app).PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return From(await Api.Json(login));
    }

    public HttpClient Client(KaifongApp app)
    {
        var client = Api.Anonymous(app, "en");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        return client;
    }

    public Task<HttpResponseMessage> RefreshAsync(KaifongApp app) =>
        Api.Anonymous(app).PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = RefreshToken });

    public async Task<HttpStatusCode> MeAsync(KaifongApp app) => (await Client(app).GetAsync("/api/v1/me")).StatusCode;
}

/// <summary>A browser whose cookie jar the test can read, so it can copy the sign-in cookie as a thief would.</summary>
public sealed class CookieBrowser
{
    private static readonly Uri Origin = new("http://localhost");
    private readonly CookieContainer jar = new();

    public CookieBrowser(KaifongApp app)
    {
        var http = app.CreateDefaultClient(Origin, new CookieContainerHandler(jar));
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        Page = new PageClient(http);
    }

    public PageClient Page { get; }

    public static async Task<CookieBrowser> SignInAsync(KaifongApp app, string email, string password = Api.Password)
    {
        var browser = new CookieBrowser(app);
        var response = await browser.Page.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {email}: {(int)response.StatusCode}");
        return browser;
    }

    /// <summary>The sign-in cookie as it is now, as a header another machine could send.</summary>
    public string CopyCookie() => $"kaifong={jar.GetCookies(Origin)["kaifong"]!.Value}";

    /// <summary>GET /me/profile with a copied cookie from a different client: 200, or a redirect to sign in.</summary>
    public static async Task<HttpResponseMessage> ProfileWithAsync(KaifongApp app, string cookie)
    {
        var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me/profile");
        request.Headers.Add("Cookie", cookie);
        return await other.SendAsync(request);
    }

    public static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString, StringComparison.Ordinal);
    }
}

/// <summary>Turns two-factor sign-in on through the API, as an authenticator app would.</summary>
public static class TwoFactorSetup
{
    /// <summary>Identity checks the code against the wall clock or the app's clock: an authenticator app shows the former.</summary>
    public static IEnumerable<DateTimeOffset> Clocks(KaifongApp app) => [DateTimeOffset.UtcNow, app.Time.GetUtcNow()];

    /// <summary>The key, and the answer of the call that enabled 2FA (recovery codes, and the new session).</summary>
    public static async Task<(string Key, JsonNode Enabled)> EnableAsync(KaifongApp app, HttpClient caller)
    {
        var setup = await Api.Json(await caller.PostAsJsonAsync("/api/v1/auth/2fa", new { }));
        var key = setup["sharedKey"]!.GetValue<string>();
        foreach (var at in Clocks(app))
        {
            var response = await caller.PostAsJsonAsync("/api/v1/auth/2fa", new { enable = true, twoFactorCode = Totp.Code(key, at) });
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (key, await Api.Json(response));
            }
        }

        throw new Xunit.Sdk.XunitException("no clock gave a code Identity accepted");
    }

    /// <summary>Turns 2FA on through /account/two-factor in this browser (scan the key, type a code).</summary>
    public static async Task EnableOnPageAsync(KaifongApp app, CookieBrowser browser)
    {
        var (_, setup) = await browser.Page.GetPageAsync("/account/two-factor");
        var key = setup.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        foreach (var at in Clocks(app))
        {
            var response = await browser.Page.PostFormAsync("/account/two-factor", "/account/two-factor", new Dictionary<string, string> { ["code"] = Totp.Code(key, at) });
            if (PageClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#recovery-codes") is not null)
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException("2FA was not turned on in the page");
    }
}
