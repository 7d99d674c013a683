using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Kaifong.Domain.Members;
using Kaifong.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Kaifong.Bench.Signups;

/// <summary>
/// The sign-up rush over HTTP: every volunteer signs in through the API (bearer token), then CLIENTS concurrent clients
/// send POST /api/v1/shifts/{id}/signups for distinct random (volunteer, shift) pairs — first a warm-up pass, then the
/// measured pass — and afterwards the database is checked for overbooking. A plaintext /ping pass with the same number
/// of clients is the HTTP ceiling of the same machine in the same run.
/// </summary>
public static class Measurer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>A pass; AppCpuMs and BenchCpuMs are the CPU time (user + system) of the app's process and of this client per request.</summary>
    public sealed record Pass(string Name, int Clients, int Requests, double Seconds, double RequestsPerSecond, double CreatedPerSecond,
        Stats Latency, IReadOnlyDictionary<string, int> Outcomes, double? AppCpuMs, double BenchCpuMs);

    /// <summary>Per shift: places held by sign-ups (Assigned, Confirmed, CheckedIn, Completed) against Maximum and against the Shifts.Assigned counter.</summary>
    public sealed record Check(int Shifts, int Places, int Held, int Waitlisted, int SignupRows, int Overbooked, int AssignedCounterWrong,
        int WaitlistedCounterWrong, int FullShifts, int HttpAssigned, int HttpWaitlisted, bool HttpMatchesDatabase);

    public sealed record PgBench(double Tps, double LatencyMs, string Setup);

    public sealed record RunResult(string Label, string Provider, string Url, DateTimeOffset At, string Machine, string LoadBefore, string LoadAfter,
        int Volunteers, double LoginSeconds, Pass Ping, Pass Warmup, Pass Signups, Check Check, PgBench? PgBench);

    private sealed record Outcome(double Ms, string Kind);

    public static async Task<int> RunAsync(Options options)
    {
        var url = BenchKit.LoopbackUrl(options);
        var provider = options.Required("provider");
        var connection = options.Required("connection");
        var clients = options.Int("clients", 50);
        var signups = options.Int("signups", 10000);
        var warmup = options.Int("warmup", 1000);
        var loginClients = options.Int("login-clients", 8);
        var pings = options.Int("pings", 10000);
        var label = options.Get("label") ?? "run";
        var appPid = options.Get("app-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : (int?)null;

        var (orgId, shiftIds, members) = await LoadAsync(provider, connection);
        if ((long)shiftIds.Length * members.Length < warmup + signups)
        {
            throw new BenchException("fewer (volunteer, shift) pairs than requests: seed more volunteers or shifts");
        }

        using var handler = BenchKit.Handler(null);
        using var http = BenchKit.Client(url, handler);

        // Every volunteer signs in once through the API, as the phone app does (not timed as part of the rush).
        Console.Error.WriteLine($"signing in {members.Length} volunteers ({loginClients} at a time)…");
        var login = Stopwatch.StartNew();
        var tokens = new string[members.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, members.Length), new ParallelOptions { MaxDegreeOfParallelism = loginClients },
            async (i, _) => tokens[i] = await BenchKit.BearerAsync(http, members[i], Seeder.Password));
        login.Stop();
        Console.Error.WriteLine($"signed in {members.Length} in {login.Elapsed.TotalSeconds:0.0} s");

        // Distinct random (volunteer, shift) pairs: nobody presses twice for the same shift, so each answer is a new sign-up or a refusal.
        var random = new Random(2026);
        var seen = new HashSet<(int, int)>();
        var pairs = new List<(int Volunteer, int Shift)>(warmup + signups);
        while (pairs.Count < warmup + signups)
        {
            var p = (random.Next(members.Length), random.Next(shiftIds.Length));
            if (seen.Add(p))
            {
                pairs.Add(p);
            }
        }

        var loadBefore = BenchKit.LoadAverage();
        var ping = await RunPassAsync("ping (plaintext baseline)", clients, pings, appPid, async i =>
        {
            using var response = await http.GetAsync("/ping");
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode == HttpStatusCode.OK ? "200" : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        });
        Func<int, Task<string>> signUp = async i =>
        {
            var (v, s) = pairs[i];
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/shifts/{shiftIds[s]}/signups")
            {
                Content = new StringContent("{}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[v]);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return Classify(response.StatusCode, body);
        };
        var warm = await RunPassAsync("warm-up (not counted)", clients, warmup, appPid, signUp);
        var measured = await RunPassAsync("sign-ups", clients, signups, appPid, i => signUp(warmup + i));
        var loadAfter = BenchKit.LoadAverage();

        var httpAssigned = Count(warm, "201 Assigned") + Count(measured, "201 Assigned");
        var httpWaitlisted = Count(warm, "201 Waitlisted") + Count(measured, "201 Waitlisted");
        var check = await CheckAsync(provider, connection, orgId, httpAssigned, httpWaitlisted);

        var pgbench = options.Get("pgbench-tps") is { } tps
            ? new PgBench(double.Parse(tps, CultureInfo.InvariantCulture), options.Double("pgbench-latency", 0), options.Get("pgbench-setup") ?? "")
            : null;
        var run = new RunResult(label, provider, url.ToString(), DateTimeOffset.UtcNow, BenchKit.Machine(), loadBefore, loadAfter, members.Length,
            login.Elapsed.TotalSeconds, ping, warm, measured, check, pgbench);
        Console.WriteLine(Markdown(run));
        if (options.Get("out") is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(run, Json));
            Console.Error.WriteLine($"wrote {path}");
        }

        return check.Overbooked + check.AssignedCounterWrong + check.WaitlistedCounterWrong == 0 && check.HttpMatchesDatabase ? 0 : 3;
    }

    /// <summary>201 with its status, 200 (the same sign-up again), or the status code and the problem's code.</summary>
    private static string Classify(HttpStatusCode status, string body)
    {
        var code = (int)status;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (status is HttpStatusCode.Created or HttpStatusCode.OK && root.TryGetProperty("status", out var s))
            {
                return $"{code} {s.GetString()}";
            }

            return root.TryGetProperty("code", out var c) ? $"{code} {c.GetString()}" : code.ToString(CultureInfo.InvariantCulture);
        }
        catch (JsonException)
        {
            return code.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>`clients` tasks take the next request number until `count` are done; each request timed from send to the body read.</summary>
    private static async Task<Pass> RunPassAsync(string name, int clients, int count, int? appPid, Func<int, Task<string>> send)
    {
        var results = new Outcome[count];
        var next = -1;
        var appCpu = CpuMs(appPid);
        var benchCpu = Environment.CpuUsage.TotalTime;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var start = Stopwatch.GetTimestamp();
                string kind;
                try
                {
                    kind = await send(i);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    kind = "error " + e.GetType().Name;
                }

                results[i] = new Outcome(Stopwatch.GetElapsedTime(start).TotalMilliseconds, kind);
            }
        })));
        wall.Stop();
        var appCpuMs = CpuMs(appPid) - appCpu;
        var benchCpuMs = (Environment.CpuUsage.TotalTime - benchCpu).TotalMilliseconds;
        var outcomes = results.GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        var created = results.Count(r => r.Kind.StartsWith("201", StringComparison.Ordinal));
        var pass = new Pass(name, clients, count, wall.Elapsed.TotalSeconds, count / wall.Elapsed.TotalSeconds, created / wall.Elapsed.TotalSeconds,
            BenchKit.Summarise([.. results.Select(r => r.Ms)]), outcomes, appCpuMs / count, benchCpuMs / count);
        Console.Error.WriteLine($"{name}: {pass.RequestsPerSecond:0} req/s, p50 {pass.Latency.Median:0.0} ms, p99 {pass.Latency.P99:0.0} ms, "
            + $"app CPU {pass.AppCpuMs:0.00} ms/request, client CPU {pass.BenchCpuMs:0.00} ms/request; "
            + string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")));
        return pass;
    }

    /// <summary>User + system CPU of a process so far, from /proc/PID/stat (clock ticks of 10 ms); null without a pid or /proc.</summary>
    private static double? CpuMs(int? pid)
    {
        var path = $"/proc/{pid}/stat";
        if (pid is null || !File.Exists(path))
        {
            return null;
        }

        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    private static int Count(Pass pass, string kind) => pass.Outcomes.GetValueOrDefault(kind);

    private static async Task<(Guid OrgId, Guid[] Shifts, string[] Members)> LoadAsync(string provider, string connection)
    {
        await using var db = BenchKit.NewDb(provider, connection);
        var org = await db.Organisations.AsNoTracking().Where(o => o.Slug == Seeder.Slug).Select(o => o.Id).FirstOrDefaultAsync();
        if (org == Guid.Empty)
        {
            throw new BenchException($"no organisation {Seeder.Slug}: run seed first");
        }

        var shifts = await db.Shifts.AsNoTracking().Where(s => s.OrganisationId == org).OrderBy(s => s.Start).Select(s => s.Id).ToArrayAsync();
        var emails = await (
                from m in db.Memberships.AsNoTracking()
                join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                where m.OrganisationId == org && m.Status == MembershipStatus.Active
                orderby u.Email
                select u.Email!)
            .ToArrayAsync();
        return (org, shifts, emails);
    }

    /// <summary>After the rush: for every shift, the places really held against its Maximum and its counters.</summary>
    private static async Task<Check> CheckAsync(string provider, string connection, Guid orgId, int httpAssigned, int httpWaitlisted)
    {
        await using var db = BenchKit.NewDb(provider, connection);
        var shifts = await db.Shifts.AsNoTracking().Where(s => s.OrganisationId == orgId)
            .Select(s => new { s.Id, s.Maximum, s.Assigned, s.Waitlisted }).ToListAsync();
        var rows = await db.Signups.AsNoTracking().Where(s => s.OrganisationId == orgId)
            .GroupBy(s => new { s.ShiftId, s.Status }).Select(g => new { g.Key.ShiftId, g.Key.Status, N = g.Count() }).ToListAsync();
        var held = rows.Where(r => SignupStatuses.HoldingPlace.Contains(r.Status)).GroupBy(r => r.ShiftId).ToDictionary(g => g.Key, g => g.Sum(r => r.N));
        var waiting = rows.Where(r => r.Status is SignupStatus.Waitlisted or SignupStatus.Standby).GroupBy(r => r.ShiftId).ToDictionary(g => g.Key, g => g.Sum(r => r.N));
        var totalHeld = held.Values.Sum();
        var totalWaiting = waiting.Values.Sum();
        return new Check(
            shifts.Count,
            shifts.Sum(s => s.Maximum),
            totalHeld,
            totalWaiting,
            rows.Sum(r => r.N),
            shifts.Count(s => held.GetValueOrDefault(s.Id) > s.Maximum),
            shifts.Count(s => held.GetValueOrDefault(s.Id) != s.Assigned),
            shifts.Count(s => waiting.GetValueOrDefault(s.Id) != s.Waitlisted),
            shifts.Count(s => held.GetValueOrDefault(s.Id) == s.Maximum),
            httpAssigned,
            httpWaitlisted,
            httpAssigned == totalHeld && httpWaitlisted == totalWaiting);
    }

    private static string Markdown(RunResult run)
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.AppendLine(c, $"### {run.Label} — {run.At:yyyy-MM-dd HH:mm} UTC, {run.Signups.Clients} clients, {run.Volunteers} volunteers");
        s.AppendLine();
        s.AppendLine("| pass | requests | s | req/s | created/s | p50 ms | p95 ms | p99 ms | max ms | app CPU ms/req | client CPU ms/req | outcomes |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var p in new[] { run.Ping, run.Warmup, run.Signups })
        {
            var q = p.Latency;
            s.AppendLine(c, $"| {p.Name} | {p.Requests} | {p.Seconds:0.0} | {p.RequestsPerSecond:0} | {p.CreatedPerSecond:0} | {q.Median:0.0} | {q.P95:0.0} | {q.P99:0.0} | {q.Max:0.0} | {p.AppCpuMs:0.00} | {p.BenchCpuMs:0.00} | {string.Join(", ", p.Outcomes.Select(o => $"{o.Key} {o.Value}"))} |");
        }

        var k = run.Check;
        s.AppendLine();
        s.AppendLine(c, $"Database after the rush: {k.Shifts} shifts, {k.Places} places, {k.Held} held ({k.FullShifts} shifts full), {k.Waitlisted} waitlisted, {k.SignupRows} sign-up rows. "
            + $"**Overbooked shifts: {k.Overbooked}**; Shifts.Assigned ≠ real count: {k.AssignedCounterWrong}; Shifts.Waitlisted ≠ real count: {k.WaitlistedCounterWrong}; "
            + $"HTTP 201 Assigned/Waitlisted {k.HttpAssigned}/{k.HttpWaitlisted} {(k.HttpMatchesDatabase ? "=" : "≠")} database.");
        s.AppendLine();
        s.AppendLine(run.PgBench is { } pg
            ? string.Create(c, $"Limit, same server, same run: pgbench ({pg.Setup}) {pg.Tps:0} TPS, average latency {pg.LatencyMs:0.0} ms.")
            : "No pgbench limit for this provider.");
        s.AppendLine();
        s.AppendLine(c, $"Volunteers signed in through the API in {run.LoginSeconds:0.0} s (not in the numbers). Machine: {run.Machine}. Load average before/after: {run.LoadBefore} / {run.LoadAfter}.");
        return s.ToString();
    }
}
