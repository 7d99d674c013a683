using System.Globalization;
using Kaifong.Rostering;

namespace Kaifong.Rostering.Cli;

/// <summary>
/// <c>solve problem.json [--time-limit S] [--threads N] [--greedy] [--lang zh-HK|en|zh-CN] [--progress]</c> prints the
/// solution JSON; <c>check problem.json solution.json</c> prints the objective or the broken rules.
/// Exit codes: 0 done (for check: no rule broken), 1 check found broken rules, 2 bad input or usage.
/// </summary>
public static class Program
{
    public const string Usage = """
        usage: kaifong-roster solve problem.json [--time-limit S] [--threads N] [--greedy] [--lang zh-HK|en|zh-CN] [--progress]
                                             [--no-warm-start] [--no-lns] [--params CP-SAT-PARAMETERS]
               kaifong-roster check problem.json solution.json
        """;

    public static int Main(string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return Run(args, Console.Out, Console.Error, cts.Token);
    }

    /// <summary>The whole CLI, callable in-process (tests, the benchmark runner).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            return args switch
            {
                ["solve", var problem, .. var rest] => Solve(problem, rest, stdout, stderr, cancellationToken),
                ["check", var problem, var solution] => Check(problem, solution, stdout),
                _ => Fail(stderr, Usage),
            };
        }
        catch (RosterInputException e)
        {
            return Fail(stderr, "error: " + e.Message);
        }
        catch (UsageException e)
        {
            return Fail(stderr, "error: " + e.Message + Environment.NewLine + Usage);
        }
    }

    private static int Solve(string problemPath, string[] rest, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var options = new SolveOptions();
        var greedy = false;
        var showProgress = false;
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--time-limit":
                    options = options with { TimeLimitSeconds = Number(rest, ++i, "--time-limit", 0.01, 86400) };
                    break;
                case "--threads":
                    options = options with { Threads = (int)Number(rest, ++i, "--threads", 1, 256) };
                    break;
                case "--greedy":
                    greedy = true;
                    break;
                case "--params":
                    options = options with { ExtraParameters = Value(rest, ++i, "--params") };
                    break;
                case "--no-warm-start":
                    options = options with { WarmStart = false };
                    break;
                case "--no-lns":
                    options = options with { Lns = false };
                    break;
                case "--progress":
                    showProgress = true;
                    break;
                case "--lang":
                    options = options with { Language = Value(rest, ++i, "--lang") };
                    break;
                default:
                    throw new UsageException($"unknown option {rest[i]}");
            }
        }
        var problem = RosterJson.ParseProblem(Read(problemPath));
        var progress = showProgress
            ? new SyncProgress(p => stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{p.Seconds,8:0.000}s  objective {p.Objective?.ToString(CultureInfo.InvariantCulture) ?? "-"}  bound {p.Bound?.ToString(CultureInfo.InvariantCulture) ?? "-"}")))
            : null;
        var solution = greedy
            ? RosterSolver.SolveGreedy(problem, options)
            : RosterSolver.Solve(problem, options, progress, cancellationToken);
        stdout.WriteLine(RosterJson.Write(solution));
        return 0;
    }

    private static int Check(string problemPath, string solutionPath, TextWriter stdout)
    {
        var problem = RosterJson.ParseProblem(Read(problemPath));
        var solution = RosterJson.ParseSolution(Read(solutionPath));
        var result = RosterChecker.Check(problem, solution.Assignments);
        if (!result.Ok)
        {
            foreach (var v in result.Violations)
            {
                stdout.WriteLine($"broken {v.Rule}: {v.Message}");
            }
            stdout.WriteLine($"{result.Violations.Count} rule(s) broken");
            return 1;
        }
        var c = result.Components;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"objective {result.Objective} (under {c.Under}, over {c.Over}, wants {c.Wants}, avoids {c.Avoids}, change {c.Change}, fairness {c.Fairness})"));
        if (solution.Objective is { } claimed && claimed != result.Objective)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: the solution claims objective {claimed}"));
            return 1;
        }
        return 0;
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new RosterInputException(path, "cannot be read (" + e.Message + ")");
        }
    }

    private static string Value(string[] args, int i, string option) =>
        i < args.Length ? args[i] : throw new UsageException($"{option} needs a value");

    private static double Number(string[] args, int i, string option, double min, double max)
    {
        var text = Value(args, i, option);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            throw new UsageException($"{option} must be a number from {min} to {max}, was \"{text}\"");
        }
        return n;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        return 2;
    }

    private sealed class UsageException(string message) : Exception(message);

    /// <summary>Reports on the solver's own thread (Progress&lt;T&gt; would post to the thread pool and lose order).</summary>
    private sealed class SyncProgress(Action<SolveProgress> report) : IProgress<SolveProgress>
    {
        public void Report(SolveProgress value) => report(value);
    }
}
