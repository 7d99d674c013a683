using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifong.Web.Tests.Infrastructure;

namespace Kaifong.Web.Tests.Features;


/// <summary>
/// Every organisation-scoped endpoint and page × who calls it. docs/api-contract.md: 401 without a token, 403 for a member without the
/// right, 404 (never 403) for anyone outside the organisation, and a refused write changes nothing.
/// </summary>
public abstract class TenancyMatrixTests(KaifongApp app)
{
    public enum Need
    {
        Member,
        Staff,
        Admin,
    }

    /// <summary>One API endpoint; the path has {org}, {vol} (a volunteer's membership), {app} (a pending applicant's) and {inv} (an invitation).</summary>
    public sealed record Endpoint(string Method, string Path, Need Need, object? Body, HttpStatusCode AdminStatus)
    {
        public bool IsWrite => Method != "GET";
    }

    public static readonly IReadOnlyDictionary<string, Endpoint> Endpoints = new Dictionary<string, Endpoint>
    {
        ["GET org"] = new("GET", "/api/v1/organisations/{org}", Need.Member, null, HttpStatusCode.OK),
        ["PUT org"] = new("PUT", "/api/v1/organisations/{org}", Need.Admin, new { name = "Hijacked", timeZone = "Asia/Hong_Kong", defaultLanguage = "en" }, HttpStatusCode.OK),
        ["GET pics"] = new("GET", "/api/v1/organisations/{org}/pics", Need.Member, null, HttpStatusCode.OK),
        ["PUT pics"] = new("PUT", "/api/v1/organisations/{org}/pics", Need.Admin, new { language = "zh-HK", text = "hijacked PICS" }, HttpStatusCode.NoContent),
        ["GET programmes"] = new("GET", "/api/v1/organisations/{org}/programmes", Need.Member, null, HttpStatusCode.OK),
        ["POST programmes"] = new("POST", "/api/v1/organisations/{org}/programmes", Need.Staff, new { name = "Hijack programme" }, HttpStatusCode.Created),
        ["GET invitations"] = new("GET", "/api/v1/organisations/{org}/invitations", Need.Staff, null, HttpStatusCode.OK),
        ["POST invitations"] = new("POST", "/api/v1/organisations/{org}/invitations", Need.Staff, new { role = "Admin", requiresApproval = false }, HttpStatusCode.Created),
        ["DELETE invitation"] = new("DELETE", "/api/v1/organisations/{org}/invitations/{inv}", Need.Staff, null, HttpStatusCode.NoContent),
        ["GET members"] = new("GET", "/api/v1/organisations/{org}/members", Need.Staff, null, HttpStatusCode.OK),
        ["GET member"] = new("GET", "/api/v1/organisations/{org}/members/{vol}", Need.Staff, null, HttpStatusCode.OK),
        ["POST approve"] = new("POST", "/api/v1/organisations/{org}/members/{app}/approve", Need.Staff, new { }, HttpStatusCode.OK),
        ["POST reject"] = new("POST", "/api/v1/organisations/{org}/members/{app}/reject", Need.Staff, new { }, HttpStatusCode.OK),
        ["POST sign-out-everywhere"] = new("POST", "/api/v1/organisations/{org}/members/{vol}/sign-out-everywhere", Need.Admin, new { }, HttpStatusCode.NoContent),
        ["PUT roles"] = new("PUT", "/api/v1/organisations/{org}/members/{vol}/roles", Need.Admin, new { roles = new[] { "Admin" }, programmeIds = Array.Empty<string>() }, HttpStatusCode.OK),
        ["PUT skills"] = new("PUT", "/api/v1/organisations/{org}/members/{vol}/skills", Need.Staff, new { skills = new[] { new { name = "Hijack", verified = true } } }, HttpStatusCode.OK),
        ["GET audit"] = new("GET", "/api/v1/organisations/{org}/audit", Need.Admin, null, HttpStatusCode.OK),
        ["GET activity-types"] = new("GET", "/api/v1/organisations/{org}/activity-types", Need.Member, null, HttpStatusCode.OK),
        ["POST activity-types"] = new("POST", "/api/v1/organisations/{org}/activity-types", Need.Staff, new { name = "Hijack type" }, HttpStatusCode.Created),
        ["POST activities"] = new("POST", "/api/v1/organisations/{org}/activities", Need.Staff, ScheduleWorld.ActivityBody("{prog}"), HttpStatusCode.Created),
        ["GET activity"] = new("GET", "/api/v1/organisations/{org}/activities/{act}", Need.Member, null, HttpStatusCode.OK),
        ["PATCH activity"] = new("PATCH", "/api/v1/organisations/{org}/activities/{act}", Need.Staff, new { venue = "Hijacked hall" }, HttpStatusCode.OK),
        ["DELETE occurrence"] = new("DELETE", "/api/v1/organisations/{org}/activities/{act}/occurrences/2026-12-14", Need.Staff, null, HttpStatusCode.NoContent),
        ["GET shifts"] = new("GET", "/api/v1/organisations/{org}/shifts?from=2026-12-01&to=2026-12-31", Need.Member, null, HttpStatusCode.OK),
        ["GET filling-policy"] = new("GET", "/api/v1/organisations/{org}/filling-policy", Need.Member, null, HttpStatusCode.OK),
        ["PUT filling-policy"] = new("PUT", "/api/v1/organisations/{org}/filling-policy", Need.Admin, new { weeklyShiftLimit = 1, minRestMinutes = 0 }, HttpStatusCode.OK),
        ["GET substitute-requests"] = new("GET", "/api/v1/organisations/{org}/substitute-requests", Need.Staff, null, HttpStatusCode.OK),
        ["PUT limits"] = new("PUT", "/api/v1/organisations/{org}/members/{vol}/limits", Need.Staff, new { monthlyShiftLimit = 1 }, HttpStatusCode.NoContent),
        ["GET shift-templates"] = new("GET", "/api/v1/organisations/{org}/shift-templates", Need.Staff, null, HttpStatusCode.OK),
        ["POST shift-templates"] = new("POST", "/api/v1/organisations/{org}/shift-templates", Need.Staff, ScheduleWorld.TemplateBody("{prog}", "Hijack template"), HttpStatusCode.Created),
        ["POST generate"] = new("POST", "/api/v1/organisations/{org}/shift-templates/{tpl}/generate", Need.Staff, new { month = "2027-01" }, HttpStatusCode.Created),
        ["GET availability"] = new("GET", "/api/v1/me/availability?org={org}", Need.Member, null, HttpStatusCode.OK),
        ["PUT availability"] = new("PUT", "/api/v1/me/availability?org={org}", Need.Member,
            new { weekly = new[] { new { dayOfWeek = "Monday", from = "09:00", to = "12:00" } }, exceptions = Array.Empty<object>() }, HttpStatusCode.OK),
    };

    public static readonly string[] Callers = ["admin", "volunteer", "outsider", "anonymous"];

    public static TheoryData<string, string> ApiMatrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var e in Endpoints.Keys)
        {
            foreach (var c in Callers)
            {
                data.Add(e, c);
            }
        }

        return data;
    }

    public static readonly IReadOnlyDictionary<string, Need> Pages = new Dictionary<string, Need>
    {
        ["/o/{org}"] = Need.Member,
        ["/o/{org}/members"] = Need.Staff,
        ["/o/{org}/members/{vol}"] = Need.Staff,
        ["/o/{org}/invitations"] = Need.Staff,
        ["/o/{org}/programmes"] = Need.Staff,
        ["/o/{org}/settings"] = Need.Admin,
        ["/o/{org}/audit"] = Need.Admin,
        ["/o/{org}/shifts/{shift}"] = Need.Member,
        ["/o/{org}/calendar"] = Need.Staff,
        ["/o/{org}/board"] = Need.Staff,
        ["/o/{org}/gaps"] = Need.Staff,
        ["/o/{org}/substitutes"] = Need.Staff,
        ["/o/{org}/activities"] = Need.Staff,
        ["/o/{org}/activities/new"] = Need.Staff,
        ["/o/{org}/activities/{act}"] = Need.Staff,
        ["/o/{org}/activities/{act}/edit?date=2026-12-14&scope=this"] = Need.Staff,
        ["/o/{org}/activity-types"] = Need.Staff,
        ["/o/{org}/templates"] = Need.Staff,
        ["/me/availability?org={org}"] = Need.Member,
    };

    public static TheoryData<string, string> PageMatrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var p in Pages.Keys)
        {
            foreach (var c in Callers)
            {
                data.Add(p, c);
            }
        }

        return data;
    }

    /// <summary>TestOrg A with its people, an outsider (admin of org B) and an open invitation; shared by the refused-caller cases of one app.</summary>
    private sealed record World(TestOrg A, string InvitationId, Api Outsider, string OutsiderSlug, ScheduleWorld Schedule);

    private static readonly ConcurrentDictionary<KaifongApp, Lazy<Task<World>>> Worlds = new();

    private Task<World> SharedWorldAsync() => Worlds.GetOrAdd(app, a => new Lazy<Task<World>>(() => NewWorldAsync(a))).Value;

    private static async Task<World> NewWorldAsync(KaifongApp app)
    {
        var a = await TestOrg.CreateAsync(app);
        await a.Admin.InviteAsync(a.Slug, maxUses: 3);
        var invitations = await a.Admin.GetJsonAsync($"/api/v1/organisations/{a.Slug}/invitations");
        var invitationId = invitations.AsArray()[0]!["id"]!.GetValue<string>();
        var outsider = await Api.RegisterAsync(app, Unique.Email("outsider"));
        var outsiderSlug = await outsider.CreateOrganisationAsync();
        return new World(a, invitationId, outsider, outsiderSlug, await ScheduleWorld.CreateAsync(a));
    }

    private static string Fill(string template, TestOrg org, string invitationId, ScheduleWorld schedule) => template
        .Replace("{org}", org.Slug, StringComparison.Ordinal)
        .Replace("{prog}", schedule.ProgrammeId, StringComparison.Ordinal)
        .Replace("{act}", schedule.ActivityId, StringComparison.Ordinal)
        .Replace("{shift}", schedule.ShiftId, StringComparison.Ordinal)
        .Replace("{tpl}", schedule.TemplateId, StringComparison.Ordinal)
        .Replace("{vol}", org.VolunteerMembershipId, StringComparison.Ordinal)
        .Replace("{app}", org.ApplicantMembershipId, StringComparison.Ordinal)
        .Replace("{inv}", invitationId, StringComparison.Ordinal);

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, object? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "PUT" or "POST" or "PATCH")
        {
            request.Content = body is string text ? new StringContent(text, System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body ?? new { });
        }

        return client.SendAsync(request);
    }

    /// <summary>What admin A sees of org A: compared before and after refused writes.</summary>
    private static async Task<string> SnapshotAsync(TestOrg org)
    {
        var parts = new List<string>();
        foreach (var url in new[] { "", "/pics", "/programmes", "/invitations", "/members", "/activity-types", "/shift-templates", "/shifts?from=2026-12-01&to=2027-01-31", "/filling-policy" })
        {
            parts.Add((await org.Admin.GetJsonAsync($"/api/v1/organisations/{org.Slug}{url}")).ToJsonString());
        }

        return string.Join("\n", parts);
    }

    [Theory]
    [MemberData(nameof(ApiMatrix))]
    public async Task Api_answers_each_caller_as_the_contract_says(string endpointName, string caller)
    {
        var endpoint = Endpoints[endpointName];
        if (caller == "admin")
        {
            // Admin writes really change things: a fresh organisation of its own.
            var own = await TestOrg.CreateAsync(app);
            await own.Admin.InviteAsync(own.Slug);
            var invitationId = (await own.Admin.GetJsonAsync($"/api/v1/organisations/{own.Slug}/invitations")).AsArray()[0]!["id"]!.GetValue<string>();
            var schedule = await ScheduleWorld.CreateAsync(own);
            var ok = await SendAsync(own.Admin.Http, endpoint.Method, Fill(endpoint.Path, own, invitationId, schedule), Body(endpoint, schedule));
            Assert.True(endpoint.AdminStatus == ok.StatusCode, $"{endpointName} as admin: {(int)ok.StatusCode} {await ok.Content.ReadAsStringAsync()}");
            return;
        }

        var world = await SharedWorldAsync();
        var url = Fill(endpoint.Path, world.A, world.InvitationId, world.Schedule);
        var before = await SnapshotAsync(world.A);
        var client = caller switch
        {
            "volunteer" => world.A.Volunteer.Http,
            "outsider" => world.Outsider.Http,
            _ => Api.Anonymous(app, "en"),
        };

        var response = await SendAsync(client, endpoint.Method, url, Body(endpoint, world.Schedule));
        switch (caller)
        {
            case "anonymous":
                await Api.AssertProblem(response, HttpStatusCode.Unauthorized, "unauthorized");
                break;
            case "outsider":
                await Api.AssertProblem(response, HttpStatusCode.NotFound, "not_found");
                break;
            case "volunteer" when endpoint.Need == Need.Member:
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{endpointName} as volunteer: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                break;
            case "volunteer":
                await Api.AssertProblem(response, HttpStatusCode.Forbidden, "forbidden");
                break;
        }

        if (endpoint.IsWrite)
        {
            Assert.Equal(before, await SnapshotAsync(world.A));
        }
    }

    [Theory]
    [MemberData(nameof(PageMatrix))]
    public async Task Pages_answer_each_caller_as_the_contract_says(string pageTemplate, string caller)
    {
        var need = Pages[pageTemplate];
        var world = await SharedWorldAsync();
        var url = Fill(pageTemplate, world.A, world.InvitationId, world.Schedule);
        var page = caller switch
        {
            "admin" => await PageClient.SignInAsync(app, world.A.Admin.Email),
            "volunteer" => await PageClient.SignInAsync(app, world.A.Volunteer.Email),
            "outsider" => await PageClient.SignInAsync(app, world.Outsider.Email),
            _ => PageClient.Anonymous(app, "en"),
        };

        var response = await page.Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        switch (caller)
        {
            case "anonymous":
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} anonymous: {status}");
                Assert.Equal("/account/login", PathOf(response.Headers.Location!));
                break;
            case "outsider":
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} outsider: {status}");
                Assert.DoesNotContain(world.A.Volunteer.Email, body, StringComparison.OrdinalIgnoreCase);
                break;
            case "volunteer" when need != Need.Member:
                // Forbid() with cookie authentication: a redirect to the access-denied page.
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} volunteer: {status}");
                Assert.Equal("/account/denied", PathOf(response.Headers.Location!));
                break;
            default:
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} {caller}: {status}");
                break;
        }
    }

    /// <summary>The body with the organisation's own ids put in (bodies name {prog} where a programme id goes).</summary>
    private static object? Body(Endpoint endpoint, ScheduleWorld schedule) =>
        endpoint.Body is null ? null : System.Text.Json.JsonSerializer.Serialize(endpoint.Body).Replace("{prog}", schedule.ProgrammeId, StringComparison.Ordinal);

    private static string PathOf(Uri location) =>
        location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];

    [Fact]
    public async Task Outsider_cannot_reach_org_A_through_org_B_with_A_ids()
    {
        var world = await SharedWorldAsync();
        var before = await SnapshotAsync(world.A);
        var b = world.OutsiderSlug;
        var member = world.A.VolunteerMembershipId;
        await Api.AssertProblem(await world.Outsider.GetAsync($"/api/v1/organisations/{b}/members/{member}"), HttpStatusCode.NotFound, "not_found");
        await Api.AssertProblem(await world.Outsider.PostAsync($"/api/v1/organisations/{b}/members/{world.A.ApplicantMembershipId}/approve"), HttpStatusCode.NotFound, "not_found");
        await Api.AssertProblem(await world.Outsider.PutAsync($"/api/v1/organisations/{b}/members/{member}/roles", new { roles = new[] { "Admin" } }), HttpStatusCode.NotFound, "not_found");
        await Api.AssertProblem(await world.Outsider.PutAsync($"/api/v1/organisations/{b}/members/{member}/skills", new { skills = new[] { new { name = "x", verified = true } } }), HttpStatusCode.NotFound, "not_found");
        var revoke = await world.Outsider.Http.DeleteAsync($"/api/v1/organisations/{b}/invitations/{world.InvitationId}");
        await Api.AssertProblem(revoke, HttpStatusCode.NotFound, "not_found");
        Assert.Equal(before, await SnapshotAsync(world.A));
    }

    [Fact]
    public async Task Volunteer_facing_answers_never_carry_contact_details()
    {
        var org = await TestOrg.CreateAsync(app);
        var phone = await org.Applicant.PutAsync("/api/v1/me/profile", new { displayName = "Applicant", language = "en", phone = "91234567", district = "Tsuen Wan" });
        Assert.Equal(HttpStatusCode.OK, phone.StatusCode);
        await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/members/{org.ApplicantMembershipId}/approve");

        var texts = new List<string>();
        foreach (var url in new[] { "", "/pics", "/programmes", "/members", $"/members/{org.ApplicantMembershipId}", "/invitations", "/audit" })
        {
            texts.Add(await (await org.Volunteer.GetAsync($"/api/v1/organisations/{org.Slug}{url}")).Content.ReadAsStringAsync());
        }

        texts.Add(await (await org.Volunteer.GetAsync("/api/v1/me")).Content.ReadAsStringAsync());
        var page = await PageClient.SignInAsync(app, org.Volunteer.Email);
        texts.Add(await (await page.Http.GetAsync($"/o/{org.Slug}")).Content.ReadAsStringAsync());
        foreach (var text in texts)
        {
            Assert.DoesNotContain(org.Admin.Email, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(org.Applicant.Email, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("91234567", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Staff_member_list_shows_contacts_and_audits_each_look()
    {
        var org = await TestOrg.CreateAsync(app);
        var members = (await org.Admin.GetJsonAsync($"/api/v1/organisations/{org.Slug}/members")).AsArray();
        Assert.Equal(3, members.Count);
        var emails = members.Select(m => m!["email"]?.GetValue<string>()).ToList();
        Assert.Contains(org.Volunteer.Email, emails, StringComparer.OrdinalIgnoreCase);
        Assert.Contains(org.Applicant.Email, emails, StringComparer.OrdinalIgnoreCase);
        Assert.Contains(org.Admin.Email, emails, StringComparer.OrdinalIgnoreCase);

        var audit = (await org.Admin.GetJsonAsync($"/api/v1/organisations/{org.Slug}/audit?action=member.contact_viewed")).AsArray();
        Assert.All(audit, e => Assert.Equal("member.contact_viewed", e!["action"]!.GetValue<string>()));
        var subjects = audit.Select(e => e!["subjectUserId"]?.GetValue<string>()).ToHashSet();
        foreach (var m in members)
        {
            Assert.Contains(m!["userId"]!.GetValue<string>(), subjects);
        }
    }

    [Fact]
    public async Task Coordinator_scoped_to_a_programme_sees_its_members_only()
    {
        var org = await TestOrg.CreateAsync(app);
        var slug = org.Slug;
        var p = await org.Admin.CreateProgrammeAsync(slug, "送飯 " + Unique.Id());
        var q = await org.Admin.CreateProgrammeAsync(slug, "探訪 " + Unique.Id());

        var inP = await Api.RegisterAsync(app, Unique.Email("in-p"));
        var inPMembership = await inP.AcceptAsync(await org.Admin.InviteAsync(slug, requiresApproval: false));
        var inQ = await Api.RegisterAsync(app, Unique.Email("in-q"));
        var inQMembership = await inQ.AcceptAsync(await org.Admin.InviteAsync(slug, requiresApproval: false));
        Assert.Equal(HttpStatusCode.OK, (await org.Admin.PutAsync($"/api/v1/organisations/{slug}/members/{inPMembership}/roles", new { roles = new[] { "Volunteer" }, programmeIds = new[] { p } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await org.Admin.PutAsync($"/api/v1/organisations/{slug}/members/{inQMembership}/roles", new { roles = new[] { "Volunteer" }, programmeIds = new[] { q } })).StatusCode);

        var scoped = await org.Admin.PutAsync($"/api/v1/organisations/{slug}/members/{org.VolunteerMembershipId}/roles", new { roles = new[] { "Coordinator" }, programmeIds = new[] { p } });
        Assert.Equal(HttpStatusCode.OK, scoped.StatusCode);
        var coordinator = await Api.LoginAsync(app, org.Volunteer.Email);

        var list = (await coordinator.GetJsonAsync($"/api/v1/organisations/{slug}/members")).AsArray();
        var ids = list.Select(m => m!["membershipId"]!.GetValue<string>()).ToList();
        Assert.Contains(inPMembership, ids);
        Assert.DoesNotContain(inQMembership, ids);
        Assert.DoesNotContain(org.ApplicantMembershipId, ids);
        Assert.All(list, m => Assert.Contains(p, m!["programmeIds"]!.AsArray().Select(x => x!.GetValue<string>())));

        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/v1/organisations/{slug}/members/{inPMembership}")).StatusCode);
        await Api.AssertProblem(await coordinator.GetAsync($"/api/v1/organisations/{slug}/members/{inQMembership}"), HttpStatusCode.NotFound, "not_found");
        await Api.AssertProblem(await coordinator.GetAsync($"/api/v1/organisations/{slug}/members/{org.ApplicantMembershipId}"), HttpStatusCode.NotFound, "not_found");
        await Api.AssertProblem(await coordinator.PutAsync($"/api/v1/organisations/{slug}/members/{inQMembership}/skills", new { skills = new[] { new { name = "x", verified = true } } }), HttpStatusCode.NotFound, "not_found");
        await Api.AssertProblem(await coordinator.PostAsync($"/api/v1/organisations/{slug}/members/{org.ApplicantMembershipId}/approve"), HttpStatusCode.NotFound, "not_found");

        var applicant = await org.Admin.GetJsonAsync($"/api/v1/organisations/{slug}/members/{org.ApplicantMembershipId}");
        Assert.Equal("Pending", applicant["status"]!.GetValue<string>());
        var q2 = await org.Admin.GetJsonAsync($"/api/v1/organisations/{slug}/members/{inQMembership}");
        Assert.Empty(q2["skills"]!.AsArray());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TenancyMatrixTestsOnSqlite(SqliteApp app) : TenancyMatrixTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TenancyMatrixTestsOnPostgres(PostgresApp app) : TenancyMatrixTests(app);

/// <summary>A programme, a weekly activity (Mondays in December 2026) and a shift template in an organisation, made through the API.</summary>
public sealed record ScheduleWorld(string ProgrammeId, string ActivityId, string ShiftId, string TemplateId)
{
    public static object ActivityBody(string programmeId) => new
    {
        title = "Matrix activity", programmeId, start = "2026-12-07T09:00", end = "2026-12-07T12:00", rrule = "FREQ=WEEKLY;BYDAY=MO;COUNT=4",
        shifts = new[] { new { role = "Helper", start = "09:00", end = "12:00", minimum = 1, target = 2, maximum = 2 } },
    };

    public static object TemplateBody(string programmeId, string name) => new
    {
        name, programmeId, days = new[] { "MO", "WE" }, start = "09:00", end = "12:00", role = "Helper", minimum = 1, target = 2, maximum = 2,
    };

    public static async Task<ScheduleWorld> CreateAsync(TestOrg org)
    {
        var programme = await org.Admin.CreateProgrammeAsync(org.Slug, "Matrix " + Unique.Id());
        var activity = await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", ActivityBody(programme)));
        var template = await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/shift-templates", TemplateBody(programme, "Matrix template")));
        return new ScheduleWorld(programme, activity["id"]!.GetValue<string>(), activity["occurrences"]![0]!["shifts"]![0]!["id"]!.GetValue<string>(),
            template["id"]!.GetValue<string>());
    }
}
