using System.Net;
using System.Text.Json.Nodes;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Tests.Features;

/// <summary>The volunteer's pages (my shifts, find shifts, a shift, the calendar subscription) and live updates, as a browser gets them.</summary>
public abstract class VolunteerPagesTests(KaifongApp app)
{
    private async Task<(TestOrg Org, string ProgrammeId, JsonNode Activity)> SetUpAsync()
    {
        var org = await TestOrg.CreateAsync(app);
        var programme = await org.Admin.CreateProgrammeAsync(org.Slug, "長者送飯");
        var activity = await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", new
        {
            title = "長者送飯", programmeId = programme, venue = "荃灣沙咀道", district = "Tsuen Wan", start = "2026-12-07T09:00", end = "2026-12-07T12:00",
            rrule = "FREQ=WEEKLY;BYDAY=MO;COUNT=3", privacyMode = true,
            shifts = new[] { new { role = "司機", start = "09:00", end = "12:00", minimum = 1, target = 2, maximum = 2 } },
        }));
        return (org, programme, activity);
    }

    private static string ShiftId(JsonNode activity, int occurrence) => activity["occurrences"]![occurrence]!["shifts"]![0]!["id"]!.GetValue<string>();

    private Task HoldAsync(string shiftId, string membershipId) => app.WithDbAsync(async db =>
    {
        var m = await db.Memberships.SingleAsync(x => x.Id == Guid.Parse(membershipId));
        db.Signups.Add(new Signup { Id = Guid.NewGuid(), OrganisationId = m.OrganisationId, ShiftId = Guid.Parse(shiftId), MembershipId = m.Id, UserId = m.UserId, Status = SignupStatus.Assigned });
        await db.SaveChangesAsync();
        return await db.Shifts.Where(s => s.Id == Guid.Parse(shiftId)).ExecuteUpdateAsync(u => u.SetProperty(s => s.Assigned, s => s.Assigned + 1));
    });

    [Fact]
    public async Task My_shifts_shows_my_shift_with_its_status_and_a_countdown_in_my_language()
    {
        var (org, _, activity) = await SetUpAsync();
        await HoldAsync(ShiftId(activity, 0), org.VolunteerMembershipId);
        await org.Volunteer.PutAsync("/api/v1/me/profile", new { displayName = "陳大文", language = "zh-HK" });
        var page = await PageClient.SignInAsync(app, org.Volunteer.Email, language: "en"); // the profile's language wins over the browser's

        var (response, doc) = await page.GetPageAsync("/me/shifts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = doc.Body!.TextContent;
        Assert.Contains("長者送飯 · 司機", text, StringComparison.Ordinal);
        Assert.Contains("待確認出席", text, StringComparison.Ordinal);
        Assert.Contains("還有", text, StringComparison.Ordinal); // countdown to the next shift
        Assert.NotNull(doc.QuerySelector($"a[href='/o/{org.Slug}/shifts/{ShiftId(activity, 0)}']"));
    }

    [Fact]
    public async Task A_pending_applicant_sees_that_the_application_waits_not_that_there_are_no_shifts()
    {
        var org = await TestOrg.CreateAsync(app);
        var name = (await org.Admin.GetJsonAsync($"/api/v1/organisations/{org.Slug}"))["name"]!.GetValue<string>();
        var page = await PageClient.SignInAsync(app, org.Applicant.Email);
        foreach (var url in new[] { "/", "/me/shifts", "/me/open-shifts" })
        {
            var (response, doc) = await page.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var main = doc.QuerySelector("main")!.TextContent;
            Assert.Contains($"Your application to join {name} is waiting for approval.", main, StringComparison.Ordinal);
            Assert.DoesNotContain("You have no shifts yet", main, StringComparison.Ordinal);
            Assert.DoesNotContain("There are no shifts you can sign up for", main, StringComparison.Ordinal);
        }

        // Once approved, the card is gone and the ordinary empty list speaks.
        Assert.Equal(HttpStatusCode.OK, (await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/members/{org.ApplicantMembershipId}/approve")).StatusCode);
        var after = (await page.GetPageAsync("/me/shifts")).Document.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("waiting for approval", after, StringComparison.Ordinal);
        Assert.Contains("You have no shifts yet", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_shifts_lists_open_shifts_and_an_empty_list_says_what_to_do()
    {
        var (org, programme, activity) = await SetUpAsync();
        var tutoring = await org.Admin.CreateProgrammeAsync(org.Slug, "課後輔導");
        await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", new
        {
            title = "功課班", programmeId = tutoring, start = "2026-12-08T16:00", end = "2026-12-08T18:00",
            shifts = new[] { new { role = "導師", start = "16:00", end = "18:00", minimum = 1, target = 2, maximum = 2 } },
        });
        var page = await PageClient.SignInAsync(app, org.Volunteer.Email);

        var (response, doc) = await page.GetPageAsync("/me/open-shifts?from=2026-12-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, doc.QuerySelectorAll(".kf-shift-card").Length);
        PagesTests.AssertLabelled(doc, "/me/open-shifts");
        var (_, meals) = await page.GetPageAsync($"/me/open-shifts?from=2026-12-01&programme={programme}");
        Assert.Equal(3, meals.QuerySelectorAll(".kf-shift-card").Length);
        Assert.Equal(programme, meals.QuerySelector("select[name=programme] option[selected]")?.GetAttribute("value"));
        Assert.Contains("0/2 places", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector($"a[href='/o/{org.Slug}/shifts/{ShiftId(activity, 2)}']"));

        var (_, later) = await page.GetPageAsync("/me/open-shifts?from=2027-06-01");
        Assert.Empty(later.QuerySelectorAll(".kf-shift-card"));
        Assert.NotNull(later.QuerySelector(".kf-empty"));
        var (bad, badDoc) = await page.GetPageAsync("/me/open-shifts?from=not-a-date&district=Atlantis");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.NotNull(badDoc.QuerySelector("[role=alert]"));
    }

    [Fact]
    public async Task A_shift_page_shows_counts_not_names_and_adds_itself_to_a_calendar()
    {
        var (org, _, activity) = await SetUpAsync();
        var shiftId = ShiftId(activity, 0);
        await HoldAsync(shiftId, org.VolunteerMembershipId);
        // Another volunteer sees how full it is, never who is on it; staff see the participants.
        var peer = await Api.RegisterAsync(app, Unique.Email("peer"));
        await peer.AcceptAsync(await org.Admin.InviteAsync(org.Slug, requiresApproval: false));
        var other = await PageClient.SignInAsync(app, peer.Email);
        var volunteerName = (await org.Volunteer.GetJsonAsync("/api/v1/me"))["displayName"]!.GetValue<string>();

        var (response, doc) = await other.GetPageAsync($"/o/{org.Slug}/shifts/{shiftId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1/2 places", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(org.Volunteer.Email, doc.Body.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(volunteerName, doc.Body.TextContent, StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector("#participants"));
        var (_, staffView) = await (await PageClient.SignInAsync(app, org.Admin.Email)).GetPageAsync($"/o/{org.Slug}/shifts/{shiftId}");
        Assert.Contains(volunteerName, staffView.QuerySelector("#participants")!.TextContent, StringComparison.Ordinal);

        var ics = await other.Http.GetAsync($"/o/{org.Slug}/shifts/{shiftId}?handler=ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await ics.Content.ReadAsStringAsync())!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal($"shift-{Guid.Parse(shiftId):N}@kaifong", e.Uid);
        Assert.Equal("荃灣沙咀道", e.Location);

        var stranger = await PageClient.SignInAsync(app, (await TestOrg.CreateAsync(app)).Admin.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/o/{org.Slug}/shifts/{shiftId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/o/{org.Slug}/shifts/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Calendar_page_gives_a_secret_link_that_a_reset_replaces()
    {
        var (org, _, _) = await SetUpAsync();
        var page = await PageClient.SignInAsync(app, org.Volunteer.Email);
        var (_, doc) = await page.GetPageAsync("/me/calendar");
        var url = doc.QuerySelector("#feed-url")!.GetAttribute("value")!;
        Assert.StartsWith("http://kaifong.test/calendar/", url, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("a[href^='webcal://kaifong.test/calendar/']"));

        var reset = await page.PostFormAsync("/me/calendar", "/me/calendar", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var (_, after) = await page.GetPageAsync("/me/calendar");
        Assert.NotEqual(url, after.QuerySelector("#feed-url")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Anonymous(app).GetAsync(new Uri(url).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task An_open_calendar_hears_that_shifts_changed_and_outsiders_cannot_listen()
    {
        var (org, programme, _) = await SetUpAsync();
        await using var coordinator = await ConnectAsync(org.Admin.Email, org.Slug);
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        coordinator.On("shiftsChanged", () => heard.TrySetResult());

        // The client's start returns after the handshake, which the server may answer before OnConnectedAsync has put the
        // connection in the organisation's group; a hub call is only handled after that, so this one settles the race.
        Assert.True(await coordinator.InvokeAsync<bool>("Join", org.Slug));

        await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", new
        {
            title = "加開一場", programmeId = programme, start = "2026-12-09T09:00", end = "2026-12-09T12:00",
            shifts = new[] { new { role = "司機", start = "09:00", end = "12:00", minimum = 1, target = 1, maximum = 1 } },
        });

        await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var outsider = await TestOrg.CreateAsync(app);
        await using var stranger = await ConnectAsync(outsider.Admin.Email, outsider.Slug);
        Assert.False(await stranger.InvokeAsync<bool>("Join", org.Slug));
        Assert.True(await coordinator.InvokeAsync<bool>("Join", org.Slug));
    }

    [Fact]
    public async Task A_volunteer_signs_up_answers_the_form_confirms_and_cancels_on_the_shift_page()
    {
        var org = await TestOrg.CreateAsync(app);
        var programme = await org.Admin.CreateProgrammeAsync(org.Slug, "長者送飯");
        var type = await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activity-types",
            new { name = "前線服務", form = new[] { new { label = "T-shirt size", kind = "Choice", required = true, choices = new[] { "S", "M", "L" } } } }));
        var activity = await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", new
        {
            title = "長者送飯", programmeId = programme, activityTypeId = type["id"]!.GetValue<string>(), start = "2026-12-28T09:00", end = "2026-12-28T12:00",
            shifts = new[] { new { role = "送飯", start = "09:00", end = "12:00", minimum = 1, target = 1, maximum = 1 } },
        }));
        var shiftId = ShiftId(activity, 0);
        var url = $"/o/{org.Slug}/shifts/{shiftId}";
        var page = await PageClient.SignInAsync(app, org.Volunteer.Email);

        var (_, first) = await page.GetPageAsync(url);
        Assert.NotNull(first.QuerySelector("a[href='?join=true#join']")); // the first tap asks the form's question
        var (_, form) = await page.GetPageAsync(url + "?join=true");
        PagesTests.AssertLabelled(form, url);
        Assert.NotNull(form.QuerySelector("#pics"));
        var missing = await page.PostFormAsync(url + "?join=true", url + "?handler=signup", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.NotNull(PageClient.Parse(await missing.Content.ReadAsStringAsync()).QuerySelector("[role=alert]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Signups.CountAsync(s => s.ShiftId == Guid.Parse(shiftId))));

        var signed = await page.PostFormAsync(url + "?join=true", url + "?handler=signup", new Dictionary<string, string> { ["answers[q1]"] = "M" });
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var signup = await app.WithDbAsync(db => db.Signups.AsNoTracking().SingleAsync(s => s.ShiftId == Guid.Parse(shiftId)));
        Assert.Equal(SignupStatus.Assigned, signup.Status);
        Assert.Contains("\"M\"", signup.Answers, StringComparison.Ordinal);

        var confirmed = await page.PostFormAsync(url, url + $"?handler=confirm&signupId={signup.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var cancelled = await page.PostFormAsync(url, url + $"?handler=cancel&signupId={signup.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var after = await app.WithDbAsync(db => db.Signups.AsNoTracking().SingleAsync(s => s.Id == signup.Id));
        Assert.Equal(SignupStatus.Cancelled, after.Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.Shifts.Where(s => s.Id == Guid.Parse(shiftId)).Select(s => s.Assigned).SingleAsync()));
        var again = await page.PostFormAsync(url, url + $"?handler=cancel&signupId={signup.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // refused, with the reason on the page
        Assert.NotNull(PageClient.Parse(await again.Content.ReadAsStringAsync()).QuerySelector("[role=alert]"));
    }

    /// <summary>A SignalR client signed in with the page cookie, over long polling through the test server.</summary>
    private async Task<HubConnection> ConnectAsync(string email, string slug)
    {
        var cookies = new System.Net.CookieContainer();
        var client = app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        var page = new PageClient(client);
        var signIn = await page.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Api.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var connection = new HubConnectionBuilder()
            .WithUrl($"http://localhost/hubs/schedule?org={slug}", o =>
            {
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => new CookieContainerHandler(cookies) { InnerHandler = app.Server.CreateHandler() };
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class VolunteerPagesTestsOnSqlite(SqliteApp app) : VolunteerPagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class VolunteerPagesTestsOnPostgres(PostgresApp app) : VolunteerPagesTests(app);
