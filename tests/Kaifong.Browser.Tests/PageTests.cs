using Kaifong.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Kaifong.Browser.Tests;

/// <summary>The main pages at phone and desk sizes, in Chinese and English: screenshots, no sideways scrolling, axe-core.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTests(BrowserApp app) : BrowserTest(app)
{
    public static TheoryData<string, int, int> Sizes => new()
    {
        { "zh-HK", 360, 740 },
        { "zh-HK", 1280, 800 },
        { "en", 360, 740 },
        { "en", 1280, 800 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public Task Pages_are_screenshotted_and_fit_a_phone_without_sideways_scrolling(string lang, int width, int height) =>
        RunAsync($"{nameof(Pages_are_screenshotted_and_fit_a_phone_without_sideways_scrolling)}-{lang}-{width}", async s =>
        {
            var problems = new List<string>();
            await VisitPagesAsync(s, lang, width, height, async (page, name) =>
            {
                await ScreenshotAsync(page, $"{name}-{lang}-{width}");
                if (width <= 360)
                {
                    try
                    {
                        await AssertNoHorizontalScrollAsync(page, width);
                    }
                    catch (Xunit.Sdk.FailException e)
                    {
                        problems.Add(e.Message);
                    }
                }
            });
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        });

    [Theory]
    [InlineData("zh-HK", 360, 740)]
    [InlineData("en", 360, 740)]
    [InlineData("zh-HK", 1280, 800)]
    public Task Pages_have_no_serious_or_critical_accessibility_violations(string lang, int width, int height) =>
        RunAsync($"{nameof(Pages_have_no_serious_or_critical_accessibility_violations)}-{lang}-{width}", async s =>
        {
            var violations = new List<string>();
            await VisitPagesAsync(s, lang, width, height, async (page, _) => violations.AddRange(await SeriousAccessibilityViolationsAsync(page)));
            Assert.True(violations.Count == 0, "axe-core found serious or critical violations:\n" + string.Join("\n", violations));
        });

    /// <summary>
    /// style-src has no 'unsafe-inline': no page, library or script of ours may rely on inline styles (style attributes
    /// in markup or set with setAttribute, &lt;style&gt; elements). Chromium reports each refusal on the console.
    /// </summary>
    [Fact]
    public Task Pages_break_no_rule_of_the_content_security_policy() =>
        RunAsync(nameof(Pages_break_no_rule_of_the_content_security_policy), async s =>
        {
            var violations = new List<string>();
            IPage? last = null;
            var visited = new List<string>();
            await VisitPagesAsync(s, "zh-HK", 1280, 800, (_, name) =>
            {
                visited.Add(name);
                return Task.CompletedTask;
            }, async page =>
            {
                last = page;
                page.Console += (_, message) =>
                {
                    if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.StartsWith("CSP violation", StringComparison.Ordinal))
                    {
                        violations.Add($"{page.Url}: {message.Text}");
                    }
                };
                await page.AddInitScriptAsync(
                    "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));");
            });
            await last!.GotoAsync("/me/availability");
            await Expect(last.Locator("form").First).ToBeVisibleAsync();
            visited.Add("availability");
            // Let late scripts (the calendar's fetch, the live hub) run on the last page too.
            await last.WaitForLoadStateAsync(LoadState.NetworkIdle);

            Assert.Contains("board", visited);
            Assert.True(violations.Count == 0, "Content Security Policy violations:\n" + string.Join("\n", violations));
        });

    /// <summary>
    /// Home (signed out), an invitation, registration, then as an organisation's admin (whose profile language is
    /// <paramref name="lang"/>) the profile and the members list with a pending applicant.
    /// </summary>
    private async Task VisitPagesAsync(BrowserTest.Session s, string lang, int width, int height, Func<IPage, string, Task> check, Func<IPage, Task>? opened = null)
    {
        var id = Unique.Id();
        var orgName = lang == "en" ? "Tsuen Wan Neighbourhood Centre " + id : "荃灣鄰舍中心 " + id;
        var admin = await Api.RegisterAsync(App, Unique.Email("admin"), lang == "en" ? "Coordinator " + id : "統籌 " + id, lang);
        var slug = await admin.CreateOrganisationAsync(orgName, Unique.Slug());
        var (token, url) = await admin.InviteAsync(slug);
        var applicant = await Api.RegisterAsync(App, Unique.Email("applicant"), lang == "en" ? "Chan Tai Man " + id : "陳大文 " + id, lang);
        await applicant.AcceptAsync((await admin.InviteAsync(slug)).Token);

        var page = await s.NewPageAsync(lang, width, height);
        if (opened is not null)
        {
            await opened(page);
        }

        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await check(page, "home");

        await page.GotoAsync(url);
        await Expect(page.Locator("h1")).ToContainTextAsync(orgName);
        await check(page, "invitation");

        await page.GotoAsync($"/account/register?returnUrl={Uri.EscapeDataString("/invite/" + token)}");
        await Expect(page.Locator("#Input_Email")).ToBeVisibleAsync();
        await check(page, "register");

        await SignInAsync(page, admin.Email);
        await page.GotoAsync("/me/profile");
        await Expect(page.Locator("#Input_Phone")).ToBeVisibleAsync();
        await check(page, "profile");

        await page.GotoAsync($"/o/{slug}/members");
        await Expect(page.Locator("#members li")).ToHaveCountAsync(2);
        await check(page, "members");

        // The schedule: a coordinator's calendar, board and gaps, and the volunteer's lists and a shift.
        var (shiftId, first) = await admin.CreateScheduleAsync(slug, lang == "en" ? "Meals" : "長者送飯", lang == "en" ? "Meal delivery" : "長者送飯");
        var month = Api.NextMonth();
        await page.GotoAsync($"/o/{slug}/calendar?date={month:yyyy-MM-dd}");
        await Expect(page.Locator(".ec-event").First).ToBeVisibleAsync();
        await check(page, "calendar");
        await page.GotoAsync($"/o/{slug}/board?date={first:yyyy-MM-dd}");
        await Expect(page.Locator(".ec-event").First).ToBeVisibleAsync();
        await check(page, "board");
        await page.GotoAsync($"/o/{slug}/gaps?from={month:yyyy-MM-dd}");
        await check(page, "gaps");
        await page.GotoAsync($"/me/open-shifts?from={month:yyyy-MM-dd}");
        await Expect(page.Locator(".kf-shift-card").First).ToBeVisibleAsync();
        await check(page, "open-shifts");
        await page.GotoAsync($"/o/{slug}/shifts/{shiftId}");
        await check(page, "shift");
        await page.GotoAsync("/me/shifts");
        await check(page, "my-shifts");
    }
}
