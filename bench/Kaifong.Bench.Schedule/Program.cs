using Kaifong.Bench.Schedule;

// Kaifong scheduling benchmark: `seed` builds a large organisation, `measure` times the app over HTTP.
var verb = args.Length > 0 ? args[0] : "";
var options = Options.Parse(args.Skip(1));
try
{
    return verb switch
    {
        "seed" => await Seeder.RunAsync(options),
        "measure" => await Measurer.RunAsync(options),
        _ => Usage(),
    };
}
catch (BenchException e)
{
    await Console.Error.WriteLineAsync("error: " + e.Message);
    return 1;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          seed    --provider Sqlite|Postgres --connection "…"
          measure --url http://127.0.0.1:PORT [--requests 200] [--warmup 20] [--clients 8] [--per-client 100]
                  [--label sqlite] [--out bench/results/x.json]
        """);
    return 2;
}
