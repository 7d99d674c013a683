using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Kaifong.Domain.Signups;
using Kaifong.Web.Features.Availability;
using Kaifong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifong.Web.Tests.Features;

/// <summary>可服務時段 over HTTP: the API (read, replace, refuse, tenancy), the query other features call, and the phone page.</summary>
public abstract class AvailabilityTests(KaifongApp app)
{
    private static readonly TimeZoneInfo HongKong = TimeZoneInfo.FindSystemTimeZoneById("Asia/Hong_Kong");

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Time.GetUtcNow(), HongKong).DateTime);

    private DateOnly NextMonth => new DateOnly(Today.Year, Today.Month, 1).AddMonths(1);

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Url(string slug) => $"/api/v1/me/availability?org={slug}";

    private object Body(params string[] blackouts) => new
    {
        weekly = new object[]
        {
            new { dayOfWeek = "Monday", from = "13:00", to = "18:00" },
            new { dayOfWeek = "Monday", from = "08:00", to = "13:00" },
            new { dayOfWeek = "Saturday", from = "09:30", to = "12:00" },
        },
        exceptions = blackouts.Select(d => (object)new { date = d, available = false })
            .Append(new { date = D(Today.AddDays(4)), from = "18:00", to = "24:00", available = true }).ToArray(),
    };

    private Task<int> RowsAsync(string membershipId) => app.WithDbAsync(async db =>
        await db.AvailabilitySlots.CountAsync(s => s.MembershipId == Guid.Parse(membershipId))
        + await db.AvailabilityExceptions.CountAsync(e => e.MembershipId == Guid.Parse(membershipId)));

    [Fact]
    public async Task Put_then_get_round_trips_the_set_normalised()
    {
        var org = await TestOrg.CreateAsync(app);
        var put = await org.Volunteer.PutAsync(Url(org.Slug), Body(D(Today.AddDays(3))));
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var saved = await Api.Json(put);

        var got = await org.Volunteer.GetJsonAsync(Url(org.Slug));
        Assert.Equal(saved.ToJsonString(), got.ToJsonString());
        var weekly = got["weekly"]!.AsArray();
        Assert.Equal(2, weekly.Count); // Monday's two touching windows are one
        Assert.Equal(("Monday", "08:00", "18:00"), (weekly[0]!["dayOfWeek"]!.GetValue<string>(), weekly[0]!["from"]!.GetValue<string>(), weekly[0]!["to"]!.GetValue<string>()));
        Assert.Equal(("Saturday", "09:30", "12:00"), (weekly[1]!["dayOfWeek"]!.GetValue<string>(), weekly[1]!["from"]!.GetValue<string>(), weekly[1]!["to"]!.GetValue<string>()));
        var exceptions = got["exceptions"]!.AsArray();
        Assert.Equal(2, exceptions.Count);
        Assert.Equal(D(Today.AddDays(3)), exceptions[0]!["date"]!.GetValue<string>());
        Assert.False(exceptions[0]!["available"]!.GetValue<bool>());
        Assert.Null(exceptions[0]!["from"]);
        Assert.Equal("24:00", exceptions[1]!["to"]!.GetValue<string>());
        Assert.Equal(4, await RowsAsync(org.VolunteerMembershipId));
    }

    [Fact]
    public async Task Put_replaces_everything_from_today_on_and_an_empty_set_clears()
    {
        var org = await TestOrg.CreateAsync(app);
        await org.Volunteer.PutAsync(Url(org.Slug), Body(D(Today.AddDays(3)), D(Today.AddDays(5))));
        var second = new { weekly = new[] { new { dayOfWeek = "TU", from = "19:00", to = "21:00" } }, exceptions = new[] { new { date = D(Today.AddDays(6)), available = true } } };
        Assert.Equal(HttpStatusCode.OK, (await org.Volunteer.PutAsync(Url(org.Slug), second)).StatusCode);

        var got = await org.Volunteer.GetJsonAsync(Url(org.Slug));
        Assert.Equal("Tuesday", Assert.Single(got["weekly"]!.AsArray())!["dayOfWeek"]!.GetValue<string>());
        Assert.Equal(D(Today.AddDays(6)), Assert.Single(got["exceptions"]!.AsArray())!["date"]!.GetValue<string>());
        Assert.Equal(2, await RowsAsync(org.VolunteerMembershipId));

        Assert.Equal(HttpStatusCode.OK, (await org.Volunteer.PutAsync(Url(org.Slug), new { weekly = Array.Empty<object>(), exceptions = Array.Empty<object>() })).StatusCode);
        Assert.Equal(0, await RowsAsync(org.VolunteerMembershipId));
    }

    [Fact]
    public async Task Past_exceptions_are_history_neither_shown_nor_replaced()
    {
        var org = await TestOrg.CreateAsync(app);
        var membership = Guid.Parse(org.VolunteerMembershipId);
        await app.WithDbAsync(async db =>
        {
            var m = await db.Memberships.SingleAsync(x => x.Id == membership);
            db.AvailabilityExceptions.Add(new AvailabilityException { Id = Guid.NewGuid(), OrganisationId = m.OrganisationId, MembershipId = m.Id, Date = Today.AddDays(-2), Available = false });
            return await db.SaveChangesAsync();
        });

        Assert.Empty((await org.Volunteer.GetJsonAsync(Url(org.Slug)))["exceptions"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await org.Volunteer.PutAsync(Url(org.Slug), Body())).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AvailabilityExceptions.AnyAsync(e => e.MembershipId == membership && e.Date == Today.AddDays(-2))));
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_in_the_readers_language_and_nothing_is_saved()
    {
        var org = await TestOrg.CreateAsync(app);
        await org.Volunteer.PutAsync(Url(org.Slug), Body(D(Today.AddDays(3))));
        var before = (await org.Volunteer.GetJsonAsync(Url(org.Slug))).ToJsonString();
        var zh = await Api.LoginAsync(app, org.Volunteer.Email, "zh-HK");

        var response = await zh.PutAsync(Url(org.Slug), new
        {
            weekly = new object[] { new { dayOfWeek = "Monday", from = "09:00", to = "12:00" }, new { dayOfWeek = "Funday", from = "13:00", to = "12:00" } },
            exceptions = new object[] { new { date = D(Today.AddDays(-1)), available = false }, new { date = D(Today.AddYears(2)), available = false }, new { date = "tomorrow", from = "09:07", to = "10:00", available = true } },
        });

        var problem = await Api.AssertProblem(response, HttpStatusCode.BadRequest, "availability.invalid_day");
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(
            new[] { "weekly[1].dayOfWeek", "weekly[1].to", "exceptions[0].date", "exceptions[1].date", "exceptions[2].date", "exceptions[2].from" }.Order(),
            errors.Select(e => e.Key).Order());
        Assert.Contains("完結時間", errors["weekly[1].to"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("已過", errors["exceptions[0].date"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, (await org.Volunteer.GetJsonAsync(Url(org.Slug))).ToJsonString());

        var overlap = await org.Volunteer.PutAsync(Url(org.Slug), new
        {
            weekly = Array.Empty<object>(),
            exceptions = new object[] { new { date = D(Today.AddDays(3)), available = true }, new { date = D(Today.AddDays(3)), from = "09:00", to = "10:00", available = false } },
        });
        var conflict = await Api.AssertProblem(overlap, HttpStatusCode.BadRequest, "availability.conflict");
        Assert.Contains(D(Today.AddDays(3)), conflict["errors"]!["exceptions[1]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var missing = await Api.AssertProblem(await org.Volunteer.PutAsync(Url(org.Slug), new { weekly = Array.Empty<object>() }), HttpStatusCode.BadRequest, "validation");
        Assert.NotNull(missing["errors"]!["exceptions"]);
        Assert.Equal(before, (await org.Volunteer.GetJsonAsync(Url(org.Slug))).ToJsonString());
    }

    [Fact]
    public async Task Another_organisation_a_pending_membership_or_no_org_is_refused()
    {
        var org = await TestOrg.CreateAsync(app);
        var other = await TestOrg.CreateAsync(app);
        await Api.AssertProblem(await org.Volunteer.GetAsync(Url(other.Slug)), HttpStatusCode.NotFound, "not_found");
        await Api.AssertProblem(await org.Volunteer.PutAsync(Url(other.Slug), Body()), HttpStatusCode.NotFound, "not_found");
        await Api.AssertProblem(await org.Volunteer.GetAsync(Url("no-such-org-" + Unique.Id())), HttpStatusCode.NotFound, "not_found");
        await Api.AssertProblem(await org.Applicant.PutAsync(Url(org.Slug), Body()), HttpStatusCode.NotFound, "not_found");
        var noOrg = await Api.AssertProblem(await org.Volunteer.GetAsync("/api/v1/me/availability"), HttpStatusCode.BadRequest, "validation");
        Assert.NotNull(noOrg["errors"]!["org"]);
        Assert.Equal(0, await RowsAsync(org.ApplicantMembershipId));
        Assert.Equal(0, await app.WithDbAsync(db => db.AvailabilitySlots.CountAsync(s => s.MembershipId == Guid.Parse(other.VolunteerMembershipId))));
    }

    [Fact]
    public async Task Not_signed_in_is_401()
    {
        var org = await TestOrg.CreateAsync(app);
        var anonymous = Api.Anonymous(app, "en");
        await Api.AssertProblem(await anonymous.GetAsync(Url(org.Slug)), HttpStatusCode.Unauthorized, "unauthorized");
        await Api.AssertProblem(await anonymous.PutAsync(Url(org.Slug), System.Net.Http.Json.JsonContent.Create(Body())), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_availability_calls()
    {
        var doc = JsonNode.Parse(await Api.Anonymous(app).GetStringAsync("/openapi/v1.json"))!;
        var path = doc["paths"]!["/api/v1/me/availability"] ?? doc["paths"]!["/api/v1/me/availability/"];
        Assert.NotNull(path?["get"]);
        Assert.NotNull(path?["put"]);
    }

    [Fact]
    public async Task Replacements_at_the_same_time_leave_one_whole_set()
    {
        var org = await TestOrg.CreateAsync(app);
        var days = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" };
        var responses = await Task.WhenAll(days.Select((day, i) => org.Volunteer.PutAsync(Url(org.Slug), new
        {
            weekly = new[] { new { dayOfWeek = day, from = "09:00", to = "12:00" }, new { dayOfWeek = day, from = "14:00", to = "16:00" } },
            exceptions = Enumerable.Range(1, i + 1).Select(n => new { date = D(Today.AddDays(n)), available = false }).ToArray(),
        })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var got = await org.Volunteer.GetJsonAsync(Url(org.Slug));
        var weekly = got["weekly"]!.AsArray();
        Assert.Equal(2, weekly.Count);
        var winner = Array.IndexOf(days, weekly[0]!["dayOfWeek"]!.GetValue<string>());
        Assert.Equal(days[winner], weekly[1]!["dayOfWeek"]!.GetValue<string>());
        Assert.Equal(winner + 1, got["exceptions"]!.AsArray().Count);
        Assert.Equal(2 + winner + 1, await RowsAsync(org.VolunteerMembershipId));
    }

    [Fact]
    public async Task The_query_says_who_can_serve_a_shift()
    {
        var org = await TestOrg.CreateAsync(app);
        var monday = Today.AddDays(7);
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }

        var blackout = monday.AddDays(7);
        Assert.Equal(HttpStatusCode.OK, (await org.Volunteer.PutAsync(Url(org.Slug), Body(D(blackout)))).StatusCode);
        var admin = await org.Admin.GetJsonAsync("/api/v1/me");
        var adminMembership = Guid.Parse(admin["memberships"]![0]!["id"]!.GetValue<string>());
        var orgId = Guid.Parse(admin["memberships"]![0]!["organisation"]!["id"]!.GetValue<string>());
        var volunteer = Guid.Parse(org.VolunteerMembershipId);

        async Task<IReadOnlyDictionary<Guid, bool?>> AskAsync(DateOnly date, int from, int to)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AvailabilityQueries>()
                .ForShiftAsync(orgId, date.ToDateTime(new TimeOnly(from, 0)), date.ToDateTime(new TimeOnly(to, 0)), CancellationToken.None);
        }

        var shift = await AskAsync(monday, 12, 14);
        Assert.True(shift[volunteer]); // across the merged morning and afternoon
        Assert.Null(shift[adminMembership]);
        Assert.False(shift.ContainsKey(Guid.Parse(org.ApplicantMembershipId))); // pending: not a member yet
        Assert.False((await AskAsync(blackout, 9, 12))[volunteer]);
        Assert.False((await AskAsync(monday, 17, 19))[volunteer]);
        Assert.False((await AskAsync(monday.AddDays(1), 9, 12))[volunteer]);
        Assert.True((await AskAsync(Today.AddDays(4), 19, 22))[volunteer]); // the dated evening

        // Blackout days alone say nothing about the other days.
        Assert.Equal(HttpStatusCode.OK, (await org.Admin.PutAsync(Url(org.Slug), new { weekly = Array.Empty<object>(), exceptions = new[] { new { date = D(blackout), available = false } } })).StatusCode);
        Assert.False((await AskAsync(blackout, 9, 12))[adminMembership]);
        Assert.Null((await AskAsync(monday, 9, 12))[adminMembership]);
    }

    // The page.

    private static async Task<HttpResponseMessage> PostPageAsync(PageClient page, string slug, IEnumerable<(string Key, string Value)> fields)
    {
        var token = await page.TokenAsync($"/me/availability?org={slug}");
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token));
        return await page.Http.PostAsync($"/me/availability?org={slug}", new FormUrlEncodedContent(all));
    }

    [Fact]
    public async Task The_page_shows_labelled_toggles_and_next_month_and_saves_through_the_form()
    {
        var org = await TestOrg.CreateAsync(app);
        var page = await PageClient.SignInAsync(app, org.Volunteer.Email);
        var (response, doc) = await page.GetPageAsync("/me/availability");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PagesTests.AssertLabelled(doc, "/me/availability");
        Assert.Equal(21, doc.QuerySelectorAll("input[type=checkbox][name=Parts]").Length);
        var days = doc.QuerySelectorAll("button[name=Cycle]");
        Assert.Equal(NextMonth.AddMonths(1).DayNumber - NextMonth.DayNumber, days.Length);
        Assert.Equal(D(NextMonth), days[0].GetAttribute("value"));
        Assert.Null(doc.QuerySelector("select#org")); // one organisation: no switcher

        var first = NextMonth.AddDays(2);
        var second = NextMonth.AddDays(9);
        var save = await PostPageAsync(page, org.Slug,
        [
            ("Parts", "Monday.Morning"), ("Parts", "Monday.Afternoon"), ("Parts", "Friday.Evening"),
            ($"Days[{D(first)}]", "off"), ($"Days[{D(second)}]", "off"), ($"Days[{D(NextMonth.AddDays(3))}]", "on"), ($"Days[{D(NextMonth.AddDays(4))}]", "usual"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal($"/me/availability?org={org.Slug}", save.Headers.Location!.OriginalString);

        var got = await org.Volunteer.GetJsonAsync(Url(org.Slug));
        Assert.Equal(
            ["Monday 08:00–18:00", "Friday 18:00–22:00"],
            got["weekly"]!.AsArray().Select(w => $"{w!["dayOfWeek"]} {w["from"]}–{w["to"]}"));
        Assert.Equal(
            [$"{D(first)} False", $"{D(NextMonth.AddDays(3))} True", $"{D(second)} False"],
            got["exceptions"]!.AsArray().Select(e => $"{e!["date"]} {e["available"]!.GetValue<bool>()}"));

        var (_, after) = await page.GetPageAsync(save.Headers.Location!.OriginalString);
        Assert.Contains("Your availability is saved.", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(after.QuerySelector("#p-Monday-Morning[checked]"));
        Assert.Null(after.QuerySelector("#p-Tuesday-Morning[checked]"));
        Assert.Equal("off", after.QuerySelector($"button[value='{D(first)}']")!.GetAttribute("data-state"));
        Assert.Equal("on", after.QuerySelector($"button[value='{D(NextMonth.AddDays(3))}']")!.GetAttribute("data-state"));
    }

    [Fact]
    public async Task Without_javascript_a_tap_cycles_a_day_unsaved()
    {
        var org = await TestOrg.CreateAsync(app);
        await org.Volunteer.PutAsync("/api/v1/me/profile", new { displayName = "陳婆婆", language = "zh-HK" });
        var page = await PageClient.SignInAsync(app, org.Volunteer.Email, language: "zh-HK");
        var day = D(NextMonth.AddDays(5));

        var tap = await PostPageAsync(page, org.Slug, [("Parts", "Sunday.Morning"), ("Cycle", day), ($"Days[{day}]", "usual")]);
        Assert.Equal(HttpStatusCode.OK, tap.StatusCode);
        var doc = PageClient.Parse(await tap.Content.ReadAsStringAsync());
        Assert.Equal("off", doc.QuerySelector($"button[value='{day}']")!.GetAttribute("data-state"));
        Assert.Equal("off", doc.QuerySelector($"input[name='Days[{day}]']")!.GetAttribute("value"));
        Assert.Contains("不可服務", doc.QuerySelector($"button[value='{day}']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#p-Sunday-Morning[checked]"));
        Assert.Equal(0, await RowsAsync(org.VolunteerMembershipId));

        var again = PageClient.Parse(await (await PostPageAsync(page, org.Slug, [("Cycle", day), ($"Days[{day}]", "off")])).Content.ReadAsStringAsync());
        Assert.Equal("on", again.QuerySelector($"button[value='{day}']")!.GetAttribute("data-state"));
        Assert.Contains("全日可以", again.QuerySelector($"button[value='{day}']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_keeps_what_it_does_not_show()
    {
        var org = await TestOrg.CreateAsync(app);
        var later = NextMonth.AddMonths(1).AddDays(1);
        var custom = NextMonth.AddDays(6);
        await org.Volunteer.PutAsync(Url(org.Slug), new
        {
            weekly = new[] { new { dayOfWeek = "Tuesday", from = "07:00", to = "13:00" }, new { dayOfWeek = "Wednesday", from = "10:00", to = "11:30" } },
            exceptions = new object[] { new { date = D(later), available = false }, new { date = D(custom), from = "10:00", to = "12:00", available = true } },
        });
        var page = await PageClient.SignInAsync(app, org.Volunteer.Email);
        var (_, doc) = await page.GetPageAsync($"/me/availability?org={org.Slug}");
        Assert.NotNull(doc.QuerySelector("#p-Tuesday-Morning[checked]"));
        var extras = doc.QuerySelectorAll("input[name=Extras]").Select(e => e.GetAttribute("value") ?? "").ToArray();
        Assert.Equal(["Tuesday|07:00|08:00", "Wednesday|10:00|11:30"], extras);
        Assert.Equal("custom", doc.QuerySelector($"button[value='{D(custom)}']")!.GetAttribute("data-state"));

        // Saved as shown, but with the Wednesday hours unticked.
        var save = await PostPageAsync(page, org.Slug, [("Parts", "Tuesday.Morning"), ("Extras", "Tuesday|07:00|08:00"), ($"Days[{D(custom)}]", "custom")]);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var got = await org.Volunteer.GetJsonAsync(Url(org.Slug));
        Assert.Equal(["Tuesday 07:00–13:00"], got["weekly"]!.AsArray().Select(w => $"{w!["dayOfWeek"]} {w["from"]}–{w["to"]}"));
        Assert.Equal([$"{D(custom)} 10:00", $"{D(later)} "], got["exceptions"]!.AsArray().Select(e => $"{e!["date"]} {e["from"]}"));
    }

    [Fact]
    public async Task The_page_switches_organisations_and_answers_404_for_someone_elses()
    {
        var org = await TestOrg.CreateAsync(app);
        var second = await TestOrg.CreateAsync(app);
        await org.Volunteer.AcceptAsync(await second.Admin.InviteAsync(second.Slug, requiresApproval: false));
        await org.Volunteer.PutAsync(Url(second.Slug), new { weekly = new[] { new { dayOfWeek = "Sunday", from = "18:00", to = "22:00" } }, exceptions = Array.Empty<object>() });
        var page = await PageClient.SignInAsync(app, org.Volunteer.Email);

        var (_, doc) = await page.GetPageAsync($"/me/availability?org={second.Slug}");
        PagesTests.AssertLabelled(doc, "/me/availability");
        Assert.Equal(2, doc.QuerySelectorAll("select#org option").Length);
        Assert.Equal(second.Slug, doc.QuerySelector("select#org option[selected]")!.GetAttribute("value"));
        Assert.NotNull(doc.QuerySelector("#p-Sunday-Evening[checked]"));
        var (_, first) = await page.GetPageAsync($"/me/availability?org={org.Slug}");
        Assert.Null(first.QuerySelector("#p-Sunday-Evening[checked]"));

        var outsider = await TestOrg.CreateAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await page.Http.GetAsync($"/me/availability?org={outsider.Slug}")).StatusCode);
        var (shifts, myShifts) = await page.GetPageAsync("/me/shifts");
        Assert.Equal(HttpStatusCode.OK, shifts.StatusCode);
        Assert.NotNull(myShifts.QuerySelector("a[href='/me/availability']"));
    }

    [Fact]
    public async Task Someone_in_no_organisation_is_told_what_to_do()
    {
        var lone = await Api.RegisterAsync(app, Unique.Email("lone"));
        var page = await PageClient.SignInAsync(app, lone.Email);
        var (response, doc) = await page.GetPageAsync("/me/availability");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(doc.QuerySelector(".kf-empty"));
        Assert.Null(doc.QuerySelector("form.kf-avail"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AvailabilityTestsOnSqlite(SqliteApp app) : AvailabilityTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AvailabilityTestsOnPostgres(PostgresApp app) : AvailabilityTests(app);
