using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Kaifong.Browser.Tests.Infrastructure;

/// <summary>
/// Helpers for a browser test: contexts it opens are closed at the end, and if the test fails every open page is
/// screenshotted to artifacts/screenshots/failures first.
/// </summary>
public abstract class BrowserTest(BrowserApp app)
{
    protected BrowserApp App { get; } = app;

    protected async Task RunAsync(string testName, Func<Session, Task> body)
    {
        var session = new Session(App);
        try
        {
            await body(session);
        }
        catch
        {
            await session.ScreenshotAllAsync(testName);
            throw;
        }
        finally
        {
            await session.DisposeAsync();
        }
    }

    public sealed class Session(BrowserApp app) : IAsyncDisposable
    {
        private readonly List<IBrowserContext> contexts = [];

        public async Task<IPage> NewPageAsync(string locale, int width = 360, int height = 740)
        {
            var context = await app.NewContextAsync(locale, width, height);
            context.SetDefaultTimeout(15_000);
            contexts.Add(context);
            return await context.NewPageAsync();
        }

        public async Task ScreenshotAllAsync(string testName)
        {
            var folder = Path.Combine(BrowserApp.ScreenshotFolder, "failures");
            Directory.CreateDirectory(folder);
            var n = 0;
            foreach (var page in contexts.SelectMany(c => c.Pages))
            {
                try
                {
                    await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{testName}-{++n}.png"), FullPage = true, Timeout = 5000 });
                }
                catch (PlaywrightException)
                {
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var c in contexts)
            {
                await c.CloseAsync();
            }
        }
    }

    /// <summary>Saves a full-page screenshot as artifacts/screenshots/{name}.png.</summary>
    protected static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, name + ".png"), FullPage = true });

    protected static async Task AssertNoHorizontalScrollAsync(IPage page, int width = 360)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > width)
        {
            var wide = await page.EvaluateAsync<string[]>(
                @"w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 0.5)
                      .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right))",
                width);
            Assert.Fail($"{page.Url}: scrollWidth {scrollWidth} > {width} (horizontal scrolling). Wider elements: {string.Join("; ", wide)}");
        }
    }

    /// <summary>axe-core (Deque.AxeCore.Playwright): no violation whose impact is serious or critical.</summary>
    protected static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var found = new List<string>();
        foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            var text = new StringBuilder($"{page.Url} [{v.Impact}] {v.Id}: {v.Help}");
            foreach (var node in v.Nodes.Take(5))
            {
                text.Append($"\n    {node.Target} {node.Html}");
            }

            found.Add(text.ToString());
        }

        return found;
    }

    /// <summary>Signs in through /account/login (the form's fields by id, so any language).</summary>
    protected static async Task SignInAsync(IPage page, string email, string password = Api.Password)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        // Wait for the redirect itself (commit), not for the next page's load event: under load that event was once
        // missed by Playwright although the page had arrived; every test's next step waits for what it needs anyway.
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
    }
}
