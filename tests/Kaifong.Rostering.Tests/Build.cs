namespace Kaifong.Rostering.Tests;

/// <summary>Small builders for hand-made problems. Defaults: 7 days from Monday 2026-12-07, shifts 09:00–12:00 with
/// target 1, underWeight 100 and overWeight 0.</summary>
internal static class Build
{
    public static ShiftSpec Shift(string id, int day, string type = "D", string start = "09:00", string end = "12:00",
        int target = 1, int minimum = 0, int? maximum = null, long under = 100, long over = 0, params string[] skills) => new()
        {
            Id = id,
            Day = day,
            Type = type,
            Start = start,
            End = end,
            Target = target,
            Minimum = minimum,
            Maximum = maximum,
            UnderWeight = under,
            OverWeight = over,
            Skills = skills,
        };

    public static VolunteerSpec Vol(string id, params string[] skills) => new() { Id = id, Skills = skills };

    public static RosterProblem Problem(IReadOnlyList<ShiftSpec> shifts, IReadOnlyList<VolunteerSpec> volunteers, int days = 7,
        string start = "2026-12-07") => new()
        {
            Start = start,
            Days = days,
            Shifts = shifts,
            Volunteers = volunteers,
        };

    public static readonly SolveOptions Options = new() { TimeLimitSeconds = 20, Threads = 2, Language = "en" };

    public static RosterSolution Solve(RosterProblem problem)
    {
        var solution = RosterSolver.Solve(problem, Options);
        if (solution.Status is "Optimal" or "Feasible")
        {
            // Every roster the engine hands back must pass the independent checker, with the same objective.
            var check = RosterChecker.Check(problem, solution.Assignments);
            Assert.True(check.Ok, string.Join("; ", check.Violations.Select(v => v.Message)));
            Assert.Equal(check.Objective, solution.Objective);
        }
        return solution;
    }

    public static bool Has(this RosterSolution solution, string shift, string volunteer) =>
        solution.Assignments.Contains(new ShiftVolunteer(shift, volunteer));

    /// <summary>A Curtois &amp; Qu instance as kept in the repository (bench/instances/curtois).</summary>
    public static string CurtoisInstance(int n) => Path.Combine(RepoRoot(), "bench", "instances", "curtois", $"Instance{n}.txt");

    /// <summary>The repository root (the folder holding Kaifong.slnx), found by walking up from the test binaries.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kaifong.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Kaifong.slnx not found above " + AppContext.BaseDirectory);
    }
}
