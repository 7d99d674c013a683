using System.Text.RegularExpressions;
using Kaifong.Browser.Tests.Infrastructure;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace Kaifong.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AccountTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public Task Language_switcher_turns_the_page_English_and_Simplified() => RunAsync(nameof(Language_switcher_turns_the_page_English_and_Simplified), async s =>
    {
        var page = await s.NewPageAsync("zh-HK");
        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-HK");
        await Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "登入", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "EN", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "EN", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");

        await page.GetByRole(AriaRole.Button, new() { Name = "简", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "登录", Exact = true })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Large_text_toggle_enlarges_the_text_and_the_phone_layout_survives() => RunAsync(nameof(Large_text_toggle_enlarges_the_text_and_the_phone_layout_survives), async s =>
    {
        var page = await s.NewPageAsync("zh-HK");
        await page.GotoAsync("/");
        var toggle = page.Locator("button[title='大字體']");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        var before = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)");

        await toggle.ClickAsync();
        await Expect(page.Locator("html")).ToHaveClassAsync(new Regex(@"\blarge-text\b"));
        await Expect(page.Locator("button[title='大字體']")).ToHaveAttributeAsync("aria-pressed", "true");
        var after = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)");
        Assert.True(after > before, $"large text should be larger: {before}px → {after}px");

        foreach (var path in new[] { "/", "/account/register", "/account/login" })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("html")).ToHaveClassAsync(new Regex(@"\blarge-text\b"));
            await AssertNoHorizontalScrollAsync(page);
            await ScreenshotAsync(page, $"large-text{(path == "/" ? "-home" : path.Replace('/', '-'))}-zh-HK-360");
        }
    });

    [Fact]
    public Task Magic_link_from_the_email_signs_in() => RunAsync(nameof(Magic_link_from_the_email_signs_in), async s =>
    {
        var email = Unique.Email("magic");
        var name = "李小明" + Unique.Id();
        await Api.RegisterAsync(App, email, name);
        var requestedAt = DateTime.UtcNow.AddSeconds(-1);

        var page = await s.NewPageAsync("zh-HK");
        await page.GotoAsync("/account/magic-link");
        await page.GetByLabel("電郵地址", new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "寄出登入連結" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("登入連結已寄出");

        var link = await MagicLinkFromMailAsync(email, requestedAt);
        Assert.StartsWith(App.BaseUrl + "/account/magic?", link, StringComparison.Ordinal);
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "立即登入" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/account/magic", StringComparison.Ordinal));
        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToContainTextAsync("你好");
        await Expect(page.Locator("h1")).ToContainTextAsync(name);
    });

    /// <summary>The link in the newest .eml to this address in the pickup folder (waits for the outbox).</summary>
    private async Task<string> MagicLinkFromMailAsync(string to, DateTime since)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in new DirectoryInfo(App.MailFolder).GetFiles("*.eml").Where(f => f.LastWriteTimeUtc >= since).OrderByDescending(f => f.LastWriteTimeUtc))
            {
                MimeMessage message;
                try
                {
                    message = await MimeMessage.LoadAsync(file.FullName);
                }
                catch (IOException)
                {
                    continue; // still being written
                }

                if (!message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var body = message.TextBody ?? System.Net.WebUtility.HtmlDecode(message.HtmlBody ?? "");
                var match = Regex.Match(body, @"https?://[^\s""'<>]+/account/magic\?[^\s""'<>]+");
                Assert.True(match.Success, $"no magic link in the e-mail to {to}:\n{body}");
                return match.Value;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"no e-mail to {to} in {App.MailFolder} within 20 s");
    }
}
