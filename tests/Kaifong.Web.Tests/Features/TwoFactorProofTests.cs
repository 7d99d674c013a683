using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Tests.Features;

/// <summary>Issue 8 item 4: once 2FA is on, a session alone cannot read the key, re-key, turn it off or get new recovery codes.</summary>
public abstract class TwoFactorProofTests(KaifongApp app)
{
    private async Task<(Api Person, HttpClient Session, string Key)> WithTwoFactorAsync()
    {
        var person = await Api.RegisterAsync(app);
        var (key, enabled) = await TwoFactorSetup.EnableAsync(app, person.Http);
        return (person, SessionTokens.From(enabled["session"]!).Client(app), key);
    }

    private static Task<HttpResponseMessage> TwoFactor(HttpClient session, object body) => session.PostAsJsonAsync("/api/v1/auth/2fa", body);

    [Fact]
    public async Task With_two_factor_on_a_bearer_token_alone_cannot_read_reset_or_turn_it_off()
    {
        var (_, session, _) = await WithTwoFactorAsync();

        var status = await Api.Json(await TwoFactor(session, new { }));
        Assert.True(status["isTwoFactorEnabled"]!.GetValue<bool>());
        Assert.Null(status["sharedKey"]);

        foreach (var body in new object[] { new { enable = false }, new { resetSharedKey = true }, new { resetRecoveryCodes = true } })
        {
            var problem = await Api.AssertProblem(await TwoFactor(session, body), HttpStatusCode.BadRequest, "auth.proof_required");
            Assert.NotNull(problem["errors"]!["currentPassword"]);
        }

        await Api.AssertProblem(await TwoFactor(session, new { enable = false, currentPassword = "not the password" }), HttpStatusCode.BadRequest, "auth.wrong_password");
        await Api.AssertProblem(await TwoFactor(session, new { enable = false, twoFactorCode = "000000" }), HttpStatusCode.BadRequest, "auth.invalid_two_factor_code");
        Assert.True((await Api.Json(await TwoFactor(session, new { })))["isTwoFactorEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_password_proves_who_asks_for_the_key_new_recovery_codes_or_turning_it_off()
    {
        var (_, session, key) = await WithTwoFactorAsync();

        var shown = await Api.Json(await TwoFactor(session, new { currentPassword = Api.Password }));
        Assert.Equal(key, shown["sharedKey"]!.GetValue<string>());

        var codes = await Api.Json(await TwoFactor(session, new { resetRecoveryCodes = true, currentPassword = Api.Password }));
        Assert.Equal(10, codes["recoveryCodes"]!.AsArray().Count);

        var off = await TwoFactor(session, new { enable = false, currentPassword = Api.Password });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False((await Api.Json(off))["isTwoFactorEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_current_code_is_the_other_proof()
    {
        var (_, session, key) = await WithTwoFactorAsync();

        JsonNode? reset = null;
        foreach (var at in TwoFactorSetup.Clocks(app))
        {
            var response = await TwoFactor(session, new { resetSharedKey = true, twoFactorCode = Totp.Code(key, at) });
            if (response.StatusCode == HttpStatusCode.OK)
            {
                reset = await Api.Json(response);
                break;
            }
        }

        Assert.NotNull(reset);
        Assert.False(reset!["isTwoFactorEnabled"]!.GetValue<bool>());
        Assert.NotEqual(key, reset["sharedKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_admin_cannot_turn_two_factor_off_while_the_organisation_requires_it()
    {
        var admin = await Api.RegisterAsync(app, Unique.Email("admin"));
        var slug = await admin.CreateOrganisationAsync();
        // Admin for eight days (the grace period is seven), without moving the clock every other test shares.
        var since = app.Time.GetUtcNow() - TimeSpan.FromDays(8);
        await app.WithDbAsync(db => db.Memberships.Where(m => db.Organisations.Any(o => o.Id == m.OrganisationId && o.Slug == slug))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.AdminSince, since)));
        var (_, enabled) = await TwoFactorSetup.EnableAsync(app, admin.Http);
        var session = SessionTokens.From(enabled["session"]!).Client(app);

        foreach (var body in new object[] { new { enable = false, currentPassword = Api.Password }, new { resetSharedKey = true, currentPassword = Api.Password } })
        {
            var problem = await Api.AssertProblem(await TwoFactor(session, body), HttpStatusCode.Conflict, "auth.two_factor_required_by_organisation");
            Assert.Contains("admin", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.True((await Api.Json(await TwoFactor(session, new { })))["isTwoFactorEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_new_admin_inside_the_grace_period_may_still_turn_it_off()
    {
        var admin = await Api.RegisterAsync(app, Unique.Email("admin"));
        await admin.CreateOrganisationAsync();
        var (_, enabled) = await TwoFactorSetup.EnableAsync(app, admin.Http);

        var off = await TwoFactor(SessionTokens.From(enabled["session"]!).Client(app), new { enable = false, currentPassword = Api.Password });

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
    }

    [Fact]
    public async Task The_page_asks_for_the_password_before_turning_two_factor_off()
    {
        var person = await Api.RegisterAsync(app);
        var browser = await CookieBrowser.SignInAsync(app, person.Email);
        await TwoFactorSetup.EnableOnPageAsync(app, browser);

        var refused = await browser.Page.PostFormAsync("/account/two-factor", "/account/two-factor?handler=Disable", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = PageClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Enter your password or a code", html.QuerySelector("#two-factor-manage [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.True(await IsOnAsync(person.Email));

        var done = await browser.Page.PostFormAsync("/account/two-factor", "/account/two-factor?handler=Disable", new Dictionary<string, string> { ["currentPassword"] = Api.Password });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.False(await IsOnAsync(person.Email));
        // The page gave this browser a new session, so it carries on.
        Assert.Equal(HttpStatusCode.OK, (await browser.Page.GetPageAsync("/account/two-factor")).Response.StatusCode);
    }

    private Task<bool> IsOnAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());
}

[Collection(SqliteCollection.Name)]
public sealed class TwoFactorProofTestsOnSqlite(SqliteApp app) : TwoFactorProofTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TwoFactorProofTestsOnPostgres(PostgresApp app) : TwoFactorProofTests(app);
