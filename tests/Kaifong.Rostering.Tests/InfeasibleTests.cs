using static Kaifong.Rostering.Tests.Build;

namespace Kaifong.Rostering.Tests;

/// <summary>Infeasible problems name the rules that conflict, taken from the solver's assumption core.</summary>
public class InfeasibleTests
{
    private static IReadOnlyList<RuleRef> Conflict(RosterProblem p)
    {
        var s = Solve(p);
        Assert.Equal("Infeasible", s.Status);
        Assert.Null(s.Objective);
        var item = Assert.Single(s.Explanation);
        Assert.Equal("infeasible.conflict", item.Code);
        Assert.NotEmpty(item.Text);
        return item.Rules!;
    }

    [Fact]
    public void A_lock_on_an_unavailable_day()
    {
        var rules = Conflict(Problem([Shift("s1", 0)], [Vol("v1") with { UnavailableDays = [0] }]) with { Locked = [new("s1", "v1")] });
        Assert.Equal(["locked", "unavailableDays"], rules.Select(r => r.Rule).Order(StringComparer.Ordinal));
        Assert.All(rules, r => Assert.Equal("v1", r.Volunteer));
    }

    [Fact]
    public void A_minimum_with_too_few_people()
    {
        var rules = Conflict(Problem([Shift("s1", 0, minimum: 2, target: 2)], [Vol("v1"), Vol("v2", "x") with { UnavailableDays = [0] }]));
        var rule = Assert.Single(rules);
        Assert.Equal("minimum", rule.Rule);
        Assert.Equal("s1", rule.Shift);
    }

    [Fact]
    public void Two_minimums_and_an_overlap()
    {
        var rules = Conflict(Problem([Shift("s1", 0, minimum: 1), Shift("s2", 0, start: "10:00", end: "13:00", minimum: 1)],
            [Vol("v1"), Vol("v2") with { UnavailableDays = [0] }]));
        Assert.Equal(["minimum:s1", "minimum:s2", "overlap:v1"],
            rules.Select(r => $"{r.Rule}:{r.Shift ?? r.Volunteer}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Locks_beyond_maxShifts()
    {
        var rules = Conflict(Problem([Shift("a", 0), Shift("b", 1), Shift("c", 2)], [Vol("v1") with { MaxShifts = 1 }])
            with { Locked = [new("a", "v1"), new("c", "v1")] });
        Assert.Equal(["locked:a", "locked:c", "maxShifts:"], rules.Select(r => $"{r.Rule}:{r.Shift}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MinMinutes_out_of_reach()
    {
        var rules = Conflict(Problem([Shift("a", 0), Shift("b", 1)], [Vol("v1") with { MinMinutes = 600 }]));
        var rule = Assert.Single(rules);
        Assert.Equal("minMinutes", rule.Rule);
        Assert.Equal("v1 works at least 600 minutes", rule.Text);
    }

    [Fact]
    public void The_conflict_is_told_in_each_language()
    {
        var p = Problem([Shift("s1", 0)], [Vol("v1") with { UnavailableDays = [0] }]) with { Locked = [new("s1", "v1")] };
        var zh = RosterSolver.Solve(p, Options with { Language = "zh-HK" }).Explanation.Single().Text;
        var cn = RosterSolver.Solve(p, Options with { Language = "zh-CN" }).Explanation.Single().Text;
        Assert.Contains("無法排班", zh, StringComparison.Ordinal);
        Assert.Contains("v1 鎖定在 s1", zh, StringComparison.Ordinal);
        Assert.Contains("无法排班", cn, StringComparison.Ordinal);
    }
}
