using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Tests.Features;

/// <summary>The "Scheduling" table of docs/api-contract.md, over HTTP against the real database. Dates are in December 2026 (the clock starts 2026-11-25).</summary>
public abstract class SchedulingTests(KaifongApp app)
{
    private static object Activity(string programmeId, string? rrule = "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12", string start = "2026-12-07T09:00", string end = "2026-12-07T12:00",
        object[]? shifts = null, string title = "長者送飯", string? activityTypeId = null, bool privacyMode = true) => new
    {
        title, programmeId, activityTypeId, venue = "荃灣沙咀道 1 號", district = "Tsuen Wan", start, end, rrule,
        registrationDeadline = "P2D", privacyMode, outdoor = false,
        shifts = shifts ?? [new { role = "司機", start = "09:00", end = "12:00", minimum = 1, target = 2, maximum = 2 }],
    };

    private static async Task<(TestOrg Org, string ProgrammeId)> SetUpAsync(KaifongApp app)
    {
        var org = await TestOrg.CreateAsync(app);
        return (org, await org.Admin.CreateProgrammeAsync(org.Slug, "長者送飯"));
    }

    [Fact]
    public async Task Creating_a_recurring_activity_makes_its_occurrences_with_shifts_in_the_organisations_time()
    {
        var (org, programme) = await SetUpAsync(app);

        var response = await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", Activity(programme));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await Api.Json(response);
        var occurrences = created["occurrences"]!.AsArray();
        Assert.Equal(12, occurrences.Count);
        Assert.Equal("2026-12-07T09:00:00+08:00", occurrences[0]!["start"]!.GetValue<string>());
        Assert.Equal(["2026-12-07", "2026-12-09", "2026-12-11", "2026-12-14"], occurrences.Take(4).Select(o => o!["date"]!.GetValue<string>()));
        var id = created["id"]!.GetValue<string>();
        var activity = await org.Admin.GetJsonAsync($"/api/v1/organisations/{org.Slug}/activities/{id}");
        Assert.Equal("FREQ=WEEKLY;COUNT=12;BYDAY=MO,WE,FR", activity["rrule"]!.GetValue<string>());
        Assert.Equal("司機", activity["shifts"]![0]!["role"]!.GetValue<string>());
        Assert.Equal("P2D", activity["registrationDeadline"]!.GetValue<string>());
        var shift = activity["occurrences"]![0]!["shifts"]![0]!;
        Assert.Equal("Gap", shift["state"]!.GetValue<string>());
        Assert.Equal(0, shift["assigned"]!.GetValue<int>());
    }

    [Fact]
    public async Task Shift_list_has_the_fill_state_and_filters_by_date_programme_and_state()
    {
        var (org, programme) = await SetUpAsync(app);
        var other = await org.Admin.CreateProgrammeAsync(org.Slug, "課後輔導");
        await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", Activity(programme));
        await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", Activity(other, rrule: null, title: "功課班",
            shifts: [new { role = "導師", start = "09:00", end = "12:00", minimum = 0, target = 1, maximum = 3 }]));
        // Two of the first Monday's three places are taken (as sign-ups will do), so it is Filled.
        var firstShift = await app.WithDbAsync(db => db.Shifts.Where(s => s.ProgrammeId == Guid.Parse(programme)).OrderBy(s => s.Start).FirstAsync());
        await app.WithDbAsync(db => db.Shifts.Where(s => s.Id == firstShift.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Assigned, 2)));

        var week = (await org.Admin.GetJsonAsync($"/api/v1/organisations/{org.Slug}/shifts?from=2026-12-07&to=2026-12-13")).AsArray();
        Assert.Equal(4, week.Count); // Mon, Wed, Fri and the one-off
        var first = week.Single(s => s!["id"]!.GetValue<string>() == firstShift.Id.ToString())!;
        Assert.Equal("Full", first["state"]!.GetValue<string>());
        Assert.Equal("Short", week.Single(s => s!["title"]!.GetValue<string>() == "功課班")!["state"]!.GetValue<string>());
        foreach (var field in new[] { "id", "activityId", "title", "role", "start", "end", "minimum", "target", "maximum", "assigned", "confirmed", "waitlisted", "state" })
        {
            Assert.NotNull(first[field]);
        }

        var gaps = (await org.Admin.GetJsonAsync($"/api/v1/organisations/{org.Slug}/shifts?from=2026-12-07&to=2026-12-13&status=Gap")).AsArray();
        Assert.Equal(2, gaps.Count);
        Assert.All(gaps, s => Assert.Equal("Gap", s!["state"]!.GetValue<string>()));
        var byProgramme = (await org.Admin.GetJsonAsync($"/api/v1/organisations/{org.Slug}/shifts?from=2026-12-01&to=2026-12-31&programmeId={other}")).AsArray();
        Assert.Single(byProgramme);
        await Api.AssertProblem(await org.Admin.GetAsync($"/api/v1/organisations/{org.Slug}/shifts?status=Empty"), HttpStatusCode.BadRequest, "validation");
        await Api.AssertProblem(await org.Admin.GetAsync($"/api/v1/organisations/{org.Slug}/shifts?from=2026-12-31&to=2026-12-01"), HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Cancelling_one_occurrence_tells_the_people_on_its_shifts_and_leaves_the_rest()
    {
        var (org, programme) = await SetUpAsync(app);
        var created = await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", Activity(programme)));
        var id = created["id"]!.GetValue<string>();
        var shiftId = Guid.Parse(created["occurrences"]![1]!["shifts"]![0]!["id"]!.GetValue<string>());
        await HoldAsync(shiftId, org.VolunteerMembershipId);

        var response = await org.Admin.Http.DeleteAsync($"/api/v1/organisations/{org.Slug}/activities/{id}/occurrences/2026-12-09");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var activity = await org.Admin.GetJsonAsync($"/api/v1/organisations/{org.Slug}/activities/{id}");
        var occurrences = activity["occurrences"]!.AsArray();
        Assert.True(occurrences.Single(o => o!["date"]!.GetValue<string>() == "2026-12-09")!["cancelled"]!.GetValue<bool>());
        Assert.Equal(11, occurrences.Count(o => !o!["cancelled"]!.GetValue<bool>()));
        var notices = await app.WithDbAsync(db => db.Outbox.Where(m => m.Kind == "shift_cancelled" && m.Recipient == org.Volunteer.Email).ToListAsync());
        var notice = Assert.Single(notices);
        Assert.Contains("長者送飯", notice.Payload, StringComparison.Ordinal);
        var shift = await app.WithDbAsync(db => db.Shifts.SingleAsync(s => s.Id == shiftId));
        Assert.True(shift.Cancelled);
        Assert.Equal(1, shift.Sequence);
        var again = await org.Admin.Http.DeleteAsync($"/api/v1/organisations/{org.Slug}/activities/{id}/occurrences/2026-12-09");
        await Api.AssertProblem(again, HttpStatusCode.Conflict, "occurrence.cancelled");
        await Api.AssertProblem(await org.Admin.Http.DeleteAsync($"/api/v1/organisations/{org.Slug}/activities/{id}/occurrences/2026-12-08"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Moving_this_occurrence_changes_only_it_and_tells_its_people()
    {
        var (org, programme) = await SetUpAsync(app);
        var created = await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", Activity(programme)));
        var id = created["id"]!.GetValue<string>();
        var shiftId = Guid.Parse(created["occurrences"]![0]!["shifts"]![0]!["id"]!.GetValue<string>());
        await HoldAsync(shiftId, org.VolunteerMembershipId);

        var response = await org.Admin.Http.PatchAsJsonAsync($"/api/v1/organisations/{org.Slug}/activities/{id}",
            new { scope = "this", date = "2026-12-07", start = "2026-12-07T10:00", end = "2026-12-07T13:00", venue = "荃灣大會堂" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var occurrences = (await Api.Json(response))["occurrences"]!.AsArray();
        var moved = occurrences[0]!;
        Assert.Equal("2026-12-07T10:00:00+08:00", moved["start"]!.GetValue<string>());
        Assert.Equal("荃灣大會堂", moved["venue"]!.GetValue<string>());
        Assert.True(moved["moved"]!.GetValue<bool>());
        Assert.Equal("2026-12-07T10:00:00+08:00", moved["shifts"]![0]!["start"]!.GetValue<string>());
        Assert.Equal("2026-12-09T09:00:00+08:00", occurrences[1]!["start"]!.GetValue<string>());
        var notice = Assert.Single(await app.WithDbAsync(db => db.Outbox.Where(m => m.Kind == "shift_changed" && m.Recipient == org.Volunteer.Email).ToListAsync()));
        Assert.Contains("荃灣大會堂", notice.Payload, StringComparison.Ordinal);
        await Api.AssertProblem(await org.Admin.Http.PatchAsJsonAsync($"/api/v1/organisations/{org.Slug}/activities/{id}", new { scope = "this", title = "x", date = "2026-12-09" }),
            HttpStatusCode.BadRequest, "validation");
        await Api.AssertProblem(await org.Admin.Http.PatchAsJsonAsync($"/api/v1/organisations/{org.Slug}/activities/{id}", new { scope = "this" }),
            HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task This_and_following_splits_the_series_and_all_changes_every_occurrence_to_come()
    {
        var (org, programme) = await SetUpAsync(app);
        var created = await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", Activity(programme)));
        var id = created["id"]!.GetValue<string>();
        var keptShift = Guid.Parse(created["occurrences"]![6]!["shifts"]![0]!["id"]!.GetValue<string>()); // 2026-12-21

        var split = await org.Admin.Http.PatchAsJsonAsync($"/api/v1/organisations/{org.Slug}/activities/{id}",
            new { scope = "following", date = "2026-12-21", start = "2026-12-21T14:00", end = "2026-12-21T17:00", title = "長者送飯（下午）",
                shifts = new[] { new { role = "司機", start = "14:00", end = "17:00", minimum = 1, target = 3, maximum = 3 } } });

        Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        var second = await Api.Json(split);
        Assert.NotEqual(id, second["id"]!.GetValue<string>());
        Assert.Equal("長者送飯（下午）", second["title"]!.GetValue<string>());
        var secondOccurrences = second["occurrences"]!.AsArray();
        Assert.Equal(6, secondOccurrences.Count); // 21, 23, 25, 28, 30 Dec and 1 Jan: COUNT=12 in all
        Assert.Equal("2026-12-21T14:00:00+08:00", secondOccurrences[0]!["start"]!.GetValue<string>());
        Assert.Equal(keptShift.ToString(), secondOccurrences[0]!["shifts"]![0]!["id"]!.GetValue<string>()); // same shift, so sign-ups stay
        Assert.Equal(3, secondOccurrences[0]!["shifts"]![0]!["maximum"]!.GetValue<int>());
        var first = await org.Admin.GetJsonAsync($"/api/v1/organisations/{org.Slug}/activities/{id}");
        Assert.Equal(6, first["occurrences"]!.AsArray().Count);
        Assert.Equal("2026-12-18", first["lastDate"]!.GetValue<string>());

        var all = await org.Admin.Http.PatchAsJsonAsync($"/api/v1/organisations/{org.Slug}/activities/{id}", new { scope = "all", venue = "荃灣社區中心" });
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.All((await Api.Json(all))["occurrences"]!.AsArray(), o => Assert.Equal("荃灣社區中心", o!["venue"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Bad_activities_are_refused_with_the_field_and_nothing_is_saved()
    {
        var (org, programme) = await SetUpAsync(app);
        var url = $"/api/v1/organisations/{org.Slug}/activities";
        var cases = new (object Body, string Code)[]
        {
            (Activity(programme, rrule: "FREQ=SOMETIMES"), "activity.invalid_rrule"),
            (Activity(programme, rrule: "FREQ=WEEKLY;BYDAY=MO"), "activity.rrule_unbounded"),
            (Activity(programme, rrule: "FREQ=MINUTELY;COUNT=5"), "activity.rrule_too_frequent"),
            (Activity(programme, rrule: "FREQ=DAILY;COUNT=5000"), "activity.rrule_too_long"),
            (Activity(programme, start: "2026-12-07T12:00", end: "2026-12-07T09:00"), "activity.end_before_start"),
            (Activity(programme, start: "2026-11-01T09:00", end: "2026-11-01T12:00", rrule: null), "activity.start_in_past"),
            (Activity(programme, shifts: [new { role = "司機", start = "09:00", end = "12:00", minimum = 3, target = 2, maximum = 4 }]), "shift.invalid_headcount"),
            (Activity(programme, shifts: [new { role = "司機", start = "09:00", end = "12:00", minimum = 1, target = 2, maximum = 1 }]), "shift.invalid_headcount"),
            (Activity(programme, shifts: [new { role = "司機", start = "12:00", end = "09:00", minimum = 1, target = 1, maximum = 1 }]), "shift.end_before_start"),
            (Activity(programme, shifts: [new { role = "司機", start = "09:00", end = "12:00", minimum = 1, target = 1, maximum = 1, requiredSkills = new[] { "駕駛執照" } }]), "shift.unknown_skill"),
            (Activity(Guid.NewGuid().ToString()), "programme.unknown"),
            (Activity(programme, activityTypeId: Guid.NewGuid().ToString()), "activity_type.unknown"),
        };
        var before = await app.WithDbAsync(db => db.Activities.CountAsync());
        foreach (var (body, code) in cases)
        {
            var problem = await Api.AssertProblem(await org.Admin.PostAsync(url, body), HttpStatusCode.BadRequest, code);
            Assert.NotNull(problem["errors"]);
        }

        Assert.Equal(before, await app.WithDbAsync(db => db.Activities.CountAsync()));
        var zh = await Api.LoginAsync(app, org.Admin.Email, "zh-HK");
        var localised = await Api.AssertProblem(await zh.PostAsync(url, Activity(programme, start: "2026-12-07T12:00", end: "2026-12-07T09:00")), HttpStatusCode.BadRequest, "activity.end_before_start");
        Assert.Contains("結束", localised["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_past_occurrence_is_refused()
    {
        var (org, programme) = await SetUpAsync(app);
        // An activity that began before the test clock's "now": made directly, as the API refuses to create one in the past.
        var id = await app.WithDbAsync(async db =>
        {
            var orgId = await db.Organisations.Where(o => o.Slug == org.Slug).Select(o => o.Id).SingleAsync();
            var a = new Activity
            {
                Id = Guid.NewGuid(), OrganisationId = orgId, ProgrammeId = Guid.Parse(programme), Title = "舊活動", StartDate = new DateOnly(2026, 11, 2),
                StartTime = new TimeOnly(9, 0), DurationMinutes = 60, RRule = "FREQ=WEEKLY;COUNT=8", Shifts = [new ShiftDefinition("義工", new(9, 0), new(10, 0), 1, 1, 1, [])],
            };
            db.Activities.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var url = $"/api/v1/organisations/{org.Slug}/activities/{id}";
        await Api.AssertProblem(await org.Admin.Http.PatchAsJsonAsync(url, new { scope = "this", date = "2026-11-16", venue = "x" }), HttpStatusCode.Conflict, "occurrence.past");
        await Api.AssertProblem(await org.Admin.Http.PatchAsJsonAsync(url, new { scope = "following", date = "2026-11-09", venue = "x" }), HttpStatusCode.Conflict, "occurrence.past");
        await Api.AssertProblem(await org.Admin.Http.DeleteAsync($"{url}/occurrences/2026-11-16"), HttpStatusCode.Conflict, "occurrence.past");
    }

    [Fact]
    public async Task Activity_types_and_shift_templates_generate_a_month_of_shifts_in_one_call()
    {
        var (org, programme) = await SetUpAsync(app);
        var type = await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activity-types",
            new { name = "前線服務", requiredSkills = new[] { "駕駛執照" }, form = new[] { new { label = "有冇私家車？", kind = "YesNo", required = true } } }));
        var typeId = type["id"]!.GetValue<string>();
        Assert.Equal("q1", type["form"]![0]!["key"]!.GetValue<string>());
        var template = await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/shift-templates", new
        {
            name = "送飯上午班", programmeId = programme, activityTypeId = typeId, days = new[] { "MO", "TU", "WE", "TH", "FR" },
            start = "09:00", end = "12:00", role = "送飯", minimum = 2, target = 4, maximum = 4, requiredSkills = new[] { "駕駛執照" },
        }));

        // March 2027: a month that has not begun however far other tests move the shared clock.
        var generated = await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/shift-templates/{template["id"]}/generate", new { month = "2027-03" });

        Assert.Equal(HttpStatusCode.Created, generated.StatusCode);
        var occurrences = (await Api.Json(generated))["occurrences"]!.AsArray();
        Assert.Equal(23, occurrences.Count); // the weekdays of March 2027
        Assert.All(occurrences, o => Assert.Equal(4, o!["shifts"]![0]!["target"]!.GetValue<int>()));
        await Api.AssertProblem(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/shift-templates/{template["id"]}/generate", new { month = "2027-03" }),
            HttpStatusCode.Conflict, "shift_template.already_generated");
        await Api.AssertProblem(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/shift-templates/{template["id"]}/generate", new { month = "December" }),
            HttpStatusCode.BadRequest, "validation");
        await Api.AssertProblem(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activity-types", new { name = "前線服務" }), HttpStatusCode.Conflict, "activity_type.name_taken");
    }

    [Fact]
    public async Task Volunteers_see_their_own_and_open_shifts_and_only_those_they_qualify_for()
    {
        var (org, programme) = await SetUpAsync(app);
        await org.Admin.PutAsync($"/api/v1/organisations/{org.Slug}/members/{org.VolunteerMembershipId}/skills",
            new { skills = new[] { new { name = "急救證書", verified = true, expiresOn = "2027-12-31" } } });
        var open = await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", Activity(programme, rrule: null,
            shifts: [new { role = "急救員", start = "09:00", end = "12:00", minimum = 1, target = 1, maximum = 1, requiredSkills = new[] { "急救證書" } }])));
        var mine = await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", Activity(programme, rrule: null, start: "2026-12-08T09:00", end: "2026-12-08T12:00")));
        await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activity-types", new { name = "司機班", requiredSkills = new[] { "駕駛執照" } }));
        await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", Activity(programme, rrule: null, title: "要車牌",
            shifts: [new { role = "司機", start = "09:00", end = "12:00", minimum = 1, target = 1, maximum = 1, requiredSkills = new[] { "駕駛執照" } }]));
        var myShift = Guid.Parse(mine["occurrences"]![0]!["shifts"]![0]!["id"]!.GetValue<string>());
        await HoldAsync(myShift, org.VolunteerMembershipId);

        var openShifts = (await org.Volunteer.GetJsonAsync("/api/v1/me/open-shifts?from=2026-12-01&to=2026-12-31")).AsArray();
        var myShifts = (await org.Volunteer.GetJsonAsync("/api/v1/me/shifts?from=2026-12-01&to=2026-12-31")).AsArray();

        var openIds = openShifts.Select(s => s!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(open["occurrences"]![0]!["shifts"]![0]!["id"]!.GetValue<string>(), openIds);
        Assert.DoesNotContain(myShift.ToString(), openIds); // already theirs
        Assert.DoesNotContain(openShifts, s => s!["title"]!.GetValue<string>() == "要車牌"); // no driving licence
        var own = Assert.Single(myShifts);
        Assert.Equal(myShift.ToString(), own!["id"]!.GetValue<string>());
        Assert.Equal("Assigned", own["myStatus"]!.GetValue<string>());
        Assert.Equal(org.Slug, own["organisation"]!.GetValue<string>());
        Assert.Empty((await org.Applicant.GetJsonAsync("/api/v1/me/open-shifts?from=2026-12-01&to=2026-12-31")).AsArray()); // still pending approval
    }

    [Fact]
    public async Task Personal_calendar_feed_is_valid_icalendar_with_stable_uids_and_can_be_revoked()
    {
        var (org, programme) = await SetUpAsync(app);
        var created = await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", Activity(programme)));
        var id = created["id"]!.GetValue<string>();
        var first = Guid.Parse(created["occurrences"]![0]!["shifts"]![0]!["id"]!.GetValue<string>());
        var second = Guid.Parse(created["occurrences"]![1]!["shifts"]![0]!["id"]!.GetValue<string>());
        await HoldAsync(first, org.VolunteerMembershipId);
        await HoldAsync(second, org.VolunteerMembershipId);
        await org.Admin.Http.DeleteAsync($"/api/v1/organisations/{org.Slug}/activities/{id}/occurrences/2026-12-09");

        var url = (await org.Volunteer.GetJsonAsync("/api/v1/me/calendar-feed"))["url"]!.GetValue<string>();
        Assert.Equal(url, (await org.Volunteer.GetJsonAsync("/api/v1/me/calendar-feed"))["url"]!.GetValue<string>());
        var anonymous = Api.Anonymous(app);
        var feed = await anonymous.GetAsync(new Uri(url).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Asia/Hong_Kong");
        var events = calendar.Events.OrderBy(e => e.DtStart!.Value).ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal($"shift-{first:N}@kaifong", events[0].Uid);
        Assert.Equal("Asia/Hong_Kong", events[0].DtStart!.TzId);
        Assert.Equal(9, events[0].DtStart!.Hour);
        Assert.Equal("CANCELLED", events[1].Status);
        Assert.Equal(1, events[1].Sequence);
        Assert.StartsWith("長者送飯 · 司機", events[0].Summary, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await org.Volunteer.Http.DeleteAsync("/api/v1/me/calendar-feed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(url).PathAndQuery)).StatusCode);
        Assert.NotEqual(url, (await org.Volunteer.GetJsonAsync("/api/v1/me/calendar-feed"))["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_staff_change_the_schedule_and_a_coordinator_only_in_their_programmes()
    {
        var (org, programme) = await SetUpAsync(app);
        var other = await org.Admin.CreateProgrammeAsync(org.Slug, "課後輔導");
        var coordinator = await Api.RegisterAsync(app, Unique.Email("coord"));
        await coordinator.AcceptAsync(await org.Admin.InviteAsync(org.Slug, role: "Coordinator", requiresApproval: false, programmeIds: [other]));
        var url = $"/api/v1/organisations/{org.Slug}/activities";

        await Api.AssertProblem(await org.Volunteer.PostAsync(url, Activity(programme)), HttpStatusCode.Forbidden, "forbidden");
        await Api.AssertProblem(await coordinator.PostAsync(url, Activity(programme)), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync(url, Activity(other))).StatusCode);
        var created = await Api.Json(await org.Admin.PostAsync(url, Activity(programme)));
        await Api.AssertProblem(await coordinator.Http.PatchAsJsonAsync($"{url}/{created["id"]}", new { venue = "x" }), HttpStatusCode.Forbidden, "forbidden");
        var seen = (await coordinator.GetJsonAsync($"/api/v1/organisations/{org.Slug}/shifts?from=2026-12-01&to=2026-12-31")).AsArray();
        Assert.All(seen, s => Assert.Equal(other, s!["programmeId"]!.GetValue<string>()));

        var stranger = await TestOrg.CreateAsync(app);
        await Api.AssertProblem(await stranger.Admin.GetAsync($"{url}/{created["id"]}"), HttpStatusCode.NotFound, "not_found");
        await Api.AssertProblem(await stranger.Admin.PostAsync(url, Activity(programme)), HttpStatusCode.NotFound, "not_found");
        await Api.AssertProblem(await org.Admin.GetAsync($"/api/v1/organisations/{stranger.Slug}/activities/{created["id"]}"), HttpStatusCode.NotFound, "not_found");
    }

    /// <summary>Puts a member on a shift the way the sign-up work will (a row and the place count).</summary>
    private Task HoldAsync(Guid shiftId, string membershipId) => app.WithDbAsync(async db =>
    {
        var m = await db.Memberships.SingleAsync(x => x.Id == Guid.Parse(membershipId));
        db.Signups.Add(new Signup { Id = Guid.NewGuid(), OrganisationId = m.OrganisationId, ShiftId = shiftId, MembershipId = m.Id, UserId = m.UserId, Status = SignupStatus.Assigned });
        await db.SaveChangesAsync();
        return await db.Shifts.Where(s => s.Id == shiftId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Assigned, s => s.Assigned + 1));
    });
}

[Collection(SqliteCollection.Name)]
public sealed class SchedulingTestsOnSqlite(SqliteApp app) : SchedulingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SchedulingTestsOnPostgres(PostgresApp app) : SchedulingTests(app);
