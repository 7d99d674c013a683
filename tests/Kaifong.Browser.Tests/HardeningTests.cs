using Kaifong.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Kaifong.Browser.Tests;

/// <summary>Issue 8's refusals as a coordinator meets them on a phone: the message beside the field, in their language.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HardeningTests(BrowserApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData("zh-HK", "班次要在活動時間之內")]
    [InlineData("en", "A shift must lie within the activity's hours")]
    public Task A_shift_outside_the_activitys_hours_is_refused_beside_the_row(string language, string message) =>
        RunAsync(nameof(A_shift_outside_the_activitys_hours_is_refused_beside_the_row) + language, async s =>
        {
            var id = Unique.Id();
            var admin = await Api.RegisterAsync(App, Unique.Email("coord"), "統籌 " + id, language);
            var slug = await admin.CreateOrganisationAsync("荃灣街坊中心 " + id, Unique.Slug());
            await admin.PostJsonAsync($"/api/v1/organisations/{slug}/programmes", new { name = "長者送飯" });
            var day = Api.NextMonth().AddDays(6);

            var phone = await s.NewPageAsync(language);
            await SignInAsync(phone, admin.Email);
            await phone.GotoAsync($"/o/{slug}/activities/new");
            await phone.Locator("#f-title").FillAsync("長者送飯 " + id);
            await phone.Locator("#f-programme").SelectOptionAsync(new SelectOptionValue { Label = "長者送飯" });
            await phone.Locator("#f-date").FillAsync($"{day:yyyy-MM-dd}");
            await phone.Locator("#f-start").FillAsync("09:00");
            await phone.Locator("#f-end").FillAsync("12:00");
            await phone.Locator("#f-repeat-Once").CheckAsync();
            await phone.Locator("#s0-role").FillAsync("送飯");
            await phone.Locator("#s0-start").FillAsync("08:00");
            await phone.Locator("#s0-end").FillAsync("10:00");
            await phone.Locator("main form button.btn-primary").ClickAsync();

            await Expect(phone.Locator("#s0-start-error")).ToContainTextAsync(message);
            await Expect(phone.Locator("#s0-start")).ToHaveValueAsync("08:00");
            await phone.Locator("#s0-start-error").ScrollIntoViewIfNeededAsync();
            await AssertNoHorizontalScrollAsync(phone);
            Assert.Empty(await SeriousAccessibilityViolationsAsync(phone));
            await ScreenshotAsync(phone, $"activity-shift-outside-hours-{language}-360");

            // Put right, it is saved.
            await phone.Locator("#s0-start").FillAsync("09:00");
            await phone.Locator("main form button.btn-primary").ClickAsync();
            await phone.WaitForURLAsync(u => u.Contains($"/o/{slug}/activities/", StringComparison.Ordinal) && !u.EndsWith("/new", StringComparison.Ordinal));
        });

    [Fact]
    public Task An_admin_signs_a_member_out_everywhere_and_her_phone_is_sent_to_sign_in() =>
        RunAsync(nameof(An_admin_signs_a_member_out_everywhere_and_her_phone_is_sent_to_sign_in), async s =>
        {
            var id = Unique.Id();
            var admin = await Api.RegisterAsync(App, Unique.Email("admin"), "陳主任 " + id);
            var slug = await admin.CreateOrganisationAsync("荃灣街坊中心 " + id, Unique.Slug());
            var volunteerEmail = Unique.Email("vol");
            var (volunteer, membership) = await admin.AddApprovedMemberAsync(App, slug, volunteerEmail, "李小姐 " + id);

            // Her phone (lost, say) is signed in.
            var hers = await s.NewPageAsync("zh-HK");
            await SignInAsync(hers, volunteerEmail);
            await hers.GotoAsync("/me/shifts");
            await Expect(hers.Locator("h1")).ToContainTextAsync("我的更表");

            var phone = await s.NewPageAsync("zh-HK");
            await SignInAsync(phone, admin.Email);
            await phone.GotoAsync($"/o/{slug}/members/{membership}");
            phone.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
            await phone.Locator("#sign-out-everywhere button").ClickAsync();
            await Expect(phone.Locator("main")).ToContainTextAsync("李小姐 " + id);
            await AssertNoHorizontalScrollAsync(phone);
            Assert.Empty(await SeriousAccessibilityViolationsAsync(phone));
            await ScreenshotAsync(phone, "member-signed-out-everywhere-zh-HK-360");

            // Her next tap goes to the sign-in page; her old API token is refused too.
            await hers.GotoAsync("/me/shifts");
            await hers.WaitForURLAsync(u => u.Contains("/account/login", StringComparison.Ordinal));
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await volunteer.Http.GetAsync("/api/v1/me")).StatusCode);
        });
}
