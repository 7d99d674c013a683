using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Kaifong.Domain.Scheduling;
using Kaifong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Tests.Features;

/// <summary>
/// The coordinator's set-up pages as a browser uses them: forms posted with their antiforgery token, errors beside the
/// fields, nothing saved on error. Dates are in December 2026 (the clock starts 2026-11-25).
/// </summary>
public abstract class ActivityPagesTests(KaifongApp app)
{
    private static Dictionary<string, string> ActivityFields(string programme, string title = "長者送飯") => new()
    {
        ["Input.Title"] = title, ["Input.ProgrammeId"] = programme, ["Input.Venue"] = "荃灣沙咀道 1 號", ["Input.District"] = "TsuenWan",
        ["Input.Date"] = "2026-12-07", ["Input.StartTime"] = "09:00", ["Input.EndTime"] = "12:00", ["Input.Repeat"] = "Weekdays",
        ["Input.Until"] = "2026-12-18", ["Input.Deadline"] = "P2D", ["Input.PrivacyMode"] = "true",
        ["Input.Shifts[0].Role"] = "送飯", ["Input.Shifts[0].Start"] = "09:00", ["Input.Shifts[0].End"] = "12:00",
        ["Input.Shifts[0].Minimum"] = "2", ["Input.Shifts[0].Target"] = "4", ["Input.Shifts[0].Maximum"] = "4",
    };

    private async Task<(TestOrg Org, string Programme, PageClient Page)> SetUpAsync()
    {
        var org = await TestOrg.CreateAsync(app);
        var programme = await org.Admin.CreateProgrammeAsync(org.Slug, "長者送飯");
        return (org, programme, await PageClient.SignInAsync(app, org.Admin.Email));
    }

    private Task<int> ActivitiesAsync(string slug) =>
        app.WithDbAsync(db => db.Activities.CountAsync(a => db.Organisations.Any(o => o.Id == a.OrganisationId && o.Slug == slug)));

    /// <summary>Posts fields (a key may repeat, as checkboxes do) with the token of <paramref name="formPage"/>.</summary>
    private static async Task<HttpResponseMessage> PostAsync(PageClient page, string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await page.TokenAsync(formPage);
        return await page.Http.PostAsync(action, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    /// <summary>What a browser would submit from a form as it stands (checked boxes, selected options), with some fields changed.</summary>
    private static List<KeyValuePair<string, string>> Submission(IHtmlFormElement form, IDictionary<string, string> changes)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var e in form.Elements)
        {
            var name = e.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || changes.ContainsKey(name) || name == "__RequestVerificationToken")
            {
                continue;
            }

            switch (e)
            {
                case IHtmlInputElement i when i.Type is "checkbox" or "radio":
                    if (i.IsChecked)
                    {
                        result.Add(new(name, i.Value));
                    }

                    break;
                case IHtmlInputElement i when i.Type is "submit":
                    break;
                case IHtmlInputElement i:
                    result.Add(new(name, i.Value));
                    break;
                case IHtmlSelectElement s:
                    result.Add(new(name, s.Value ?? ""));
                    break;
                case IHtmlTextAreaElement t:
                    result.Add(new(name, t.Value));
                    break;
            }
        }

        result.AddRange(changes.Where(c => c.Value is not null));
        return result;
    }

    [Fact]
    public async Task Creating_a_weekday_series_through_the_form_makes_its_occurrences_with_the_rule()
    {
        var (org, programme, page) = await SetUpAsync();
        var url = $"/o/{org.Slug}/activities/new";

        var more = await page.PostFormAsync(url, url + "?handler=AddShift", ActivityFields(programme));
        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        var doc = PageClient.Parse(await more.Content.ReadAsStringAsync());
        Assert.Equal(2, doc.QuerySelectorAll("fieldset.kf-shift").Length);
        Assert.Equal("送飯", (doc.QuerySelector("#s0-role") as IHtmlInputElement)!.Value);

        var response = await page.PostFormAsync(url, url, ActivityFields(programme));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith($"/o/{org.Slug}/activities/", location, StringComparison.Ordinal);
        var id = Guid.Parse(location.Split('/').Last());
        var activity = await app.WithDbAsync(db => db.Activities.SingleAsync(a => a.Id == id));
        Assert.Contains("FREQ=WEEKLY", activity.RRule, StringComparison.Ordinal);
        Assert.Contains("BYDAY=MO,TU,WE,TH,FR", activity.RRule, StringComparison.Ordinal);
        Assert.Contains("UNTIL=20261218", activity.RRule, StringComparison.Ordinal);
        Assert.Equal(2 * 24 * 60, activity.RegistrationDeadlineMinutes);
        Assert.True(activity.PrivacyMode);
        var dates = await app.WithDbAsync(db => db.Occurrences.Where(o => o.ActivityId == id).OrderBy(o => o.Date).Select(o => o.Date).ToListAsync());
        Assert.Equal(10, dates.Count);
        Assert.Equal(new DateOnly(2026, 12, 7), dates[0]);
        Assert.Equal(new DateOnly(2026, 12, 18), dates[^1]);
        Assert.Equal(10, await app.WithDbAsync(db => db.Shifts.CountAsync(s => s.ActivityId == id && s.Target == 4)));

        var (shown, detail) = await page.GetPageAsync(location);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("10", detail.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Every weekday (Mon–Fri)", detail.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(10, detail.QuerySelectorAll(".kf-occurrence").Length);
        Assert.Contains("Gap", detail.QuerySelector(".kf-state-gap")!.TextContent, StringComparison.Ordinal);
        var (list, index) = await page.GetPageAsync($"/o/{org.Slug}/activities");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("長者送飯", index.QuerySelector(".kf-activity")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.EndTime", "08:00", "#f-end-error")]
    [InlineData("Input.Shifts[0].Minimum", "5", "#s0-minimum-error")]
    [InlineData("Input.Shifts[0].Target", "many", "#s0-target-error")]
    [InlineData("Input.Shifts[0].Skills", "駕駛執照", "#s0-skills-error")]
    [InlineData("Input.Shifts[0].End", "08:00", "#s0-end-error")]
    [InlineData("Input.Shifts[0].Start", "08:00", "#s0-start-error")]
    [InlineData("Input.Shifts[0].End", "12:30", "#s0-start-error")]
    [InlineData("Input.Venue", "Hall\u0007", "#f-venue-error")]
    [InlineData("Input.RRule", "FREQ=SOMETIMES", "#f-rrule-error")]
    [InlineData("Input.RRule", "FREQ=WEEKLY;BYDAY=MO", "#f-rrule-error")]
    [InlineData("Input.Until", "", "#f-until-error")]
    [InlineData("Input.ProgrammeId", "not-a-guid", "#f-programme-error")]
    [InlineData("Input.Date", "2026-11-01", "#f-start-error")]
    [InlineData("Input.District", "Atlantis", "#f-district-error")]
    [InlineData("Input.Deadline", "P999D", "#f-deadline-error")]
    public async Task Bad_input_comes_back_beside_its_field_and_nothing_is_saved(string field, string value, string error)
    {
        var (org, programme, page) = await SetUpAsync();
        var url = $"/o/{org.Slug}/activities/new";
        var fields = ActivityFields(programme, title: "<script>alert('x')</script>送飯");
        fields[field] = value;
        var before = await ActivitiesAsync(org.Slug);

        var response = await page.PostFormAsync(url, url, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var doc = PageClient.Parse(html);
        Assert.False(string.IsNullOrWhiteSpace(doc.QuerySelector(error)?.TextContent), $"{field}={value}: no {error} in {doc.QuerySelector("form")?.TextContent}");
        Assert.Equal("<script>alert('x')</script>送飯", (doc.QuerySelector("#f-title") as IHtmlInputElement)!.Value);
        Assert.Equal(before, await ActivitiesAsync(org.Slug));
    }

    [Fact]
    public async Task Hostile_posts_are_form_errors_never_500()
    {
        var (org, programme, page) = await SetUpAsync();
        var url = $"/o/{org.Slug}/activities/new";
        var fields = ActivityFields(programme, title: new string('長', 100_000));
        fields["Input.Shifts[abc].Role"] = "x";
        fields["Input.Shifts[0].Maximum"] = "99999999999999999999";
        fields["Input.PrivacyMode"] = "maybe";
        fields["Input.Days"] = "XX";

        var response = await page.PostFormAsync(url, url, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = PageClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(doc.QuerySelector("#f-title-error"));
        var edit = await page.Http.GetAsync($"/o/{org.Slug}/activities/{Guid.NewGuid()}/edit?date=yesterday&scope=nonsense");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.Http.GetAsync($"/o/{org.Slug}/activities/not-a-guid")).StatusCode);
    }

    [Fact]
    public async Task A_template_made_and_generated_through_the_forms_makes_the_months_shifts()
    {
        var (org, programme, page) = await SetUpAsync();
        var url = $"/o/{org.Slug}/templates";
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Name", "送飯上午班"), new("Input.ProgrammeId", programme), new("Input.Start", "09:00"), new("Input.End", "12:00"),
            new("Input.Role", "送飯"), new("Input.Minimum", "2"), new("Input.Target", "4"), new("Input.Maximum", "4"),
        };
        fields.AddRange(new[] { "MO", "TU", "WE", "TH", "FR" }.Select(d => new KeyValuePair<string, string>("Input.Days", d)));

        var bad = await PostAsync(page, url, url, fields.Where(f => f.Key != "Input.Days").Append(new("Input.Minimum", "9")));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badDoc = PageClient.Parse(await bad.Content.ReadAsStringAsync());
        Assert.NotNull(badDoc.QuerySelector("#t-days-error"));
        Assert.Equal(0, await app.WithDbAsync(db => db.ShiftTemplates.CountAsync(t => t.ProgrammeId == Guid.Parse(programme))));

        var created = await PostAsync(page, url, url, fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var template = await app.WithDbAsync(db => db.ShiftTemplates.SingleAsync(t => t.ProgrammeId == Guid.Parse(programme)));
        Assert.Equal(5, template.Days.Count);

        var (_, list) = await page.GetPageAsync(url);
        // Next month by the app's clock (shared with tests that move it on) is offered; March 2027 is generated, which has not begun however far it moves.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Hong_Kong")).DateTime);
        Assert.Equal(new DateOnly(today.Year, today.Month, 1).AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            (list.QuerySelector($"#month-{template.Id}") as IHtmlInputElement)!.Value);
        var generated = await PostAsync(page, url, $"{url}?handler=Generate&id={template.Id}", [new("month", "2027-03")]);

        Assert.Equal(HttpStatusCode.Redirect, generated.StatusCode);
        var activityId = Guid.Parse(generated.Headers.Location!.ToString().Split('/').Last());
        Assert.Equal(23, await app.WithDbAsync(db => db.Shifts.CountAsync(s => s.ActivityId == activityId))); // the weekdays of March 2027
        var (_, detail) = await page.GetPageAsync(generated.Headers.Location!.ToString());
        Assert.Contains("23", detail.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);

        var wrong = await PostAsync(page, url, $"{url}?handler=Generate&id={template.Id}", [new("month", "December")]);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.NotNull(PageClient.Parse(await wrong.Content.ReadAsStringAsync()).QuerySelector($"#month-{template.Id}-error"));
    }

    private async Task<Guid> CreateSeriesAsync(TestOrg org, string programme)
    {
        var response = await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", new
        {
            title = "長者送飯", programmeId = programme, venue = "荃灣", district = "Tsuen Wan", start = "2026-12-07T09:00", end = "2026-12-07T12:00",
            rrule = "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12",
            shifts = new[] { new { role = "司機", start = "09:00", end = "12:00", minimum = 1, target = 2, maximum = 2 } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await Api.Json(response))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancelling_one_occurrence_through_the_page_asks_first_then_cancels_only_it()
    {
        var (org, programme, page) = await SetUpAsync();
        var id = await CreateSeriesAsync(org, programme);
        var url = $"/o/{org.Slug}/activities/{id}";

        var (_, confirm) = await page.GetPageAsync($"{url}?cancel=2026-12-09");
        Assert.NotNull(confirm.QuerySelector("#confirm form"));
        Assert.False(await app.WithDbAsync(db => db.Occurrences.AnyAsync(o => o.ActivityId == id && o.Cancelled)));

        var response = await PostAsync(page, $"{url}?cancel=2026-12-09", $"{url}?handler=Cancel", [new("date", "2026-12-09")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cancelled = await app.WithDbAsync(db => db.Occurrences.Where(o => o.ActivityId == id && o.Cancelled).Select(o => o.Date).ToListAsync());
        Assert.Equal([new DateOnly(2026, 12, 9)], cancelled);
        var (_, detail) = await page.GetPageAsync(url);
        Assert.NotNull(detail.QuerySelector("#o-2026-12-09.kf-cancelled"));
        var again = await PostAsync(page, url, $"{url}?handler=Cancel", [new("date", "2026-12-09")]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotNull(PageClient.Parse(await again.Content.ReadAsStringAsync()).QuerySelector(".alert-danger"));
    }

    [Fact]
    public async Task Editing_this_and_following_through_the_page_splits_the_series()
    {
        var (org, programme, page) = await SetUpAsync();
        var id = await CreateSeriesAsync(org, programme);
        var url = $"/o/{org.Slug}/activities/{id}/edit?date=2026-12-21&scope=following";
        var (shown, doc) = await page.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("2026-12-21", (doc.QuerySelector("#f-date") as IHtmlInputElement)!.Value);
        Assert.True((doc.QuerySelector("#f-scope-following") as IHtmlInputElement)!.IsChecked);
        var form = (IHtmlFormElement)doc.QuerySelector("form.kf-form")!;

        var bad = await PostAsync(page, url, url, Submission(form, new Dictionary<string, string> { ["Input.Shifts[0].Minimum"] = "3" }));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.NotNull(PageClient.Parse(await bad.Content.ReadAsStringAsync()).QuerySelector("#s0-minimum-error"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Activities.CountAsync(a => a.Id == id || a.SplitFromId == id)));

        var response = await PostAsync(page, url, url, Submission(form, new Dictionary<string, string>
        {
            ["Input.StartTime"] = "14:00", ["Input.EndTime"] = "17:00", ["Input.Shifts[0].Start"] = "14:00", ["Input.Shifts[0].End"] = "17:00",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var second = await app.WithDbAsync(db => db.Activities.SingleAsync(a => a.SplitFromId == id));
        Assert.EndsWith(second.Id.ToString(), response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 12, 21), second.StartDate);
        Assert.Equal(new TimeOnly(14, 0), second.StartTime);
        var first = await app.WithDbAsync(db => db.Activities.SingleAsync(a => a.Id == id));
        Assert.Contains("UNTIL=20261220", first.RRule, StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(9, 0), first.StartTime);

        var thisOne = $"/o/{org.Slug}/activities/{second.Id}/edit?date=2026-12-23&scope=this";
        var (_, thisDoc) = await page.GetPageAsync(thisOne);
        var refused = await PostAsync(page, thisOne, thisOne, Submission((IHtmlFormElement)thisDoc.QuerySelector("form.kf-form")!,
            new Dictionary<string, string> { ["Input.Title"] = "改名" }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull(PageClient.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#f-scope-error"));
        var moved = await PostAsync(page, thisOne, thisOne, Submission((IHtmlFormElement)thisDoc.QuerySelector("form.kf-form")!,
            new Dictionary<string, string> { ["Input.Venue"] = "荃灣大會堂" }));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal("荃灣大會堂", await app.WithDbAsync(db => db.Occurrences.Where(o => o.ActivityId == second.Id && o.Date == new DateOnly(2026, 12, 23)).Select(o => o.Venue).SingleAsync()));
    }

    [Fact]
    public async Task An_activity_type_with_a_registration_question_is_made_through_the_form()
    {
        var (org, _, page) = await SetUpAsync();
        var url = $"/o/{org.Slug}/activity-types";
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "前線服務", ["Input.Skills"] = "駕駛執照, 急救證書",
            ["Input.Questions[0].Label"] = "有冇私家車？", ["Input.Questions[0].Kind"] = "YesNo", ["Input.Questions[0].Required"] = "true",
        };
        var more = await page.PostFormAsync(url, url + "?handler=AddQuestion", fields);
        Assert.Equal(2, PageClient.Parse(await more.Content.ReadAsStringAsync()).QuerySelectorAll("fieldset.kf-question").Length);
        var badChoice = new Dictionary<string, string>(fields) { ["Input.Questions[1].Label"] = "T 恤尺碼", ["Input.Questions[1].Kind"] = "Choice", ["Input.Questions[1].Choices"] = "M" };
        var bad = await page.PostFormAsync(url, url, badChoice);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.NotNull(PageClient.Parse(await bad.Content.ReadAsStringAsync()).QuerySelector("#y-questions-error"));

        var response = await page.PostFormAsync(url, url, new Dictionary<string, string>(badChoice) { ["Input.Questions[1].Choices"] = "S\nM\nL" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var type = await app.WithDbAsync(db => db.ActivityTypes.SingleAsync(t => t.Name == "前線服務" && db.Organisations.Any(o => o.Id == t.OrganisationId && o.Slug == org.Slug)));
        Assert.Equal(["駕駛執照", "急救證書"], type.RequiredSkills);
        Assert.Equal(2, type.Form.Count);
        Assert.Equal(FormFieldKind.YesNo, type.Form[0].Kind);
        Assert.True(type.Form[0].Required);
        Assert.Equal(["S", "M", "L"], type.Form[1].Choices);
        var (_, list) = await page.GetPageAsync(url);
        Assert.Contains("有冇私家車？", list.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_form_field_is_labelled_volunteers_get_403_and_another_organisation_404()
    {
        var (org, programme, page) = await SetUpAsync();
        var id = await CreateSeriesAsync(org, programme);
        await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/shift-templates", new
        {
            name = "送飯上午班", programmeId = programme, days = new[] { "MO", "TU" }, start = "09:00", end = "12:00", role = "送飯", minimum = 1, target = 2, maximum = 2,
        });
        string[] urls =
        [
            $"/o/{org.Slug}/activities", $"/o/{org.Slug}/activities/new", $"/o/{org.Slug}/activities/{id}", $"/o/{org.Slug}/activities/{id}?cancel=2026-12-09",
            $"/o/{org.Slug}/activities/{id}/edit?date=2026-12-09&scope=this", $"/o/{org.Slug}/templates", $"/o/{org.Slug}/activity-types",
        ];
        foreach (var url in urls)
        {
            var (response, doc) = await page.GetPageAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            PagesTests.AssertLabelled(doc, url);
            Assert.True(doc.QuerySelectorAll("main .btn-primary").Length <= 1, $"{url}: more than one primary button");
        }

        var templateId = await app.WithDbAsync(db => db.ShiftTemplates.Where(t => t.ProgrammeId == Guid.Parse(programme)).Select(t => t.Id).SingleAsync());
        var (_, prefilled) = await page.GetPageAsync($"/o/{org.Slug}/activities/new?template={templateId}");
        Assert.Equal("送飯上午班", (prefilled.QuerySelector("#f-title") as IHtmlInputElement)!.Value);
        Assert.Equal("送飯", (prefilled.QuerySelector("#s0-role") as IHtmlInputElement)!.Value);
        Assert.True((prefilled.QuerySelector("#f-day-TU") as IHtmlInputElement)!.IsChecked);

        var volunteer = await PageClient.SignInAsync(app, org.Volunteer.Email);
        foreach (var url in urls)
        {
            // Forbid() with cookie authentication: a redirect to the access-denied page (a 403).
            var response = await volunteer.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/account/denied",
                $"{url}: {(int)response.StatusCode} {response.Headers.Location}");
        }

        var stranger = await TestOrg.CreateAsync(app);
        var strangerPage = await PageClient.SignInAsync(app, stranger.Admin.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerPage.Http.GetAsync($"/o/{stranger.Slug}/activities/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerPage.Http.GetAsync($"/o/{stranger.Slug}/activities/{id}/edit?scope=all")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerPage.Http.GetAsync($"/o/{org.Slug}/activities/{id}")).StatusCode);
        var strangerTemplates = $"/o/{stranger.Slug}/templates";
        var generate = await PostAsync(strangerPage, strangerTemplates, $"{strangerTemplates}?handler=Generate&id={templateId}", [new("month", "2026-12")]);
        Assert.Equal(HttpStatusCode.NotFound, generate.StatusCode);
        var cancel = await PostAsync(strangerPage, strangerTemplates, $"/o/{stranger.Slug}/activities/{id}?handler=Cancel", [new("date", "2026-12-09")]);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Occurrences.AnyAsync(o => o.ActivityId == id && o.Cancelled)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ActivityPagesTestsOnSqlite(SqliteApp app) : ActivityPagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ActivityPagesTestsOnPostgres(PostgresApp app) : ActivityPagesTests(app);
