using System.Net;
using Kaifong.Web.Tests.Infrastructure;

namespace Kaifong.Web.Tests.Features;

/// <summary>
/// 隱私模式: on a privacy-mode shift, another volunteer sees counts only, on every page and endpoint a volunteer can reach;
/// no volunteer-facing answer carries anyone's contact details; the activity's lead and the coordinators see the list.
/// </summary>
public abstract class PrivacyMatrixTests(KaifongApp app)
{
    private sealed record World(TestOrg Org, string ShiftId, string ActivityId, Api Peer, Api Lead, string Name, string Phone);

    private async Task<World> WorldAsync()
    {
        var (org, programme) = await SignupWorld.OrgAsync(app);
        var lead = await Api.RegisterAsync(app, Unique.Email("lead"));
        var leadMembership = await lead.AcceptAsync(await org.Admin.InviteAsync(org.Slug, role: "Lead", requiresApproval: false));
        var peer = await Api.RegisterAsync(app, Unique.Email("peer"));
        await peer.AcceptAsync(await org.Admin.InviteAsync(org.Slug, requiresApproval: false));
        var name = "私隱測試 " + Unique.Id();
        var profile = await org.Volunteer.PutAsync("/api/v1/me/profile", new { displayName = name, language = "en", phone = "61234567", district = "Sham Shui Po" });
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);

        var body = new
        {
            title = "長者探訪", programmeId = programme, start = "2026-12-28T14:00", end = "2026-12-28T17:00", privacyMode = true,
            leadMembershipId = leadMembership, district = "Sham Shui Po",
            shifts = new[] { new { role = "探訪", start = "14:00", end = "17:00", minimum = 1, target = 3, maximum = 3, requiredSkills = Array.Empty<string>() } },
        };
        var response = await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", body);
        var created = await Api.Json(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, created.ToJsonString());
        var shiftId = created["occurrences"]![0]!["shifts"]![0]!["id"]!.GetValue<string>();
        var signup = await Api.Json(await org.Volunteer.PostAsync($"/api/v1/shifts/{shiftId}/signups"));
        Assert.Equal(HttpStatusCode.Created, (await org.Volunteer.PostAsync($"/api/v1/signups/{signup["id"]}/substitute-requests")).StatusCode);
        return new World(org, shiftId, created["id"]!.GetValue<string>(), peer, lead, name, "61234567");
    }

    private static void AssertNothingOf(World w, string text, string where)
    {
        var flat = text.Replace(" ", "", StringComparison.Ordinal);
        Assert.False(text.Contains(w.Name, StringComparison.Ordinal), $"{where} shows the volunteer's name");
        Assert.False(text.Contains(w.Org.Volunteer.Email, StringComparison.OrdinalIgnoreCase), $"{where} shows an e-mail address");
        Assert.False(flat.Contains(w.Phone, StringComparison.Ordinal), $"{where} shows a phone number");
    }

    [Fact]
    public async Task Another_volunteer_sees_counts_only_on_every_page_and_endpoint()
    {
        var w = await WorldAsync();
        var pages = await PageClient.SignInAsync(app, w.Peer.Email);
        foreach (var url in new[]
                 {
                     "/", "/me/shifts", "/me/open-shifts?from=2026-12-28", $"/o/{w.Org.Slug}", $"/o/{w.Org.Slug}/shifts/{w.ShiftId}",
                     $"/o/{w.Org.Slug}/shifts/{w.ShiftId}?handler=ics", "/me/calendar", "/me/profile",
                 })
        {
            var response = await pages.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            AssertNothingOf(w, await response.Content.ReadAsStringAsync(), url);
        }

        var (_, shiftPage) = await pages.GetPageAsync($"/o/{w.Org.Slug}/shifts/{w.ShiftId}");
        Assert.Contains("1/3", shiftPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(shiftPage.QuerySelector("#participants"));
        Assert.Null(shiftPage.QuerySelector("#candidates"));

        foreach (var url in new[]
                 {
                     "/api/v1/me", "/api/v1/me/shifts?from=2026-12-01&to=2026-12-31", "/api/v1/me/open-shifts?from=2026-12-28&to=2026-12-29",
                     $"/api/v1/organisations/{w.Org.Slug}/shifts?from=2026-12-28&to=2026-12-29", $"/api/v1/organisations/{w.Org.Slug}/activities/{w.ActivityId}",
                     $"/api/v1/organisations/{w.Org.Slug}", $"/api/v1/organisations/{w.Org.Slug}/programmes",
                 })
        {
            var response = await w.Peer.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            AssertNothingOf(w, await response.Content.ReadAsStringAsync(), url);
        }

        foreach (var url in new[]
                 {
                     $"/api/v1/shifts/{w.ShiftId}/participants", $"/api/v1/organisations/{w.Org.Slug}/members",
                     $"/api/v1/organisations/{w.Org.Slug}/substitute-requests",
                 })
        {
            var refused = await w.Peer.GetAsync(url);
            await Api.AssertProblem(refused, HttpStatusCode.Forbidden, "forbidden");
            AssertNothingOf(w, await refused.Content.ReadAsStringAsync(), url);
        }
    }

    [Fact]
    public async Task The_lead_and_the_coordinators_see_the_list_with_contact_details()
    {
        var w = await WorldAsync();
        foreach (var who in new[] { w.Lead, w.Org.Admin })
        {
            var list = (await who.GetJsonAsync($"/api/v1/shifts/{w.ShiftId}/participants")).AsArray();
            var person = Assert.Single(list);
            Assert.Equal(w.Name, person!["displayName"]!.GetValue<string>());
            Assert.Equal(w.Org.Volunteer.Email, person["email"]!.GetValue<string>());
            Assert.EndsWith(w.Phone, person["phone"]!.GetValue<string>(), StringComparison.Ordinal);

            var page = await PageClient.SignInAsync(app, who.Email);
            var (_, doc) = await page.GetPageAsync($"/o/{w.Org.Slug}/shifts/{w.ShiftId}");
            Assert.Contains(w.Name, doc.QuerySelector("#participants")!.TextContent, StringComparison.Ordinal);
        }

        // The lead runs the day; choosing who fills the gaps is the coordinators'.
        var (_, leadPage) = await (await PageClient.SignInAsync(app, w.Lead.Email)).GetPageAsync($"/o/{w.Org.Slug}/shifts/{w.ShiftId}");
        Assert.Null(leadPage.QuerySelector("#candidates"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PrivacyMatrixTestsOnSqlite(SqliteApp app) : PrivacyMatrixTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PrivacyMatrixTestsOnPostgres(PostgresApp app) : PrivacyMatrixTests(app);
