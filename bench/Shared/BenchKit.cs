using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifong.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifong.Bench;

// Shared by the HTTP benchmarks (Kaifong.Bench.Schedule, Kaifong.Bench.Signups): linked into each project as a source file.

/// <summary>`--name value` pairs from the command line.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);

    public static Options Parse(IEnumerable<string> args)
    {
        var o = new Options();
        string? name = null;
        foreach (var a in args)
        {
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                name = a[2..];
                o.values[name] = "";
            }
            else if (name is not null)
            {
                o.values[name] = a;
                name = null;
            }
        }

        return o;
    }

    public string Required(string name) =>
        values.TryGetValue(name, out var v) && v.Length > 0 ? v : throw new BenchException($"--{name} is required");

    public string? Get(string name) => values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public int Int(string name, int fallback) =>
        Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) =>
        Get(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}

public sealed class BenchException(string message) : Exception(message);

/// <summary>Nearest-rank latency summary in milliseconds.</summary>
public sealed record Stats(int Count, double Median, double P95, double P99, double Min, double Max, double Mean);

public static class BenchKit
{
    /// <summary>The two verbs of a benchmark: `seed` and `measure`; a BenchException is printed, not thrown.</summary>
    public static async Task<int> MainAsync(string[] args, Func<Options, Task<int>> seed, Func<Options, Task<int>> measure, string usage)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(measure);
        var options = Options.Parse(args.Skip(1));
        try
        {
            return (args.Length > 0 ? args[0] : "") switch
            {
                "seed" => await seed(options),
                "measure" => await measure(options),
                _ => Usage(usage),
            };
        }
        catch (BenchException e)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message);
            return 1;
        }
    }

    private static int Usage(string usage)
    {
        Console.Error.WriteLine("usage:\n" + usage);
        return 2;
    }

    public static Stats Summarise(double[] ms)
    {
        if (ms.Length == 0)
        {
            return new Stats(0, 0, 0, 0, 0, 0, 0);
        }

        var sorted = ms.Order().ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        return new Stats(sorted.Length, median, Rank(95), Rank(99), sorted[0], sorted[^1], sorted.Average());
    }

    /// <summary>The app's own DbContext for a provider, as the app configures Identity's stores; change detection off (bulk inserts).</summary>
    public static KaifongDb NewDb(string provider, string connection)
    {
        var services = new ServiceCollection().AddOptions().Configure<IdentityOptions>(DesignServices.ConfigureStores).BuildServiceProvider();
        KaifongDb db = provider.ToUpperInvariant() switch
        {
            "SQLITE" => new SqliteKaifongDb(new DbContextOptionsBuilder<SqliteKaifongDb>().UseSqlite(connection).UseApplicationServiceProvider(services).Options),
            "POSTGRES" => new PostgresKaifongDb(new DbContextOptionsBuilder<PostgresKaifongDb>().UseNpgsql(connection).UseApplicationServiceProvider(services).Options),
            _ => throw new BenchException("--provider must be Sqlite or Postgres"),
        };
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }

    /// <summary>Adds rows through a fresh context and saves them (one batch).</summary>
    public static async Task SaveAsync(string provider, string connection, Action<KaifongDb> add)
    {
        await using var db = NewDb(provider, connection);
        add(db);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }

    /// <summary>Saves rows in batches of 1,000, each through a fresh context (memory stays flat).</summary>
    public static async Task SaveChunksAsync<T>(string provider, string connection, List<T> rows, Action<KaifongDb, List<T>> add)
    {
        foreach (var chunk in rows.Chunk(1000))
        {
            await SaveAsync(provider, connection, db => add(db, [.. chunk]));
        }
    }

    /// <summary>Benchmarks talk to 127.0.0.1 only.</summary>
    public static Uri LoopbackUrl(Options options)
    {
        var url = new Uri(options.Required("url"));
        if (!IPAddress.TryParse(url.Host, out var ip) || !IPAddress.IsLoopback(ip))
        {
            throw new BenchException("--url must be a loopback address (http://127.0.0.1:PORT)");
        }

        return url;
    }

    public static SocketsHttpHandler Handler(CookieContainer? cookies) => new()
    {
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = 64,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        AutomaticDecompression = DecompressionMethods.None,
    };

    public static HttpClient Client(Uri url, HttpMessageHandler handler) =>
        new(handler, disposeHandler: false) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>An API bearer token, as the app's clients get one: POST /api/v1/auth/login.</summary>
    public static async Task<string> BearerAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchException($"API sign-in for {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString() ?? throw new BenchException("no accessToken");
    }

    public static string Machine()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores, {model ?? "unknown CPU"}, {Environment.OSVersion}, .NET {Environment.Version}";
    }

    /// <summary>The 1, 5 and 15 minute load averages: the machine is shared, so each run says how busy it was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
