using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Kaifong.Web.Tests.Infrastructure;

namespace Kaifong.Web.Tests.Features;

/// <summary>The pages as a browser sees them: forms labelled, health and OpenAPI served, friendly 404s, an organisation's own PICS.</summary>
public abstract class PagesTests(KaifongApp app)
{
    public static TheoryData<string> AnonymousFormPages() =>
        ["/account/login", "/account/register", "/account/forgot-password", "/account/magic-link", "/account/reset-password?email=a%40example.org&code=abc"];

    public static TheoryData<string> MemberFormPages() =>
        ["/organisations/new", "/me/profile", "/account/two-factor", "/account/passkeys", "/o/{org}", "/o/{org}/members", "/o/{org}/members/{vol}",
         "/o/{org}/invitations", "/o/{org}/programmes", "/o/{org}/settings", "/o/{org}/audit", "/invite/{token}",
         "/me/shifts", "/me/open-shifts", "/me/calendar"];

    internal static void AssertLabelled(IDocument doc, string url)
    {
        var fields = doc.QuerySelectorAll("input, select, textarea")
            .Where(e => e.GetAttribute("type")?.ToLowerInvariant() is not ("hidden" or "submit" or "button" or "reset" or "image"))
            .ToList();
        var problems = new List<string>();
        foreach (var field in fields)
        {
            var id = field.GetAttribute("id");
            var name = field.GetAttribute("name") ?? "(no name)";
            if (!string.IsNullOrEmpty(id))
            {
                if (doc.QuerySelectorAll("label").All(l => l.GetAttribute("for") != id))
                {
                    problems.Add($"#{id} ({name}) has no <label for>");
                }
            }
            else if (field.Closest("label") is null && string.IsNullOrEmpty(field.GetAttribute("aria-label")) && string.IsNullOrEmpty(field.GetAttribute("aria-labelledby")))
            {
                problems.Add($"{field.LocalName} {name} has neither an id with a label nor an aria-label");
            }
        }

        Assert.True(problems.Count == 0, $"{url}: {string.Join("; ", problems)}");
    }

    [Theory]
    [MemberData(nameof(AnonymousFormPages))]
    public async Task Anonymous_form_pages_label_every_field(string url)
    {
        var (response, doc) = await PageClient.Anonymous(app, "en").GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(doc.QuerySelectorAll("form input, form select, form textarea"));
        AssertLabelled(doc, url);
    }

    [Theory]
    [MemberData(nameof(MemberFormPages))]
    public async Task Signed_in_pages_label_every_field(string template)
    {
        var org = await TestOrg.CreateAsync(app);
        var token = await org.Admin.InviteAsync(org.Slug);
        var url = template.Replace("{org}", org.Slug, StringComparison.Ordinal)
            .Replace("{vol}", org.VolunteerMembershipId, StringComparison.Ordinal)
            .Replace("{token}", token, StringComparison.Ordinal);
        var who = template.StartsWith("/invite/", StringComparison.Ordinal) ? (await Api.RegisterAsync(app, Unique.Email("invitee"))).Email : org.Admin.Email;
        var page = await PageClient.SignInAsync(app, who);
        var (response, doc) = await page.GetPageAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        AssertLabelled(doc, url);
    }

    [Fact]
    public async Task Health_is_200_Healthy()
    {
        var response = await Api.Anonymous(app).GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_lists_the_contract_paths()
    {
        var response = await Api.Anonymous(app).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var doc = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var expected in new[]
                 {
                     "/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/auth/refresh", "/api/v1/me", "/api/v1/me/profile", "/api/v1/organisations",
                     "/api/v1/organisations/{org}/members", "/api/v1/organisations/{org}/members/{membershipId}/approve",
                     "/api/v1/organisations/{org}/members/{membershipId}/roles", "/api/v1/organisations/{org}/members/{membershipId}/skills",
                     "/api/v1/organisations/{org}/invitations", "/api/v1/invitations/{token}/accept", "/api/v1/organisations/{org}/programmes",
                     "/api/v1/shifts/{shiftId}/signups", "/api/v1/shifts/{shiftId}/assignments", "/api/v1/signups/{id}/confirm", "/api/v1/signups/{id}",
                     "/api/v1/signups/{id}/substitute-requests", "/api/v1/substitute-requests/{id}/accept", "/api/v1/shifts/{shiftId}/participants",
                     "/api/v1/me/availability", "/api/v1/organisations/{org}/substitute-requests", "/api/v1/organisations/{org}/filling-policy",
                 })
        {
            Assert.True(paths.Contains(expected) || paths.Contains(expected + "/"), $"{expected} missing from /openapi/v1.json: {string.Join(", ", paths)}");
        }
    }

    [Theory]
    [InlineData("en", "This page was not found")]
    [InlineData("zh-HK", "找不到這一頁")]
    [InlineData("zh-CN", "找不到这一页")]
    public async Task Unknown_page_is_a_localised_404(string language, string text)
    {
        var (response, doc) = await PageClient.Anonymous(app, language).GetPageAsync("/no/such/page-" + Unique.Id());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(text, doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(language, doc.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Unknown_api_path_is_a_problem_not_a_page()
    {
        var response = await Api.Anonymous(app, "en").GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Invitation_page_shows_the_organisations_own_PICS()
    {
        var admin = await Api.RegisterAsync(app, Unique.Email("admin"));
        var slug = await admin.CreateOrganisationAsync();
        var text = "本中心只會為安排義工服務收集你的資料。查詢：" + Unique.Id();
        var put = await admin.PutAsync($"/api/v1/organisations/{slug}/pics", new { language = "zh-HK", text });
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var token = await admin.InviteAsync(slug);

        var (response, doc) = await PageClient.Anonymous(app, "zh-HK").GetPageAsync($"/invite/{token}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(text, doc.QuerySelector("#pics")!.TextContent.Trim());

        var preview = await Api.Json(await Api.Anonymous(app, "zh-HK").GetAsync($"/api/v1/invitations/{token}"));
        Assert.Equal(text, preview["pics"]!.GetValue<string>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PagesTestsOnSqlite(SqliteApp app) : PagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PagesTestsOnPostgres(PostgresApp app) : PagesTests(app);
