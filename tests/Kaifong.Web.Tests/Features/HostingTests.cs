using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Kaifong.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kaifong.Web.Tests.Features;

/// <summary>
/// Issue 8.1 and 9 in Production: the app will not start without its public address, answers only to that address's
/// host, only over HTTPS (directly, or through a proxy it is told about), with Secure cookies and no Server header;
/// /health and /ping answer load balancers whatever the host and scheme.
/// </summary>
public sealed class HostingTests
{
    private static readonly Uri Public = new("https://kaifong.test");

    [Theory]
    [InlineData("")]
    [InlineData("kaifong.example.org")]
    [InlineData("ftp://kaifong.example.org")]
    public async Task Outside_development_the_app_does_not_start_without_a_public_address_and_names_the_setting(string value)
    {
        await using var app = new ProductionApp(publicBaseUrl: value);

        var failure = Assert.ThrowsAny<Exception>(() => app.Server);

        var text = failure.ToString();
        Assert.Contains("Kaifong:PublicBaseUrl", text, StringComparison.Ordinal);
        Assert.Contains("Kaifong__PublicBaseUrl", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_for_another_host_is_refused_and_the_probes_still_answer()
    {
        await using var app = new ProductionApp();
        await app.InitializeAsync();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Public, AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);

        client.DefaultRequestHeaders.Host = "evil.example";
        await Api.AssertProblem(await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "someone@example.org" }), HttpStatusCode.BadRequest, "host_not_allowed");
        await Api.AssertProblem(await client.GetAsync("/api/v1/me"), HttpStatusCode.BadRequest, "host_not_allowed");
        var page = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.DoesNotContain("<form", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A load balancer probing by its internal address over plain HTTP.
        var probe = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://10.0.0.7:8080") });
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health")).StatusCode);
        Assert.Equal("pong", await probe.GetStringAsync("/ping"));
    }

    [Fact]
    public async Task Plain_http_is_refused_naming_the_proxy_setting_and_over_https_every_cookie_is_secure()
    {
        await using var app = new ProductionApp();
        await app.InitializeAsync();
        var plain = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://kaifong.test"), AllowAutoRedirect = false });

        var page = await plain.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Kaifong:BehindProxy", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(page.Headers.Contains("Set-Cookie"));
        await Api.AssertProblem(await plain.PostAsJsonAsync("/api/v1/auth/login", new { email = "x@example.org", password = Api.Password }), HttpStatusCode.Forbidden, "https_required");

        var secure = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Public, AllowAutoRedirect = false, HandleCookies = false });
        var login = await secure.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("", HttpStatusCode.OK)]
    [InlineData("10.20.30.40", HttpStatusCode.Forbidden)]
    public async Task Behind_a_proxy_the_scheme_only_a_known_proxy_forwards_is_believed_and_no_server_header_is_sent(string knownProxies, HttpStatusCode forwarded)
    {
        await using var app = new ProxyApp(knownProxies);
        await app.InitializeAsync();
        using var http = new HttpClient { BaseAddress = app.Address };

        // The proxy (here: on the same machine, which is trusted by default) says the browser came over HTTPS.
        using var viaProxy = new HttpRequestMessage(HttpMethod.Get, "/account/login") { Headers = { Host = "kaifong.test" } };
        viaProxy.Headers.Add("X-Forwarded-Proto", "https");
        var answer = await http.SendAsync(viaProxy);
        Assert.Equal(forwarded, answer.StatusCode);
        Assert.False(answer.Headers.Contains("Server"));
        if (forwarded == HttpStatusCode.OK)
        {
            Assert.All(answer.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        }

        // Without the header the request is plain HTTP: refused, saying what the proxy must send.
        using var direct = new HttpRequestMessage(HttpMethod.Get, "/account/login") { Headers = { Host = "kaifong.test" } };
        var refused = await http.SendAsync(direct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Kaifong:KnownProxies", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.False(health.Headers.Contains("Server"));
    }

    /// <summary>The app as an operator runs it: Production, its own AllowedHosts and HTTPS rules, a fresh SQLite file.</summary>
    private class ProductionApp(string publicBaseUrl = "https://kaifong.test") : SqliteApp
    {
        protected override string EnvironmentName => "Production";
        public override string PublicBaseUrl => publicBaseUrl;

        protected override void Adjust(IDictionary<string, string?> settings)
        {
            settings.Remove("AllowedHosts");
            settings.Remove("Kaifong:AllowPlainHttp");
        }
    }

    /// <summary>Production behind a reverse proxy, on real Kestrel (loopback), so the client address is real.</summary>
    private sealed class ProxyApp : ProductionApp
    {
        private readonly string knownProxies;
        private readonly int port = FreePort();

        public ProxyApp(string knownProxies)
        {
            this.knownProxies = knownProxies;
            UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        }

        public Uri Address => new($"http://127.0.0.1:{port}");

        protected override void Adjust(IDictionary<string, string?> settings)
        {
            base.Adjust(settings);
            settings["Kaifong:BehindProxy"] = "true";
            settings["Kaifong:KnownProxies"] = knownProxies;
        }

        public override Task InitializeAsync()
        {
            StartServer();
            return Task.CompletedTask;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
