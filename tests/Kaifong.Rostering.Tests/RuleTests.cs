using static Kaifong.Rostering.Tests.Build;

namespace Kaifong.Rostering.Tests;

/// <summary>Each hard rule alone, on instances small enough to work out the optimum by hand (the comment says how).</summary>
public class RuleTests
{
    [Fact]
    public void Skills_decide_who_may_work_a_shift()
    {
        // Only v2 drives: v2 takes the place, nothing is short.
        var s = Solve(Problem([Shift("s1", 0, skills: "駕駛執照")], [Vol("v1"), Vol("v2", "駕駛執照")]));
        Assert.Equal("Optimal", s.Status);
        Assert.Equal(0, s.Objective);
        Assert.True(s.Has("s1", "v2"));
    }

    [Fact]
    public void A_place_nobody_qualifies_for_stays_unfilled_and_the_explanation_says_which_skill()
    {
        // One place short at underWeight 100.
        var s = Solve(Problem([Shift("s1", 0, skills: "駕駛執照")], [Vol("v1"), Vol("v2")]));
        Assert.Equal(100, s.Objective);
        Assert.Equal([new Unfilled("s1", 1)], s.Unfilled);
        var item = Assert.Single(s.Explanation, e => e.Code == "shift.unfilled");
        Assert.Equal("2", item.Args["lacks:駕駛執照"]);
        Assert.Contains("2 lack 駕駛執照", item.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unavailable_days_and_shifts_are_respected()
    {
        // v1 is away on day 0, v2 cannot do s2: v2 takes s1, v1 takes s2.
        var s = Solve(Problem([Shift("s1", 0), Shift("s2", 1)],
            [Vol("v1") with { UnavailableDays = [0] }, Vol("v2") with { UnavailableShifts = ["s2"] }]));
        Assert.Equal(0, s.Objective);
        Assert.True(s.Has("s1", "v2"));
        Assert.True(s.Has("s2", "v1"));
    }

    [Fact]
    public void Unavailability_is_explained()
    {
        var s = Solve(Problem([Shift("s1", 0)], [Vol("v1") with { UnavailableDays = [0] }, Vol("v2") with { UnavailableShifts = ["s1"] }]));
        var item = Assert.Single(s.Explanation, e => e.Code == "shift.unfilled");
        Assert.Equal("1", item.Args["unavailableDays"]);
        Assert.Equal("1", item.Args["unavailableShifts"]);
    }

    [Fact]
    public void Overlapping_shifts_go_to_different_people()
    {
        // 09–12 and 11–14 overlap: one volunteer fills one of them; 100 for the other.
        var s = Solve(Problem([Shift("s1", 0), Shift("s2", 0, start: "11:00", end: "14:00")], [Vol("v1")]));
        Assert.Equal(100, s.Objective);
        Assert.Single(s.Assignments);
    }

    [Fact]
    public void Back_to_back_shifts_are_fine_until_rest_is_required()
    {
        var shifts = new[] { Shift("s1", 0), Shift("s2", 0, start: "12:00", end: "15:00") };
        Assert.Equal(0, Solve(Problem(shifts, [Vol("v1")])).Objective);
        Assert.Equal(100, Solve(Problem(shifts, [Vol("v1")]) with { MinRestMinutes = 30 }).Objective);
    }

    [Fact]
    public void A_shift_past_midnight_overlaps_the_next_morning()
    {
        // 22:00–10:00 (to day 1) overlaps day 1's 09:00–12:00.
        var s = Solve(Problem([Shift("n", 0, start: "22:00", end: "10:00"), Shift("m", 1)], [Vol("v1")]));
        Assert.Equal(100, s.Objective);
    }

    [Fact]
    public void One_shift_a_day_when_set()
    {
        var shifts = new[] { Shift("am", 0), Shift("pm", 0, start: "14:00", end: "17:00") };
        Assert.Equal(0, Solve(Problem(shifts, [Vol("v1")])).Objective);
        Assert.Equal(100, Solve(Problem(shifts, [Vol("v1")]) with { OneShiftPerDay = true }).Objective);
    }

    [Fact]
    public void Maximum_caps_the_head_count()
    {
        // Both want the target-0 shift (weight 5 each, overWeight 1): uncapped both come (2 over = 2);
        // with maximum 1 one comes: 1 over + 5 unmet want = 6.
        var vols = new[] { Vol("v1") with { Wants = [new("s1", 5)] }, Vol("v2") with { Wants = [new("s1", 5)] } };
        Assert.Equal(2, Solve(Problem([Shift("s1", 0, target: 0, over: 1)], vols)).Objective);
        var capped = Solve(Problem([Shift("s1", 0, target: 0, over: 1, maximum: 1)], vols));
        Assert.Equal(6, capped.Objective);
        Assert.Single(capped.Assignments);
    }

    [Fact]
    public void Minimum_is_hard_even_against_an_avoid()
    {
        // Target 0 but minimum 1: v1 must come although they avoid it (3).
        var s = Solve(Problem([Shift("s1", 0, target: 0, minimum: 1)], [Vol("v1") with { Avoids = [new("s1", 3)] }]));
        Assert.Equal(3, s.Objective);
        Assert.Equal(3, s.Components!.Avoids);
    }

    [Fact]
    public void MaxShifts_limits_the_month()
    {
        var s = Solve(Problem([Shift("a", 0), Shift("b", 2), Shift("c", 4)], [Vol("v1") with { MaxShifts = 2 }]));
        Assert.Equal(100, s.Objective);
        var item = Assert.Single(s.Explanation, e => e.Code == "shift.unfilled");
        Assert.Equal("1", item.Args["maxShifts"]);
        Assert.Contains("1 eligible volunteers at their monthly limit", item.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxShiftsPerType_limits_one_type()
    {
        var s = Solve(Problem([Shift("a1", 0, "AM"), Shift("a2", 2, "AM"), Shift("p1", 4, "PM")],
            [Vol("v1") with { MaxShiftsPerType = new Dictionary<string, int> { ["AM"] = 1 } }]));
        Assert.Equal(100, s.Objective);
        Assert.True(s.Has("p1", "v1"));
    }

    [Fact]
    public void MaxMinutes_and_minMinutes()
    {
        // Three 180-minute shifts: at most 400 minutes → two of them.
        var three = new[] { Shift("a", 0), Shift("b", 2), Shift("c", 4) };
        Assert.Equal(100, Solve(Problem(three, [Vol("v1") with { MaxMinutes = 400 }])).Objective);
        // Target 0, overWeight 1: at least 300 minutes forces two shifts, 2 over.
        var spare = new[] { Shift("a", 0, target: 0, over: 1), Shift("b", 2, target: 0, over: 1), Shift("c", 4, target: 0, over: 1) };
        Assert.Equal(2, Solve(Problem(spare, [Vol("v1") with { MinMinutes = 300 }])).Objective);
    }

    [Fact]
    public void Forbidden_next_day_succession()
    {
        var shifts = new[] { Shift("pm", 0, "PM", "18:00", "22:00"), Shift("am", 1, "AM", "07:00", "10:00") };
        Assert.Equal(0, Solve(Problem(shifts, [Vol("v1")])).Objective);
        var s = Solve(Problem(shifts, [Vol("v1")]) with { ForbiddenNextDay = [new("PM", "AM")] });
        Assert.Equal(100, s.Objective);
    }

    [Fact]
    public void MaxConsecutiveDays_counts_days_outside_the_horizon_as_off()
    {
        // Days 0–2 with max 2 in a row: one day short. Days 0–1 alone are fine (nothing before the horizon counts).
        Assert.Equal(100, Solve(Problem([Shift("a", 0), Shift("b", 1), Shift("c", 2)], [Vol("v1") with { MaxConsecutiveDays = 2 }])).Objective);
        Assert.Equal(0, Solve(Problem([Shift("a", 0), Shift("b", 1)], [Vol("v1") with { MaxConsecutiveDays = 2 }])).Objective);
    }

    [Fact]
    public void MinConsecutiveDays_is_waived_at_the_horizon_ends()
    {
        // Day 2 of 5 alone is an inner run of 1 < 2: v1 also works day 1 or 3 (1 over).
        var inner = Enumerable.Range(0, 5).Select(d => Shift($"d{d}", d, target: d == 2 ? 1 : 0, over: 1)).ToArray();
        Assert.Equal(1, Solve(Problem(inner, [Vol("v1") with { MinConsecutiveDays = 2 }], days: 5)).Objective);
        // Day 0 alone touches the start: waived.
        var edge = Enumerable.Range(0, 5).Select(d => Shift($"d{d}", d, target: d == 0 ? 1 : 0, over: 1)).ToArray();
        Assert.Equal(0, Solve(Problem(edge, [Vol("v1") with { MinConsecutiveDays = 2 }], days: 5)).Objective);
    }

    [Fact]
    public void MinConsecutiveDaysOff_forbids_a_single_day_off_between_work()
    {
        // Work on days 0 and 2 leaves day 1 off alone (< 2): cheapest is to work day 1 too (1 over).
        var shifts = new[] { Shift("a", 0), Shift("b", 1, target: 0, over: 1), Shift("c", 2) };
        Assert.Equal(1, Solve(Problem(shifts, [Vol("v1") with { MinConsecutiveDaysOff = 2 }], days: 5)).Objective);
    }

    [Fact]
    public void MaxWeekends_counts_saturday_sunday_pairs_from_the_start_date()
    {
        // 2026-12-05 is a Saturday: days 0–1 and 7–8 are two weekends; working Sat 0 and Sun 1 is one.
        var twoWeekends = new[] { Shift("sat0", 0), Shift("sat7", 7) };
        Assert.Equal(100, Solve(Problem(twoWeekends, [Vol("v1") with { MaxWeekends = 1 }], days: 14, start: "2026-12-05")).Objective);
        var oneWeekend = new[] { Shift("sat0", 0), Shift("sun1", 1) };
        Assert.Equal(0, Solve(Problem(oneWeekend, [Vol("v1") with { MaxWeekends = 1 }], days: 14, start: "2026-12-05")).Objective);
        // Starting on a Sunday: day 0 is a weekend of its own, day 6 (Saturday) another.
        var sunday = new[] { Shift("sun0", 0), Shift("sat6", 6) };
        Assert.Equal(100, Solve(Problem(sunday, [Vol("v1") with { MaxWeekends = 1 }], days: 7, start: "2026-12-06")).Objective);
    }

    [Fact]
    public void Wants_and_avoids_steer_the_choice()
    {
        var s = Solve(Problem([Shift("s1", 0)], [Vol("v1") with { Avoids = [new("s1", 3)] }, Vol("v2")]));
        Assert.Equal(0, s.Objective);
        Assert.True(s.Has("s1", "v2"));
        var w = Solve(Problem([Shift("s1", 0, over: 5)], [Vol("v1"), Vol("v2") with { Wants = [new("s1", 2)] }, Vol("v3") with { Wants = [new("s1", 3)] }]));
        // One place, two wishes (a second person would cost 5 over): the heavier is granted, the other (2) is not.
        Assert.Equal(2, w.Objective);
        Assert.True(w.Has("s1", "v3"));
    }

    [Fact]
    public void Locked_assignments_stay_even_when_they_cost()
    {
        var s = Solve(Problem([Shift("s1", 0)], [Vol("v1") with { Avoids = [new("s1", 7)] }, Vol("v2")]) with { Locked = [new("s1", "v1")] });
        Assert.True(s.Has("s1", "v1"));
        Assert.Equal(7, s.Objective);
    }

    [Fact]
    public void Stability_keeps_the_previous_roster()
    {
        // v1 and v2 are interchangeable; the previous roster had v2, and each change costs 10.
        var s = Solve(Problem([Shift("s1", 0)], [Vol("v1"), Vol("v2")]) with { Previous = [new("s1", "v2")], ChangeWeight = 10 });
        Assert.Equal(0, s.Objective);
        Assert.True(s.Has("s1", "v2"));
    }

    [Fact]
    public void Fairness_spreads_the_load()
    {
        // v1 wants both shifts (1 each); a second person costs 1 over. Without fairness v1 takes both (0). With
        // weight 5 the spread of 2 would cost 10, so one goes to v2: one want unmet (1), spread 0.
        var p = Problem([Shift("a", 0, over: 1), Shift("b", 1, over: 1)], [Vol("v1") with { Wants = [new("a", 1), new("b", 1)] }, Vol("v2")]);
        Assert.Equal(0, Solve(p).Objective);
        var fair = Solve(p with { FairnessWeight = 5 });
        Assert.Equal(1, fair.Objective);
        Assert.Equal(0, fair.Components!.LoadSpread);
    }
}

public class EdgeTests
{
    [Fact]
    public void No_shifts_is_an_empty_optimal_roster()
    {
        var s = Build.Solve(Build.Problem([], [Build.Vol("v1")]));
        Assert.Equal("Optimal", s.Status);
        Assert.Equal(0, s.Objective);
        Assert.Empty(s.Assignments);
    }

    [Fact]
    public void No_volunteers_leaves_every_place_unfilled_and_says_so()
    {
        var s = Build.Solve(Build.Problem([Build.Shift("s1", 0, target: 2)], []) with { FairnessWeight = 3 });
        Assert.Equal(200, s.Objective);
        Assert.Equal([new Unfilled("s1", 2)], s.Unfilled);
        Assert.Contains("there are no volunteers", Assert.Single(s.Explanation, e => e.Code == "shift.unfilled").Text, StringComparison.Ordinal);
    }
}
