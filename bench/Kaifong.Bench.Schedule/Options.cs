namespace Kaifong.Bench.Schedule;

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
        Get(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}

public sealed class BenchException(string message) : Exception(message);
