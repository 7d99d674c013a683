using Kaifong.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Kaifong.Browser.Tests;

/// <summary>
/// Flows 2 and 5 of docs/domain.md as people click them on phones: a volunteer says when she is free, signs up, confirms, then
/// cannot come and asks for a substitute; a second volunteer takes the place; the coordinator's board, open at a desk,
/// changes by itself as they go.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FillingTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public Task A_volunteer_signs_up_confirms_and_hands_her_place_to_another_while_the_board_follows() =>
        RunAsync(nameof(A_volunteer_signs_up_confirms_and_hands_her_place_to_another_while_the_board_follows), async s =>
    {
        var id = Unique.Id();
        var admin = await Api.RegisterAsync(App, Unique.Email("coord"), "統籌 " + id);
        var slug = await admin.CreateOrganisationAsync("深水埗街坊會 " + id, Unique.Slug());
        var programme = (await admin.PostJsonAsync($"/api/v1/organisations/{slug}/programmes", new { name = "長者送飯" }))["id"]!.GetValue<string>();
        var day = Api.NextMonth().AddDays(9);
        var activity = await admin.PostJsonAsync($"/api/v1/organisations/{slug}/activities", new
        {
            title = "長者送飯", programmeId = programme, venue = "深水埗北河街 1 號", district = "Sham Shui Po",
            start = $"{day:yyyy-MM-dd}T09:00", end = $"{day:yyyy-MM-dd}T12:00",
            shifts = new[] { new { role = "送飯", start = "09:00", end = "12:00", minimum = 1, target = 2, maximum = 2 } },
        });
        var shiftId = activity["occurrences"]![0]!["shifts"]![0]!["id"]!.GetValue<string>();
        var token = (await admin.PostJsonAsync($"/api/v1/organisations/{slug}/invitations", new { role = "Volunteer", requiresApproval = false }))["token"]!.GetValue<string>();
        var mrsChan = await Api.RegisterAsync(App, Unique.Email("chan"), "陳婆婆 " + id);
        await mrsChan.AcceptAsync(token);
        var mrLee = await Api.RegisterAsync(App, Unique.Email("lee"), "李伯伯 " + id);
        await mrLee.AcceptAsync(token);

        // The coordinator's board at a desk: the new shift is a gap.
        var desk = await s.NewPageAsync("zh-HK", 1280, 800);
        await SignInAsync(desk, admin.Email);
        await desk.GotoAsync($"/o/{slug}/board?date={day:yyyy-MM-dd}");
        await Expect(desk.Locator(".ec-event.kf-state-gap")).ToHaveCountAsync(1);

        // 陳婆婆 on her phone: first when she is usually free (that weekday's morning), then 報名 and 確認出席.
        var chan = await s.NewPageAsync("zh-HK");
        await SignInAsync(chan, mrsChan.Email);
        await chan.GotoAsync("/me/availability");
        await chan.Locator($"label[for=p-{day.DayOfWeek}-Morning]").ClickAsync();
        await chan.GetByRole(AriaRole.Button, new() { Name = "儲存可服務時段" }).ClickAsync();
        await Expect(chan.GetByRole(AriaRole.Status)).ToContainTextAsync("已儲存你的可服務時段");
        await chan.GotoAsync($"/o/{slug}/shifts/{shiftId}");
        await chan.GetByRole(AriaRole.Button, new() { Name = "報名", Exact = true }).ClickAsync();
        await Expect(chan.GetByRole(AriaRole.Status)).ToContainTextAsync("報名成功");
        await chan.GetByRole(AriaRole.Button, new() { Name = "確認出席", Exact = true }).ClickAsync();
        await Expect(chan.GetByRole(AriaRole.Status)).ToContainTextAsync("多謝確認");

        // The board was not reloaded: the shift is no longer a gap.
        await Expect(desk.Locator(".ec-event.kf-state-gap")).ToHaveCountAsync(0);
        await Expect(desk.Locator(".ec-event.kf-shift")).ToHaveCountAsync(1);

        // She falls ill: 尋找替班. She keeps the place until someone takes it.
        await chan.GetByRole(AriaRole.Button, new() { Name = "未能出席？尋找替班" }).ClickAsync();
        await Expect(chan.GetByRole(AriaRole.Status).First).ToContainTextAsync("已邀請");
        await Expect(chan.Locator("#substitute-status")).ToContainTextAsync("仍是你的");
        await AssertNoHorizontalScrollAsync(chan);
        await ScreenshotAsync(chan, "filling-substitute-asked-zh-HK-360");
        var violations = await SeriousAccessibilityViolationsAsync(chan);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // The same in English with large text: nothing spills sideways.
        await chan.Locator("form.kf-lang button[value=en]").ClickAsync();
        await chan.Locator("form[action='/preferences/large-text'] button").ClickAsync();
        await Expect(chan.Locator("#substitute-status")).ToContainTextAsync("Looking for a substitute");
        await AssertNoHorizontalScrollAsync(chan);
        await ScreenshotAsync(chan, "filling-substitute-asked-en-large-360");
        await chan.Locator("form[action='/preferences/large-text'] button").ClickAsync();
        await chan.Locator("form.kf-lang button[value=zh-HK]").ClickAsync();
        await Expect(chan.Locator("#substitute-status")).ToContainTextAsync("正在尋找替班");

        // 李伯伯 opens the shift from his e-mail and takes it.
        var lee = await s.NewPageAsync("zh-HK");
        await SignInAsync(lee, mrLee.Email);
        await lee.GotoAsync($"/o/{slug}/shifts/{shiftId}");
        await Expect(lee.Locator("#substitute-offer")).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(lee);
        await ScreenshotAsync(lee, "filling-substitute-offer-zh-HK-360");
        await lee.GetByRole(AriaRole.Button, new() { Name = "接替此班次" }).ClickAsync();
        await Expect(lee.GetByRole(AriaRole.Status).First).ToContainTextAsync("這個班次現在是你的");
        await Expect(lee.Locator(".kf-facts")).ToContainTextAsync("已確認");

        // 陳婆婆's page no longer holds the shift; the coordinator sees 李伯伯 on it and nobody left looking.
        await chan.ReloadAsync();
        await Expect(chan.GetByRole(AriaRole.Button, new() { Name = "報名", Exact = true })).ToBeVisibleAsync();
        await desk.GotoAsync($"/o/{slug}/shifts/{shiftId}");
        await Expect(desk.Locator("#participants")).ToContainTextAsync("李伯伯");
        await Expect(desk.Locator("#participants")).Not.ToContainTextAsync("陳婆婆");
        var her = desk.Locator("#candidates li").Filter(new() { HasText = "陳婆婆" });
        await Expect(her).ToContainTextAsync("有空");
        await Expect(desk.Locator("#candidates li").First).ToContainTextAsync("陳婆婆"); // said free: first in the list
        await ScreenshotAsync(desk, "filling-shift-staff-zh-HK-1280");
        await desk.GotoAsync($"/o/{slug}/substitutes");
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("現時沒有人需要替班");
    });
}
