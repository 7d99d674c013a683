using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Kaifong.Web.Tests.Infrastructure;

namespace Kaifong.Web.Tests.Features;

public abstract partial class SecurityTests(KaifongApp app)
{
    [Fact]
    public async Task Admin_without_two_factor_is_stopped_after_the_grace_period_and_let_through_once_it_is_on()
    {
        var admin = await Api.RegisterAsync(app, Unique.Email("admin"));
        var slug = await admin.CreateOrganisationAsync();
        var settings = $"/api/v1/organisations/{slug}/pics";
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsync(settings, new { language = "en", text = "Our own statement." })).StatusCode);

        // Eight days on: the grace period (7) is over, and so is the old token.
        app.Time.Advance(TimeSpan.FromDays(8));
        admin = await Api.LoginAsync(app, admin.Email);
        {
            await Api.AssertProblem(await admin.PutAsync(settings, new { language = "en", text = "Changed." }), HttpStatusCode.Forbidden, "auth.two_factor_required");

            var setup = await Api.Json(await admin.PostAsync("/api/v1/auth/2fa", new { }));
            Assert.False(setup["isTwoFactorEnabled"]!.GetValue<bool>());
            await Api.AssertProblem(await admin.PostAsync("/api/v1/auth/2fa", new { enable = true, twoFactorCode = "000000" }), HttpStatusCode.BadRequest, "auth.invalid_two_factor_code");

            var (_, enabled) = await TwoFactorSetup.EnableAsync(app, admin.Http);
            Assert.True(enabled["isTwoFactorEnabled"]!.GetValue<bool>());
            Assert.Equal(10, enabled["recoveryCodes"]!.AsArray().Count);

            // Turning 2FA on ended the old session; the answer carries its successor.
            Assert.Equal(HttpStatusCode.Unauthorized, (await admin.PutAsync(settings, new { language = "en", text = "Changed." })).StatusCode);
            var renewed = SessionTokens.From(enabled["session"]!).Client(app);
            Assert.Equal(HttpStatusCode.NoContent, (await renewed.PutAsJsonAsync(settings, new { language = "en", text = "Changed." })).StatusCode);

            // Signing in now needs the code.
            await Api.AssertProblem(await Api.Anonymous(app).PostAsJsonAsync("/api/v1/auth/login", new { email = admin.Email, password = Api.Password }),
                HttpStatusCode.Unauthorized, "auth.two_factor_code_required");
            var recovery = enabled["recoveryCodes"]![0]!.GetValue<string>();
            var login = await Api.Anonymous(app).PostAsJsonAsync("/api/v1/auth/login", new { email = admin.Email, password = Api.Password, twoFactorRecoveryCode = recovery });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }
    }

    [Fact]
    public async Task Password_reset_link_arrives_by_mail_in_the_persons_language_and_works_once()
    {
        var person = await Api.RegisterAsync(app, language: "zh-HK");
        Assert.Equal(HttpStatusCode.Accepted, (await Api.Anonymous(app).PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = person.Email })).StatusCode);
        // An unknown address gets the same answer, and no mail.
        Assert.Equal(HttpStatusCode.Accepted, (await Api.Anonymous(app).PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = Unique.Email("nobody") })).StatusCode);

        var mail = await Mailbox.WaitForAsync(app, person.Email, "密碼");
        var link = new Uri(Mailbox.Link(mail));
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var reset = new { email = query["email"], resetCode = query["code"], newPassword = "a brand new passphrase" };
        Assert.Equal(HttpStatusCode.OK, (await Api.Anonymous(app).PostAsJsonAsync("/api/v1/auth/reset-password", reset)).StatusCode);
        await Api.AssertProblem(await Api.Anonymous(app).PostAsJsonAsync("/api/v1/auth/reset-password", reset), HttpStatusCode.BadRequest, "validation");
        await Api.LoginAsync(app, person.Email, password: "a brand new passphrase");
    }

    [Fact]
    public async Task Magic_link_signs_in_once_through_the_page()
    {
        var person = await Api.RegisterAsync(app, language: "en");
        Assert.Equal(HttpStatusCode.Accepted, (await Api.Anonymous(app).PostAsJsonAsync("/api/v1/auth/magic-link", new { email = person.Email })).StatusCode);
        var mail = await Mailbox.WaitForAsync(app, person.Email, "sign");
        var path = new Uri(Mailbox.Link(mail)).PathAndQuery;

        var browser = app.Browser();
        var signIn = await PressTheButtonAsync(browser, path);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var home = await (await browser.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Contains("Hello", home);

        // The same link a second time is spent.
        var stranger = app.Browser();
        stranger.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var again = await PressTheButtonAsync(stranger, path);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var spent = await again.Content.ReadAsStringAsync();
        Assert.True(spent.Contains("invalid, used or expired", StringComparison.Ordinal), spent[spent.IndexOf("<main", StringComparison.Ordinal)..]);
    }

    /// <summary>Opens the page and submits its form as a browser would (with the antiforgery token).</summary>
    private static async Task<HttpResponseMessage> PressTheButtonAsync(HttpClient browser, string path)
    {
        var html = await (await browser.GetAsync(path)).Content.ReadAsStringAsync();
        var form = new HtmlParser().ParseDocument(html).QuerySelector("main form")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Sign_in_is_rate_limited_per_address()
    {
        await using var strict = new StrictRateLimitApp();
        await strict.InitializeAsync();
        var client = strict.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "x@example.org", password = "whatever it is" })).StatusCode);
        }

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        var limited = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "x@example.org", password = "whatever it is" });
        await Api.AssertProblem(limited, HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task Registration_is_rate_limited_with_the_sign_in_rules_on_the_API_and_the_page()
    {
        await using var strict = new StrictRateLimitApp();
        await strict.InitializeAsync();
        var client = strict.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/v1/auth/register", new { email = Unique.Email(), password = Api.Password })).StatusCode);
        }

        await Api.AssertProblem(await client.PostAsJsonAsync("/api/v1/auth/register", new { email = Unique.Email(), password = Api.Password }), HttpStatusCode.TooManyRequests, "rate_limited");
        // The page shares the same per-address window.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await strict.Browser().GetAsync("/account/register")).StatusCode);
    }

    private sealed class StrictRateLimitApp : KaifongApp
    {
        private readonly string path = Path.Combine(Path.GetTempPath(), $"kaifong-rl-{Guid.NewGuid():N}.db");

        public override string ProviderName => "Sqlite";
        protected override string ConnectionString => $"Data Source={path}";
        protected override int SignInPerMinute => 3;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SecurityTestsOnSqlite(SqliteApp app) : SecurityTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SecurityTestsOnPostgres(PostgresApp app) : SecurityTests(app);
