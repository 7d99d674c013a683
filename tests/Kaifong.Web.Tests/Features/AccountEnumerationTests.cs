using System.Net;
using System.Net.Http.Json;
using Kaifong.Web.Features.Account;
using Kaifong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifong.Web.Tests.Features;

/// <summary>
/// Issue 8 item 5: whether an address has an account shows neither in the answer nor in the work done for it. Times are
/// never asserted (bench/README.md has the measurement); the mechanism is: the same hash verification, the same hand-off.
/// </summary>
public abstract class AccountEnumerationTests(KaifongApp app)
{
    private const string Wrong = "not the password at all";

    private static async Task<string> AnswerAsync(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {await response.Content.ReadAsStringAsync()}";

    private Task<HttpResponseMessage> LoginAsync(string email, string password = Wrong) =>
        Api.Anonymous(app, "en").PostAsJsonAsync("/api/v1/auth/login", new { email, password });

    [Fact]
    public async Task Login_answers_alike_for_an_unknown_and_a_real_account_even_after_six_wrong_passwords()
    {
        var real = await Api.RegisterAsync(app);
        var unknown = Unique.Email("nobody");
        for (var i = 1; i <= 6; i++)
        {
            var a = await AnswerAsync(await LoginAsync(real.Email));
            var b = await AnswerAsync(await LoginAsync(unknown));
            Assert.Equal(b, a);
            Assert.Contains("\"code\":\"auth.failed\"", a, StringComparison.Ordinal);
        }

        // Locked now: the right password is refused, with the same answer again.
        Assert.Equal(await AnswerAsync(await LoginAsync(unknown, Api.Password)), await AnswerAsync(await LoginAsync(real.Email, Api.Password)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(real.Email, Api.Password)).StatusCode);
    }

    [Fact]
    public async Task Login_page_answers_alike_for_an_unknown_and_a_locked_account()
    {
        var real = await Api.RegisterAsync(app);
        var unknown = Unique.Email("nobody");
        var texts = new List<(string Real, string Unknown)>();
        for (var i = 1; i <= 6; i++)
        {
            texts.Add((await PageErrorAsync(real.Email), await PageErrorAsync(unknown)));
        }

        Assert.All(texts, t => Assert.Equal(t.Unknown, t.Real));
        Assert.Contains("locked for 15 minutes", texts[^1].Real, StringComparison.Ordinal);
    }

    private async Task<string> PageErrorAsync(string email)
    {
        var response = await PageClient.Anonymous(app, "en").PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Wrong,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PageClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("main [role=alert]")!.TextContent.Trim();
    }

    [Fact]
    public async Task Login_verifies_one_password_hash_for_an_unknown_a_real_and_a_locked_account_alike()
    {
        var real = await Api.RegisterAsync(app);
        var counts = new Dictionary<string, int>();
        async Task CountAsync(string name, string email)
        {
            var before = app.PasswordHasher.Verifications;
            await LoginAsync(email);
            counts[name] = app.PasswordHasher.Verifications - before;
        }

        await CountAsync("unknown", Unique.Email("nobody"));
        await CountAsync("real", real.Email);
        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(real.Email);
        }

        await CountAsync("locked", real.Email);

        Assert.Equal(new Dictionary<string, int> { ["unknown"] = 1, ["real"] = 1, ["locked"] = 1 }, counts);
    }

    [Theory]
    [InlineData("/api/v1/auth/forgot-password", "Reset your Kaifong password")]
    [InlineData("/api/v1/auth/magic-link", "Your Kaifong sign-in link")]
    public async Task Forgot_password_and_magic_link_answer_alike_and_hand_both_cases_to_the_background(string url, string subject)
    {
        var real = await Api.RegisterAsync(app);
        var unknown = Unique.Email("nobody");
        var queue = app.Services.GetRequiredService<AccountMailQueue>();

        var before = queue.Accepted;
        var realAnswer = await AnswerAsync(await Api.Anonymous(app, "en").PostAsJsonAsync(url, new { email = real.Email }));
        var unknownAnswer = await AnswerAsync(await Api.Anonymous(app, "en").PostAsJsonAsync(url, new { email = unknown }));

        Assert.Equal(realAnswer, unknownAnswer);
        Assert.StartsWith("202", realAnswer, StringComparison.Ordinal);
        Assert.Equal(2, queue.Accepted - before);
        await Mailbox.WaitForAsync(app, real.Email, subject);
        Assert.Equal(0, await app.WithDbAsync(db => db.Outbox.CountAsync(o => o.Recipient == unknown)));
    }

    [Theory]
    [InlineData("/account/forgot-password")]
    [InlineData("/account/magic-link")]
    public async Task Forgot_password_and_magic_link_pages_answer_alike(string page)
    {
        var real = await Api.RegisterAsync(app);
        var queue = app.Services.GetRequiredService<AccountMailQueue>();
        var before = queue.Accepted;

        async Task<string> MainAsync(string email)
        {
            var response = await PageClient.Anonymous(app, "en").PostFormAsync(page, page, new Dictionary<string, string> { ["email"] = email });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return PageClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("main")!.TextContent;
        }

        Assert.Equal(await MainAsync(Unique.Email("nobody")), await MainAsync(real.Email));
        Assert.Equal(2, queue.Accepted - before);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccountEnumerationTestsOnSqlite(SqliteApp app) : AccountEnumerationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AccountEnumerationTestsOnPostgres(PostgresApp app) : AccountEnumerationTests(app);
