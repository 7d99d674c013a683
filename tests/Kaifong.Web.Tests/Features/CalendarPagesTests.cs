using System.Net;
using System.Text.Json.Nodes;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Tests.Features;

/// <summary>
/// The coordinator's time views: the calendar's JSON (/o/{org}/calendar/events), the calendar, the Gantt board and the
/// gaps list. The clock starts 2026-11-25 10:00 in Hong Kong; other tests may move the shared clock on (at most to early
/// December), so "today" and "this week" are read from it.
/// </summary>
public abstract class CalendarPagesTests(KaifongApp app)
{
    private sealed record Setup(TestOrg Org, string Programme, string ActivityId, PageClient Admin);

    private static object Activity(string programmeId, string title = "長者送飯", string? rrule = "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12",
        string start = "2026-12-07T09:00", string end = "2026-12-07T12:00", string district = "Tsuen Wan", string? activityTypeId = null,
        int minimum = 1, int target = 4, int maximum = 4, string role = "司機") => new
    {
        title, programmeId, activityTypeId, venue = "荃灣沙咀道 1 號", district, start, end, rrule, registrationDeadline = "P2D",
        privacyMode = false, outdoor = false,
        shifts = new[] { new { role, start = start[11..], end = end[11..], minimum, target, maximum } },
    };

    /// <summary>Today in Hong Kong by the app's (shared, fake) clock.</summary>
    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Hong_Kong")).DateTime);

    private async Task<Setup> SetUpAsync()
    {
        var org = await TestOrg.CreateAsync(app);
        var programme = await org.Admin.CreateProgrammeAsync(org.Slug, "長者送飯");
        var created = await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", Activity(programme)));
        return new Setup(org, programme, created["id"]!.GetValue<string>(), await PageClient.SignInAsync(app, org.Admin.Email));
    }

    private static async Task<JsonNode> FeedAsync(PageClient page, string url)
    {
        var response = await page.Http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!;
    }

    private static JsonArray Events(JsonNode feed) => feed["events"]!.AsArray();

    private static string S(JsonNode? node, string field) => node![field]!.GetValue<string>();

    [Fact]
    public async Task Month_json_holds_the_shifts_in_local_time_with_state_label_resources_and_holidays()
    {
        var (org, _, activityId, admin) = await SetUpAsync();
        var first = await app.WithDbAsync(db => db.Shifts.Where(s => s.ActivityId == Guid.Parse(activityId)).OrderBy(s => s.Start).Select(s => s.Id).ToListAsync());
        await app.WithDbAsync(db => db.Shifts.Where(s => s.Id == first[1]).ExecuteUpdateAsync(u => u.SetProperty(s => s.Assigned, 1)));
        var cancel = await org.Admin.Http.DeleteAsync($"/api/v1/organisations/{org.Slug}/activities/{activityId}/occurrences/2026-12-11");
        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);

        // What calendar.js asks for the month view of December: six weeks, end exclusive.
        var feed = await FeedAsync(admin, $"/o/{org.Slug}/calendar/events?start=2026-11-29&end=2027-01-10");

        var events = Events(feed);
        Assert.Equal(12, events.Count); // the cancelled one too
        var monday = events.Single(e => S(e, "id") == first[0].ToString());
        Assert.Equal("2026-12-07T09:00:00", S(monday, "start"));
        Assert.Equal("2026-12-07T12:00:00", S(monday, "end"));
        Assert.Equal("Gap", S(monday, "state"));
        Assert.Equal("Gap 0/4", S(monday, "label"));
        Assert.Equal("長者送飯 · 司機", S(monday, "title"));
        Assert.Equal(activityId, S(monday, "resourceId"));
        Assert.Equal($"/o/{org.Slug}/shifts/{first[0]}", S(monday, "url"));
        var wednesday = events.Single(e => S(e, "id") == first[1].ToString());
        Assert.Equal("Short", S(wednesday, "state"));
        Assert.Equal("Short 1/4", S(wednesday, "label"));
        var friday = events.Single(e => S(e, "id") == first[2].ToString());
        Assert.Equal("Cancelled", S(friday, "state"));
        Assert.Equal("Cancelled", S(friday, "label"));
        var resource = Assert.Single(feed["resources"]!.AsArray());
        Assert.Equal(activityId, S(resource, "id"));
        Assert.Equal("長者送飯", S(resource, "title"));
        var holidays = feed["holidays"]!.AsArray();
        Assert.Contains(holidays, h => S(h, "date") == "2026-12-25" && S(h, "name") == "Christmas Day");
        Assert.Contains(holidays, h => S(h, "date") == "2027-01-01");

        // The end is exclusive; the reader's language names the holidays.
        var one = Events(await FeedAsync(admin, $"/o/{org.Slug}/calendar/events?start=2026-12-07&end=2026-12-09"));
        Assert.Equal([first[0].ToString()], one.Select(e => S(e, "id")));
        var zh = await PageClient.SignInAsync(app, org.Admin.Email);
        await zh.PostFormAsync("/", "/preferences/language", new Dictionary<string, string> { ["language"] = "zh-HK", ["returnUrl"] = "/" });
        var christmas = await FeedAsync(zh, $"/o/{org.Slug}/calendar/events?start=2026-12-21&end=2026-12-28");
        Assert.Contains(christmas["holidays"]!.AsArray(), h => S(h, "name") == "聖誕節");
        Assert.Contains(Events(christmas), e => S(e, "label") == "缺人 0/4");
    }

    [Fact]
    public async Task Json_filters_by_programme_district_type_and_state_and_groups_rows_by_programme()
    {
        var (org, programme, activityId, admin) = await SetUpAsync();
        var other = await org.Admin.CreateProgrammeAsync(org.Slug, "課後輔導");
        var type = await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activity-types", new { name = "培訓工作坊" }));
        var typeId = type["id"]!.GetValue<string>();
        var tutoring = await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities",
            Activity(other, title: "功課班", rrule: null, start: "2026-12-08T16:00", end: "2026-12-08T18:00", district: "Sha Tin", activityTypeId: typeId,
                minimum: 0, target: 1, maximum: 2, role: "導師")));
        var tutoringId = tutoring["id"]!.GetValue<string>();
        var cancel = await org.Admin.Http.DeleteAsync($"/api/v1/organisations/{org.Slug}/activities/{activityId}/occurrences/2026-12-09");
        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        var url = $"/o/{org.Slug}/calendar/events?start=2026-12-06&end=2026-12-13";

        Assert.Equal(4, Events(await FeedAsync(admin, url)).Count); // Mon, Wed (cancelled), Fri, and the one-off on Tuesday
        Assert.All(Events(await FeedAsync(admin, $"{url}&programme={other}")), e => Assert.Equal(tutoringId, S(e, "resourceId")));
        Assert.Single(Events(await FeedAsync(admin, $"{url}&programme={other}")));
        Assert.Equal(tutoringId, S(Assert.Single(Events(await FeedAsync(admin, $"{url}&district=Sha%20Tin"))), "resourceId"));
        Assert.Equal(tutoringId, S(Assert.Single(Events(await FeedAsync(admin, $"{url}&type={typeId}"))), "resourceId"));
        var gaps = Events(await FeedAsync(admin, $"{url}&state=Gap"));
        Assert.Equal(2, gaps.Count);
        Assert.All(gaps, e => Assert.Equal("Gap", S(e, "state")));
        Assert.Equal("Short", S(Assert.Single(Events(await FeedAsync(admin, $"{url}&state=short"))), "state"));
        Assert.Equal("Cancelled", S(Assert.Single(Events(await FeedAsync(admin, $"{url}&state=Cancelled"))), "state"));

        var grouped = await FeedAsync(admin, $"{url}&group=programme");
        Assert.Equal(new[] { programme, other }.Order(), grouped["resources"]!.AsArray().Select(r => S(r, "id")).Order());
        Assert.Contains(grouped["resources"]!.AsArray(), r => S(r, "id") == other && S(r, "title") == "課後輔導");
        Assert.All(Events(grouped), e => Assert.Contains(S(e, "resourceId"), new[] { programme, other }));
    }

    [Fact]
    public async Task Volunteers_get_403_strangers_404_and_coordinators_only_their_programmes()
    {
        var (org, programme, _, _) = await SetUpAsync();
        var other = await org.Admin.CreateProgrammeAsync(org.Slug, "課後輔導");
        await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities",
            Activity(other, title: "功課班", rrule: null, start: "2026-12-08T16:00", end: "2026-12-08T18:00", role: "導師"));
        var coordinator = await Api.RegisterAsync(app, Unique.Email("coord"));
        await coordinator.AcceptAsync(await org.Admin.InviteAsync(org.Slug, role: "Coordinator", requiresApproval: false, programmeIds: [other]));
        var url = $"/o/{org.Slug}/calendar/events?start=2026-12-01&end=2027-01-01";

        var volunteer = await PageClient.SignInAsync(app, org.Volunteer.Email);
        await Api.AssertProblem(await volunteer.Http.GetAsync(url), HttpStatusCode.Forbidden, "forbidden");
        var stranger = await PageClient.SignInAsync(app, (await TestOrg.CreateAsync(app)).Admin.Email);
        await Api.AssertProblem(await stranger.Http.GetAsync(url), HttpStatusCode.NotFound, "not_found");
        var anonymous = await PageClient.Anonymous(app).Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);

        var scoped = await FeedAsync(await PageClient.SignInAsync(app, coordinator.Email), url);
        var only = Assert.Single(Events(scoped));
        Assert.Equal("功課班 · 導師", S(only, "title"));
        Assert.DoesNotContain(Events(scoped), e => S(e, "title").StartsWith("長者送飯", StringComparison.Ordinal));
        Assert.Empty(Events(await FeedAsync(await PageClient.SignInAsync(app, coordinator.Email), $"{url}&programme={programme}")));
    }

    [Theory]
    [InlineData("start=2026-13-01&end=2027-01-01")]
    [InlineData("start=2026-12-01&end=tomorrow")]
    [InlineData("start=2026-12-31&end=2026-12-01")]
    [InlineData("start=2026-12-01&end=2026-12-01")]
    [InlineData("start=2026-01-01&end=2028-01-01")]
    [InlineData("start=0001-01-01&end=0001-01-01")]
    [InlineData("start=2026-12-01&end=2027-01-01&district=Atlantis")]
    [InlineData("start=2026-12-01&end=2027-01-01&state=Empty")]
    [InlineData("start=2026-12-01&end=2027-01-01&programme=not-an-id")]
    public async Task Bad_dates_and_filters_are_400_problems_not_500(string query)
    {
        var (org, _, _, admin) = await SetUpAsync();

        var response = await admin.Http.GetAsync($"/o/{org.Slug}/calendar/events?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]);
    }

    [Theory]
    [InlineData("/o/{org}/calendar", "month")]
    [InlineData("/o/{org}/calendar?view=list&programme={programme}&state=Gap", "list")]
    [InlineData("/o/{org}/calendar?view=nonsense&date=yesterday&state=Empty&district=Atlantis&programme=x", "month")]
    [InlineData("/o/{org}/board", "gantt")]
    [InlineData("/o/{org}/board?group=programme&district=TsuenWan", "gantt")]
    public async Task Calendar_and_board_render_with_labelled_filters_and_the_calendar_element(string template, string view)
    {
        var (org, programme, _, admin) = await SetUpAsync();
        var url = template.Replace("{org}", org.Slug, StringComparison.Ordinal).Replace("{programme}", programme, StringComparison.Ordinal);

        var (response, doc) = await admin.GetPageAsync(url);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        PagesTests.AssertLabelled(doc, url);
        Assert.NotNull(doc.QuerySelector("form[method=get] select[name=programme]"));
        Assert.NotNull(doc.QuerySelector("select[name=district]"));
        Assert.NotNull(doc.QuerySelector("select[name=type]"));
        Assert.NotNull(doc.QuerySelector("select[name=state]"));
        var calendar = doc.QuerySelector("[data-kf-calendar]")!;
        Assert.Equal(view, calendar.GetAttribute("data-view"));
        Assert.Equal("en", calendar.GetAttribute("data-locale"));
        Assert.Equal(Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), calendar.GetAttribute("data-date"));
        Assert.Equal($"/hubs/schedule?org={org.Slug}", calendar.GetAttribute("data-live-hub"));
        var events = calendar.GetAttribute("data-events")!;
        Assert.StartsWith($"/o/{org.Slug}/calendar/events", events, StringComparison.Ordinal);
        Assert.DoesNotContain("Atlantis", events, StringComparison.Ordinal);
        var labels = JsonNode.Parse(calendar.GetAttribute("data-labels")!)!;
        foreach (var key in new[] { "today", "month", "week", "day", "list", "noEvents", "holiday", "Gap", "Short", "Filled", "Full", "Cancelled" })
        {
            Assert.False(string.IsNullOrWhiteSpace(labels[key]?.GetValue<string>()), $"label {key}");
        }

        Assert.Equal("Gap", labels["Gap"]!.GetValue<string>());
        if (url.Contains("state=Gap", StringComparison.Ordinal))
        {
            Assert.Contains($"programme={programme}", events, StringComparison.Ordinal);
            Assert.Contains("state=Gap", events, StringComparison.Ordinal);
            Assert.Equal("Gap", doc.QuerySelector("select[name=state] option[selected]")?.GetAttribute("value"));
        }

        if (url.Contains("group=programme", StringComparison.Ordinal))
        {
            Assert.Contains("group=programme", events, StringComparison.Ordinal);
            Assert.Contains("district=TsuenWan", events, StringComparison.Ordinal);
        }

        // A coordinator's programme feed, to subscribe in a phone's calendar (the only programme, so no need to pick).
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.GetAttribute("href")?.StartsWith("webcal://", StringComparison.Ordinal) == true);
        Assert.Null(doc.QuerySelector("script:not([src])"));
    }

    [Fact]
    public async Task An_organisation_without_activities_says_how_to_make_the_first()
    {
        var org = await TestOrg.CreateAsync(app);
        var admin = await PageClient.SignInAsync(app, org.Admin.Email);

        foreach (var url in new[] { $"/o/{org.Slug}/calendar", $"/o/{org.Slug}/board" })
        {
            var (response, doc) = await admin.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(doc.QuerySelectorAll(".kf-empty a"), a => a.GetAttribute("href") == $"/o/{org.Slug}/activities/new");
        }

        var (gapsResponse, gaps) = await admin.GetPageAsync($"/o/{org.Slug}/gaps");
        Assert.Equal(HttpStatusCode.OK, gapsResponse.StatusCode);
        Assert.Contains("No gaps this week", gaps.QuerySelector(".kf-empty")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gaps_page_lists_this_weeks_gaps_then_shorts_with_text_badges_and_moves_by_week()
    {
        var (org, programme, _, admin) = await SetUpAsync();
        var today = Today();
        var (dinner, visit) = ($"{today.AddDays(2):yyyy-MM-dd}", $"{today.AddDays(3):yyyy-MM-dd}");
        await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities",
            Activity(programme, title: "社區飯局", rrule: null, start: dinner + "T18:00", end: dinner + "T21:00", minimum: 2, target: 3, maximum: 4, role: "廚房"));
        await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities",
            Activity(programme, title: "探訪長者", rrule: null, start: visit + "T10:00", end: visit + "T12:00", minimum: 0, target: 2, maximum: 2, role: "探訪員"));

        var (response, doc) = await admin.GetPageAsync($"/o/{org.Slug}/gaps");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var gap = Assert.Single(doc.QuerySelectorAll("section[aria-labelledby=gaps-gap] li"), li => li.TextContent.Contains("社區飯局", StringComparison.Ordinal));
        Assert.Contains("社區飯局", gap.TextContent, StringComparison.Ordinal);
        Assert.Contains("廚房", gap.TextContent, StringComparison.Ordinal);
        Assert.Contains("18:00–21:00", gap.TextContent, StringComparison.Ordinal);
        Assert.Contains("荃灣沙咀道 1 號", gap.TextContent, StringComparison.Ordinal);
        Assert.Equal("Gap 0/3", gap.QuerySelector(".kf-badge")!.TextContent.Trim());
        var shiftId = await app.WithDbAsync(db => db.Shifts.Where(s => s.Role == "廚房" && s.OrganisationId == db.Organisations.Single(o => o.Slug == org.Slug).Id).Select(s => s.Id).SingleAsync());
        Assert.Equal($"/o/{org.Slug}/shifts/{shiftId}", gap.QuerySelector("a")!.GetAttribute("href"));
        var shortShift = Assert.Single(doc.QuerySelectorAll("section[aria-labelledby=gaps-short] li"), li => li.TextContent.Contains("探訪長者", StringComparison.Ordinal));
        Assert.Equal("Short 0/2", shortShift.QuerySelector(".kf-badge")!.TextContent.Trim());
        var next = doc.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal($"/o/{org.Slug}/gaps?from={today.AddDays(7):yyyy-MM-dd}", next);
        var (_, later) = await admin.GetPageAsync($"/o/{org.Slug}/gaps?from=2026-12-07");
        Assert.Equal(3, later.QuerySelectorAll("section[aria-labelledby=gaps-gap] li").Length); // 7, 9 and 11 December
        var (bad, _) = await admin.GetPageAsync($"/o/{org.Slug}/gaps?from=someday");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var volunteer = await PageClient.SignInAsync(app, org.Volunteer.Email);
        Assert.NotEqual(HttpStatusCode.OK, (await volunteer.Http.GetAsync($"/o/{org.Slug}/gaps")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CalendarPagesTestsOnSqlite(SqliteApp app) : CalendarPagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CalendarPagesTestsOnPostgres(PostgresApp app) : CalendarPagesTests(app);
