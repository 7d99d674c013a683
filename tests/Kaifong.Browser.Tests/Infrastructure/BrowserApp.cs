using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Kaifong.Browser.Tests.Infrastructure;

/// <summary>
/// The real app on real Kestrel (127.0.0.1, a free port), a temp-file SQLite database and a pickup folder for e-mail,
/// plus one headless Chromium (the system's /usr/bin/chromium; scripts/test.sh installs it). Shared by every browser test:
/// tests make their own users and organisations (unique names), so they do not depend on each other.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string dbPath = Path.Combine(Path.GetTempPath(), $"kaifong-browser-{Guid.NewGuid():N}.db");
    private readonly int port = FreePort();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public BrowserApp()
    {
        BaseUrl = $"http://127.0.0.1:{port}";
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
    }

    public string BaseUrl { get; }
    public string MailFolder { get; } = Directory.CreateTempSubdirectory("kaifong-browser-mail-").FullName;
    public IBrowser Chromium => browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>artifacts/screenshots at the repository root (found by Kaifong.slnx), else next to the test assembly.</summary>
    public static string ScreenshotFolder { get; } = FindScreenshotFolder();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting, not ConfigureAppConfiguration: Program reads the database settings while it registers services,
        // before the factory's app configuration is applied, so only host settings reach it in time (otherwise every
        // test app silently ran on the default SQLite file under src/Kaifong.Web/data).
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Kaifong"] = $"Data Source={dbPath}",
            ["Kaifong:SeedDemo"] = "false",
            ["Kaifong:PublicBaseUrl"] = BaseUrl,
            // Kestrel on plain HTTP (AllowedHosts follows the public address: 127.0.0.1).
            ["Kaifong:AllowPlainHttp"] = "true",
            ["Email:PickupDirectory"] = MailFolder,
            ["Outbox:PollSeconds"] = "0.2",
            ["RateLimits:SignInPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        })
        {
            builder.UseSetting(key, value);
        }

    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Browser tests need Chromium at {ChromiumPath}. Install it with `apt-get install chromium` (scripts/test.sh does this); never `playwright install`.");
        }

        StartServer(); // Kestrel listens now; migrations run once
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public new async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" })
        {
            try
            {
                File.Delete(f);
            }
            catch (IOException)
            {
            }
        }

        try
        {
            Directory.Delete(MailFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A browser context: a phone (360 × 740, touch) or a desk (1280 × 800), in a language.</summary>
    public Task<IBrowserContext> NewContextAsync(string locale, int width = 360, int height = 740) =>
        Chromium.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            Locale = locale,
            ViewportSize = new() { Width = width, Height = height },
            IsMobile = width < 600,
            HasTouch = width < 600,
            DeviceScaleFactor = 1,
            TimezoneId = "Asia/Hong_Kong",
        });

    public HttpClient Http(string language = "en")
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindScreenshotFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kaifong.slnx")))
        {
            dir = dir.Parent;
        }

        var folder = dir is null ? Path.Combine(AppContext.BaseDirectory, "screenshots") : Path.Combine(dir.FullName, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}
