using Kaifong.Data;
using Kaifong.Data.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kaifong.Web.Infrastructure;

/// <summary>
/// Chooses the database from `Database:Provider` (Sqlite, the default, or Postgres) and `ConnectionStrings:Kaifong`,
/// migrates it at start-up, and seeds the demo organisation when asked.
/// </summary>
public static class DataSetup
{
    public const string DefaultSqlite = "Data Source=data/kaifong.db";

    /// <remarks>
    /// The contexts are pooled (a request takes a reset one instead of building a new one): <see cref="KaifongDb"/> keeps
    /// no state of its own beyond what EF Core resets between uses (tracked entities, tracking and detect-changes settings,
    /// command time-out), and it is configured only here.
    /// </remarks>
    public static IServiceCollection AddKaifongData(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var provider = config.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        var connection = config.GetConnectionString("Kaifong");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Kaifong is empty.");
            }

            services.AddDbContextPool<KaifongDb, PostgresKaifongDb>(o => o.UseNpgsql(PostgresConnection(connection)));
        }
        else
        {
            var sqlite = SqliteConnection(connection, env.ContentRootPath);
            services.AddDbContextPool<KaifongDb, SqliteKaifongDb>(o => o.UseSqlite(sqlite).AddInterceptors(SqliteBusyTimeout.Instance));
        }

        services.AddHealthChecks().AddDbContextCheck<KaifongDb>("database");
        return services;
    }

    /// <summary>
    /// Npgsql prepares the statements a connection runs often (Max Auto Prepare 20) unless the connection string says
    /// otherwise: the same few queries run for every sign-up, and preparing them saved a third or more of the app's
    /// time per sign-up in bench/signups.sh.
    /// </summary>
    internal static string PostgresConnection(string configured)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (builder.MaxAutoPrepare == 0 && !configured.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 20;
        }

        return builder.ConnectionString;
    }

    /// <summary>Relative SQLite paths are under the content root; the folder is created; a busy database waits instead of failing.</summary>
    internal static string SqliteConnection(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultSqlite : configured);
        if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal) && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KaifongDb>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Kaifong.Database");
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // Readers never wait for the writer; the setting stays with the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        log.LogInformation("Database ready: {Provider}", db.Database.ProviderName);
        var options = scope.ServiceProvider.GetRequiredService<IOptions<KaifongOptions>>().Value;
        if (options.SeedDemo)
        {
            var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            if (await DemoSeeder.SeedAsync(db, time, CancellationToken.None))
            {
                log.LogInformation("Demo organisation {Slug} created; sign in as {Email} with password {Password}", DemoSeeder.Slug, "admin@demo.kaifong.hk", DemoSeeder.Password);
            }

            await scope.ServiceProvider.GetRequiredService<Features.Scheduling.DemoSchedule>().SeedAsync(CancellationToken.None);
        }
    }
}

/// <summary>
/// Lets SQLite itself wait for a busy database (its busy handler sleeps 1, 2, 5, 10… ms between tries) rather than
/// Microsoft.Data.Sqlite's own retry loop, which sleeps 150 ms each time: under many writers at once (sign-ups) the
/// median wait fell to a fraction. Set on every connection as it opens; the driver's command timeout still bounds it.
/// </summary>
public sealed class SqliteBusyTimeout : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
