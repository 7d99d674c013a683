using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifong.Data;
using Kaifong.Domain.Members;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Tests.Features;

/// <summary>Sign-ups over HTTP against the real database: capacity decided by the database, waitlist, conflicts, privacy.</summary>
public abstract class SignupTests(KaifongApp app)
{
    private static object Shift(string programmeId, string day, int maximum = 2, string[]? skills = null, bool privacyMode = false, string? deadline = null, string start = "09:00", string end = "12:00") =>
        SignupWorld.Shift(programmeId, day, maximum, skills, privacyMode, deadline, start, end);

    private Task<(TestOrg Org, string Programme)> OrgAsync() => SignupWorld.OrgAsync(app);

    private static Task<string> ShiftIdAsync(Api admin, string slug, object body) => SignupWorld.ShiftIdAsync(admin, slug, body);

    private Task<List<Api>> PeopleAsync(string slug, int count) => SignupWorld.PeopleAsync(app, slug, count);

    [Fact]
    public async Task Two_hundred_people_pressing_at_once_for_ten_places_give_ten_assigned_and_the_rest_waitlisted()
    {
        var (org, programme) = await OrgAsync();
        var shiftId = await ShiftIdAsync(org.Admin, org.Slug, Shift(programme, "2026-12-14", maximum: 10));
        var people = await PeopleAsync(org.Slug, 200);

        var answers = await Task.WhenAll(people.Select(p => p.PostAsync($"/api/v1/shifts/{shiftId}/signups")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var statuses = await Task.WhenAll(answers.Select(async a => (await Api.Json(a))["status"]!.GetValue<string>()));
        Assert.Equal(10, statuses.Count(s => s == "Assigned"));
        Assert.Equal(190, statuses.Count(s => s == "Waitlisted"));
        var shift = await app.WithDbAsync(db => db.Shifts.AsNoTracking().SingleAsync(s => s.Id == Guid.Parse(shiftId)));
        Assert.Equal(10, shift.Assigned);
        Assert.Equal(190, shift.Waitlisted);
        Assert.Equal(10, await app.WithDbAsync(db => db.Signups.CountAsync(s => s.ShiftId == shift.Id && s.Status == SignupStatus.Assigned)));
    }

    [Fact]
    public async Task A_double_tap_signs_up_once_and_the_second_answer_is_the_same_signup()
    {
        var (org, programme) = await OrgAsync();
        var shiftId = await ShiftIdAsync(org.Admin, org.Slug, Shift(programme, "2026-12-15"));

        var taps = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => org.Volunteer.PostAsync($"/api/v1/shifts/{shiftId}/signups")));

        var ids = await Task.WhenAll(taps.Select(async t => (await Api.Json(t))["id"]!.GetValue<string>()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, taps.Count(t => t.StatusCode == HttpStatusCode.Created));
        Assert.Equal(1, await app.WithDbAsync(db => db.Shifts.Where(s => s.Id == Guid.Parse(shiftId)).Select(s => s.Assigned).SingleAsync()));
    }

    [Fact]
    public async Task Cancelling_moves_the_first_on_the_waitlist_up_and_tells_them()
    {
        var (org, programme) = await OrgAsync();
        var shiftId = await ShiftIdAsync(org.Admin, org.Slug, Shift(programme, "2026-12-16", maximum: 1));
        var people = await PeopleAsync(org.Slug, 3);
        // The waitlist is first come, first served: a second between each, as there would be between people.
        var first = await Api.Json(await people[0].PostAsync($"/api/v1/shifts/{shiftId}/signups"));
        app.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await Api.Json(await people[1].PostAsync($"/api/v1/shifts/{shiftId}/signups"));
        app.Time.Advance(TimeSpan.FromSeconds(1));
        await people[2].PostAsync($"/api/v1/shifts/{shiftId}/signups");
        Assert.Equal("Waitlisted", second["status"]!.GetValue<string>());

        var cancel = await people[0].Http.DeleteAsync($"/api/v1/signups/{first["id"]}");

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var promoted = await app.WithDbAsync(db => db.Signups.AsNoTracking().SingleAsync(s => s.Id == Guid.Parse(second["id"]!.GetValue<string>())));
        Assert.Equal(SignupStatus.Assigned, promoted.Status);
        Assert.NotNull(promoted.ConfirmBy);
        var shift = await app.WithDbAsync(db => db.Shifts.AsNoTracking().SingleAsync(s => s.Id == Guid.Parse(shiftId)));
        Assert.Equal((1, 1), (shift.Assigned, shift.Waitlisted));
        Assert.Single(await app.WithDbAsync(db => db.Outbox.Where(m => m.Kind == "signup_promoted" && m.Recipient == people[1].Email).ToListAsync()));
        await Api.AssertProblem(await people[0].Http.DeleteAsync($"/api/v1/signups/{first["id"]}"), HttpStatusCode.Conflict, "signup.invalid_move");
    }

    [Fact]
    public async Task Confirming_is_for_the_person_whose_place_it_is()
    {
        var (org, programme) = await OrgAsync();
        var shiftId = await ShiftIdAsync(org.Admin, org.Slug, Shift(programme, "2026-12-17"));
        var mine = await Api.Json(await org.Volunteer.PostAsync($"/api/v1/shifts/{shiftId}/signups"));
        var someoneElse = (await PeopleAsync(org.Slug, 1))[0];

        await Api.AssertProblem(await someoneElse.PostAsync($"/api/v1/signups/{mine["id"]}/confirm"), HttpStatusCode.Forbidden, "signup.not_yours");
        var stranger = await TestOrg.CreateAsync(app);
        await Api.AssertProblem(await stranger.Admin.PostAsync($"/api/v1/signups/{mine["id"]}/confirm"), HttpStatusCode.NotFound, "not_found");
        var confirmed = await org.Volunteer.PostAsync($"/api/v1/signups/{mine["id"]}/confirm");

        Assert.Equal("Confirmed", (await Api.Json(confirmed))["status"]!.GetValue<string>());
        Assert.Equal(1, await app.WithDbAsync(db => db.Shifts.Where(s => s.Id == Guid.Parse(shiftId)).Select(s => s.Confirmed).SingleAsync()));
    }

    [Fact]
    public async Task A_missing_qualification_is_named_and_nothing_is_saved()
    {
        var (org, programme) = await OrgAsync();
        await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activity-types", new { name = "司機班", requiredSkills = new[] { "駕駛執照" } });
        var shiftId = await ShiftIdAsync(org.Admin, org.Slug, Shift(programme, "2026-12-18", skills: ["駕駛執照"]));

        var problem = await Api.AssertProblem(await org.Volunteer.PostAsync($"/api/v1/shifts/{shiftId}/signups"), HttpStatusCode.Forbidden, "signup.not_eligible");

        Assert.Contains("駕駛執照", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Signups.CountAsync(s => s.ShiftId == Guid.Parse(shiftId))));
        await org.Admin.PutAsync($"/api/v1/organisations/{org.Slug}/members/{org.VolunteerMembershipId}/skills",
            new { skills = new[] { new { name = "駕駛執照", verified = true } } });
        Assert.Equal(HttpStatusCode.Created, (await org.Volunteer.PostAsync($"/api/v1/shifts/{shiftId}/signups")).StatusCode);
    }

    [Fact]
    public async Task An_overlap_in_another_organisation_is_a_clash_that_does_not_say_whose()
    {
        var (org, programme) = await OrgAsync();
        var other = await TestOrg.CreateAsync(app);
        var otherProgramme = await other.Admin.CreateProgrammeAsync(other.Slug, "秘密計劃");
        var here = await ShiftIdAsync(org.Admin, org.Slug, Shift(programme, "2026-12-19"));
        var there = await ShiftIdAsync(other.Admin, other.Slug, Shift(otherProgramme, "2026-12-19", start: "10:00", end: "11:00"));
        await org.Volunteer.AcceptAsync(await other.Admin.InviteAsync(other.Slug, requiresApproval: false));
        Assert.Equal(HttpStatusCode.Created, (await org.Volunteer.PostAsync($"/api/v1/shifts/{there}/signups")).StatusCode);

        var problem = await Api.AssertProblem(await org.Volunteer.PostAsync($"/api/v1/shifts/{here}/signups"), HttpStatusCode.Conflict, "signup.overlap");

        Assert.DoesNotContain("秘密計劃", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(other.Slug, problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("another organisation", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clash_names_the_volunteers_own_shift_here_and_only_the_time_of_one_elsewhere()
    {
        var (org, programme) = await OrgAsync();
        var first = await ShiftIdAsync(org.Admin, org.Slug, new
        {
            title = "課後輔導", programmeId = programme, start = "2026-12-21T09:00", end = "2026-12-21T12:00",
            shifts = new[] { new { role = "導師", start = "09:00", end = "12:00", minimum = 1, target = 2, maximum = 2 } },
        });
        var second = await ShiftIdAsync(org.Admin, org.Slug, Shift(programme, "2026-12-21", start: "11:00", end: "13:00"));
        Assert.Equal(HttpStatusCode.Created, (await org.Volunteer.PostAsync($"/api/v1/shifts/{first}/signups")).StatusCode);

        var english = await Api.AssertProblem(await org.Volunteer.PostAsync($"/api/v1/shifts/{second}/signups"), HttpStatusCode.Conflict, "signup.overlap");
        Assert.Contains("課後輔導 (導師)", english["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("09:00–12:00", english["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var chinese = await org.Volunteer.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/shifts/{second}/signups")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { }),
            Headers = { AcceptLanguage = { new System.Net.Http.Headers.StringWithQualityHeaderValue("zh-HK") } },
        });
        Assert.Contains("「課後輔導」（導師）", (await Api.Json(chinese))["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // The coordinator placing her is told there is a clash, not what it is.
        var staff = await Api.AssertProblem(await org.Admin.PostAsync($"/api/v1/shifts/{second}/assignments", new { membershipId = org.VolunteerMembershipId }), HttpStatusCode.Conflict, "signup.overlap");
        Assert.DoesNotContain("課後輔導", staff.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_monthly_limit_stops_a_volunteer_and_a_coordinator_may_override_it_with_a_reason()
    {
        var (org, programme) = await OrgAsync();
        await Api.AssertProblem(await org.Volunteer.PutAsync($"/api/v1/organisations/{org.Slug}/filling-policy", new { monthlyShiftLimit = 1, minRestMinutes = 0 }),
            HttpStatusCode.Forbidden, "forbidden");
        await Api.AssertProblem(await org.Admin.PutAsync($"/api/v1/organisations/{org.Slug}/filling-policy", new { monthlyShiftLimit = 0, minRestMinutes = -5 }),
            HttpStatusCode.BadRequest, "validation");
        Assert.Equal(HttpStatusCode.OK, (await org.Admin.PutAsync($"/api/v1/organisations/{org.Slug}/filling-policy", new { monthlyShiftLimit = 1, minRestMinutes = 0 })).StatusCode);
        Assert.Equal(1, (await org.Volunteer.GetJsonAsync($"/api/v1/organisations/{org.Slug}/filling-policy"))["monthlyShiftLimit"]!.GetValue<int>());
        var first = await ShiftIdAsync(org.Admin, org.Slug, Shift(programme, "2026-12-21"));
        var second = await ShiftIdAsync(org.Admin, org.Slug, Shift(programme, "2026-12-22"));
        Assert.Equal(HttpStatusCode.Created, (await org.Volunteer.PostAsync($"/api/v1/shifts/{first}/signups")).StatusCode);

        await Api.AssertProblem(await org.Volunteer.PostAsync($"/api/v1/shifts/{second}/signups"), HttpStatusCode.Conflict, "signup.over_limit");
        await Api.AssertProblem(await org.Admin.PostAsync($"/api/v1/shifts/{second}/assignments", new { membershipId = org.VolunteerMembershipId }),
            HttpStatusCode.BadRequest, "validation");
        var assigned = await org.Admin.PostAsync($"/api/v1/shifts/{second}/assignments", new { membershipId = org.VolunteerMembershipId, reason = "聖誕節人手緊張，本人同意" });

        Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);
        var audit = await org.Admin.GetJsonAsync($"/api/v1/organisations/{org.Slug}/audit?action=signup.assigned_override");
        Assert.Contains(audit.AsArray(), e => e!["detail"]?.GetValue<string>().Contains("聖誕節人手緊張", StringComparison.Ordinal) == true);
        // The audit log names the shift in words, not by its id.
        var detail = audit.AsArray().Select(e => e!["detail"]!.GetValue<string>()).First(d => d.Contains("聖誕節人手緊張", StringComparison.Ordinal));
        Assert.StartsWith("長者送飯 · 送飯 · 2026-12-22 09:00: ", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(second, detail, StringComparison.OrdinalIgnoreCase);
        Assert.Single(await app.WithDbAsync(db => db.Outbox.Where(m => m.Kind == "signup_assigned" && m.Recipient == org.Volunteer.Email).ToListAsync()));
        await Api.AssertProblem(await org.Volunteer.PostAsync($"/api/v1/shifts/{second}/assignments", new { membershipId = org.VolunteerMembershipId, reason = "x" }),
            HttpStatusCode.Forbidden, "forbidden");

        // A person's own limit replaces the organisation's: with 3 a month, a third shift is fine for them.
        var third = await ShiftIdAsync(org.Admin, org.Slug, Shift(programme, "2026-12-28"));
        await Api.AssertProblem(await org.Volunteer.PostAsync($"/api/v1/shifts/{third}/signups"), HttpStatusCode.Conflict, "signup.over_limit");
        Assert.Equal(HttpStatusCode.NoContent,
            (await org.Admin.PutAsync($"/api/v1/organisations/{org.Slug}/members/{org.VolunteerMembershipId}/limits", new { monthlyShiftLimit = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await org.Volunteer.PostAsync($"/api/v1/shifts/{third}/signups")).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_assigns_several_at_once_and_moves_one_to_another_shift()
    {
        var (org, programme) = await OrgAsync();
        var monday = await ShiftIdAsync(org.Admin, org.Slug, Shift(programme, "2026-12-14", maximum: 2));
        var tuesday = await ShiftIdAsync(org.Admin, org.Slug, Shift(programme, "2026-12-15", maximum: 2));
        var people = await PeopleAsync(org.Slug, 3);
        var ids = await app.WithDbAsync(async db =>
        {
            var emails = people.Select(p => p.Email).ToList();
            return await db.Memberships.Where(m => db.Users.Any(u => u.Id == m.UserId && emails.Contains(u.Email!)) && db.Organisations.Any(o => o.Id == m.OrganisationId && o.Slug == org.Slug))
                .Select(m => m.Id).ToListAsync();
        });

        var bulk = (await Api.Json(await org.Admin.PostAsync($"/api/v1/shifts/{monday}/assignments/bulk", new { membershipIds = ids }))).AsArray();

        Assert.Equal(2, bulk.Count(r => r!["signup"] is not null));
        Assert.Equal("signup.full", Assert.Single(bulk, r => r!["signup"] is null)!["code"]!.GetValue<string>());
        var moving = bulk.First(r => r!["signup"] is not null)!["signup"]!["id"]!.GetValue<string>();
        var moved = await org.Admin.PostAsync($"/api/v1/signups/{moving}/move", new { shiftId = tuesday });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var counts = await app.WithDbAsync(db => db.Shifts.Where(s => s.Id == Guid.Parse(monday) || s.Id == Guid.Parse(tuesday)).ToDictionaryAsync(s => s.Id, s => s.Assigned));
        Assert.Equal((1, 1), (counts[Guid.Parse(monday)], counts[Guid.Parse(tuesday)]));
        await Api.AssertProblem(await org.Volunteer.PostAsync($"/api/v1/signups/{moving}/move", new { shiftId = monday }), HttpStatusCode.Forbidden, "signup.not_yours");
        await Api.AssertProblem(await org.Admin.PostAsync($"/api/v1/shifts/{monday}/assignments/bulk", new { membershipIds = Array.Empty<string>() }), HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Past_shifts_and_closed_registration_are_refused()
    {
        var (org, programme) = await OrgAsync();
        var soon = app.Time.GetUtcNow().AddHours(30);
        var hk = TimeZoneInfo.FindSystemTimeZoneById("Asia/Hong_Kong");
        var day = TimeZoneInfo.ConvertTime(soon, hk).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var closing = await ShiftIdAsync(org.Admin, org.Slug, Shift(programme, day, deadline: "P3D", start: "23:00", end: "23:30"));

        await Api.AssertProblem(await org.Volunteer.PostAsync($"/api/v1/shifts/{closing}/signups"), HttpStatusCode.Conflict, "signup.deadline_passed");
        await Api.AssertProblem(await org.Volunteer.PostAsync($"/api/v1/shifts/{Guid.NewGuid()}/signups"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task An_activity_may_set_its_own_confirmation_window_and_go_back_to_the_organisations()
    {
        var (org, programme) = await OrgAsync();
        var body = System.Text.Json.JsonSerializer.SerializeToNode(Shift(programme, "2026-12-29"))!.AsObject();
        body["confirmationHours"] = 0;
        await Api.AssertProblem(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", body), HttpStatusCode.BadRequest, "validation");
        body["confirmationHours"] = 6;
        body["lateCancellationHours"] = 2;
        var created = await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", body));
        var activity = created["id"]!.GetValue<string>();
        var shiftId = created["occurrences"]![0]!["shifts"]![0]!["id"]!.GetValue<string>();
        var read = await org.Admin.GetJsonAsync($"/api/v1/organisations/{org.Slug}/activities/{activity}");
        Assert.Equal((6, 2), (read["confirmationHours"]!.GetValue<int>(), read["lateCancellationHours"]!.GetValue<int>()));

        var signup = await Api.Json(await org.Volunteer.PostAsync($"/api/v1/shifts/{shiftId}/signups"));
        Assert.Equal(app.Time.GetUtcNow().AddHours(6), signup["confirmBy"]!.GetValue<DateTimeOffset>());

        var patch = await org.Admin.Http.PatchAsJsonAsync($"/api/v1/organisations/{org.Slug}/activities/{activity}", new { confirmationHours = -1 });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        read = await org.Admin.GetJsonAsync($"/api/v1/organisations/{org.Slug}/activities/{activity}");
        Assert.Null(read["confirmationHours"]);
        Assert.Equal(2, read["lateCancellationHours"]!.GetValue<int>());
        var peer = (await PeopleAsync(org.Slug, 1))[0];
        var later = await Api.Json(await peer.PostAsync($"/api/v1/shifts/{shiftId}/signups"));
        Assert.Equal(app.Time.GetUtcNow().AddHours(48), later["confirmBy"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task In_privacy_mode_only_the_lead_and_coordinators_see_who_is_on_a_shift()
    {
        var (org, programme) = await OrgAsync();
        var shiftId = await ShiftIdAsync(org.Admin, org.Slug, Shift(programme, "2026-12-23", privacyMode: true));
        var open = await ShiftIdAsync(org.Admin, org.Slug, Shift(programme, "2026-12-24", privacyMode: false));
        await org.Volunteer.PostAsync($"/api/v1/shifts/{shiftId}/signups");
        await org.Volunteer.PostAsync($"/api/v1/shifts/{open}/signups");
        var peer = (await PeopleAsync(org.Slug, 1))[0];

        await Api.AssertProblem(await peer.GetAsync($"/api/v1/shifts/{shiftId}/participants"), HttpStatusCode.Forbidden, "forbidden");
        var names = (await peer.GetJsonAsync($"/api/v1/shifts/{open}/participants")).AsArray();
        Assert.Single(names);
        Assert.Null(names[0]!["email"]);
        var staff = (await org.Admin.GetJsonAsync($"/api/v1/shifts/{shiftId}/participants")).AsArray();
        Assert.Equal(org.Volunteer.Email, staff.Single()!["email"]!.GetValue<string>());
        var stranger = await TestOrg.CreateAsync(app);
        await Api.AssertProblem(await stranger.Admin.GetAsync($"/api/v1/shifts/{shiftId}/participants"), HttpStatusCode.NotFound, "not_found");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SignupTestsOnSqlite(SqliteApp app) : SignupTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SignupTestsOnPostgres(PostgresApp app) : SignupTests(app);
