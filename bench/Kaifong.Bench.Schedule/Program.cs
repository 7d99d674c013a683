using Kaifong.Bench;
using Kaifong.Bench.Schedule;

// Kaifong scheduling benchmark: `seed` builds a large organisation, `measure` times the app over HTTP.
return await BenchKit.MainAsync(args, Seeder.RunAsync, Measurer.RunAsync, """
          seed    --provider Sqlite|Postgres --connection "…"
          measure --url http://127.0.0.1:PORT [--requests 200] [--warmup 20] [--clients 8] [--per-client 100]
                  [--label sqlite] [--out bench/results/x.json]
    """);
