using System.Net;
using System.Net.Http.Json;
using Kaifong.Domain.Audit;
using Kaifong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Tests.Features;

/// <summary>Issue 8 item 3: what should end a session ends every earlier cookie and token, at once.</summary>
public abstract class SessionTests(KaifongApp app)
{
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task Bearer_token_from_before_a_password_reset_is_refused()
    {
        var person = await Api.RegisterAsync(app);
        var before = await SessionTokens.LoginAsync(app, person.Email);
        Assert.Equal(HttpStatusCode.OK, await before.MeAsync(app));

        Assert.Equal(HttpStatusCode.Accepted, (await Api.Anonymous(app).PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = person.Email })).StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(Mailbox.Link(await Mailbox.WaitForAsync(app, person.Email, "password"))).Query);
        var reset = await Api.Anonymous(app).PostAsJsonAsync("/api/v1/auth/reset-password", new { email = query["email"], resetCode = query["code"], newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await before.MeAsync(app));
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync("/api/v1/me")).StatusCode);
        await Api.AssertProblem(await before.RefreshAsync(app), HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        Assert.Equal(HttpStatusCode.OK, await (await SessionTokens.LoginAsync(app, person.Email, NewPassword)).MeAsync(app));
    }

    [Fact]
    public async Task Password_change_ends_every_earlier_token_and_answers_with_a_new_pair()
    {
        var person = await Api.RegisterAsync(app);
        var otherDevice = await SessionTokens.LoginAsync(app, person.Email);

        var wrong = await person.PostAsync("/api/v1/auth/change-password", new { currentPassword = "not the password", newPassword = NewPassword });
        var problem = await Api.AssertProblem(wrong, HttpStatusCode.BadRequest, "validation");
        Assert.NotNull(problem["errors"]!["currentPassword"]);
        Assert.Equal(HttpStatusCode.OK, await otherDevice.MeAsync(app));

        var changed = await person.PostAsync("/api/v1/auth/change-password", new { currentPassword = Api.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var fresh = SessionTokens.From(await Api.Json(changed));

        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await otherDevice.MeAsync(app));
        await Api.AssertProblem(await otherDevice.RefreshAsync(app), HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        Assert.Equal(HttpStatusCode.OK, await fresh.MeAsync(app));
        Assert.Equal(HttpStatusCode.OK, (await fresh.RefreshAsync(app)).StatusCode);
    }

    [Fact]
    public async Task Cookie_copied_before_sign_out_is_sent_to_sign_in_and_other_browsers_stay_signed_in()
    {
        var person = await Api.RegisterAsync(app);
        var browser = await CookieBrowser.SignInAsync(app, person.Email);
        var otherBrowser = await CookieBrowser.SignInAsync(app, person.Email);
        var copy = browser.CopyCookie();
        Assert.Equal(HttpStatusCode.OK, (await CookieBrowser.ProfileWithAsync(app, copy)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.Page.PostFormAsync("/account/logout", "/account/logout", new Dictionary<string, string>())).StatusCode);

        CookieBrowser.AssertSentToSignIn(await CookieBrowser.ProfileWithAsync(app, copy));
        Assert.Equal(HttpStatusCode.OK, (await CookieBrowser.ProfileWithAsync(app, otherBrowser.CopyCookie())).StatusCode);
    }

    [Fact]
    public async Task Api_logout_ends_that_session_only()
    {
        var person = await Api.RegisterAsync(app);
        var phone = await SessionTokens.LoginAsync(app, person.Email);
        var laptop = await SessionTokens.LoginAsync(app, person.Email);

        Assert.Equal(HttpStatusCode.NoContent, (await phone.Client(app).PostAsJsonAsync("/api/v1/auth/logout", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await phone.MeAsync(app));
        await Api.AssertProblem(await phone.RefreshAsync(app), HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        Assert.Equal(HttpStatusCode.OK, await laptop.MeAsync(app));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Anonymous(app).PostAsJsonAsync("/api/v1/auth/logout", new { })).StatusCode);
    }

    [Fact]
    public async Task Refresh_token_used_twice_fails_and_revokes_what_its_first_use_gave()
    {
        var person = await Api.RegisterAsync(app);
        var first = await SessionTokens.LoginAsync(app, person.Email);

        var used = await first.RefreshAsync(app);
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        var second = SessionTokens.From(await Api.Json(used));
        Assert.Equal(HttpStatusCode.OK, await second.MeAsync(app));

        await Api.AssertProblem(await first.RefreshAsync(app), HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");

        // The replay ended the whole family: the tokens the first use gave, and the first access token.
        Assert.Equal(HttpStatusCode.Unauthorized, await second.MeAsync(app));
        await Api.AssertProblem(await second.RefreshAsync(app), HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        Assert.Equal(HttpStatusCode.Unauthorized, await first.MeAsync(app));
        // Another login of the same person is another family, untouched.
        Assert.Equal(HttpStatusCode.OK, await (await SessionTokens.LoginAsync(app, person.Email)).MeAsync(app));
    }

    [Fact]
    public async Task Concurrent_uses_of_one_refresh_token_give_one_success()
    {
        var person = await Api.RegisterAsync(app);
        var tokens = await SessionTokens.LoginAsync(app, person.Email);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => tokens.RefreshAsync(app)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
    }

    [Fact]
    public async Task Admins_sign_out_everywhere_ends_the_members_tokens_and_cookies_and_is_audited()
    {
        var org = await TestOrg.CreateAsync(app);
        var cookie = (await CookieBrowser.SignInAsync(app, org.Volunteer.Email)).CopyCookie();
        var tokens = await SessionTokens.LoginAsync(app, org.Volunteer.Email);
        var url = $"/api/v1/organisations/{org.Slug}/members/{org.VolunteerMembershipId}/sign-out-everywhere";

        // Only an admin of the member's own organisation.
        await Api.AssertProblem(await org.Volunteer.PostAsync($"/api/v1/organisations/{org.Slug}/members/{org.ApplicantMembershipId}/sign-out-everywhere"), HttpStatusCode.Forbidden, "forbidden");
        var outsider = await Api.RegisterAsync(app, Unique.Email("outsider"));
        var otherSlug = await outsider.CreateOrganisationAsync();
        await Api.AssertProblem(await outsider.PostAsync($"/api/v1/organisations/{otherSlug}/members/{org.VolunteerMembershipId}/sign-out-everywhere"), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.OK, await tokens.MeAsync(app));

        Assert.Equal(HttpStatusCode.NoContent, (await org.Admin.PostAsync(url)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await tokens.MeAsync(app));
        Assert.Equal(HttpStatusCode.Unauthorized, (await org.Volunteer.GetAsync("/api/v1/me")).StatusCode);
        await Api.AssertProblem(await tokens.RefreshAsync(app), HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        CookieBrowser.AssertSentToSignIn(await CookieBrowser.ProfileWithAsync(app, cookie));
        Assert.Equal(HttpStatusCode.OK, (await org.Admin.GetAsync("/api/v1/me")).StatusCode);

        var membershipId = Guid.Parse(org.VolunteerMembershipId);
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.SignedOutEverywhere && a.SubjectMembershipId == membershipId));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task Member_page_has_a_sign_out_everywhere_button_that_works()
    {
        var org = await TestOrg.CreateAsync(app);
        var tokens = await SessionTokens.LoginAsync(app, org.Volunteer.Email);
        var admin = await PageClient.SignInAsync(app, org.Admin.Email);
        var page = $"/o/{org.Slug}/members/{org.VolunteerMembershipId}";
        var (_, doc) = await admin.GetPageAsync(page);
        Assert.Contains("Sign out everywhere", doc.QuerySelector("form#sign-out-everywhere")!.TextContent, StringComparison.Ordinal);

        var done = await admin.PostFormAsync(page, page + "?handler=SignOutEverywhere", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await tokens.MeAsync(app));
        // A volunteer's own view of a member page offers no such button.
        var (_, volunteerView) = await (await PageClient.SignInAsync(app, org.Volunteer.Email)).GetPageAsync(page);
        Assert.Null(volunteerView.QuerySelector("form#sign-out-everywhere"));
    }

    [Fact]
    public async Task Turning_two_factor_on_or_off_ends_earlier_tokens_and_the_caller_gets_a_new_session()
    {
        var person = await Api.RegisterAsync(app);
        var otherDevice = await SessionTokens.LoginAsync(app, person.Email);

        var (_, enabled) = await TwoFactorSetup.EnableAsync(app, person.Http);
        Assert.Equal(HttpStatusCode.Unauthorized, await otherDevice.MeAsync(app));
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync("/api/v1/me")).StatusCode);
        var afterOn = SessionTokens.From(enabled["session"]!);
        Assert.Equal(HttpStatusCode.OK, await afterOn.MeAsync(app));

        var disabled = await afterOn.Client(app).PostAsJsonAsync("/api/v1/auth/2fa", new { enable = false, currentPassword = Api.Password });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await afterOn.MeAsync(app));
        Assert.Equal(HttpStatusCode.OK, await SessionTokens.From((await Api.Json(disabled))["session"]!).MeAsync(app));
    }

    [Fact]
    public async Task Turning_two_factor_on_in_the_page_ends_a_copied_cookie_but_not_the_page_itself()
    {
        var person = await Api.RegisterAsync(app);
        var browser = await CookieBrowser.SignInAsync(app, person.Email);
        var copy = browser.CopyCookie();
        await TwoFactorSetup.EnableOnPageAsync(app, browser);

        CookieBrowser.AssertSentToSignIn(await CookieBrowser.ProfileWithAsync(app, copy));
        Assert.Equal(HttpStatusCode.OK, (await browser.Page.GetPageAsync("/me/profile")).Response.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SessionTestsOnSqlite(SqliteApp app) : SessionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SessionTestsOnPostgres(PostgresApp app) : SessionTests(app);
