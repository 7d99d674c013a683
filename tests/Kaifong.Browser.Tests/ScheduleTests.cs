using System.Net.Http.Json;
using Kaifong.Browser.Tests.Infrastructure;
using Kaifong.Data;
using Kaifong.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Kaifong.Browser.Tests;

/// <summary>
/// Flow 1 of docs/domain.md as people click it: a coordinator makes a shift template and generates next month's shifts on a
/// phone, sees the gaps red on the month calendar and the Gantt board; a volunteer finds the shifts under 搵更; the
/// volunteer's calendar subscription holds their shifts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScheduleTests(BrowserApp app) : BrowserTest(app)
{
    private const string GapRed = "rgb(185, 28, 28)";

    [Fact]
    public Task Coordinator_generates_a_month_from_a_template_and_sees_the_gaps_red() => RunAsync(nameof(Coordinator_generates_a_month_from_a_template_and_sees_the_gaps_red), async s =>
    {
        var id = Unique.Id();
        var admin = await Api.RegisterAsync(App, Unique.Email("coord"), "統籌 " + id);
        var slug = await admin.CreateOrganisationAsync("荃灣街坊中心 " + id, Unique.Slug());
        await admin.PostJsonAsync($"/api/v1/organisations/{slug}/programmes", new { name = "長者送飯" });
        var month = Api.NextMonth();
        var firstWeekday = month;
        while (firstWeekday.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            firstWeekday = firstWeekday.AddDays(1);
        }

        // On a phone: the template 送飯上午班, Mon–Fri 09:00–12:00 × 4, then next month in one press.
        var phone = await s.NewPageAsync("zh-HK");
        await SignInAsync(phone, admin.Email);
        await phone.GotoAsync($"/o/{slug}/templates");
        await phone.Locator("#t-name").FillAsync("送飯上午班");
        await phone.Locator("#t-programme").SelectOptionAsync(new SelectOptionValue { Label = "長者送飯" });
        foreach (var day in new[] { "MO", "TU", "WE", "TH", "FR" })
        {
            await phone.Locator($"label[for=t-day-{day}]").ClickAsync();
        }

        await phone.Locator("#t-start").FillAsync("09:00");
        await phone.Locator("#t-end").FillAsync("12:00");
        await phone.Locator("#t-role").FillAsync("送飯");
        await phone.Locator("#t-minimum").FillAsync("2");
        await phone.Locator("#t-target").FillAsync("4");
        await phone.Locator("#t-maximum").FillAsync("4");
        await AssertNoHorizontalScrollAsync(phone);
        await ScreenshotAsync(phone, "schedule-template-zh-HK-360");
        await phone.Locator("#new-template button.btn-primary").ClickAsync();

        var template = phone.Locator("li.kf-template").Filter(new() { HasText = "送飯上午班" });
        await Expect(template).ToHaveCountAsync(1);
        await template.Locator("input[type=month]").FillAsync($"{month:yyyy-MM}");
        await template.GetByRole(AriaRole.Button, new() { Name = "產生月份更表" }).ClickAsync();
        await phone.WaitForURLAsync(u => u.Contains("/activities/", StringComparison.Ordinal));
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("已產生");
        var weekdays = Enumerable.Range(0, month.AddMonths(1).DayNumber - month.DayNumber).Select(month.AddDays)
            .Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        await Expect(phone.Locator(".kf-occurrence")).ToHaveCountAsync(weekdays);
        await AssertNoHorizontalScrollAsync(phone);
        await ScreenshotAsync(phone, "schedule-activity-zh-HK-360");

        // The month calendar: every new shift is a gap (nobody yet), red, with the word 缺人 on it.
        await phone.GotoAsync($"/o/{slug}/calendar?date={month:yyyy-MM-dd}");
        var gap = phone.Locator(".ec-event.kf-state-gap").First;
        await Expect(gap).ToBeVisibleAsync();
        Assert.Equal(GapRed, await gap.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await AssertNoHorizontalScrollAsync(phone);
        await ScreenshotAsync(phone, "schedule-calendar-zh-HK-360");

        // At a desk, in English: the month and the Gantt board.
        await admin.PutAsync("/api/v1/me/profile", new { displayName = "統籌 " + id, language = "en" });
        var desk = await s.NewPageAsync("en", 1280, 800);
        await SignInAsync(desk, admin.Email);
        await desk.GotoAsync($"/o/{slug}/calendar?date={month:yyyy-MM-dd}");
        await Expect(desk.Locator(".ec-event.kf-state-gap").First).ToContainTextAsync("Gap");
        Assert.Equal(weekdays, await desk.Locator(".ec-event.kf-state-gap").CountAsync());
        await ScreenshotAsync(desk, "schedule-calendar-en-1280");
        await desk.GotoAsync($"/o/{slug}/board?date={firstWeekday:yyyy-MM-dd}");
        var bar = desk.Locator(".ec-event.kf-state-gap").First;
        await Expect(bar).ToBeVisibleAsync();
        Assert.Equal(GapRed, await bar.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await Expect(desk.Locator(".ec-resource, .ec-sidebar").First).ToContainTextAsync("送飯上午班");
        await ScreenshotAsync(desk, "schedule-board-en-1280");
        var violations = await SeriousAccessibilityViolationsAsync(desk);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    });

    [Fact]
    public Task Volunteer_finds_open_shifts_and_subscribes_to_their_own() => RunAsync(nameof(Volunteer_finds_open_shifts_and_subscribes_to_their_own), async s =>
    {
        var id = Unique.Id();
        var admin = await Api.RegisterAsync(App, Unique.Email("coord"), "統籌 " + id);
        var slug = await admin.CreateOrganisationAsync("荃灣街坊中心 " + id, Unique.Slug());
        var (shiftId, first) = await admin.CreateScheduleAsync(slug, "長者送飯", "長者送飯");
        var invitation = await admin.PostJsonAsync($"/api/v1/organisations/{slug}/invitations", new { role = "Volunteer", requiresApproval = false });
        var volunteer = await Api.RegisterAsync(App, Unique.Email("vol"), "陳婆婆 " + id);
        await volunteer.AcceptAsync(invitation["token"]!.GetValue<string>());

        var phone = await s.NewPageAsync("zh-HK");
        await SignInAsync(phone, volunteer.Email);
        await phone.GotoAsync("/me/open-shifts");
        await phone.GetByLabel("由哪天開始").FillAsync($"{first:yyyy-MM-dd}");
        await phone.GetByRole(AriaRole.Button, new() { Name = "顯示" }).ClickAsync();
        var card = phone.Locator(".kf-shift-card").Filter(new() { HasText = "長者送飯 · 送飯" }).First;
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("名額 0/4");
        await AssertNoHorizontalScrollAsync(phone);
        await ScreenshotAsync(phone, "schedule-open-shifts-zh-HK-360");
        var violations = await SeriousAccessibilityViolationsAsync(phone);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // Two taps: the shift, then 報名; then 確認出席. A second shift is held directly (a coordinator would assign it).
        await phone.GotoAsync($"/o/{slug}/shifts/{shiftId}");
        await phone.GetByRole(AriaRole.Button, new() { Name = "報名", Exact = true }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("報名成功");
        await Expect(phone.Locator(".kf-facts")).ToContainTextAsync("待確認出席");
        await phone.GetByRole(AriaRole.Button, new() { Name = "確認出席", Exact = true }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("多謝確認");
        await AssertNoHorizontalScrollAsync(phone);
        await ScreenshotAsync(phone, "schedule-shift-confirmed-zh-HK-360");
        var second = await HoldAsync(volunteer.Email, slug, shiftId);
        await phone.GotoAsync("/me/shifts");
        await Expect(phone.Locator(".kf-shift-card")).ToHaveCountAsync(2);
        await Expect(phone.Locator(".kf-countdown")).ToContainTextAsync("還有");
        await ScreenshotAsync(phone, "schedule-my-shifts-zh-HK-360");

        await phone.GotoAsync("/me/calendar");
        var url = await phone.Locator("#feed-url").InputValueAsync();
        await ScreenshotAsync(phone, "schedule-feed-zh-HK-360");
        using var http = App.Http();
        var ics = await http.GetStringAsync(new Uri(url).PathAndQuery);
        var calendar = Ical.Net.Calendar.Load(ics)!;
        var uids = calendar.Events.Select(e => e.Uid).Order().ToArray();
        Assert.Equal(new[] { $"shift-{Guid.Parse(shiftId):N}@kaifong", $"shift-{second:N}@kaifong" }.Order(), uids);
        Assert.All(calendar.Events, e => Assert.Equal("Asia/Hong_Kong", e.DtStart!.TzId));
        Assert.Contains(calendar.Events, e => e.Summary == "長者送飯 · 送飯" && e.DtStart!.Hour == 9);
    });

    /// <summary>Puts the volunteer on the next occurrence's first shift after <paramref name="shiftId"/>; returns its id.</summary>
    private async Task<Guid> HoldAsync(string email, string slug, string shiftId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KaifongDb>();
        var membership = await db.Memberships.Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == email)
            && db.Organisations.Any(o => o.Id == m.OrganisationId && o.Slug == slug)).SingleAsync();
        var first = await db.Shifts.SingleAsync(x => x.Id == Guid.Parse(shiftId));
        var next = await db.Shifts.Where(x => x.ActivityId == first.ActivityId && x.Slot == 0 && x.Start > first.Start).OrderBy(x => x.Start).FirstAsync();
        db.Signups.Add(new Signup
        {
            Id = Guid.NewGuid(), OrganisationId = membership.OrganisationId, ShiftId = next.Id, MembershipId = membership.Id,
            UserId = membership.UserId, Status = SignupStatus.Assigned,
        });
        next.Assigned++;
        await db.SaveChangesAsync();
        return next.Id;
    }
}
