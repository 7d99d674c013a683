using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kaifong.Bench.Schedule;

/// <summary>
/// Times the app over HTTP: for each target, warm-up requests, then sequential requests (one at a time, body read to
/// the end, status 200 checked), then a concurrent pass for throughput. The plaintext /ping is the baseline: what
/// HTTP, the host and this client cost without the database.
/// </summary>
public static partial class Measurer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public sealed record TargetResult(string Name, string Path, int Items, long Bytes, Stats Sequential, int Clients, int PerClient,
        double RequestsPerSecond, Stats Concurrent);

    public sealed record RunResult(string Label, string Url, DateTimeOffset At, int Requests, int Warmup, string Machine, string LoadBefore, string LoadAfter,
        IReadOnlyList<TargetResult> Targets);

    private sealed record Target(string Name, string Path, HttpClient Client, bool Json);

    public static async Task<int> RunAsync(Options options)
    {
        var url = BenchKit.LoopbackUrl(options);
        var requests = options.Int("requests", 200);
        var warmup = options.Int("warmup", 20);
        var clients = options.Int("clients", 8);
        var perClient = options.Int("per-client", 100);
        var label = options.Get("label") ?? "run";

        using var bearerHandler = BenchKit.Handler(null);
        using var coordinator = BenchKit.Client(url, bearerHandler);
        coordinator.DefaultRequestHeaders.Authorization = new("Bearer", await BenchKit.BearerAsync(coordinator, Seeder.CoordinatorEmail, Seeder.Password));
        using var volunteerHandler = BenchKit.Handler(null);
        using var volunteer = BenchKit.Client(url, volunteerHandler);
        volunteer.DefaultRequestHeaders.Authorization = new("Bearer", await BenchKit.BearerAsync(volunteer, Seeder.VolunteerEmail, Seeder.Password));
        var cookies = new CookieContainer();
        using var cookieHandler = BenchKit.Handler(cookies);
        using var browser = BenchKit.Client(url, cookieHandler);
        await SignInAsync(browser);

        var from = Seeder.MonthStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = Seeder.MonthEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Target[] targets =
        [
            new("ping (plaintext baseline)", "/ping", coordinator, false),
            new("month JSON (coordinator)", $"/api/v1/organisations/{Seeder.Slug}/shifts?from={from}&to={to}", coordinator, true),
            new("open shifts JSON (volunteer)", $"/api/v1/me/open-shifts?from={from}&to={to}", volunteer, true),
            new("open shifts page (volunteer)", $"/me/open-shifts?from={from}", browser, false),
        ];

        var loadBefore = BenchKit.LoadAverage();
        var results = new List<TargetResult>();
        foreach (var t in targets)
        {
            var (bytes, items) = await ProbeAsync(t);
            for (var i = 0; i < warmup; i++)
            {
                await TimeOneAsync(t);
            }

            var sequential = new double[requests];
            for (var i = 0; i < requests; i++)
            {
                sequential[i] = await TimeOneAsync(t);
            }

            var concurrent = new double[clients * perClient];
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                for (var i = 0; i < perClient; i++)
                {
                    concurrent[(c * perClient) + i] = await TimeOneAsync(t);
                }
            })));
            wall.Stop();
            var result = new TargetResult(t.Name, t.Path, items, bytes, BenchKit.Summarise(sequential), clients, perClient,
                concurrent.Length / wall.Elapsed.TotalSeconds, BenchKit.Summarise(concurrent));
            results.Add(result);
            Console.Error.WriteLine($"{t.Name}: median {result.Sequential.Median:0.00} ms, p95 {result.Sequential.P95:0.00} ms, {result.RequestsPerSecond:0} req/s");
        }

        var run = new RunResult(label, url.ToString(), DateTimeOffset.UtcNow, requests, warmup, BenchKit.Machine(), loadBefore, BenchKit.LoadAverage(), results);
        Console.WriteLine(Markdown(run));
        if (options.Get("out") is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(run, Json));
            Console.Error.WriteLine($"wrote {path}");
        }

        return 0;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>The login form as a browser posts it: antiforgery token from the page, then the cookie sign-in.</summary>
    private static async Task SignInAsync(HttpClient browser)
    {
        var page = await browser.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new BenchException("no antiforgery token on /account/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = Seeder.VolunteerEmail,
            ["Input.Password"] = Seeder.Password,
            ["Input.RememberMe"] = "false",
            ["__RequestVerificationToken"] = token,
        });
        using var response = await browser.PostAsync("/account/login", form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new BenchException($"cookie sign-in: {(int)response.StatusCode} (expected a redirect)");
        }
    }

    /// <summary>One request first, to check it answers 200 and to count what it returns.</summary>
    private static async Task<(long Bytes, int Items)> ProbeAsync(Target t)
    {
        using var response = await t.Client.GetAsync(t.Path);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchException($"{t.Path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 500)]}");
        }

        var items = 0;
        if (t.Json)
        {
            using var doc = JsonDocument.Parse(body);
            items = doc.RootElement.GetArrayLength();
        }
        else if (t.Path.StartsWith("/me/", StringComparison.Ordinal))
        {
            items = Regex.Count(Encoding.UTF8.GetString(body), "class=\"kf-shift-link\"");
        }

        return (body.LongLength, items);
    }

    private static async Task<double> TimeOneAsync(Target t)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await t.Client.GetAsync(t.Path, HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
        {
            throw new BenchException($"{t.Path}: {(int)response.StatusCode}");
        }

        return elapsed;
    }

    private static string Markdown(RunResult run)
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.AppendLine(c, $"### {run.Label} — {run.At:yyyy-MM-dd HH:mm} UTC, {run.Requests} sequential requests after {run.Warmup} warm-up");
        s.AppendLine();
        s.AppendLine("| target | items | bytes | median ms | p95 ms | p99 ms | min ms | mean ms | concurrent req/s | concurrent median ms | concurrent p95 ms |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var t in run.Targets)
        {
            var q = t.Sequential;
            s.AppendLine(c, $"| {t.Name} | {t.Items} | {t.Bytes} | {q.Median:0.00} | {q.P95:0.00} | {q.P99:0.00} | {q.Min:0.00} | {q.Mean:0.00} | {t.RequestsPerSecond:0} | {t.Concurrent.Median:0.00} | {t.Concurrent.P95:0.00} |");
        }

        s.AppendLine();
        s.AppendLine(c, $"Concurrent pass: {run.Targets[0].Clients} clients × {run.Targets[0].PerClient} requests per target. Machine: {run.Machine}. Load average before/after: {run.LoadBefore} / {run.LoadAfter}.");
        return s.ToString();
    }
}
