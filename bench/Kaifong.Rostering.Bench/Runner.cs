using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Kaifong.Rostering.Bench;

/// <summary>
/// Solves each problem through the CLI (a child process running kaifong-roster.dll, so peak memory is that process's
/// own high-water mark, VmHWM), verifies the roster with the CLI's <c>check</c> entry point, and appends a CSV row.
/// </summary>
public static class Runner
{
    public const string Header = "instance,mode,timeLimit,status,objective,bound,gapPercent,seconds,firstFeasibleSeconds,peakMB,check,fillRate,loadSpread,unfilledShifts,engine,cpSatBound,lagrangianBound,within1PercentSeconds";

    public static int Run(string csv, string time, string threads, string[] rest)
    {
        var greedy = rest.Contains("--greedy");
        var problems = rest.Where(r => r != "--greedy").ToArray();
        if (!File.Exists(csv))
        {
            File.WriteAllText(csv, Header + Environment.NewLine);
        }
        var cli = typeof(Cli.Program).Assembly.Location;
        var failures = 0;
        foreach (var path in problems)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var solutions = Environment.GetEnvironmentVariable("BENCH_SOLUTIONS") ?? Path.GetDirectoryName(Path.GetFullPath(csv))!;
            Directory.CreateDirectory(solutions);
            var outFile = Path.Combine(solutions, $"{name}.{(greedy ? "greedy" : "t" + time)}.solution.json");
            var args = new List<string> { cli, "solve", path, "--time-limit", time, "--threads", threads };
            if (greedy)
            {
                args.Add("--greedy");
            }
            var (exit, peakKb, stdout, stderr) = RunProcess("dotnet", args);
            File.WriteAllText(outFile, stdout);
            if (exit != 0)
            {
                Console.Error.WriteLine($"{name}: solve exited {exit}: {stderr}");
                File.AppendAllText(csv, string.Create(CultureInfo.InvariantCulture, $"{name},{(greedy ? "greedy" : "cp-sat")},{time},error,,,,,,{peakKb / 1024.0:0},,,,,{Environment.NewLine}"));
                failures++;
                continue;
            }
            var checkOut = new StringWriter();
            var checkExit = Cli.Program.Run(["check", path, outFile], checkOut, checkOut);
            var problem = RosterJson.ParseProblem(File.ReadAllText(path));
            var solution = RosterJson.ParseSolution(stdout);
            var verdict = checkExit == 0 ? "ok" : $"broken({checkOut.ToString().Split('\n').Length - 2})";
            if (checkExit != 0 && solution.Status is "Optimal" or "Feasible" && !greedy)
            {
                failures++;
            }
            var places = problem.Shifts.Sum(s => (long)s.TargetOrMinimum);
            var counts = solution.Assignments.GroupBy(a => a.Shift).ToDictionary(g => g.Key, g => g.Count());
            var filled = problem.Shifts.Sum(s => (long)Math.Min(s.TargetOrMinimum, counts.GetValueOrDefault(s.Id)));
            var gap = solution is { Objective: { } o, Bound: { } b } && o != 0 ? 100.0 * (o - b) / Math.Abs(o) : (double?)null;
            var row = string.Create(CultureInfo.InvariantCulture,
                $"{name},{(greedy ? "greedy" : "cp-sat")},{time},{solution.Status},{solution.Objective},{solution.Bound},{gap:0.##},{solution.Seconds:0.###},{solution.FirstFeasibleSeconds:0.###},{peakKb / 1024.0:0},{verdict},{(places == 0 ? 1 : (double)filled / places):0.####},{solution.Components?.LoadSpread},{solution.Unfilled.Count},{solution.Engine},{solution.CpSatBound},{solution.LagrangianBound},{solution.SecondsToWithin1Percent:0.###}");
            File.AppendAllText(csv, row + Environment.NewLine);
            Console.WriteLine(row);
        }
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Runs a process to its end, polling its peak resident memory (VmHWM) while it lives.</summary>
    private static (int Exit, long PeakKb, string Stdout, string Stderr) RunProcess(string file, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        // Guard the shared machine: a solve that passes the memory limit is stopped (and reported as an error).
        var limitMb = long.TryParse(Environment.GetEnvironmentVariable("BENCH_MEMORY_LIMIT_MB"), out var l) ? l : 12_000;
        while (!process.WaitForExit(50))
        {
            peak = Math.Max(peak, HighWaterMarkKb(process.Id));
            if (peak > limitMb * 1024)
            {
                process.Kill();
            }
        }
        process.WaitForExit();
        return (process.ExitCode, peak, stdout.Result, stderr.Result);
    }

    private static long HighWaterMarkKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 0;
    }
}
