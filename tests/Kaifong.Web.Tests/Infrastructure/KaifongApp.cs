using Kaifong.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Kaifong.Web.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP against a real database. One instance per database is shared by a test collection;
/// tests make their own users and organisations (unique names), so they do not depend on each other.
/// Time is a <see cref="FakeTimeProvider"/> starting at a fixed instant.
/// </summary>
public abstract class KaifongApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Counts password-hash verifications (the app's own hasher, decorated), to see that a path does one.</summary>
    public CountingPasswordHasher PasswordHasher { get; } = new();
    public string MailFolder { get; } = Directory.CreateTempSubdirectory("kaifong-mail-").FullName;
    public abstract string ProviderName { get; }
    protected abstract string ConnectionString { get; }
    protected virtual int SignInPerMinute => 100_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting, not ConfigureAppConfiguration: Program reads the database settings while it registers services,
        // before the factory's app configuration is applied, so only host settings reach it in time (otherwise every
        // test app silently ran on the default SQLite file under src/Kaifong.Web/data).
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Database:Provider"] = ProviderName,
            ["ConnectionStrings:Kaifong"] = ConnectionString,
            ["Kaifong:SeedDemo"] = "false",
            ["Kaifong:PublicBaseUrl"] = "http://kaifong.test",
            ["Email:PickupDirectory"] = MailFolder,
            ["Outbox:PollSeconds"] = "0.2",
            ["RateLimits:SignInPerMinute"] = SignInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        })
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.RemoveAll<IPasswordHasher<KaifongUser>>();
            services.AddSingleton<IPasswordHasher<KaifongUser>>(sp =>
                PasswordHasher.Wrap(new PasswordHasher<KaifongUser>(sp.GetService<Microsoft.Extensions.Options.IOptions<PasswordHasherOptions>>())));
        });
    }

    public virtual Task InitializeAsync()
    {
        _ = Server; // start the host: migrations run now, once
        return Task.CompletedTask;
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(MailFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A scope for looking at the database directly, as a test's second pair of eyes.</summary>
    public async Task<T> WithDbAsync<T>(Func<KaifongDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<KaifongDb>());
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}

public sealed class SqliteApp : KaifongApp
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"kaifong-test-{Guid.NewGuid():N}.db");

    public override string ProviderName => "Sqlite";
    protected override string ConnectionString => $"Data Source={path}";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(f);
        }
    }
}

/// <summary>
/// A fresh database on the PostgreSQL server scripts/test.sh starts (KAIFONG_TEST_POSTGRES, else 127.0.0.1:5432
/// as kaifong/kaifong). Without a server these tests fail, by design: they must not silently skip.
/// </summary>
public sealed class PostgresApp : KaifongApp
{
    private readonly string database = $"kaifong_test_{Guid.NewGuid():N}";

    public static string ServerConnection =>
        Environment.GetEnvironmentVariable("KAIFONG_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=kaifong;Password=kaifong";

    public override string ProviderName => "Postgres";
    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnection) { Database = database, Pooling = true, MaxPoolSize = 50 }.ConnectionString;

    public override async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnection) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnection) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>Identity's own hasher, with a count of verifications.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<KaifongUser>
{
    private IPasswordHasher<KaifongUser>? inner;
    private int verifications;

    public int Verifications => Volatile.Read(ref verifications);

    public IPasswordHasher<KaifongUser> Wrap(IPasswordHasher<KaifongUser> hasher)
    {
        inner = hasher;
        return this;
    }

    public string HashPassword(KaifongUser user, string password) => inner!.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(KaifongUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return inner!.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp>
{
    public const string Name = "SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresApp>
{
    public const string Name = "PostgreSQL";
}
