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

    public async Task AcceptAsync(string token)
    {
        var response = await Http.PostAsJsonAsync($"/api/v1/invitations/{token}/accept", new { });
        Assert.True(response.IsSuccessStatusCode, $"accept: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonNode> GetJsonAsync(string url)
    {
        var response = await Http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
