using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Kaifong.Browser.Tests.Infrastructure;

/// <summary>Unique names, so tests sharing one database never meet.</summary>
public static class Unique
{
    private static int counter;

    public static string Id() => $"{Interlocked.Increment(ref counter)}{Guid.NewGuid().ToString("N")[..6]}";
    public static string Email(string who = "user") => $"{who}-{Id()}@example.org";
    public static string Slug() => $"org-{Id()}";
}

/// <summary>A signed-in API caller over real HTTP, with a bearer token from /api/v1/auth/login.</summary>
public sealed class Api(HttpClient http, string email)
{
    public const string Password = "correct horse battery";

    public HttpClient Http { get; } = http;
    public string Email { get; } = email;

    public static async Task<Api> RegisterAsync(BrowserApp app, string email, string displayName, string language = "zh-HK")
    {
        using var client = app.Http(language);
        var register = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, displayName, language });
        Assert.True(register.StatusCode == HttpStatusCode.OK, $"register {email}: {(int)register.StatusCode} {await register.Content.ReadAsStringAsync()}");
        return await LoginAsync(app, email, language);
    }

    public static async Task<HttpResponseMessage> TryLoginAsync(BrowserApp app, string email, string password, string language = "en")
    {
        using var client = app.Http(language);
        return await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
    }

    public static async Task<Api> LoginAsync(BrowserApp app, string email, string language = "en", string password = Password)
    {
        var client = app.Http(language);
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.True(login.StatusCode == HttpStatusCode.OK, $"login {email}: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Api(client, email);
    }

    public async Task<string> CreateOrganisationAsync(string name, string slug)
    {
        var response = await Http.PostAsJsonAsync("/api/v1/organisations", new { name, slug });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create organisation: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return slug;
    }

    /// <summary>An invitation (token and url) to join as a volunteer.</summary>
    public async Task<(string Token, string Url)> InviteAsync(string slug, string role = "Volunteer")
    {
        var response = await Http.PostAsJsonAsync($"/api/v1/organisations/{slug}/invitations", new { role });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"invite: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (json["token"]!.GetValue<string>(), json["url"]!.GetValue<string>());
    }

    /// <summary>A new person who joins this (admin) caller's organisation by invitation and is approved; returns them and their membership id.</summary>
    public async Task<(Api Person, string MembershipId)> AddApprovedMemberAsync(BrowserApp app, string slug, string email, string displayName, string language = "zh-HK")
    {
        var person = await RegisterAsync(app, email, displayName, language);
        var (token, _) = await InviteAsync(slug);
        await person.AcceptAsync(token);
        var membership = (await GetJsonAsync($"/api/v1/organisations/{slug}/members")).AsArray()
            .First(m => m!["displayName"]!.GetValue<string>() == displayName)!["membershipId"]!.GetValue<string>();
        await PostJsonAsync($"/api/v1/organisations/{slug}/members/{membership}/approve", new { });
        return (person, membership);
    }

    public async Task AcceptAsync(string token)
    {
        var response = await Http.PostAsJsonAsync($"/api/v1/invitations/{token}/accept", new { });
        Assert.True(response.IsSuccessStatusCode, $"accept: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public Task<HttpResponseMessage> PutAsync(string url, object body) => Http.PutAsJsonAsync(url, body);

    /// <summary>POSTs JSON and asserts 201/200; returns the answer.</summary>
    public async Task<JsonNode> PostJsonAsync(string url, object body)
    {
        var response = await Http.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>A programme and a weekly activity on Mondays and Thursdays from next month's first Monday (two shifts an occurrence); returns its first shift's id and date.</summary>
    public async Task<(string ShiftId, DateOnly First)> CreateScheduleAsync(string slug, string programmeName, string title)
    {
        var programme = (await PostJsonAsync($"/api/v1/organisations/{slug}/programmes", new { name = programmeName }))["id"]!.GetValue<string>();
        var first = NextMonth();
        while (first.DayOfWeek != DayOfWeek.Monday)
        {
            first = first.AddDays(1);
        }

        var activity = await PostJsonAsync($"/api/v1/organisations/{slug}/activities", new
        {
            title, programmeId = programme, venue = "荃灣沙咀道 1 號", district = "Tsuen Wan",
            start = $"{first:yyyy-MM-dd}T09:00", end = $"{first:yyyy-MM-dd}T12:00", rrule = "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=8",
            shifts = new[]
            {
                new { role = "送飯", start = "09:00", end = "12:00", minimum = 2, target = 4, maximum = 4 },
                new { role = "司機", start = "09:30", end = "12:00", minimum = 0, target = 1, maximum = 1 },
            },
        });
        return (activity["occurrences"]![0]!["shifts"]![0]!["id"]!.GetValue<string>(), first);
    }

    /// <summary>The first day of next month (local time of the machine, which is where the browser runs).</summary>
    public static DateOnly NextMonth()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(1);
    }

    public async Task<JsonNode> GetJsonAsync(string url)
    {
        var response = await Http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
