namespace Kaifong.Data;

/// <summary>`Database:Provider` (Sqlite, the default, or Postgres) with `ConnectionStrings:Kaifong`.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
