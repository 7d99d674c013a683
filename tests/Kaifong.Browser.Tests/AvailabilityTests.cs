using Kaifong.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Kaifong.Browser.Tests;

/// <summary>Flow 2 of docs/domain.md begins: a volunteer fills in next month's availability on a phone, in under a minute.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AvailabilityTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public Task Volunteer_sets_a_weekly_pattern_and_two_blackout_days_on_a_phone() => RunAsync(nameof(Volunteer_sets_a_weekly_pattern_and_two_blackout_days_on_a_phone), async s =>
    {
        var id = Unique.Id();
        var admin = await Api.RegisterAsync(App, Unique.Email("coord"), "統籌 " + id);
        var slug = await admin.CreateOrganisationAsync("荃灣街坊中心 " + id, Unique.Slug());
        var (token, _) = await admin.InviteAsync(slug);
        var volunteer = await Api.RegisterAsync(App, Unique.Email("vol"), "陳婆婆 " + id);
        await volunteer.AcceptAsync(token);
        await admin.PostJsonAsync($"/api/v1/organisations/{slug}/members/{await MembershipAsync(admin, slug)}/approve", new { });

        var phone = await s.NewPageAsync("zh-HK");
        await SignInAsync(phone, volunteer.Email);
        await phone.GotoAsync("/me/shifts");
        await phone.GetByRole(AriaRole.Link, new() { Name = "填寫下月可服務時段" }).ClickAsync();
        await phone.WaitForURLAsync(u => u.Contains("/me/availability", StringComparison.Ordinal));

        // The usual week: Monday and Wednesday mornings, Friday evening.
        foreach (var part in new[] { "Monday-Morning", "Wednesday-Morning", "Friday-Evening" })
        {
            await phone.Locator($"label[for=p-{part}]").ClickAsync();
        }

        // Next month: two days not available (one tap each), one available all day (two taps).
        var days = phone.Locator("button[data-day]");
        var first = await days.Nth(4).GetAttributeAsync("data-day");
        var second = await days.Nth(11).GetAttributeAsync("data-day");
        var extra = await days.Nth(19).GetAttributeAsync("data-day");
        await days.Nth(4).ClickAsync();
        await days.Nth(11).ClickAsync();
        await days.Nth(19).ClickAsync();
        await days.Nth(19).ClickAsync();
        await Expect(days.Nth(4)).ToHaveAttributeAsync("data-state", "off");
        await Expect(days.Nth(4)).ToContainTextAsync("不可服務");
        await Expect(days.Nth(19)).ToContainTextAsync("全日可以");
        Assert.Contains("/me/availability", phone.Url, StringComparison.Ordinal); // the taps stayed in the page
        await AssertNoHorizontalScrollAsync(phone);
        await ScreenshotAsync(phone, "availability-zh-HK-360");
        var violations = await SeriousAccessibilityViolationsAsync(phone);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        await phone.GetByRole(AriaRole.Button, new() { Name = "儲存可服務時段" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("已儲存你的可服務時段");
        await phone.ReloadAsync();
        await Expect(phone.Locator("#p-Monday-Morning")).ToBeCheckedAsync();
        await Expect(phone.Locator("#p-Wednesday-Morning")).ToBeCheckedAsync();
        await Expect(phone.Locator("#p-Friday-Evening")).ToBeCheckedAsync();
        await Expect(phone.Locator("#p-Monday-Afternoon")).Not.ToBeCheckedAsync();
        await Expect(phone.Locator($"button[data-day='{first}']")).ToHaveAttributeAsync("data-state", "off");
        await Expect(phone.Locator($"button[data-day='{second}']")).ToHaveAttributeAsync("data-state", "off");
        await Expect(phone.Locator($"button[data-day='{extra}']")).ToHaveAttributeAsync("data-state", "on");
        await AssertNoHorizontalScrollAsync(phone);
        await ScreenshotAsync(phone, "availability-saved-zh-HK-360");

        // In English, and with large text: still no sideways scrolling and no toggle text spilling out of its button.
        await phone.Locator("form.kf-lang button[value=en]").ClickAsync();
        await Expect(phone.Locator("h1")).ToHaveTextAsync("My availability");
        await AssertFitsAsync(phone);
        await ScreenshotAsync(phone, "availability-en-360");
        await phone.Locator("form[action='/preferences/large-text'] button").ClickAsync();
        await Expect(phone.Locator("html.large-text")).ToHaveCountAsync(1);
        await AssertFitsAsync(phone);
        await ScreenshotAsync(phone, "availability-en-large-360");

        var saved = await volunteer.GetJsonAsync($"/api/v1/me/availability?org={slug}");
        Assert.Equal(3, saved["weekly"]!.AsArray().Count);
        Assert.Equal(
            new[] { $"{first} False", $"{second} False", $"{extra} True" },
            saved["exceptions"]!.AsArray().Select(e => $"{e!["date"]} {e["available"]!.GetValue<bool>()}"));
    });

    private static async Task AssertFitsAsync(IPage page)
    {
        await AssertNoHorizontalScrollAsync(page);
        var spilling = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.kf-part, .kf-day-cell, .kf-week-day')].filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.trim())");
        Assert.True(spilling.Length == 0, "text wider than its box: " + string.Join(", ", spilling));
    }

    private static async Task<string> MembershipAsync(Api admin, string slug)
    {
        var members = await admin.GetJsonAsync($"/api/v1/organisations/{slug}/members?status=Pending");
        return members.AsArray()[0]!["membershipId"]!.GetValue<string>();
    }
}
