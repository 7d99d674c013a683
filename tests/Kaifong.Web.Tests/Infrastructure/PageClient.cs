using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Kaifong.Web.Tests.Infrastructure;

/// <summary>A browser-like client for the Razor pages: cookies kept, redirects not followed, forms posted with their antiforgery token.</summary>
public sealed class PageClient(HttpClient http)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public static PageClient Anonymous(KaifongApp app, string? language = null)
    {
        var client = app.Browser();
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return new PageClient(client);
    }

    /// <summary>Signs in through /account/login with the password form; the cookie stays in this client.</summary>
    public static async Task<PageClient> SignInAsync(KaifongApp app, string email, string password = Api.Password, string? language = "en")
    {
        var page = Anonymous(app, language);
        var response = await page.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return page;
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return (response, Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The antiforgery token of the first form on the page at <paramref name="formPage"/>.</summary>
    public async Task<string> TokenAsync(string formPage)
    {
        var (response, doc) = await GetPageAsync(formPage);
        Assert.True(response.IsSuccessStatusCode, $"GET {formPage}: {(int)response.StatusCode}");
        var input = doc.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement;
        Assert.NotNull(input);
        return input!.Value;
    }

    /// <summary>GETs <paramref name="formPage"/> for a token, then POSTs the fields (and the token) to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, IDictionary<string, string> fields)
    {
        var token = await TokenAsync(formPage);
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await Http.PostAsync(action, new FormUrlEncodedContent(all));
    }
}
