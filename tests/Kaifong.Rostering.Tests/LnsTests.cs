namespace Kaifong.Rostering.Tests;

/// <summary>The second-round engine: the Lagrangian bound, the decomposition by centre, the large-neighbourhood search
/// (forced onto small problems with <see cref="SolveOptions.LnsMinPairs"/> = 0) and the volunteer-by-volunteer
/// construction. Short limits, small instances; no time is asserted.</summary>
public class LnsTests
{
    private static readonly SolveOptions Lns = Build.Options with { TimeLimitSeconds = 3, LnsMinPairs = 0 };

    /// <summary>The bound after its subgradient steps towards <paramref name="upper"/> (the incumbent's objective, as in a solve).</summary>
    private static long Lagrangian(RosterProblem problem, long upper)
    {
        var bound = new LagrangianBound(new Instance(problem));
        bound.Run(() => false, () => upper, _ => { }, maxIterations: 300);
        return bound.Value ?? long.MinValue;
    }

    [Fact]
    public void The_bound_is_exact_on_a_hand_computed_month()
    {
        // Two shifts a day for 3 days, target 1 each (under 100); one volunteer with maxShifts 4 and one with
        // maxConsecutiveDays 1: the first covers 4 places, the second days 0 and 2 (2 places): 6 places, none
        // unfilled, so the optimum is 0 — and the bound, which keeps both rules, is 0 too.
        var shifts = Enumerable.Range(0, 3).SelectMany(d => new[]
        {
            Build.Shift($"am{d}", d, "AM", "08:00", "12:00"),
            Build.Shift($"pm{d}", d, "PM", "13:00", "17:00"),
        }).ToList();
        var p = Build.Problem(shifts, [Build.Vol("a") with { MaxShifts = 4 }, Build.Vol("b") with { MaxConsecutiveDays = 1 }], days: 3);
        Assert.Equal(0, Build.Solve(p).Objective);
        Assert.Equal(0, Lagrangian(p, 0));

        // With b limited to 1 shift, one place stays open (100): optimum 100, and the bound reaches it.
        var tighter = p with { Volunteers = [Build.Vol("a") with { MaxShifts = 4 }, Build.Vol("b") with { MaxShifts = 1 }] };
        var solved = Build.Solve(tighter);
        Assert.Equal("Optimal", solved.Status);
        Assert.Equal(100, solved.Objective);
        Assert.Equal(100, Lagrangian(tighter, 100));
    }

    [Theory]
    [MemberData(nameof(PropertyTests.Seeds), MemberType = typeof(PropertyTests))]
    public void The_bound_is_never_above_a_proven_optimum(int seed)
    {
        var problem = PropertyTests.Random(seed);
        var solution = RosterSolver.Solve(problem, Build.Options with { Lns = false });
        if (solution.Status != "Optimal")
        {
            return;
        }
        Assert.True(Lagrangian(problem, solution.Objective!.Value) <= solution.Objective, $"seed {seed}: bound above the optimum {solution.Objective}");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(11)]
    public void Lns_rosters_pass_check_never_worse_than_greedy_and_keep_locks(int seed)
    {
        var problem = PropertyTests.Random(seed);
        var solution = Build.Solve(problem);
        var lns = RosterSolver.Solve(problem, Lns);
        if (lns.Status is not ("Optimal" or "Feasible"))
        {
            return;
        }
        var check = RosterChecker.Check(problem, lns.Assignments);
        Assert.True(check.Ok, string.Join("; ", check.Violations.Select(v => v.Message)));
        Assert.Equal(check.Objective, lns.Objective);
        var greedy = RosterSolver.SolveGreedy(problem);
        if (greedy.Status == "Feasible")
        {
            Assert.True(lns.Objective <= greedy.Objective);
        }
        Assert.All(problem.Locked, l => Assert.Contains(l, lns.Assignments));
        if (solution.Status == "Optimal")
        {
            Assert.True(lns.Bound <= solution.Objective);
            Assert.True(lns.Objective >= solution.Objective);
        }
    }

    /// <summary>Two centres (tags A and B, every shift requires one), a volunteer in both, fairness on.</summary>
    internal static RosterProblem TwoCentres()
    {
        var shifts = new List<ShiftSpec>();
        foreach (var centre in new[] { "A", "B" })
        {
            for (var d = 0; d < 5; d++)
            {
                shifts.Add(Build.Shift($"{centre}{d}am", d, "AM", "09:00", "12:00", target: 2, over: 3) with { Skills = [centre], Maximum = 3 });
                shifts.Add(Build.Shift($"{centre}{d}pm", d, "PM", "14:00", "17:00", target: 1, under: 80) with { Skills = [centre] });
            }
        }
        var volunteers = new List<VolunteerSpec>();
        for (var i = 0; i < 4; i++)
        {
            volunteers.Add(Build.Vol($"a{i}", "A") with { MaxShifts = 3 + i % 2, MaxConsecutiveDays = 2, Wants = [new WeightedShift($"A{i}pm", 5)] });
            volunteers.Add(Build.Vol($"b{i}", "B") with { MaxShifts = 2 + i % 3, Avoids = [new WeightedShift($"B{i}am", 7)] });
        }
        volunteers.Add(Build.Vol("ab", "A", "B") with { MaxShifts = 4 });
        return Build.Problem(shifts, volunteers, days: 5) with { FairnessWeight = 5 };
    }

    [Fact]
    public void The_decomposition_finds_the_whole_models_optimum_on_a_two_centre_month()
    {
        var problem = TwoCentres();
        var c = new Instance(problem);
        Assert.Equal(2, Kaifong.Rostering.Lns.Parts(c).Count);
        var whole = Build.Solve(problem);
        Assert.Equal("Optimal", whole.Status);
        var decomposed = RosterSolver.Solve(problem, Lns);
        Assert.True(RosterChecker.Check(problem, decomposed.Assignments).Ok);
        Assert.Equal(whole.Objective, decomposed.Objective);
        Assert.True(decomposed.LagrangianBound <= whole.Objective);
    }

    [Fact]
    public void One_centre_re_solved_with_the_other_fixed_keeps_the_fairness_term_exact()
    {
        // The greedy roster as incumbent; centre A freed: the sub-model's objective is the whole roster's, fairness
        // included (B's loads are constants in it), and the roster it returns passes check with that objective.
        var problem = TwoCentres();
        var c = new Instance(problem);
        var incumbent = Greedy.Solve(c).Select(a => c.Key(a.Shift, a.Volunteer)).ToHashSet();
        var part = Kaifong.Rostering.Lns.Parts(c)[0];
        var free = part.SelectMany(s => c.EligibleFor[s].Select(v => c.Key(s, v))).ToHashSet();
        var result = Kaifong.Rostering.Lns.SolveHood(c, new Neighbourhood(c, incumbent, free), 5, 2, 1, hint: true, default);
        Assert.NotNull(result);
        var pairs = result.Value.Roster.Select(c.Unkey).Select(a => new ShiftVolunteer(c.Shift(a.Shift).Id, c.Vol(a.Volunteer).Id));
        var check = RosterChecker.Check(problem, pairs);
        Assert.True(check.Ok);
        Assert.Equal(check.Objective, result.Value.Objective);
        var before = RosterChecker.Check(problem, incumbent.Select(c.Unkey).Select(a => new ShiftVolunteer(c.Shift(a.Shift).Id, c.Vol(a.Volunteer).Id)));
        Assert.True(check.Objective <= before.Objective);
    }

    [Fact]
    public void Lns_respects_cancellation()
    {
        var problem = Bench.Curtois.Convert(File.ReadAllText(Build.CurtoisInstance(5)));
        using var cts = new CancellationTokenSource();
        var stopper = new PropertyTests.Stopper(cts);
        var solution = RosterSolver.Solve(problem, Lns with { TimeLimitSeconds = 600 }, stopper, cts.Token);
        Assert.True(stopper.Stopped);
        Assert.Equal("Feasible", solution.Status);
        Assert.True(RosterChecker.Check(problem, solution.Assignments).Ok);
    }

    [Fact]
    public void The_construction_gives_a_valid_roster_where_the_heuristics_break_minimum_rules()
    {
        // Curtois Instance2: both heuristic rosters break minMinutes / minimum runs.
        var problem = Bench.Curtois.Convert(File.ReadAllText(Build.CurtoisInstance(2)));
        var c = new Instance(problem);
        Assert.False(RosterChecker.Check(problem, Pairs(c, Greedy.Solve(c))).Ok);
        var built = Kaifong.Rostering.Lns.Construct(c, Build.Options, System.Diagnostics.Stopwatch.StartNew(), 20, default);
        Assert.NotNull(built);
        Assert.True(RosterChecker.Check(problem, Pairs(c, built.Select(c.Unkey))).Ok);
    }

    private static List<ShiftVolunteer> Pairs(Instance c, IEnumerable<(int Shift, int Volunteer)> roster) =>
        [.. roster.Select(a => new ShiftVolunteer(c.Shift(a.Shift).Id, c.Vol(a.Volunteer).Id))];
}
