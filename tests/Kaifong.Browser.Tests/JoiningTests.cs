using System.Net;
using System.Text.RegularExpressions;
using Kaifong.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Kaifong.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class JoiningTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public Task Volunteer_joins_by_invitation_on_a_phone() => RunAsync(nameof(Volunteer_joins_by_invitation_on_a_phone), async s =>
    {
        var id = Unique.Id();
        var admin = await Api.RegisterAsync(App, Unique.Email("admin"), "職員" + id);
        var slug = await admin.CreateOrganisationAsync("荃灣長者中心 " + id, Unique.Slug());
        var orgName = "荃灣長者中心 " + id;
        var (_, url) = await admin.InviteAsync(slug);
        var email = Unique.Email("vol");
        var name = "陳大文" + id;

        // The volunteer, on a phone, in Hong Kong Chinese.
        var phone = await s.NewPageAsync("zh-HK");
        await phone.GotoAsync(url);
        await Expect(phone.Locator("h1")).ToContainTextAsync(orgName);
        await Expect(phone.GetByText("收集個人資料聲明").First).ToBeVisibleAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "註冊並加入" }).ClickAsync();

        await phone.WaitForURLAsync(u => u.Contains("/account/register", StringComparison.Ordinal));
        await phone.GetByLabel("電郵地址", new() { Exact = true }).FillAsync(email);
        await phone.GetByLabel("密碼", new() { Exact = true }).FillAsync(Api.Password);
        await phone.GetByLabel("顯示名稱", new() { Exact = true }).FillAsync(name);
        await phone.GetByLabel("我已閱讀並明白收集個人資料聲明").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "註冊", Exact = true }).ClickAsync();

        await phone.WaitForURLAsync(u => new Uri(u).AbsolutePath == new Uri(url).AbsolutePath);
        await phone.GetByRole(AriaRole.Button, new() { Name = "接受邀請並加入" }).ClickAsync();
        await Expect(phone.Locator("#invitation-result")).ToContainTextAsync("職員批准後會通知你");

        await phone.GotoAsync("/me/profile");
        await phone.GetByLabel("手提電話").FillAsync("9123 4567");
        await phone.GetByLabel("居住或服務地區").SelectOptionAsync(new SelectOptionValue { Label = "荃灣" });
        await phone.GetByLabel("技能").FillAsync("急救, 廣東話");
        await phone.GetByRole(AriaRole.Button, new() { Name = "儲存", Exact = true }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status).Filter(new() { HasText = "已儲存" })).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(phone);

        // The admin, at a desk.
        var desk = await s.NewPageAsync("zh-HK", 1280, 800);
        await desk.GotoAsync("/account/login");
        await desk.GetByLabel("電郵地址", new() { Exact = true }).FillAsync(admin.Email);
        await desk.GetByLabel("密碼", new() { Exact = true }).FillAsync(Api.Password);
        await desk.GetByRole(AriaRole.Button, new() { Name = "登入", Exact = true }).ClickAsync();
        await desk.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
        await desk.GotoAsync($"/o/{slug}/members?status=Pending");
        var row = desk.Locator("#members li").Filter(new() { HasText = name });
        await Expect(row).ToHaveCountAsync(1);
        await row.GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }).ClickAsync();
        await Expect(desk.Locator("#members li").Filter(new() { HasText = name })).ToContainTextAsync("已啟用");

        // The API agrees.
        var active = await admin.GetJsonAsync($"/api/v1/organisations/{slug}/members?status=Active");
        Assert.Contains(active.AsArray(), m => m!["displayName"]!.GetValue<string>() == name);
        var volunteer = await Api.LoginAsync(App, email);
        var me = await volunteer.GetJsonAsync("/api/v1/me");
        Assert.Equal("+85291234567", me["phone"]?.GetValue<string>());
        Assert.Equal(name, me["displayName"]!.GetValue<string>());
    });

    [Fact]
    public Task Registration_errors_show_next_to_the_fields_in_Chinese_and_nothing_is_saved() => RunAsync(nameof(Registration_errors_show_next_to_the_fields_in_Chinese_and_nothing_is_saved), async s =>
    {
        var email = $"not-an-email-{Unique.Id()}";
        var page = await s.NewPageAsync("zh-HK");
        await page.GotoAsync("/account/register");
        await page.GetByLabel("電郵地址", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("密碼", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("顯示名稱", new() { Exact = true }).FillAsync("測試");
        await page.GetByRole(AriaRole.Button, new() { Name = "註冊", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);

        var chinese = new Regex("[\u4e00-\u9fff]");
        await Expect(page.Locator("[data-valmsg-for='Input.Email']")).ToHaveTextAsync(chinese);
        await Expect(page.Locator("[data-valmsg-for='Input.PicsRead']")).ToContainTextAsync("收集個人資料聲明");
        Assert.Contains("/account/register", page.Url, StringComparison.Ordinal);
        await AssertNoHorizontalScrollAsync(page);
        await ScreenshotAsync(page, "register-errors-zh-HK-360");
        var passwordMessageWithoutPics = (await page.Locator("[data-valmsg-for='Input.Password']").TextContentAsync())?.Trim();

        // A good address, the statement ticked, but a short password: the password's error, in Chinese, and no account.
        var goodEmail = Unique.Email("short");
        await page.GetByLabel("電郵地址", new() { Exact = true }).FillAsync(goodEmail);
        await page.GetByLabel("密碼", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("我已閱讀並明白收集個人資料聲明").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "註冊", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.Password']")).ToHaveTextAsync(chinese);
        Assert.Contains("/account/register", page.Url, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await Api.TryLoginAsync(App, goodEmail, "short")).StatusCode);

        // All of a form's mistakes at once: the short password is reported even while the statement is unticked.
        Assert.False(string.IsNullOrEmpty(passwordMessageWithoutPics),
            "a short password is not reported next to the password field when the PICS box is unticked (only the e-mail and PICS errors show)");

        var login = await Api.TryLoginAsync(App, email, "short");
        Assert.NotEqual(HttpStatusCode.OK, login.StatusCode);
    });
}
