using System.Globalization;

namespace Kaifong.Rostering;

public sealed record Violation(string Rule, string Message, string? Shift = null, string? Volunteer = null);

public sealed record CheckResult(IReadOnlyList<Violation> Violations, ObjectiveComponents Components)
{
    public bool Ok => Violations.Count == 0;

    public long Objective => Components.Total;
}

/// <summary>
/// Verifies a roster against every hard rule and recomputes the objective from the assignments alone. It works from
/// the problem as given (ids, dates and "HH:mm" times), on purpose sharing no code with the model, the greedy
/// baseline or <c>Instance</c>, so that a mistake in one is caught by the other.
/// </summary>
public static class RosterChecker
{
    public static CheckResult Check(RosterProblem problem, IEnumerable<ShiftVolunteer> assignments)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(assignments);
        var bad = new List<Violation>();
        var shifts = problem.Shifts.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var people = problem.Volunteers.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var start = DateOnly.ParseExact(problem.Start, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        var pairs = new HashSet<(string Shift, string Volunteer)>();
        foreach (var a in assignments)
        {
            if (!shifts.ContainsKey(a.Shift))
            {
                bad.Add(new("unknownShift", $"assignment to unknown shift {a.Shift}", a.Shift, a.Volunteer));
            }
            else if (!people.ContainsKey(a.Volunteer))
            {
                bad.Add(new("unknownVolunteer", $"assignment of unknown volunteer {a.Volunteer}", a.Shift, a.Volunteer));
            }
            else if (!pairs.Add((a.Shift, a.Volunteer)))
            {
                bad.Add(new("duplicate", $"{a.Volunteer} is assigned to {a.Shift} twice", a.Shift, a.Volunteer));
            }
        }

        var byShift = pairs.GroupBy(p => p.Shift).ToDictionary(g => g.Key, g => g.Select(p => p.Volunteer).ToList());
        var byVolunteer = pairs.GroupBy(p => p.Volunteer).ToDictionary(g => g.Key, g => g.Select(p => shifts[p.Shift]).ToList());

        foreach (var l in problem.Locked)
        {
            if (!pairs.Contains((l.Shift, l.Volunteer)))
            {
                bad.Add(new("locked", $"locked assignment {l.Volunteer} on {l.Shift} is missing", l.Shift, l.Volunteer));
            }
        }

        long under = 0, over = 0;
        foreach (var s in problem.Shifts)
        {
            var n = byShift.TryGetValue(s.Id, out var list) ? list.Count : 0;
            if (n < s.Minimum)
            {
                bad.Add(new("minimum", $"{s.Id} has {n}, minimum {s.Minimum}", s.Id));
            }
            if (s.Maximum is { } max && n > max)
            {
                bad.Add(new("maximum", $"{s.Id} has {n}, maximum {max}", s.Id));
            }
            var target = s.Target ?? s.Minimum;
            under += s.UnderWeight * Math.Max(0, target - n);
            over += s.OverWeight * Math.Max(0, n - target);
        }

        var weekday = (int)start.DayOfWeek;
        foreach (var v in problem.Volunteers)
        {
            var mine = byVolunteer.TryGetValue(v.Id, out var list) ? list : [];
            CheckVolunteer(problem, v, mine, weekday, bad);
        }

        long wants = 0, avoids = 0, change = 0;
        foreach (var v in problem.Volunteers)
        {
            wants += v.Wants.Where(w => !pairs.Contains((w.Shift, v.Id))).Sum(w => w.Weight);
            avoids += v.Avoids.Where(w => pairs.Contains((w.Shift, v.Id))).Sum(w => w.Weight);
        }
        change = problem.ChangeWeight * problem.Previous.Distinct().Count(p => !pairs.Contains((p.Shift, p.Volunteer)));

        var spread = LoadSpread(problem, byVolunteer);
        var components = new ObjectiveComponents
        {
            Under = under,
            Over = over,
            Wants = wants,
            Avoids = avoids,
            Change = change,
            Fairness = problem.FairnessWeight * spread,
            LoadSpread = spread,
        };
        return new CheckResult(bad, components);
    }

    /// <summary>Most shifts of anyone − fewest shifts of anyone who could work at least one shift.</summary>
    private static int LoadSpread(RosterProblem problem, Dictionary<string, List<ShiftSpec>> byVolunteer)
    {
        int? most = null, fewest = null;
        foreach (var v in problem.Volunteers)
        {
            var load = byVolunteer.TryGetValue(v.Id, out var list) ? list.Count : 0;
            most = Math.Max(most ?? 0, load);
            var canWork = problem.Shifts.Any(s => s.Skills.All(v.Skills.Contains)
                && !v.UnavailableDays.Contains(s.Day) && !v.UnavailableShifts.Contains(s.Id));
            if (canWork)
            {
                fewest = Math.Min(fewest ?? int.MaxValue, load);
            }
        }
        return fewest is null ? 0 : (most ?? 0) - fewest.Value;
    }

    private static void CheckVolunteer(RosterProblem p, VolunteerSpec v, List<ShiftSpec> mine, int weekday, List<Violation> bad)
    {
        void Add(string rule, string message, string? shift = null) => bad.Add(new(rule, $"{v.Id}: {message}", shift, v.Id));

        foreach (var s in mine)
        {
            var missing = s.Skills.Where(k => !v.Skills.Contains(k)).ToList();
            if (missing.Count > 0)
            {
                Add("skills", $"lacks {string.Join(", ", missing)} for {s.Id}", s.Id);
            }
            if (v.UnavailableDays.Contains(s.Day))
            {
                Add("unavailableDays", $"unavailable on day {s.Day} but works {s.Id}", s.Id);
            }
            if (v.UnavailableShifts.Contains(s.Id))
            {
                Add("unavailableShifts", $"unavailable for {s.Id}", s.Id);
            }
        }

        // Times as absolute minutes from the horizon's start; an end before the start runs past midnight.
        static (long From, long To) Span(ShiftSpec s)
        {
            if (s.Start is null || s.End is null)
            {
                return (s.Day * 1440L, s.Day * 1440L);
            }
            var a = TimeOnly.ParseExact(s.Start, "HH:mm", CultureInfo.InvariantCulture);
            var from = s.Day * 1440L + a.Hour * 60 + a.Minute;
            var b = s.End == "24:00" ? 1440 : TimeOnly.ParseExact(s.End, "HH:mm", CultureInfo.InvariantCulture) is var t ? t.Hour * 60 + t.Minute : 0;
            var to = s.Day * 1440L + b;
            if (to < from)
            {
                to += 1440;
            }
            return (from, to);
        }

        var forbidden = p.ForbiddenNextDay.Select(r => (r.Type, r.Next)).ToHashSet();
        var sorted = mine.Select(s => (Shift: s, Span: Span(s))).OrderBy(x => x.Span.From).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var (si, a) = sorted[i];
            for (var j = i + 1; j < sorted.Count; j++)
            {
                var (sj, b) = sorted[j];
                if (b.From >= a.To + p.MinRestMinutes && sj.Day > si.Day + 1)
                {
                    break;
                }
                var timed = a.To > a.From && b.To > b.From;
                if (timed && a.From < b.To && b.From < a.To)
                {
                    Add("overlap", $"{si.Id} and {sj.Id} overlap", sj.Id);
                }
                else if (timed && p.MinRestMinutes > 0 && a.From < b.To + p.MinRestMinutes && b.From < a.To + p.MinRestMinutes)
                {
                    Add("minRestMinutes", $"less than {p.MinRestMinutes} minutes between {si.Id} and {sj.Id}", sj.Id);
                }
                if (p.OneShiftPerDay && si.Day == sj.Day)
                {
                    Add("oneShiftPerDay", $"{si.Id} and {sj.Id} are on the same day", sj.Id);
                }
                foreach (var (first, second) in new[] { (si, sj), (sj, si) })
                {
                    if (second.Day == first.Day + 1 && forbidden.Contains((first.Type, second.Type)))
                    {
                        Add("forbiddenNextDay", $"{second.Type} ({second.Id}) the day after {first.Type} ({first.Id})", second.Id);
                    }
                }
            }
        }

        if (v.MaxShifts is { } maxShifts && mine.Count > maxShifts)
        {
            Add("maxShifts", $"{mine.Count} shifts, at most {maxShifts}");
        }
        foreach (var (type, limit) in v.MaxShiftsPerType)
        {
            var n = mine.Count(s => s.Type == type);
            if (n > limit)
            {
                Add("maxShiftsPerType", $"{n} shifts of type {type}, at most {limit}");
            }
        }
        var minutes = mine.Sum(s => Span(s).To - Span(s).From);
        if (minutes < v.MinMinutes)
        {
            Add("minMinutes", $"{minutes} minutes, at least {v.MinMinutes}");
        }
        if (v.MaxMinutes is { } maxMinutes && minutes > maxMinutes)
        {
            Add("maxMinutes", $"{minutes} minutes, at most {maxMinutes}");
        }

        var worked = new bool[p.Days];
        foreach (var s in mine)
        {
            worked[s.Day] = true;
        }
        // Runs of equal days: (worked?, first day, length).
        var runs = new List<(bool Work, int From, int Length)>();
        for (var d = 0; d < p.Days;)
        {
            var e = d;
            while (e < p.Days && worked[e] == worked[d])
            {
                e++;
            }
            runs.Add((worked[d], d, e - d));
            d = e;
        }
        foreach (var (work, from, length) in runs)
        {
            var inner = from > 0 && from + length < p.Days;
            if (work && v.MaxConsecutiveDays is { } maxRun && length > maxRun)
            {
                Add("maxConsecutiveDays", $"works {length} days in a row from day {from}, at most {maxRun}");
            }
            if (work && inner && v.MinConsecutiveDays is { } minRun && length < minRun)
            {
                Add("minConsecutiveDays", $"works only {length} day(s) in a row from day {from}, at least {minRun}");
            }
            if (!work && inner && v.MinConsecutiveDaysOff is { } minOff && length < minOff)
            {
                Add("minConsecutiveDaysOff", $"only {length} day(s) off from day {from}, at least {minOff}");
            }
        }

        if (v.MaxWeekends is { } maxWeekends)
        {
            // A weekend is named by the day number of its Saturday (−1 for a Sunday that starts the horizon).
            var weekends = new HashSet<int>();
            for (var d = 0; d < p.Days; d++)
            {
                var wd = (weekday + d) % 7;
                if (worked[d] && wd == 6)
                {
                    weekends.Add(d);
                }
                else if (worked[d] && wd == 0)
                {
                    weekends.Add(d - 1);
                }
            }
            if (weekends.Count > maxWeekends)
            {
                Add("maxWeekends", $"works {weekends.Count} weekends, at most {maxWeekends}");
            }
        }
    }
}
