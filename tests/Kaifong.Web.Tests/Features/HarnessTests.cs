using Kaifong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Web.Tests.Features;

/// <summary>
/// The harness itself: each collection's app really runs on its own database, on the provider it names. (It once did
/// not: every app quietly used the default SQLite file, and "PostgreSQL" tests never touched PostgreSQL.)
/// </summary>
public abstract class HarnessTests(KaifongApp app)
{
    [Fact]
    public async Task The_app_runs_on_the_database_the_collection_names()
    {
        var (provider, connection) = await app.WithDbAsync(db => Task.FromResult((db.Database.ProviderName!, db.Database.GetConnectionString()!)));
        Assert.EndsWith(app.ProviderName == "Postgres" ? "PostgreSQL" : "Sqlite", provider, StringComparison.Ordinal);
        Assert.Contains(app.ProviderName == "Postgres" ? "kaifong_test_" : "kaifong-test-", connection, StringComparison.Ordinal);
        Assert.DoesNotContain("data/kaifong.db", connection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_migrations_of_the_provider_match_the_model() =>
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())), "run scripts/migrations.sh NAME");
}

[Collection(SqliteCollection.Name)]
public sealed class HarnessTestsOnSqlite(SqliteApp app) : HarnessTests(app);

[Collection(PostgresCollection.Name)]
public sealed class HarnessTestsOnPostgres(PostgresApp app) : HarnessTests(app);
