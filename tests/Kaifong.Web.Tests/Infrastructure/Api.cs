using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kaifong.Web.Tests.Infrastructure;

/// <summary>Unique names, so tests sharing one database never meet.</summary>
public static class Unique
{
    private static int counter;

    public static string Id() => $"{Interlocked.Increment(ref counter)}{Guid.NewGuid().ToString("N")[..6]}";
    public static string Email(string who = "user") => $"{who}-{Id()}@example.org";
    public static string Slug() => $"org-{Id()}";
}

/// <summary>A signed-in API caller: a real HTTP client with a bearer token from /api/v1/auth/login.</summary>
public sealed class Api(HttpClient http, string email)
{
    public const string Password = "correct horse battery";

    public HttpClient Http { get; } = http;
    public string Email { get; } = email;

    public static HttpClient Anonymous(KaifongApp app, string? language = null)
    {
        var client = app.CreateClient();
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    public static async Task<Api> RegisterAsync(KaifongApp app, string? email = null, string? displayName = null, string language = "en")
    {
        email ??= Unique.Email();
        var client = Anonymous(app, language);
        var register = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, displayName = displayName ?? email.Split('@')[0], language });
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        return await LoginAsync(app, email, language);
    }

    public static async Task<Api> LoginAsync(KaifongApp app, string email, string language = "en", string password = Password)
    {
        var client = Anonymous(app, language);
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Api(client, email);
    }

    public Task<HttpResponseMessage> PostAsync(string url, object? body = null) => Http.PostAsJsonAsync(url, body ?? new { });
    public Task<HttpResponseMessage> PutAsync(string url, object body) => Http.PutAsJsonAsync(url, body);
    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public async Task<JsonNode> GetJsonAsync(string url)
    {
        var response = await Http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Creates an organisation with this caller as admin; returns its slug.</summary>
    public async Task<string> CreateOrganisationAsync(string? name = null)
    {
        var slug = Unique.Slug();
        var response = await PostAsync("/api/v1/organisations", new { name = name ?? "Test centre " + slug, slug });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return slug;
    }

    public async Task<string> CreateProgrammeAsync(string slug, string name)
    {
        var response = await PostAsync($"/api/v1/organisations/{slug}/programmes", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response))["id"]!.GetValue<string>();
    }

    /// <summary>An invitation token made by this (staff) caller.</summary>
    public async Task<string> InviteAsync(string slug, string role = "Volunteer", bool requiresApproval = true, int? maxUses = null, string[]? programmeIds = null)
    {
        var response = await PostAsync($"/api/v1/organisations/{slug}/invitations", new { role, requiresApproval, maxUses, programmeIds });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response))["token"]!.GetValue<string>();
    }

    /// <summary>Accepts an invitation; returns the membership id.</summary>
    public async Task<string> AcceptAsync(string token)
    {
        var response = await PostAsync($"/api/v1/invitations/{token}/accept");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json(response))["membershipId"]!.GetValue<string>();
    }

    public static async Task<JsonNode> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>Asserts an RFC 9457 problem with this status and code; returns it for more checks.</summary>
    public static async Task<JsonNode> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal(code, problem["code"]?.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        return problem;
    }
}

/// <summary>An organisation with an admin, a volunteer (approved) and a pending applicant, made through the API.</summary>
public sealed record TestOrg(string Slug, Api Admin, Api Volunteer, string VolunteerMembershipId, Api Applicant, string ApplicantMembershipId)
{
    public static async Task<TestOrg> CreateAsync(KaifongApp app)
    {
        var admin = await Api.RegisterAsync(app, Unique.Email("admin"));
        var slug = await admin.CreateOrganisationAsync();
        var volunteer = await Api.RegisterAsync(app, Unique.Email("vol"));
        var volunteerMembership = await volunteer.AcceptAsync(await admin.InviteAsync(slug, requiresApproval: false));
        var applicant = await Api.RegisterAsync(app, Unique.Email("applicant"));
        var applicantMembership = await applicant.AcceptAsync(await admin.InviteAsync(slug));
        return new TestOrg(slug, admin, volunteer, volunteerMembership, applicant, applicantMembership);
    }
}

public static class JsonExtensions
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
