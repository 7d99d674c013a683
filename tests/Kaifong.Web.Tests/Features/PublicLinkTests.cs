using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Kaifong.Web.Features.Signups;
using Kaifong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifong.Web.Tests.Features;

/// <summary>
/// Issue 8.1: no link that leaves the system is built from the request. Every caller here sends <c>Host: evil.example</c>
/// to an app in Development with <c>Kaifong:PublicBaseUrl</c> empty, where links used to follow the Host header; now they
/// are the app's own address (http://localhost:5000), in every kind of mail that carries one, in the API's invitation
/// and calendar-feed URLs, and inside the feed itself.
/// </summary>
public abstract partial class PublicLinkTests(KaifongApp app)
{
    private const string Evil = "evil.example";
    private const string Own = "http://localhost:5000/";

    private static T Hostile<T>(T client) where T : HttpClient
    {
        client.DefaultRequestHeaders.Host = Evil;
        return client;
    }

    private static Api Hostile(Api caller)
    {
        Hostile(caller.Http);
        return caller;
    }

    /// <summary>Every absolute URL in the mail (text and HTML) is on the app's own address, and there is at least one.</summary>
    private async Task AssertMailLinksAsync(string to, string subjectContains)
    {
        var mail = await Mailbox.WaitForAsync(app, to, subjectContains);
        var body = (mail.TextBody ?? "") + "\n" + (mail.HtmlBody ?? "");
        AssertOwnLinks(body, $"mail '{mail.Subject}' to {to}");
    }

    private static void AssertOwnLinks(string text, string what)
    {
        var links = UrlPattern().Matches(text).Select(m => m.Value).ToList();
        Assert.True(links.Count > 0, $"{what} has no absolute link: {text}");
        Assert.All(links, l => Assert.StartsWith(Own, l, StringComparison.Ordinal));
        Assert.DoesNotContain(Evil, text, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex UrlPattern();

    [Fact]
    public async Task Password_reset_and_magic_link_mails_link_to_the_own_address_whatever_the_host_header()
    {
        var person = await Api.RegisterAsync(app, language: "en");
        var anonymous = Hostile(Api.Anonymous(app, "en"));

        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = person.Email })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/v1/auth/magic-link", new { email = person.Email })).StatusCode);

        await AssertMailLinksAsync(person.Email, "Reset your Kaifong password");
        await AssertMailLinksAsync(person.Email, "sign-in link");
    }

    [Fact]
    public async Task Invitation_urls_and_the_approval_mail_use_the_own_address()
    {
        var admin = Hostile(await Api.RegisterAsync(app, Unique.Email("admin")));
        var slug = await admin.CreateOrganisationAsync();

        var created = await Api.Json(await admin.PostAsync($"/api/v1/organisations/{slug}/invitations", new { role = "Volunteer", requiresApproval = true }));
        AssertOwnLinks(created["url"]!.GetValue<string>(), "the new invitation's url");
        var list = await admin.GetJsonAsync($"/api/v1/organisations/{slug}/invitations");
        AssertOwnLinks(string.Join(" ", list.AsArray().Select(i => i!["url"]!.GetValue<string>())), "the invitation list's urls");

        var applicant = await Api.RegisterAsync(app, Unique.Email("applicant"));
        var membership = await applicant.AcceptAsync(created["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/organisations/{slug}/members/{membership}/approve")).StatusCode);
        await AssertMailLinksAsync(applicant.Email, "Welcome to");
    }

    [Fact]
    public async Task Shift_changed_and_cancelled_mails_and_the_calendar_feed_use_the_own_address()
    {
        var (org, programme) = await SignupWorld.OrgAsync(app);
        Hostile(org.Admin);
        var volunteer = Hostile(org.Volunteer);
        var activity = await Api.Json(await org.Admin.PostAsync($"/api/v1/organisations/{org.Slug}/activities", new
        {
            title = "長者送飯", programmeId = programme, start = "2026-12-07T09:00", end = "2026-12-07T12:00", rrule = "FREQ=WEEKLY;COUNT=2",
            shifts = new[] { new { role = "送飯", start = "09:00", end = "12:00", minimum = 1, target = 2, maximum = 2 } },
        }));
        var id = activity["id"]!.GetValue<string>();
        foreach (var occurrence in activity["occurrences"]!.AsArray())
        {
            var shift = occurrence!["shifts"]![0]!["id"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.Created, (await volunteer.PostAsync($"/api/v1/shifts/{shift}/signups")).StatusCode);
        }

        var feed = (await volunteer.GetJsonAsync("/api/v1/me/calendar-feed"))["url"]!.GetValue<string>();
        AssertOwnLinks(feed, "the calendar feed's url");
        var ics = await volunteer.Http.GetStringAsync(new Uri(feed).PathAndQuery);
        AssertOwnLinks(string.Join("\n", ics.Split('\n').Where(line => line.StartsWith("URL", StringComparison.Ordinal))), "the feed's shift links");

        var moved = await org.Admin.Http.PatchAsJsonAsync($"/api/v1/organisations/{org.Slug}/activities/{id}",
            new { scope = "this", date = "2026-12-07", start = "2026-12-07T10:00", end = "2026-12-07T13:00", venue = "荃灣大會堂" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await org.Admin.Http.DeleteAsync($"/api/v1/organisations/{org.Slug}/activities/{id}/occurrences/2026-12-14")).StatusCode);

        await AssertMailLinksAsync(volunteer.Email, "Shift changed");
        await AssertMailLinksAsync(volunteer.Email, "Shift cancelled");
    }

    [Fact]
    public async Task Substitute_mails_and_the_unconfirmed_places_report_use_the_own_address()
    {
        var (org, programme) = await SignupWorld.OrgAsync(app);
        Hostile(org.Admin);
        var people = (await SignupWorld.PeopleAsync(app, org.Slug, 3)).Select(Hostile).ToList();
        var shift = await SignupWorld.ShiftIdAsync(org.Admin, org.Slug, SignupWorld.Shift(programme, "2026-12-17", maximum: 2));
        var mine = (await Api.Json(await people[0].PostAsync($"/api/v1/shifts/{shift}/signups")))["id"]!.GetValue<string>();

        var request = await Api.Json(await people[0].PostAsync($"/api/v1/signups/{mine}/substitute-requests"));
        Assert.Equal(HttpStatusCode.OK, (await people[1].PostAsync($"/api/v1/substitute-requests/{request["id"]!.GetValue<string>()}/accept")).StatusCode);

        await AssertMailLinksAsync(people[1].Email, "Can you cover?");
        await AssertMailLinksAsync(people[0].Email, "Someone is covering for you");

        // The report is written by a background worker: there is no request at all to take an address from.
        var late = await SignupWorld.ShiftIdAsync(org.Admin, org.Slug, SignupWorld.Shift(programme, "2026-12-18", maximum: 2));
        var unconfirmed = (await Api.Json(await people[2].PostAsync($"/api/v1/shifts/{late}/signups")))["id"]!.GetValue<string>();
        var overdue = app.Time.GetUtcNow().AddMinutes(-1);
        await app.WithDbAsync(db => db.Signups.Where(s => s.Id == Guid.Parse(unconfirmed)).ExecuteUpdateAsync(u => u.SetProperty(s => s.ConfirmBy, overdue)));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UnconfirmedPlaces>().ReportAsync(CancellationToken.None);
        }

        await AssertMailLinksAsync(org.Admin.Email, "places unconfirmed");
    }
}

/// <summary>The app in Development with no public address configured: links must still never come from the request.</summary>
public sealed class DevelopmentSqliteApp : SqliteApp
{
    protected override string EnvironmentName => "Development";
    public override string PublicBaseUrl => "";

    // Development answers to any Host (the default "*"), so the hostile header reaches the code that builds links.
    protected override void Adjust(IDictionary<string, string?> settings) => settings.Remove("AllowedHosts");
}

public sealed class DevelopmentPostgresApp : PostgresApp
{
    protected override string EnvironmentName => "Development";
    public override string PublicBaseUrl => "";

    // Development answers to any Host (the default "*"), so the hostile header reaches the code that builds links.
    protected override void Adjust(IDictionary<string, string?> settings) => settings.Remove("AllowedHosts");
}

public sealed class PublicLinkTestsOnSqlite(DevelopmentSqliteApp app) : PublicLinkTests(app), IClassFixture<DevelopmentSqliteApp>;

public sealed class PublicLinkTestsOnPostgres(DevelopmentPostgresApp app) : PublicLinkTests(app), IClassFixture<DevelopmentPostgresApp>;
