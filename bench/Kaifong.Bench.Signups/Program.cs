using Kaifong.Bench;
using Kaifong.Bench.Signups;

// Kaifong sign-up load benchmark: `seed` builds an organisation with many small shifts, `measure` signs people up over HTTP.
return await BenchKit.MainAsync(args, Seeder.RunAsync, Measurer.RunAsync, """
          seed    --provider Sqlite|Postgres --connection "…" [--volunteers 2000] [--shifts 400] [--places 10]
          measure --url http://127.0.0.1:PORT --provider Sqlite|Postgres --connection "…" [--clients 50] [--signups 10000]
                  [--warmup 1000] [--login-clients 8] [--pings 10000] [--app-pid PID] [--label postgres] [--out bench/results/x.json]
                  [--pgbench-tps N --pgbench-latency MS --pgbench-setup "…"]
    """);
