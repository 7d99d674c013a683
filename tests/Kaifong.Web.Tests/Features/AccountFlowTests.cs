using System.Net;
using System.Net.Http.Json;
using Kaifong.Web.Tests.Infrastructure;

namespace Kaifong.Web.Tests.Features;

/// <summary>The Done-means flow of the foundation: register → login → create organisation → invite → accept → approve.</summary>
public abstract class AccountFlowTests(KaifongApp app)
{
    [Fact]
    public async Task Register_login_create_invite_accept_approve_works_as_the_API_says()
    {
        var admin = await Api.RegisterAsync(app, Unique.Email("admin"));
        var slug = await admin.CreateOrganisationAsync("荃灣測試中心");

        var invite = await admin.PostAsync($"/api/v1/organisations/{slug}/invitations", new { role = "Volunteer", maxUses = 5 });
        Assert.Equal(HttpStatusCode.Created, invite.StatusCode);
        var invitation = await Api.Json(invite);
        var token = invitation["token"]!.GetValue<string>();
        Assert.Equal($"http://kaifong.test/invite/{token}", invitation["url"]!.GetValue<string>());

        var volunteer = await Api.RegisterAsync(app, Unique.Email("vol"));
        var accept = await volunteer.PostAsync($"/api/v1/invitations/{token}/accept");
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        var accepted = await Api.Json(accept);
        Assert.Equal("Pending", accepted["status"]!.GetValue<string>());
        var membershipId = accepted["membershipId"]!.GetValue<string>();

        var pending = await admin.GetJsonAsync($"/api/v1/organisations/{slug}/members?status=Pending");
        Assert.Contains(pending.AsArray(), m => m!["membershipId"]!.GetValue<string>() == membershipId);

        var approve = await admin.PostAsync($"/api/v1/organisations/{slug}/members/{membershipId}/approve");
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal("Active", (await Api.Json(approve))["status"]!.GetValue<string>());

        var me = await volunteer.GetJsonAsync("/api/v1/me");
        var membership = Assert.Single(me["memberships"]!.AsArray(), m => m!["organisation"]!["slug"]!.GetValue<string>() == slug);
        Assert.Equal("Active", membership!["status"]!.GetValue<string>());
        Assert.Equal(["Volunteer"], membership["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Login_returns_a_bearer_token_pair_and_refresh_gives_a_new_one()
    {
        var email = Unique.Email();
        var client = Api.Anonymous(app);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Api.Password })).StatusCode);
        var login = await Api.Json(await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Api.Password }));
        Assert.Equal("Bearer", login["tokenType"]!.GetValue<string>());
        Assert.True(login["expiresIn"]!.GetValue<long>() > 0);

        var refresh = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = login["refreshToken"]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var renewed = await Api.Json(refresh);
        Assert.NotEqual(login["accessToken"]!.GetValue<string>(), renewed["accessToken"]!.GetValue<string>());

        var bad = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "not-a-token" });
        await Api.AssertProblem(bad, HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
    }

    [Fact]
    public async Task Api_without_a_token_answers_401_problem()
    {
        var response = await Api.Anonymous(app).GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_five_times_locks_the_account_without_saying_so()
    {
        var api = await Api.RegisterAsync(app);
        var client = Api.Anonymous(app);
        for (var i = 0; i < 5; i++)
        {
            await Api.AssertProblem(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = api.Email, password = "wrong password!" }), HttpStatusCode.Unauthorized, "auth.failed");
        }

        // Even the right password is refused while locked; the answer is the one an unknown address gets (no enumeration).
        await Api.AssertProblem(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = api.Email, password = Api.Password }), HttpStatusCode.Unauthorized, "auth.failed");
    }

    [Fact]
    public async Task Errors_are_localised_by_Accept_Language()
    {
        var payload = new { email = "not-an-email", password = Api.Password };
        var zh = await Api.AssertProblem(await Api.Anonymous(app, "zh-HK").PostAsJsonAsync("/api/v1/auth/register", payload), HttpStatusCode.BadRequest, "validation");
        var en = await Api.AssertProblem(await Api.Anonymous(app, "en").PostAsJsonAsync("/api/v1/auth/register", payload), HttpStatusCode.BadRequest, "validation");
        var cn = await Api.AssertProblem(await Api.Anonymous(app, "zh-CN").PostAsJsonAsync("/api/v1/auth/register", payload), HttpStatusCode.BadRequest, "validation");
        Assert.Contains("電郵", zh["errors"]!["email"]![0]!.GetValue<string>());
        Assert.Contains("e-mail", en["errors"]!["email"]![0]!.GetValue<string>());
        Assert.Contains("电子邮箱", cn["errors"]!["email"]![0]!.GetValue<string>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccountFlowTestsOnSqlite(SqliteApp app) : AccountFlowTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AccountFlowTestsOnPostgres(PostgresApp app) : AccountFlowTests(app);
