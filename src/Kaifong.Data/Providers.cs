using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kaifong.Data;

/// <summary>SQLite: the embedded default. Instants are stored as sortable integers (SQLite has no timestamp type).</summary>
public sealed class SqliteKaifongDb(DbContextOptions<SqliteKaifongDb> options) : KaifongDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL: for production. Instants are timestamptz in UTC.</summary>
public sealed class PostgresKaifongDb(DbContextOptions<PostgresKaifongDb> options) : KaifongDb(options);

/// <summary>Lets `dotnet ef migrations add … --context SqliteKaifongDb` build the model without the web host.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteKaifongDb>
{
    public SqliteKaifongDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKaifongDb>().UseSqlite("Data Source=design.db").UseApplicationServiceProvider(DesignServices.Identity).Options);
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresKaifongDb>
{
    public PostgresKaifongDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKaifongDb>().UseNpgsql("Host=localhost;Database=kaifong_design").UseApplicationServiceProvider(DesignServices.Identity).Options);
}

/// <summary>The Identity store options the model depends on (schema 3 has the passkey table), as the web host sets them.</summary>
public static class DesignServices
{
    public static void ConfigureStores(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
        options.Stores.MaxLengthForKeys = 128;
    }

    internal static IServiceProvider Identity { get; } =
        new ServiceCollection().AddOptions().Configure<IdentityOptions>(ConfigureStores).BuildServiceProvider();
}
