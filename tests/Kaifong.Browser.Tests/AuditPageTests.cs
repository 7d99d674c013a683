using System.Text.RegularExpressions;
using Kaifong.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Kaifong.Browser.Tests;

/// <summary>The audit log on an admin's phone: names and words, not ids; the wide table reachable by keyboard and named (axe).</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AuditPageTests(BrowserApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData("zh-HK")]
    [InlineData("en")]
    public Task The_audit_log_reads_as_words_and_its_table_scrolls_at_360_px(string language) =>
        RunAsync(nameof(The_audit_log_reads_as_words_and_its_table_scrolls_at_360_px) + language, async s =>
        {
            var id = Unique.Id();
            var admin = await Api.RegisterAsync(App, Unique.Email("admin"), "陳主任 " + id, language);
            var slug = await admin.CreateOrganisationAsync("荃灣街坊中心 " + id, Unique.Slug());
            var (shiftId, _) = await admin.CreateScheduleAsync(slug, "長者送飯", "送飯上午班");
            var (_, membership) = await admin.AddApprovedMemberAsync(App, slug, Unique.Email("vol"), "李小姐 " + id, language);
            await admin.PostJsonAsync($"/api/v1/shifts/{shiftId}/assignments", new { membershipId = membership });

            var phone = await s.NewPageAsync(language);
            await SignInAsync(phone, admin.Email);
            await phone.GotoAsync($"/o/{slug}/shifts/{shiftId}"); // the participant list, with contacts: audited
            await phone.GotoAsync($"/o/{slug}/audit");
            var table = phone.Locator("#audit");
            await Expect(table).ToContainTextAsync("李小姐 " + id);
            await Expect(table).ToContainTextAsync("送飯上午班 · 送飯 · ");
            Assert.DoesNotMatch(Guid(), await table.InnerTextAsync());
            Assert.Empty(await SeriousAccessibilityViolationsAsync(phone));
            await AssertNoHorizontalScrollAsync(phone);
            await ScreenshotAsync(phone, $"audit-{language}-360");
        });

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guid();
}
