using Kaifong.Rostering.Cli;

namespace Kaifong.Rostering.Tests;

/// <summary>The CLI through its in-process entry point: exit 0 on a solution, 1 on broken rules, 2 on bad input.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kaifong-roster-").FullName;

    private const string Problem = """
        { "start": "2026-12-07", "days": 2,
          "shifts": [ { "id": "s1", "day": 0, "start": "09:00", "end": "12:00", "target": 1 },
                      { "id": "s2", "day": 1, "start": "09:00", "end": "12:00", "target": 1, "skills": ["急救證書"] } ],
          "volunteers": [ { "id": "v1", "skills": ["急救證書"], "maxShifts": 1 }, { "id": "v2" } ] }
        """;

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Solve_prints_the_solution_json_and_check_accepts_it()
    {
        var problem = File("p.json", Problem);
        var (exit, output, _) = Run("solve", problem, "--time-limit", "5", "--threads", "2");
        Assert.Equal(0, exit);
        var solution = RosterJson.ParseSolution(output);
        Assert.Equal("Optimal", solution.Status);
        Assert.Equal(0, solution.Objective);
        Assert.Contains(new ShiftVolunteer("s2", "v1"), solution.Assignments);
        Assert.Contains(new ShiftVolunteer("s1", "v2"), solution.Assignments);

        var (checkExit, checkOut, _) = Run("check", problem, File("s.json", output));
        Assert.Equal(0, checkExit);
        Assert.StartsWith("objective 0", checkOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Greedy_solves_too()
    {
        var (exit, output, _) = Run("solve", File("p.json", Problem), "--greedy");
        Assert.Equal(0, exit);
        Assert.Equal("greedy", RosterJson.ParseSolution(output).Engine);
    }

    [Fact]
    public void Check_reports_broken_rules_with_exit_1()
    {
        var problem = File("p.json", Problem);
        // v2 lacks 急救證書 for s2 and v1 works twice with maxShifts 1.
        var bad = File("bad.json", """{ "status": "Feasible", "assignments": [ {"shift": "s2", "volunteer": "v2"}, {"shift": "s1", "volunteer": "v1"}, {"shift": "s2", "volunteer": "v1"} ] }""");
        var (exit, output, _) = Run("check", problem, bad);
        Assert.Equal(1, exit);
        Assert.Contains("broken skills", output, StringComparison.Ordinal);
        Assert.Contains("broken maxShifts", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_catches_a_wrong_objective()
    {
        var problem = File("p.json", Problem);
        var lying = File("lie.json", """{ "status": "Optimal", "objective": 0, "assignments": [ {"shift": "s1", "volunteer": "v2"} ] }""");
        var (exit, output, _) = Run("check", problem, lying);
        Assert.Equal(1, exit);
        // s2 (underWeight absent, so 1) is short one place.
        Assert.Contains("objective 1 (under 1,", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "start": "2026-12-07", "days": 1, "shifts": [], "volunteers": [ { "id": "v1", "maxShifts": -2 } ] }""", "volunteers[0].maxShifts")]
    [InlineData("""{ "start": "2026-12-07", "days": 1, "shifts": [ { "id": "s1", "day": 0 } ], "volunteers": [ { "id": "v1", "wants": [ { "shift": "zz", "weight": 1 } ] } ] }""", "volunteers[0].wants[0].shift")]
    [InlineData("""{ "start": "2026-12-07", "days": 1, "shifts": [ """, "error:")]
    public void Bad_input_exits_2_naming_the_field_without_a_stack_trace(string json, string expected)
    {
        var (exit, output, error) = Run("solve", File("p.json", json));
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("solve")]
    [InlineData("frobnicate", "x")]
    [InlineData("solve", "missing-file.json")]
    [InlineData("solve", "p.json", "--time-limit", "soon")]
    [InlineData("solve", "p.json", "--bogus")]
    public void Usage_errors_exit_2(params string[] args)
    {
        File("p.json", Problem);
        var full = args.Select(a => a.EndsWith(".json", StringComparison.Ordinal) ? Path.Combine(_dir, a) : a).ToArray();
        var (exit, output, error) = Run(full);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.NotEmpty(error);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
