using static Kaifong.Rostering.Tests.Build;

namespace Kaifong.Rostering.Tests;

/// <summary>Rules in pairs, where one rule's choice is narrowed by the other.</summary>
public class RulePairTests
{
    [Fact]
    public void Skills_with_maxShifts()
    {
        // Two first-aid shifts; the only first-aider may work one: 100, and the explanation names both reasons.
        var s = Solve(Problem([Shift("a", 0, skills: "急救證書"), Shift("b", 1, skills: "急救證書")],
            [Vol("v1", "急救證書") with { MaxShifts = 1 }, Vol("v2")]));
        Assert.Equal(100, s.Objective);
        var item = Assert.Single(s.Explanation, e => e.Code == "shift.unfilled");
        Assert.Equal("1", item.Args["maxShifts"]);
        Assert.Equal("1", item.Args["lacks:急救證書"]);
    }

    [Fact]
    public void Max_and_min_consecutive_days()
    {
        // Seven days, one volunteer, at most 3 and (inside) at least 3 in a row: work 0–2, rest 3, work 4–6.
        var shifts = Enumerable.Range(0, 7).Select(d => Shift($"d{d}", d)).ToArray();
        var s = Solve(Problem(shifts, [Vol("v1") with { MaxConsecutiveDays = 3, MinConsecutiveDays = 3 }]));
        Assert.Equal(100, s.Objective);
        Assert.Equal([new Unfilled("d3", 1)], s.Unfilled);
    }

    [Fact]
    public void One_shift_a_day_with_forbidden_successions()
    {
        // Day 0 has AM and PM, day 1 AM; PM may not be followed by AM. One volunteer: AM day 0 + AM day 1 (PM short).
        var shifts = new[] { Shift("am0", 0, "AM"), Shift("pm0", 0, "PM", "14:00", "17:00", under: 50), Shift("am1", 1, "AM") };
        var s = Solve(Problem(shifts, [Vol("v1")]) with { OneShiftPerDay = true, ForbiddenNextDay = [new("PM", "AM")] });
        Assert.Equal(50, s.Objective);
        Assert.True(s.Has("am0", "v1") && s.Has("am1", "v1"));
    }

    [Fact]
    public void Weekends_with_unavailable_days()
    {
        // From Saturday 2026-12-05: v1 may work one weekend and is away on day 7; v2 is away on days 0–1.
        // Sat 0 → v1, Sat 7 → v2: nothing short.
        var s = Solve(Problem([Shift("sat0", 0), Shift("sat7", 7)],
            [Vol("v1") with { MaxWeekends = 1, UnavailableDays = [7] }, Vol("v2") with { UnavailableDays = [0, 1] }], days: 14, start: "2026-12-05"));
        Assert.Equal(0, s.Objective);
        Assert.True(s.Has("sat0", "v1") && s.Has("sat7", "v2"));
    }

    [Fact]
    public void Locked_with_minMinutes()
    {
        // v1 is locked on a (180 min) and needs 300 minutes: one more shift, the cheaper over-target one (b, 1).
        var shifts = new[] { Shift("a", 0), Shift("b", 2, target: 0, over: 1), Shift("c", 4, target: 0, over: 4) };
        var s = Solve(Problem(shifts, [Vol("v1") with { MinMinutes = 300 }]) with { Locked = [new("a", "v1")] });
        Assert.Equal(1, s.Objective);
        Assert.True(s.Has("a", "v1") && s.Has("b", "v1"));
    }

    [Fact]
    public void Stability_after_one_change_moves_only_what_must_move()
    {
        // Solve a week; then v1 becomes unavailable on a day they worked. Re-rostering against the first roster
        // with a change weight above the under weight drops exactly the one assignment that must go.
        var shifts = Enumerable.Range(0, 7).SelectMany(d => new[] { Shift($"am{d}", d, "AM", target: 2), Shift($"pm{d}", d, "PM", "14:00", "17:00", target: 2) }).ToArray();
        var vols = Enumerable.Range(1, 6).Select(i => Vol($"v{i}") with { MaxShifts = 4 }).ToArray();
        var first = Solve(Problem(shifts, vols) with { OneShiftPerDay = true, FairnessWeight = 1 });
        var moved = first.Assignments.First(a => a.Volunteer == "v1");
        var day = shifts.Single(x => x.Id == moved.Shift).Day;
        var changed = vols.Select(v => v.Id == "v1" ? v with { UnavailableDays = [day] } : v).ToArray();
        var second = Solve(Problem(shifts, changed) with { OneShiftPerDay = true, FairnessWeight = 1, Previous = first.Assignments, ChangeWeight = 1000 });
        var dropped = first.Assignments.Except(second.Assignments).ToList();
        Assert.Equal([moved], dropped);
        Assert.Equal(1000, second.Components!.Change);
    }
}
