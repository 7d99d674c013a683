using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Kaifong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Tests.Features;

/// <summary>Every body-taking endpoint fed garbage: never a 5xx, always a problem with a code, and a refused request changes nothing.</summary>
public abstract class HostileInputTests(KaifongApp app)
{
    private const string Script = "<script>alert(1)</script>";
    private const string Sql = "'; DROP TABLE \"Organisations\"; --";
    private static readonly string Huge = new('x', 100 * 1024);

    /// <summary>The people and places one endpoint's case needs.</summary>
    private sealed record Ctx(TestOrg Org, Guid OrgId, Api Other, string Token, ScheduleWorld Schedule);

    /// <summary>An endpoint with a valid body to start from; each case replaces one field (a JSON path) with something hostile.</summary>
    private sealed record Target(string Method, Func<Ctx, string> Url, Func<Ctx, HttpClient> Client, Func<Ctx, JsonObject> Valid, string[] Fields);

    private static HttpClient Anon(KaifongApp app) => Api.Anonymous(app, "en");

    private Dictionary<string, Target> Targets() => new()
    {
        ["register"] = new("POST", _ => "/api/v1/auth/register", _ => Anon(app),
            _ => new JsonObject { ["email"] = Unique.Email("hostile"), ["password"] = Api.Password, ["displayName"] = "Hostile", ["language"] = "en" },
            ["email", "password", "displayName", "language"]),
        ["login"] = new("POST", _ => "/api/v1/auth/login", _ => Anon(app),
            _ => new JsonObject { ["email"] = Unique.Email("nobody"), ["password"] = Api.Password, ["twoFactorCode"] = "123456" },
            ["email", "password", "twoFactorCode", "twoFactorRecoveryCode"]),
        ["refresh"] = new("POST", _ => "/api/v1/auth/refresh", _ => Anon(app), _ => new JsonObject { ["refreshToken"] = "abc" }, ["refreshToken"]),
        ["forgot-password"] = new("POST", _ => "/api/v1/auth/forgot-password", _ => Anon(app), _ => new JsonObject { ["email"] = Unique.Email("nobody") }, ["email"]),
        ["reset-password"] = new("POST", _ => "/api/v1/auth/reset-password", _ => Anon(app),
            _ => new JsonObject { ["email"] = Unique.Email("nobody"), ["resetCode"] = "abc", ["newPassword"] = Api.Password },
            ["email", "resetCode", "newPassword"]),
        ["magic-link"] = new("POST", _ => "/api/v1/auth/magic-link", _ => Anon(app), _ => new JsonObject { ["email"] = Unique.Email("nobody") }, ["email"]),
        ["2fa"] = new("POST", _ => "/api/v1/auth/2fa", c => c.Other.Http,
            _ => new JsonObject { ["enable"] = false, ["twoFactorCode"] = "123456", ["resetSharedKey"] = false, ["resetRecoveryCodes"] = false, ["currentPassword"] = Api.Password },
            ["enable", "twoFactorCode", "resetSharedKey", "resetRecoveryCodes", "currentPassword"]),
        ["me/profile"] = new("PUT", _ => "/api/v1/me/profile", c => c.Other.Http,
            _ => new JsonObject { ["displayName"] = "Other", ["language"] = "en", ["phone"] = "91234567", ["district"] = "Tsuen Wan", ["skills"] = new JsonArray("急救") },
            ["displayName", "language", "phone", "district", "skills", "skills[0]"]),
        ["organisations"] = new("POST", _ => "/api/v1/organisations", c => c.Other.Http,
            _ => new JsonObject { ["name"] = "Hostile centre", ["slug"] = Unique.Slug(), ["timeZone"] = "Asia/Hong_Kong", ["defaultLanguage"] = "zh-HK" },
            ["name", "slug", "timeZone", "defaultLanguage"]),
        ["organisation"] = new("PUT", c => $"/api/v1/organisations/{c.Org.Slug}", c => c.Org.Admin.Http,
            _ => new JsonObject { ["name"] = "Renamed", ["timeZone"] = "Asia/Hong_Kong", ["defaultLanguage"] = "en" },
            ["name", "timeZone", "defaultLanguage"]),
        ["pics"] = new("PUT", c => $"/api/v1/organisations/{c.Org.Slug}/pics", c => c.Org.Admin.Http,
            _ => new JsonObject { ["language"] = "zh-HK", ["text"] = "我們只收集所需資料。" }, ["language", "text"]),
        ["programmes"] = new("POST", c => $"/api/v1/organisations/{c.Org.Slug}/programmes", c => c.Org.Admin.Http,
            _ => new JsonObject { ["name"] = "Programme " + Unique.Id() }, ["name"]),
        ["invitations"] = new("POST", c => $"/api/v1/organisations/{c.Org.Slug}/invitations", c => c.Org.Admin.Http,
            _ => new JsonObject { ["role"] = "Volunteer", ["programmeIds"] = new JsonArray(), ["requiresApproval"] = true, ["maxUses"] = 3 },
            ["role", "programmeIds", "requiresApproval", "expiresAt", "maxUses"]),
        ["accept"] = new("POST", c => $"/api/v1/invitations/{c.Token}/accept", c => c.Other.Http, _ => new JsonObject(), ["anything"]),
        ["roles"] = new("PUT", c => $"/api/v1/organisations/{c.Org.Slug}/members/{c.Org.VolunteerMembershipId}/roles", c => c.Org.Admin.Http,
            _ => new JsonObject { ["roles"] = new JsonArray("Volunteer"), ["programmeIds"] = new JsonArray() },
            ["roles", "roles[0]", "programmeIds"]),
        ["skills"] = new("PUT", c => $"/api/v1/organisations/{c.Org.Slug}/members/{c.Org.VolunteerMembershipId}/skills", c => c.Org.Admin.Http,
            _ => new JsonObject { ["skills"] = new JsonArray(new JsonObject { ["name"] = "急救", ["verified"] = true, ["expiresOn"] = "2027-06-30" }) },
            ["skills", "skills[0]", "skills[0].name", "skills[0].verified", "skills[0].expiresOn"]),
        ["activity-types"] = new("POST", c => $"/api/v1/organisations/{c.Org.Slug}/activity-types", c => c.Org.Admin.Http,
            _ => new JsonObject
            {
                ["name"] = "Type " + Unique.Id(), ["requiredSkills"] = new JsonArray("急救"),
                ["form"] = new JsonArray(new JsonObject { ["label"] = "T-shirt size", ["kind"] = "Choice", ["required"] = true, ["choices"] = new JsonArray("S", "M") }),
            },
            ["name", "requiredSkills", "requiredSkills[0]", "form", "form[0]", "form[0].label", "form[0].kind", "form[0].required", "form[0].choices"]),
        ["activities"] = new("POST", c => $"/api/v1/organisations/{c.Org.Slug}/activities", c => c.Org.Admin.Http,
            c => new JsonObject
            {
                ["title"] = "Hostile activity", ["programmeId"] = c.Schedule.ProgrammeId, ["venue"] = "Hall", ["district"] = "Tsuen Wan",
                ["start"] = "2026-12-08T09:00", ["end"] = "2026-12-08T12:00", ["rrule"] = "FREQ=WEEKLY;COUNT=2", ["registrationDeadline"] = "P1D",
                ["privacyMode"] = true, ["outdoor"] = false, ["notes"] = "Bring water",
                ["shifts"] = new JsonArray(new JsonObject
                {
                    ["role"] = "Helper", ["start"] = "09:00", ["end"] = "12:00", ["minimum"] = 1, ["target"] = 2, ["maximum"] = 3, ["requiredSkills"] = new JsonArray(),
                }),
            },
            ["title", "programmeId", "activityTypeId", "venue", "district", "start", "end", "rrule", "registrationDeadline", "privacyMode", "outdoor",
             "leadMembershipId", "notes", "shifts", "shifts[0]", "shifts[0].role", "shifts[0].start", "shifts[0].end", "shifts[0].minimum",
             "shifts[0].target", "shifts[0].maximum", "shifts[0].requiredSkills"]),
        ["activity"] = new("PATCH", c => $"/api/v1/organisations/{c.Org.Slug}/activities/{c.Schedule.ActivityId}", c => c.Org.Admin.Http,
            _ => new JsonObject { ["scope"] = "following", ["date"] = "2026-12-14", ["venue"] = "Other hall" },
            ["scope", "date", "title", "start", "end", "rrule", "venue", "district", "registrationDeadline", "shifts", "programmeId", "leadMembershipId"]),
        ["shift-templates"] = new("POST", c => $"/api/v1/organisations/{c.Org.Slug}/shift-templates", c => c.Org.Admin.Http,
            c => new JsonObject
            {
                ["name"] = "Template " + Unique.Id(), ["programmeId"] = c.Schedule.ProgrammeId, ["days"] = new JsonArray("MO", "FR"), ["start"] = "09:00",
                ["end"] = "12:00", ["role"] = "Helper", ["minimum"] = 1, ["target"] = 2, ["maximum"] = 2,
            },
            ["name", "programmeId", "days", "days[0]", "start", "end", "role", "minimum", "target", "maximum", "requiredSkills", "district"]),
        ["signups"] = new("POST", c => $"/api/v1/shifts/{c.Schedule.ShiftId}/signups", c => c.Org.Volunteer.Http,
            _ => new JsonObject { ["answers"] = new JsonObject { ["q1"] = "M" } }, ["answers", "answers.q1"]),
        ["assignments"] = new("POST", c => $"/api/v1/shifts/{c.Schedule.ShiftId}/assignments", c => c.Org.Admin.Http,
            c => new JsonObject { ["membershipId"] = c.Org.VolunteerMembershipId, ["reason"] = "short-handed" }, ["membershipId", "reason"]),
        ["generate"] = new("POST", c => $"/api/v1/organisations/{c.Org.Slug}/shift-templates/{c.Schedule.TemplateId}/generate", c => c.Org.Admin.Http,
            _ => new JsonObject { ["month"] = "2027-02" }, ["month"]),
        ["me/availability"] = new("PUT", c => $"/api/v1/me/availability?org={c.Org.Slug}", c => c.Org.Volunteer.Http,
            _ => new JsonObject
            {
                ["weekly"] = new JsonArray(new JsonObject { ["dayOfWeek"] = "Monday", ["from"] = "09:00", ["to"] = "12:00" }),
                ["exceptions"] = new JsonArray(new JsonObject
                {
                    ["date"] = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["from"] = "14:00", ["to"] = "18:00", ["available"] = false,
                }),
            },
            ["weekly", "weekly[0]", "weekly[0].dayOfWeek", "weekly[0].from", "weekly[0].to", "exceptions", "exceptions[0]", "exceptions[0].date",
             "exceptions[0].from", "exceptions[0].to", "exceptions[0].available"]),
    };

    public static TheoryData<string> EndpointNames() =>
        ["register", "login", "refresh", "forgot-password", "reset-password", "magic-link", "2fa", "me/profile", "organisations", "organisation", "pics", "programmes", "invitations", "accept", "roles", "skills",
         "activity-types", "activities", "activity", "shift-templates", "generate", "signups", "assignments", "me/availability"];

    private static readonly Func<JsonNode?>[] HostileValues =
    [
        () => JsonValue.Create(Huge),
        () => JsonValue.Create(Script),
        () => JsonValue.Create(Sql),
        () => JsonValue.Create(12345),
        () => JsonValue.Create(-1.5e300),
        () => JsonValue.Create(true),
        () => new JsonArray(1, "two", null),
        () => new JsonObject { ["a"] = new JsonObject { ["b"] = 1 } },
        () => null,
        () => JsonValue.Create(""),
    ];

    private static readonly string[] RawBodies =
    [
        "{\"email\": ",
        "not json at all",
        "{\"a\":1,}",
        "[]",
        "[{}]",
        "42",
        "\"just a string\"",
        "null",
        "{}",
        "",
        "{\"name\":\"\\ud800\"}",
        new string('[', 5000) + new string(']', 5000),
    ];

    private static void Replace(JsonObject root, string path, JsonNode? value)
    {
        JsonNode node = root;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var last = i == parts.Length - 1;
            if (bracket < 0)
            {
                if (last)
                {
                    node.AsObject()[part] = value;
                    return;
                }

                node = node[part]!;
                continue;
            }

            var name = part[..bracket];
            var index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            var array = node[name]!.AsArray();
            if (last)
            {
                array[index] = value;
                return;
            }

            node = array[index]!;
        }
    }

    /// <summary>What a refused request must not change.</summary>
    private async Task<string> ObserveAsync(Ctx c)
    {
        // Only what this case can touch: other tests share the database.
        var orgId = c.OrgId;
        var counts = await app.WithDbAsync(async db =>
            $"{await db.Organisations.CountAsync(o => !db.Memberships.Any(m => m.OrganisationId == o.Id))} "
            + $"{await db.Programmes.CountAsync(p => p.OrganisationId == orgId)} {await db.Invitations.CountAsync(i => i.OrganisationId == orgId)} "
            + $"{await db.Memberships.CountAsync(m => m.OrganisationId == orgId)} {await db.MemberSkills.CountAsync(m => m.OrganisationId == orgId)} "
            + $"{await db.ActivityTypes.CountAsync(t => t.OrganisationId == orgId)} {await db.Activities.CountAsync(a => a.OrganisationId == orgId)} "
            + $"{await db.Occurrences.CountAsync(o => o.OrganisationId == orgId)} {await db.Shifts.CountAsync(s => s.OrganisationId == orgId)} "
            + $"{await db.ShiftTemplates.CountAsync(t => t.OrganisationId == orgId)} "
            + $"{await db.Signups.CountAsync(s => s.OrganisationId == orgId && s.Status != Kaifong.Domain.Scheduling.SignupStatus.Cancelled)} "
            + $"{await db.Shifts.Where(s => s.OrganisationId == orgId).SumAsync(s => s.Assigned + s.Waitlisted)} "
            + $"{await db.AvailabilitySlots.CountAsync(a => a.OrganisationId == orgId)} {await db.AvailabilityExceptions.CountAsync(a => a.OrganisationId == orgId)}");
        var activity = await c.Org.Admin.GetJsonAsync($"/api/v1/organisations/{c.Org.Slug}/activities/{c.Schedule.ActivityId}");
        var org = await c.Org.Admin.GetJsonAsync($"/api/v1/organisations/{c.Org.Slug}");
        var pics = await c.Org.Admin.GetJsonAsync($"/api/v1/organisations/{c.Org.Slug}/pics");
        var member = await app.WithDbAsync(async db =>
        {
            var m = await db.Memberships.AsNoTracking().Include(x => x.Programmes).FirstAsync(x => x.Id == Guid.Parse(c.Org.VolunteerMembershipId));
            return $"{m.Roles} {m.Status} {m.Programmes.Count}";
        });
        var me = await c.Other.GetJsonAsync("/api/v1/me");
        return string.Join("\n", counts, org.ToJsonString(), pics.ToJsonString(), member, me.ToJsonString(), activity.ToJsonString());
    }

    private static async Task AssertSaneAsync(HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{what}: {status} {text[..Math.Min(text.Length, 500)]}");
        if (status >= 400)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: {status} as {response.Content.Headers.ContentType} {text[..Math.Min(text.Length, 300)]}");
            var code = JsonNode.Parse(text)?["code"]?.GetValue<string>();
            Assert.False(string.IsNullOrEmpty(code), $"{what}: problem without a code: {text[..Math.Min(text.Length, 300)]}");
        }
    }

    private async Task<Ctx> NewCtxAsync()
    {
        var org = await TestOrg.CreateAsync(app);
        var other = await Api.RegisterAsync(app, Unique.Email("other"));
        var token = await org.Admin.InviteAsync(org.Slug, maxUses: 50);
        var orgId = Guid.Parse((await org.Admin.GetJsonAsync($"/api/v1/organisations/{org.Slug}"))["id"]!.GetValue<string>());
        return new Ctx(org, orgId, other, token, await ScheduleWorld.CreateAsync(org));
    }

    [Theory]
    [MemberData(nameof(EndpointNames))]
    public async Task Hostile_bodies_never_crash_and_refused_ones_change_nothing(string endpoint)
    {
        var target = Targets()[endpoint];
        var c = await NewCtxAsync();
        var client = target.Client(c);
        var url = target.Url(c);

        async Task SendAsync(HttpContent content, string what, string? email = null)
        {
            var before = await ObserveAsync(c);
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(target.Method), url) { Content = content });
            await AssertSaneAsync(response, $"{endpoint} {what}");
            if ((int)response.StatusCode >= 400)
            {
                var after = await ObserveAsync(c);
                Assert.True(before == after, $"{endpoint} {what}: refused ({(int)response.StatusCode}) but something changed:\n{before}\n---\n{after}");
                if (endpoint == "register" && email is { Length: > 0 and < 300 })
                {
                    var normalised = email.ToUpperInvariant();
                    Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == normalised)), $"{endpoint} {what}: refused but the account exists");
                }
            }
        }

        foreach (var raw in RawBodies)
        {
            await SendAsync(new StringContent(raw, Encoding.UTF8, "application/json"), $"raw body '{raw[..Math.Min(raw.Length, 20)]}'");
        }

        await SendAsync(new StringContent("email=a@b.c", Encoding.UTF8, "application/x-www-form-urlencoded"), "form body");
        await SendAsync(new StringContent(Script, Encoding.UTF8, "text/html"), "html body");

        foreach (var field in target.Fields)
        {
            foreach (var hostile in HostileValues)
            {
                var body = target.Valid(c);
                var value = hostile();
                Replace(body, field, value);
                var email = body["email"] is JsonValue v && v.TryGetValue<string>(out var e) ? e : null;
                await SendAsync(JsonContent.Create(body), $"{field} = {value?.ToJsonString()[..Math.Min(value.ToJsonString().Length, 30)] ?? "null"}", email);
            }
        }
    }

    [Fact]
    public async Task Hostile_invitation_tokens_answer_problems()
    {
        var other = await Api.RegisterAsync(app, Unique.Email("other"));
        foreach (var token in new[] { Script, Sql, new string('a', 5000), "..%2f..%2fetc", "%00", "null" })
        {
            var escaped = Uri.EscapeDataString(token);
            await AssertSaneAsync(await other.PostAsync($"/api/v1/invitations/{escaped}/accept"), $"accept {token[..Math.Min(20, token.Length)]}");
            await AssertSaneAsync(await Anon(app).GetAsync($"/api/v1/invitations/{escaped}"), $"preview {token[..Math.Min(20, token.Length)]}");
            var page = await app.Browser().GetAsync($"/invite/{escaped}");
            Assert.True((int)page.StatusCode < 500, $"/invite/{token[..Math.Min(20, token.Length)]}: {(int)page.StatusCode}");
        }
    }

    [Fact]
    public async Task Invalid_phone_and_unknown_district_are_refused_field_by_field_and_nothing_is_saved()
    {
        var api = await Api.RegisterAsync(app, Unique.Email("profile"));
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync("/api/v1/me/profile", new { displayName = "Before", language = "en", phone = "91234567", district = "Sha Tin" })).StatusCode);
        var before = (await api.GetJsonAsync("/api/v1/me")).ToJsonString();

        var phone = await Api.AssertProblem(await api.PutAsync("/api/v1/me/profile", new { displayName = "After", language = "en", phone = "12", district = "Sha Tin" }), HttpStatusCode.BadRequest, "profile.invalid_phone");
        Assert.NotNull(phone["errors"]!["phone"]);
        var district = await Api.AssertProblem(await api.PutAsync("/api/v1/me/profile", new { displayName = "After", language = "en", district = "Atlantis" }), HttpStatusCode.BadRequest, "profile.unknown_district");
        Assert.NotNull(district["errors"]!["district"]);
        var both = await Api.Json(await api.PutAsync("/api/v1/me/profile", new { displayName = "After", language = "xx", phone = "abc", district = "Atlantis" }));
        Assert.NotNull(both["errors"]!["phone"]);
        Assert.NotNull(both["errors"]!["district"]);
        Assert.NotNull(both["errors"]!["language"]);

        Assert.Equal(before, (await api.GetJsonAsync("/api/v1/me")).ToJsonString());
    }

    [Fact]
    public async Task Duplicate_slug_is_409_and_creates_nothing()
    {
        var admin = await Api.RegisterAsync(app, Unique.Email("admin"));
        var slug = await admin.CreateOrganisationAsync();
        var other = await Api.RegisterAsync(app, Unique.Email("other"));
        var name = "Copycat " + Unique.Id();
        await Api.AssertProblem(await other.PostAsync("/api/v1/organisations", new { name, slug }), HttpStatusCode.Conflict, "organisation.slug_taken");
        await Api.AssertProblem(await other.PostAsync("/api/v1/organisations", new { name, slug = slug.ToUpperInvariant() }), HttpStatusCode.Conflict, "organisation.slug_taken");
        Assert.Equal(0, await app.WithDbAsync(db => db.Organisations.CountAsync(o => o.Name == name)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Organisations.CountAsync(o => o.Slug == slug)));
        var me = await other.GetJsonAsync("/api/v1/me");
        Assert.Empty(me["memberships"]!.AsArray());
    }

    [Fact]
    public async Task Expired_invitation_is_410()
    {
        var admin = await Api.RegisterAsync(app, Unique.Email("admin"));
        var slug = await admin.CreateOrganisationAsync();
        var response = await admin.PostAsync($"/api/v1/organisations/{slug}/invitations", new { role = "Volunteer", expiresAt = app.Time.GetUtcNow().AddHours(1) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var token = (await Api.Json(response))["token"]!.GetValue<string>();

        app.Time.Advance(TimeSpan.FromHours(2));
        var late = await Api.RegisterAsync(app, Unique.Email("late"));
        await Api.AssertProblem(await late.PostAsync($"/api/v1/invitations/{token}/accept"), HttpStatusCode.Gone, "invitation.expired");
        var me = await late.GetJsonAsync("/api/v1/me");
        Assert.Empty(me["memberships"]!.AsArray());
    }

    [Fact]
    public async Task Used_up_invitation_is_410_for_the_next_person()
    {
        var admin = await Api.RegisterAsync(app, Unique.Email("admin"));
        var slug = await admin.CreateOrganisationAsync();
        var token = await admin.InviteAsync(slug, maxUses: 1);
        var first = await Api.RegisterAsync(app, Unique.Email("first"));
        await first.AcceptAsync(token);
        var second = await Api.RegisterAsync(app, Unique.Email("second"));
        await Api.AssertProblem(await second.PostAsync($"/api/v1/invitations/{token}/accept"), HttpStatusCode.Gone, "invitation.used_up");
        Assert.Empty((await second.GetJsonAsync("/api/v1/me"))["memberships"]!.AsArray());
    }

    [Fact]
    public async Task Weak_password_is_400_with_a_password_error_and_no_account()
    {
        var email = Unique.Email("weak");
        var response = await Anon(app).PostAsJsonAsync("/api/v1/auth/register", new { email, password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Api.Json(response);
        Assert.False(string.IsNullOrEmpty(problem["code"]?.GetValue<string>()));
        Assert.NotNull(problem["errors"]!["password"]);
        var repeated = await Anon(app).PostAsJsonAsync("/api/v1/auth/register", new { email, password = "aaaaaaaaaaaa" });
        Assert.NotNull((await Api.Json(repeated))["errors"]!["password"]);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant())));
    }

    [Fact]
    public async Task Script_in_a_display_name_is_escaped_on_the_members_page()
    {
        var org = await TestOrg.CreateAsync(app);
        var put = await org.Volunteer.PutAsync("/api/v1/me/profile", new { displayName = Script, language = "en" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var page = await PageClient.SignInAsync(app, org.Admin.Email);
        foreach (var url in new[] { $"/o/{org.Slug}/members", $"/o/{org.Slug}/members/{org.VolunteerMembershipId}" })
        {
            var response = await page.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert(1)", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HostileInputTestsOnSqlite(SqliteApp app) : HostileInputTests(app);

[Collection(PostgresCollection.Name)]
public sealed class HostileInputTestsOnPostgres(PostgresApp app) : HostileInputTests(app);
